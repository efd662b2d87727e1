import Foundation

/// Diagnostics as a terminal shows them, for `atelier check` and build and for the preview's log alike: each one's
/// first line, the source line it points at with a caret under its column, its hint; then, when several files have
/// some, the count per file.
public enum DiagnosticText {
    /// `paint` colours a piece of text for a severity (the command line on a terminal); plain by default.
    public static func render(_ diagnostics: [Diagnostic], root: URL,
                              paint: (Diagnostic.Severity, String) -> String = { $1 }) -> String {
        let excerpts = SourceExcerpts(root: root)
        var text = ""
        for diagnostic in diagnostics {
            let lines = diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            text += paint(diagnostic.severity, lines[0]) + "\n"
            for line in excerpts.excerpt(for: diagnostic.location, paint: { paint(diagnostic.severity, $0) }) ?? [] {
                text += line + "\n"
            }
            for line in lines.dropFirst() { text += line + "\n" }
        }
        let files = Dictionary(grouping: diagnostics.filter { $0.location.line > 0 }, by: \.location.file)
        guard files.count > 1 else { return text }
        text += "\nPar fichier :\n"
        for file in files.keys.sorted() {
            let errors = files[file]!.filter { $0.severity == .error }.count
            let warnings = files[file]!.count - errors
            let counts = [errors > 0 ? count(errors, "erreur", "erreurs") : nil,
                          warnings > 0 ? count(warnings, "avertissement", "avertissements") : nil].compactMap { $0 }
            text += "  \(file) : \(counts.joined(separator: ", "))\n"
        }
        return text
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
