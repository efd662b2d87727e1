/// A value many pages show, fingerprinted once: templates read the value; a page's key reads its fingerprint.
/// A class: a card is handed to every list that shows it, at the cost of one reference count.
final class Printed<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value
    let fingerprint: Fingerprint

    /// `template`: the partial that renders the value on its own, if one does.
    init(_ value: Value, template: String = "") {
        self.value = value
        fingerprint = FingerprintEncoder.fingerprint(of: value, template: template)
    }

    func encode(to encoder: Encoder) throws {
        if encoder.userInfo[.fingerprinting] != nil {
            var single = encoder.singleValueContainer()
            try single.encode(fingerprint)
        } else {
            try value.encode(to: encoder)
        }
    }
}
