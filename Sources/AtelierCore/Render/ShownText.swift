/// A resource's text as its page shows it: parsed when the page is rendered; unparsed when only the page's key is
/// worked out, as the fingerprint of what parsing it reads (its file's bytes and what each of its links finds), so
/// that the same view gives both and no list of what a page reads is kept apart from it. What the page makes from the
/// resource's file alone (its schema.org description) is made only once the text is parsed: the file's fingerprint
/// stands for it too.
enum ShownText: Sendable {
    case parsed(RenderedMarkdown)
    case unparsed(Fingerprint)

    /// The fingerprint of what a text's parsing reads.
    static func unparsed(content: Fingerprint, lookups: [LinkLookup]) -> ShownText {
        var hasher = FingerprintHasher()
        hasher.add(content)
        for lookup in lookups {
            hasher.add(lookup.path)
            hasher.add(lookup.target?.url ?? "—")
            hasher.add(lookup.target?.availability.code ?? -1)
        }
        return .unparsed(hasher.finish())
    }

    func map<Value>(_ transform: (RenderedMarkdown) -> Value) -> FromText<Value> {
        switch self {
        case let .parsed(body): .value(transform(body))
        case let .unparsed(fingerprint): .unparsed(fingerprint)
        }
    }
}

/// A value a page takes from its text: templates read the value; a key reads, before the text is parsed, the
/// fingerprint of what decides it.
enum FromText<Value: Encodable & Sendable>: Encodable, Sendable {
    case value(Value)
    case unparsed(Fingerprint)

    func map<Other>(_ transform: (Value) -> Other) -> FromText<Other> {
        switch self {
        case let .value(value): .value(transform(value))
        case let .unparsed(fingerprint): .unparsed(fingerprint)
        }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case let .value(value):
            try value.encode(to: encoder)
        case let .unparsed(fingerprint):
            precondition(encoder.userInfo[.fingerprinting] != nil, "a text is parsed before its page is rendered")
            var single = encoder.singleValueContainer()
            try single.encode(fingerprint)
        }
    }
}
