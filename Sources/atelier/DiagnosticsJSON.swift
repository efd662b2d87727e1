import AtelierCore
import Foundation

/// `atelier check --format json`: the diagnostics as a JSON array that an editor plug-in or a CI annotation reads.
/// The fields are documented in the README and stable: `file`, `line` and `column` (1-based; null for a command-line
/// option), `end_column` (just after the word pointed at, when the line can be read), `severity` (`error` or
/// `warning`), `code` (the kind of mistake, stable: listed in the README), `message` and `hint` (null when there is none), in French.
enum DiagnosticsJSON {
    private struct Item: Encodable {
        let file: String
        let line: Int?
        let column: Int?
        let endColumn: Int?
        let severity: String
        let code: String
        let message: String
        let hint: String?

        enum CodingKeys: String, CodingKey { case file, line, column, endColumn = "end_column", severity, code, message, hint }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(endColumn, forKey: .endColumn)
            try container.encode(severity, forKey: .severity)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
        }
    }

    static func text(_ diagnostics: [Diagnostic], root: URL) -> String {
        let excerpts = SourceExcerpts(root: root)
        let items = diagnostics.map { diagnostic in
            let place = diagnostic.location.line > 0
            let span = excerpts.span(of: diagnostic.location)
            return Item(file: diagnostic.location.file, line: place ? diagnostic.location.line : nil,
                        column: place ? diagnostic.location.column : nil,
                        endColumn: span.map { $0.column + $0.width },
                        severity: diagnostic.severity == .error ? "error" : "warning", code: diagnostic.code.rawValue,
                        message: diagnostic.message, hint: diagnostic.hint)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(items)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }
}
