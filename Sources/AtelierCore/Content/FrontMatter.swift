/// A Markdown file split into its YAML front matter and its body, keeping line numbers.
struct FrontMatter {
    let yaml: String
    let body: String
    /// File line on which the body starts (1-based).
    let bodyLine: Int

    static let fence = "---"

    func body(of path: String) -> MarkdownSource { MarkdownSource(file: path, text: body, firstLine: bodyLine) }

    /// The file must open with a `---` line and close the front matter with another.
    static func split(_ text: String, path: String, log: inout DiagnosticLog) -> FrontMatter? {
        let normalized = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // "\r\n" is one Character in Swift: splitting on isNewline handles Windows line endings too.
        var lines = normalized.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == fence else {
            log.error("en-tête YAML manquant", at: SourceLocation(file: path),
                      hint: "le fichier doit commencer par une ligne « --- », les champs (title, date…), puis une autre ligne « --- »")
            return nil
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == fence }) else {
            log.error("en-tête YAML jamais refermé", at: SourceLocation(file: path),
                      hint: "ajoutez une ligne « --- » après le dernier champ de l'en-tête")
            return nil
        }
        if lines.last == "" { lines.removeLast() }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = close + 1 < lines.count ? lines[(close + 1)...].joined(separator: "\n") + "\n" : ""
        return FrontMatter(yaml: yaml, body: body, bodyLine: close + 2)
    }
}
