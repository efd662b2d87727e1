import Foundation

/// A Markdown file split into its YAML front matter and its body, keeping line numbers.
struct FrontMatter {
    let yaml: String
    let body: String
    /// File line on which the body starts (1-based).
    let bodyLine: Int

    static let fence = "---"

    func body(of path: String) -> MarkdownSource { MarkdownSource(file: path, text: body, firstLine: bodyLine) }

    /// The file must open with a `---` line and close the front matter with another. Any line break counts (Windows'
    /// CRLF, old Macs' CR, Unicode's): they all become LF. The body ends with a line break.
    static func split(_ text: String, path: String, log: inout DiagnosticLog) -> FrontMatter? {
        var text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if hasLineBreaksOtherThanLF(text) {
            // "\r\n" is one Character in Swift: splitting on isNewline takes it whole.
            text = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "\n")
        }
        let bytes = text.utf8
        let newline = UInt8(ascii: "\n")
        guard let firstEnd = bytes.firstIndex(of: newline).map({ $0 }) ?? (bytes.isEmpty ? nil : bytes.endIndex),
              isFence(text[text.startIndex..<firstEnd]) else {
            log.error(.enTeteManquant, "en-tête YAML manquant", at: SourceLocation(file: path),
                      hint: "le fichier doit commencer par une ligne « --- », les champs (title, date…), puis une autre ligne « --- »")
            return nil
        }
        var lineStart = firstEnd == bytes.endIndex ? bytes.endIndex : bytes.index(after: firstEnd)
        var lineNumber = 2
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.endIndex
            if isFence(text[lineStart..<lineEnd]) {
                let yamlStart = bytes.index(after: firstEnd)
                let yaml = yamlStart < lineStart ? String(text[yamlStart..<bytes.index(before: lineStart)]) : ""
                var body = lineEnd < bytes.endIndex ? String(text[bytes.index(after: lineEnd)...]) : ""
                if !body.isEmpty, !body.hasSuffix("\n") { body += "\n" }
                return FrontMatter(yaml: yaml, body: body, bodyLine: lineNumber + 1)
            }
            lineStart = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
            lineNumber += 1
        }
        log.error(.enTeteNonFerme, "en-tête YAML jamais refermé", at: SourceLocation(file: path),
                  hint: "ajoutez une ligne « --- » après le dernier champ de l'en-tête")
        return nil
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.count >= 3 && line.trimmingCharacters(in: .whitespaces) == fence
    }

    /// CR, VT, FF, NEL (C2 85), LS and PS (E2 80 A8, E2 80 A9): the line breaks Swift knows besides LF.
    private static func hasLineBreaksOtherThanLF(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0x0B, 0x0C, 0x0D: return true
            case 0x85 where previous.1 == 0xC2: return true
            case 0xA8, 0xA9: if previous == (0xE2, 0x80) { return true }
            default: break
            }
            previous = (previous.1, byte)
        }
        return false
    }
}
