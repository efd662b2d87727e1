import AtelierCore
import Foundation

/// What every address shows while the content has errors: each diagnostic as the terminal shows it, with its source
/// line and a caret under the column, all HTML-escaped. The page reloads by itself after the next rebuild. The
/// editing form shows the same when it cannot read a file or the configuration, with its own heading and lead (HTML).
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], root: URL, heading: String = "Le site n'a pas pu être reconstruit",
                     lead: String? = nil) -> String {
        let excerpts = SourceExcerpts(root: root)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let items = diagnostics.map { item($0, excerpt: excerpts.excerpt(for: $0.location)) }
        return """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Aperçu : \(errors) \(errors == 1 ? "erreur" : "erreurs")</title>
        <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}ol{padding:0}li{list-style:none;margin:1.5rem 0;border-left:4px solid #b00020;padding-left:1rem}li.avertissement{border-color:#8a6d00}h2{font-size:1rem;font-family:monospace;overflow-wrap:anywhere}pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}</style>
        </head><body><main>
        <h1>\(heading)</h1>
        <p>\(lead ?? "Corrigez \(errors == 1 ? "cette erreur" : "ces erreurs") : la page reviendra d'elle-même dès que le fichier sera enregistré.")</p>
        <ol>
        \(items.joined(separator: "\n"))
        </ol>
        </main></body></html>
        """
    }

    /// The message as a heading, the excerpt in a `<pre>` so that the caret stays under its column, then the hint.
    private static func item(_ diagnostic: Diagnostic, excerpt: [String]?) -> String {
        let headline = diagnostic.description.prefix { $0 != "\n" }
        var html = "<li class=\"\(diagnostic.severity == .error ? "erreur" : "avertissement")\"><h2>\(HTML.escape(String(headline)))</h2>"
        if let excerpt { html += "\n<pre>\(HTML.escape(excerpt.joined(separator: "\n")))</pre>" }
        if let hint = diagnostic.hint { html += "\n<p>aide : \(HTML.escape(hint))</p>" }
        return html + "</li>"
    }
}
