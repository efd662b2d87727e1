/// Where each key of a front matter is written, line by line: a key's block is its own line and the lines that
/// continue it (indented, or list items under it); inside a block mapping, each sub-key has its block too; inside a
/// block list, each item starts on a line. Comment lines at the left margin belong to no key.
struct FrontMatterLayout: Sendable {
    struct Block: Sendable {
        let key: String
        /// Indices in the file's lines.
        let lines: Range<Int>
        /// Whether something follows the colon on the key's line (a text, `[a, b]`, `{ a: b }`), not a comment.
        let hasInlineValue: Bool
        var children: [Block] = []
        /// The first line of each item of a block list.
        var items: [Int] = []
        /// The indentation of the sub-keys or items.
        var childIndent: String?

        func child(_ key: String) -> Block? { children.first { $0.key == key } }
    }

    let blocks: [Block]

    /// `lines` without their line breaks; `header` the indices between the two `---`.
    init(lines: [Substring], header: Range<Int>) {
        var blocks: [Block] = []
        var index = header.lowerBound
        while index < header.upperBound {
            let line = lines[index]
            guard Self.indentation(line) == 0, !Self.isItem(line), let (key, rest) = Self.key(of: line) else {
                index += 1
                continue
            }
            let end = Self.blockEnd(lines, from: index, limit: header.upperBound, base: 0)
            blocks.append(Self.block(key, rest: rest, lines: lines, range: index..<end))
            index = end
        }
        self.blocks = blocks
    }

    func block(_ key: String) -> Block? { blocks.first { $0.key == key } }

    private static func block(_ name: String, rest: Substring, lines: [Substring], range: Range<Int>) -> Block {
        let hasInlineValue = !(rest.isEmpty || rest.hasPrefix("#"))
        var block = Block(key: name, lines: range, hasInlineValue: hasInlineValue)
        let inner = range.dropFirst().filter { !isBlank(lines[$0]) && !isComment(lines[$0]) }
        guard !hasInlineValue, let first = inner.first else { return block }
        let base = indentation(lines[first])
        block.childIndent = String(lines[first].prefix(base))
        if isItem(lines[first]) {
            block.items = inner.filter { indentation(lines[$0]) == base && isItem(lines[$0]) }
            return block
        }
        var index = first
        while index < range.upperBound {
            let line = lines[index]
            guard indentation(line) == base, !isComment(line), !isItem(line), let (subkey, subrest) = key(of: line) else {
                index += 1
                continue
            }
            let end = blockEnd(lines, from: index, limit: range.upperBound, base: base)
            block.children.append(Self.block(subkey, rest: subrest, lines: lines, range: index..<end))
            index = end
        }
        return block
    }

    /// The block of the key on line `start` ends before the first line that does not continue it; blank lines count
    /// only when a continuing line follows them.
    private static func blockEnd(_ lines: [Substring], from start: Int, limit: Int, base: Int) -> Int {
        var end = start + 1
        var index = start + 1
        while index < limit {
            let line = lines[index]
            if isBlank(line) {
                index += 1
                continue
            }
            let indent = indentation(line)
            guard indent > base || (indent == base && isItem(line)) else { break }
            index += 1
            end = index
        }
        return end
    }

    /// The key written at the start of `line` (after its indentation), and what follows its colon, trimmed.
    static func key(of line: Substring) -> (String, Substring)? {
        let text = line.drop { $0 == " " || $0 == "\t" }
        var name: Substring
        var afterName: Substring
        if let quote = text.first, quote == "\"" || quote == "'" {
            guard let close = text.dropFirst().firstIndex(of: quote) else { return nil }
            name = text[text.index(after: text.startIndex)..<close]
            afterName = text[text.index(after: close)...].drop { $0 == " " }
            guard afterName.first == ":" else { return nil }
        } else {
            var search = text[...]
            while true {
                guard let colon = search.firstIndex(of: ":") else { return nil }
                let next = text.index(after: colon)
                if next == text.endIndex || text[next] == " " || text[next] == "\t" {
                    name = text[..<colon]
                    afterName = text[colon...]
                    break
                }
                search = text[next...]
            }
        }
        name = trimmed(name)
        guard !name.isEmpty, !"#-[]{}".contains(name.first!) else { return nil }
        return (String(name), trimmed(afterName.dropFirst()))
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }

    static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " || $0 == "\t" }.count }
    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }
    static func isComment(_ line: Substring) -> Bool { line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }

    /// `- item`, or a lone `-` whose item follows on the next lines.
    static func isItem(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        return text == "-" || text.hasPrefix("- ") || text.hasPrefix("-\t")
    }
}
