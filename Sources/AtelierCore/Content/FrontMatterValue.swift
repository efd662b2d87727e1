import Foundation
import Yams

/// The value of one front matter key as a form shows and writes it: texts, lists and mappings, every scalar kept as
/// the text it is written with (`2025-11-20`, `true`), as the build reads it.
public indirect enum FrontMatterValue: Hashable, Sendable {
    case text(String)
    case list([FrontMatterValue])
    case map([Pair])

    public struct Pair: Hashable, Sendable {
        public let key: String
        public let value: FrontMatterValue

        public init(_ key: String, _ value: FrontMatterValue) {
            self.key = key
            self.value = value
        }
    }

    /// `null`, `~` and a key with nothing after it read as an empty text, as the build's checks treat them.
    init(_ node: Node) {
        switch node {
        case let .scalar(scalar): self = .text(node.null == nil ? scalar.string : "")
        case let .sequence(items): self = .list(items.map(FrontMatterValue.init))
        case let .mapping(mapping):
            self = .map(mapping.compactMap { key, value in
                guard case let .scalar(name) = key else { return nil }
                return Pair(name.string, FrontMatterValue(value))
            })
        default: self = .text("")
        }
    }

    public var text: String? {
        if case let .text(text) = self { return text }
        return nil
    }

    /// A single text counts as a one-item list, as the build reads boussole values and list fields.
    public var texts: [String] {
        switch self {
        case let .text(text): return text.isEmpty ? [] : [text]
        case let .list(items): return items.compactMap(\.text)
        case .map: return []
        }
    }

    public subscript(key: String) -> FrontMatterValue? {
        guard case let .map(pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    // MARK: - Written as YAML

    /// The lines of `key: value`, each starting with `indent`: a mapping as a block, one key a line; a list of texts
    /// on one line when it is short (`[a, b]`), else one item a line; anything else on the key's line.
    func lines(key: String, indent: String) -> [String] {
        switch self {
        case let .map(pairs):
            return ["\(indent)\(key):"] + pairs.flatMap { $0.value.lines(key: $0.key, indent: indent + "  ") }
        case let .list(items) where !items.isEmpty && (items.contains { $0.text == nil } || flow.count > Self.lineWidth):
            return ["\(indent)\(key):"] + items.map { "\(indent)  - \($0.flow)" }
        default:
            return ["\(indent)\(key): \(flow)"]
        }
    }

    private static let lineWidth = 100

    /// On one line: `text`, `"quoted text"`, `[a, b]`, `{ label: x, url: y }`.
    var flow: String {
        switch self {
        case let .text(text): return Self.scalar(text, inFlow: false)
        case let .list(items): return "[" + items.map(\.inFlow).joined(separator: ", ") + "]"
        case let .map(pairs): return "{ " + pairs.map { "\($0.key): \($0.value.inFlow)" }.joined(separator: ", ") + " }"
        }
    }

    private var inFlow: String {
        if case let .text(text) = self { return Self.scalar(text, inFlow: true) }
        return flow
    }

    /// A text is written plain when YAML reads it back as the same text, else in double quotes (JSON's escapes are
    /// YAML's). Inside `[ ]` or `{ }`, commas, brackets and colons need quotes too.
    static func scalar(_ text: String, inFlow: Bool) -> String {
        let indicators = "-?:,[]{}#&*!|>'\"%@`"
        let plain = !text.isEmpty && text.trimmingCharacters(in: .whitespaces) == text
            && !indicators.contains(text.first!) && !text.hasSuffix(":")
            && !text.contains(": ") && !text.contains(" #")
            && !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" || $0 == "\u{FEFF}" }
            && !["~", "null", "Null", "NULL"].contains(text)
            && !(inFlow && text.contains { ",[]{}:".contains($0) })
        return plain ? text : JSONText.quoted(text)
    }
}
