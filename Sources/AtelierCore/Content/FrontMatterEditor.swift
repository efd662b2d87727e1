import Foundation

/// A change to one key of a front matter, or to one key of a mapping under it (`boussole` → `maturite`); a nil
/// value removes the key.
public struct FrontMatterEdit: Sendable, Hashable {
    public let key: String
    public let subkey: String?
    public let value: FrontMatterValue?

    public init(_ key: String, _ subkey: String? = nil, _ value: FrontMatterValue?) {
        self.key = key
        self.subkey = subkey
        self.value = value
    }

    public init(_ key: FrontMatterKey, _ subkey: String? = nil, _ value: FrontMatterValue?) {
        self.init(key.rawValue, subkey, value)
    }
}

/// What a line of a content file belongs to, for showing a diagnostic beside what it is about.
public enum LinePlace: Sendable, Hashable {
    /// A key's block; `subkey` inside a block mapping, `item` (from 0) inside a block list.
    case key(String, subkey: String?, item: Int?)
    case body
    case other
}

/// Edits a content file's front matter key by key, as an editor would by hand: only the lines of the keys that
/// change are rewritten (a key's line and the indented lines that continue it), every other line is kept byte for
/// byte, comments included, and a new key goes last, before the closing `---`. The body is kept as it is unless a
/// new one is given.
public struct FrontMatterEditor: Sendable {
    /// The file's lines, each with its line break.
    private let lines: [String]
    private let closing: Int
    private let layout: FrontMatterLayout
    /// `\r\n` when the file's first line ends so, for the lines written.
    private let newline: String
    /// The keys and their values; nil when the front matter is not readable YAML.
    public let values: [FrontMatterValue.Pair]?
    /// Everything after the closing `---` line, as it is in the file.
    public let body: String

    /// Nil when the text does not open with a `---` line and close its front matter with another.
    public init?(_ text: String) {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        let content = lines.map(Self.content)
        let isFence = { (line: Substring) in line.count >= 3 && line.trimmingCharacters(in: .whitespaces) == FrontMatter.fence }
        guard let first = content.first, isFence(first.hasPrefix("\u{FEFF}") ? first.dropFirst() : first),
              let closing = content.indices.dropFirst().first(where: { isFence(content[$0]) }) else { return nil }
        self.lines = lines
        self.closing = closing
        layout = FrontMatterLayout(lines: content, header: 1..<closing)
        newline = lines[0].hasSuffix("\r\n") ? "\r\n" : "\n"
        body = lines[(closing + 1)...].joined()
        var ignored = DiagnosticLog()
        if let root = YAMLFile(path: "", lineOffset: 1).parse(lines[1..<closing].joined(), log: &ignored),
           case let .map(pairs) = FrontMatterValue(root) {
            values = pairs
        } else {
            values = nil
        }
    }

    public func value(_ key: String) -> FrontMatterValue? { values?.first { $0.key == key }?.value }

    public func value(_ key: FrontMatterKey) -> FrontMatterValue? { value(key.rawValue) }

    /// Where line `number` (from 1) of the file is.
    public func place(ofLine number: Int) -> LinePlace {
        let index = number - 1
        if index > closing { return .body }
        guard let block = layout.blocks.first(where: { $0.lines.contains(index) }) else { return .other }
        let subkey = block.children.first { $0.lines.contains(index) }?.key
        let items = block.items.filter { $0 <= index }.count
        return .key(block.key, subkey: subkey, item: items > 0 ? items - 1 : nil)
    }

    /// The file with `edits` made, each only if it changes the key's value, and with `body` after the front matter
    /// when one is given.
    public func text(applying edits: [FrontMatterEdit], body newBody: String? = nil) -> String {
        var changes = Changes()
        var keys: [String] = []
        for edit in edits where !keys.contains(edit.key) { keys.append(edit.key) }
        for key in keys {
            let own = edits.filter { $0.key == key }
            if let whole = own.last(where: { $0.subkey == nil }) {
                replace(key, with: whole.value, into: &changes)
            } else {
                edit(key, subkeys: own, into: &changes)
            }
        }
        var text = ""
        for index in 0...closing {
            for lines in changes.at(index) { text += lines.map { $0 + newline }.joined() }
            if !changes.replaced.contains(index) { text += lines[index] }
        }
        guard let newBody else { return text + body }
        if !text.hasSuffix("\n") { text += newline }
        return text + newBody
    }

    private func replace(_ key: String, with value: FrontMatterValue?, into changes: inout Changes) {
        guard value != self.value(key) else { return }
        let written = value?.lines(key: key, indent: "") ?? []
        if let block = layout.block(key) {
            changes.add(block.lines, written)
        } else if value != nil {
            changes.add(closing..<closing, written, last: true)
        }
    }

    /// Sub-keys are edited in place when the key holds a block mapping; otherwise the key is written again whole, as
    /// a block mapping with the edits made.
    private func edit(_ key: String, subkeys edits: [FrontMatterEdit], into changes: inout Changes) {
        let current = value(key)
        let edits = edits.filter { $0.value != current?[$0.subkey!] }
        guard !edits.isEmpty else { return }
        if let block = layout.block(key), !block.hasInlineValue, block.items.isEmpty {
            let indent = block.childIndent ?? "  "
            for edit in edits {
                let written = edit.value?.lines(key: edit.subkey!, indent: indent) ?? []
                if let child = block.child(edit.subkey!) {
                    changes.add(child.lines, written)
                } else {
                    changes.add(block.lines.upperBound..<block.lines.upperBound, written)
                }
            }
            return
        }
        var pairs: [FrontMatterValue.Pair] = []
        if case let .map(existing)? = current { pairs = existing }
        for edit in edits {
            let subkey = edit.subkey!
            if let value = edit.value {
                if let position = pairs.firstIndex(where: { $0.key == subkey }) {
                    pairs[position] = .init(subkey, value)
                } else {
                    pairs.append(.init(subkey, value))
                }
            } else {
                pairs.removeAll { $0.key == subkey }
            }
        }
        replace(key, with: .map(pairs), into: &changes)
    }

    private static func content(_ line: String) -> Substring {
        var content = line[...]
        while let last = content.last, last == "\n" || last == "\r\n" || last == "\r" { content = content.dropLast() }
        return content
    }

    /// Lines to write in place of a range of the file's lines, or before a line (an empty range), in the order they
    /// were asked for. New keys come `last`, after the sub-keys added at the end of the key before them.
    private struct Changes {
        private var list: [(range: Range<Int>, lines: [String], last: Bool)] = []
        private(set) var replaced = Set<Int>()

        mutating func add(_ range: Range<Int>, _ lines: [String], last: Bool = false) {
            list.append((range, lines, last))
            replaced.formUnion(range)
        }

        func at(_ index: Int) -> [[String]] {
            let here = list.filter { $0.range.lowerBound == index }
            return (here.filter { $0.range.isEmpty && !$0.last } + here.filter(\.last) + here.filter { !$0.range.isEmpty }).map(\.lines)
        }
    }
}
