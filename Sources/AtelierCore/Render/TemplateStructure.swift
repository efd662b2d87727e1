import Foundation

/// A problem in the shape of the templates that would crash or hang rendering.
struct TemplateStructureProblem: Equatable, Sendable {
    let template: String   // template name, e.g. "partials/card" (file templates/partials/card.mustache)
    let line: Int          // 1-based, in the template's own text
    let column: Int        // 1-based, counting Characters
    let message: String    // French, for an editor
    let kind: Kind

    enum Kind: Sendable {
        /// A template that includes itself, directly or through others.
        case recursion
        /// Sections nested beyond the limit, in one text or through includes.
        case nesting
    }
}

/// swift-mustache parses and renders sections, partials and parents by recursion: a template that nests too deep, or
/// that includes itself, overflows the stack (SIGSEGV) or never ends. These checks read the raw texts first, with the
/// tag grammar of swift-mustache's parser, and never recurse themselves.
enum TemplateStructure {
    static let nestingLimit = 100

    /// The first place where sections nest deeper than the limit in one text, or nil. Cheap, iterative (never
    /// recursive), safe on any input, including 10 MB of "{{#a}}".
    static func excessiveNesting(in text: String, template: String, limit: Int = nestingLimit) -> TemplateStructureProblem? {
        guard let excess = Outline(text, limit: limit).excess else { return nil }
        return problem(at: excess, in: text, template: template, .nesting,
                       "les sections s'emboîtent sur plus de \(limit) niveaux : simplifiez ce gabarit")
    }

    /// Include cycles among partials (`{{> name}}`) and parents (`{{< name}}`), each reported once at the include tag
    /// that closes the cycle, and include chains whose total nesting (section depth at the include tag + depth of the
    /// included template, recursively) exceeds the limit; sorted by template name, then position. `sources` maps
    /// template name to text. Names not in `sources` are ignored (another check reports them), and so is a text past
    /// the point where it nests too deep on its own (`excessiveNesting` reports that).
    static func problems(in sources: [String: String], limit: Int = nestingLimit) -> [TemplateStructureProblem] {
        let outlines = sources.mapValues { Outline($0, limit: limit) }
        var found: [TemplateStructureProblem] = []

        // Depth-first search over the include graph, with an explicit stack. An include of a template still on the
        // stack closes a cycle; the effective depth of a template is known once all its includes are done.
        enum Mark { case onStack, done(depth: Int) }
        struct Frame { let name: String; var next = 0; var depth: Int }
        var marks: [String: Mark] = [:]
        var reportedCycles: Set<[String]> = []
        for root in sources.keys.sorted() where marks[root] == nil {
            marks[root] = .onStack
            var stack = [Frame(name: root, depth: outlines[root]!.deepest)]
            while let frame = stack.last {
                let includes = outlines[frame.name]!.includes
                guard frame.next < includes.count else {
                    marks[frame.name] = .done(depth: frame.depth)
                    stack.removeLast()
                    continue
                }
                let include = includes[frame.next]
                switch marks[include.target] {
                case nil where outlines[include.target] != nil:
                    // Followed first; this same include is looked at again once the target is done.
                    marks[include.target] = .onStack
                    stack.append(Frame(name: include.target, depth: outlines[include.target]!.deepest))
                    continue
                case nil:
                    break
                case .onStack:
                    let start = stack.firstIndex { $0.name == include.target }!
                    let loop = stack[start...].map(\.name)
                    if reportedCycles.insert([frame.name, include.target]).inserted {
                        found.append(cycle(loop, at: include, in: sources[frame.name]!))
                    }
                case .done(let depth):
                    let total = include.depth + depth
                    if total > limit, depth <= limit {
                        found.append(problem(at: include.position, in: sources[frame.name]!, template: frame.name, .nesting,
                                             "les sections s'emboîtent sur plus de \(limit) niveaux (en comptant les gabarits inclus) : simplifiez ce gabarit"))
                    }
                    stack[stack.count - 1].depth = max(frame.depth, total)
                }
                stack[stack.count - 1].next += 1
            }
        }
        return found.sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) }
    }

    /// `loop` runs from the included template to the one whose tag closes the cycle; the message starts at the latter.
    private static func cycle(_ loop: [String], at include: Outline.Include, in text: String) -> TemplateStructureProblem {
        let name = loop.last!
        let chain = ([name] + loop).joined(separator: " → ")
        let message = loop.count == 1
            ? "le gabarit « \(name) » s'inclut lui-même (\(chain))"
            : "le gabarit « \(name) » s'inclut lui-même en passant par d'autres gabarits (\(chain))"
        return problem(at: include.position, in: text, template: name, .recursion, message)
    }

    private static func problem(at position: String.Index, in text: String, template: String,
                                _ kind: TemplateStructureProblem.Kind, _ message: String) -> TemplateStructureProblem {
        // Lines end as SourceExcerpts splits them: "\n" or "\r\n" (a single Character).
        var line = 1, column = 1
        for character in text[..<position] {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return TemplateStructureProblem(template: template, line: line, column: column, message: message, kind: kind)
    }
}

