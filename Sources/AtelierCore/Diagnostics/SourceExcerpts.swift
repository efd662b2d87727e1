import Foundation

/// The line a diagnostic points at, with a caret under its column, as rustc and Zola show it:
///
///     content/fiches/x.md:7:13: erreur: « expert » n'est pas une valeur de l'axe « maturite »
///       |
///     7 |   maturite: [expert]
///       |              ^^^^^^
///
/// Files are read once each, relative to the project's root; a place without a line (an option, a missing file) or a
/// line that cannot be read gives no excerpt. The command line and the preview server both show excerpts this way.
public final class SourceExcerpts {
    /// The word a diagnostic points at: the line it is on, its first column and its length in characters.
    public struct Span {
        public let line: Substring
        public let column: Int
        public let width: Int
    }

    private let root: URL
    private var lines: [String: [Substring]?] = [:]
    /// A longer line is shown as a window around the column.
    static let width = 100

    public init(root: URL) { self.root = root }

    /// The caret runs under the word the column starts (a key, a value, a date, a link's target), at least one
    /// character wide.
    public func span(of location: SourceLocation) -> Span? {
        guard location.line > 0, let lines = lines(of: location.file), location.line <= lines.count else { return nil }
        let text = lines[location.line - 1]
        let column = min(max(location.column, 1), text.count + 1)
        let word = text.dropFirst(column - 1).prefix { $0.isLetter || $0.isNumber || "-_./#@".contains($0) }
        return Span(line: text, column: column, width: max(1, word.count))
    }

    /// The three lines of the excerpt; `paint` colours the caret (the terminal's red or yellow).
    public func excerpt(for location: SourceLocation, paint: (String) -> String = { $0 }) -> [String]? {
        // A diagnostic about the whole file points at its first line: the front matter's opening shows nothing.
        guard let span = span(of: location), span.line != "---" || location.line > 1 else { return nil }
        var shown = String(span.line)
        var column = span.column
        // A long line (a table row, a paragraph) is cut around the column, the cuts marked by « … ».
        if span.line.count > Self.width {
            let start = max(0, min(column - 1 - Self.width / 2, span.line.count - Self.width))
            shown = (start > 0 ? "…" : "") + span.line.dropFirst(start).prefix(Self.width)
                + (start + Self.width < span.line.count ? "…" : "")
            column = column - start + (start > 0 ? 1 : 0)
        }
        // Tabs are kept under the text so that the caret lines up whatever the tab width.
        let padding = String(shown.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
        let caret = String(repeating: "^", count: min(span.width, shown.count - column + 1))
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        return ["\(gutter) |", "\(number) | \(shown)", "\(gutter) | \(padding)" + paint(caret.isEmpty ? "^" : caret)]
    }

    private func lines(of file: String) -> [Substring]? {
        if let known = lines[file] { return known }
        let url = root.appendingPathComponent(file)
        let read = FileManager.default.contents(atPath: url.path).flatMap { String(data: $0, encoding: .utf8) }
            .map { $0.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" } }
        lines[file] = read
        return read
    }
}