/// What the checks need of one text: its static includes with the section depth at each, and how deep it nests.
/// Read with swift-mustache's tag grammar (`Template+Parser.swift`), Character by Character as it does. Where its
/// parser would throw (a malformed tag, a section closed under another name), the outline stops: nothing after that
/// point is ever parsed or rendered.
private struct Outline {
    struct Include {
        let target: String
        let depth: Int
        let position: String.Index
    }

    private(set) var includes: [Include] = []
    /// The most levels open at once, at most `limit + 1`.
    private(set) var deepest = 0
    /// The opening tag that goes past the limit: the outline stops there.
    private(set) var excess: String.Index?

    private struct Delimiters {
        var start = "{{"
        var end = "}}"
    }

    /// An open section, inverted section, block or parent, closed by `{{/name}}`. Delimiters set inside a section
    /// last until its end, as in swift-mustache (each level is parsed with its own copy of the parser's state).
    private struct Level {
        let name: Substring
        var delimiters: Delimiters
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])
    private static let configCharacters = nameCharacters.subtracting(["(", ")"])

    init(_ text: String, limit: Int) {
        var reader = Reader(text: text)
        var levels = [Level(name: "", delimiters: Delimiters())]
        scan: while !reader.atEnd {
            let delimiters = levels[levels.count - 1].delimiters
            reader.skip(until: delimiters.start.first!)
            let tag = reader.index
            guard reader.read(delimiters.start) else {
                if !reader.atEnd { reader.advance() }
                continue
            }
            guard let kind = reader.current else { break }
            // swift-mustache takes a line break here for the end of a line of text, and drops the delimiter.
            if kind.isNewline {
                reader.advance()
                continue
            }
            let depth = levels.count - 1
            switch kind {
            case "#", "^", "$":
                reader.advance()
                guard let name = reader.readName(Self.nameCharacters, end: delimiters.end) else { break scan }
                levels.append(Level(name: name, delimiters: delimiters))
            case "<":
                reader.advance()
                reader.skipWhitespace()
                guard let name = reader.readName(Self.partialNameCharacters, end: delimiters.end) else { break scan }
                if name.first != "*" {
                    includes.append(Include(target: String(name), depth: depth, position: tag))
                }
                levels.append(Level(name: name, delimiters: delimiters))
            case ">":
                reader.advance()
                reader.skipWhitespace()
                let isDynamic = reader.current == "*"
                if isDynamic { reader.advance() }
                guard let name = reader.readName(Self.partialNameCharacters, end: delimiters.end) else { break scan }
                if !isDynamic {
                    includes.append(Include(target: String(name), depth: depth, position: tag))
                }
            case "/":
                reader.advance()
                guard let name = reader.readName(Self.nameCharacters, end: delimiters.end),
                      depth > 0, name == levels[depth].name else { break scan }
                levels.removeLast()
            case "!":
                reader.advance()
                guard reader.skip(past: delimiters.end) else { break scan }
            case "{":
                reader.advance()
                guard reader.readName(Self.nameCharacters, end: delimiters.end) != nil, reader.read("}") else { break scan }
            case "=":
                reader.advance()
                guard let (start, end) = reader.readDelimiters(end: delimiters.end) else { break scan }
                levels[depth].delimiters = Delimiters(start: start, end: end)
            case "%":
                reader.advance()
                guard reader.readConfigVariable(Self.configCharacters, end: delimiters.end) else { break scan }
            case "&":
                reader.advance()
                guard reader.readName(Self.nameCharacters, end: delimiters.end) != nil else { break scan }
            default:
                guard reader.readName(Self.nameCharacters, end: delimiters.end) != nil else { break scan }
            }
            deepest = max(deepest, levels.count - 1)
            if deepest > limit {
                excess = tag
                break scan
            }
        }
    }
}

/// A position in a text, moved Character by Character like swift-mustache's `Parser`.
private struct Reader {
    let text: String
    var index: String.Index

    init(text: String) {
        self.text = text
        self.index = text.startIndex
    }

    var atEnd: Bool { index == text.endIndex }
    var current: Character? { atEnd ? nil : text[index] }

    mutating func advance() {
        index = text.index(after: index)
    }

    mutating func skip(until character: Character) {
        while let current, current != character { advance() }
    }

    mutating func skipWhitespace() {
        while let character = current, character.isWhitespace { advance() }
    }

    /// Moves past `string` if the text goes on with it.
    mutating func read(_ string: String) -> Bool {
        var position = index
        for character in string {
            guard position < text.endIndex, text[position] == character else { return false }
            position = text.index(after: position)
        }
        index = position
        return true
    }

    /// `parseName` and `parsePartialName`: spaces, a name, spaces, the end delimiter.
    mutating func readName(_ characters: Set<Character>, end: String) -> Substring? {
        skipWhitespace()
        let start = index
        while let character = current, characters.contains(character) { advance() }
        let name = text[start..<index]
        skipWhitespace()
        return read(end) ? name : nil
    }

    /// `parseComment`: past the end delimiter, found as swift-mustache finds it (a partial match is not retried, so
    /// `%%>` does not end a comment for `%>`).
    mutating func skip(past end: String) -> Bool {
        var matched = end.startIndex
        while let character = current {
            advance()
            if character == end[matched] {
                matched = end.index(after: matched)
                if matched == end.endIndex { return true }
            } else {
                matched = end.startIndex
            }
        }
        return false
    }

    /// `parserSetDelimiter`: `{{=<% %>=}}`.
    mutating func readDelimiters(end: String) -> (start: String, end: String)? {
        skipWhitespace()
        let start = read(until: { $0.isWhitespace })
        skipWhitespace()
        let newEnd = read(until: { $0 == "=" || $0.isWhitespace })
        skipWhitespace()
        guard let start, let newEnd, !start.isEmpty, !newEnd.isEmpty, read("="), read(end) else { return nil }
        return (String(start), String(newEnd))
    }

    /// `readConfigVariable`: `{{%CONTENT_TYPE:HTML}}`.
    mutating func readConfigVariable(_ characters: Set<Character>, end: String) -> Bool {
        skipWhitespace()
        while let character = current, characters.contains(character) { advance() }
        skipWhitespace()
        guard read(":") else { return false }
        return readName(characters, end: end) != nil
    }

    /// The text up to the first Character that stops it, or nil if there is none (swift-mustache throws).
    private mutating func read(until stop: (Character) -> Bool) -> Substring? {
        let start = index
        while let character = current {
            if stop(character) { return text[start..<index] }
            advance()
        }
        return nil
    }
}
