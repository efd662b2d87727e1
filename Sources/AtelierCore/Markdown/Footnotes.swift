import CCmarkGFM
import Foundation

/// Footnotes: a reference without a definition is a mistake (cmark leaves `[^x]` as plain text), a definition
/// never referenced is worth a warning (cmark drops it silently).
enum Footnotes {
    /// Checks the document and returns the ids its footnotes give the page (`fn-1`, `fnref-1`).
    static func check(_ document: OpaquePointer, lines: SourceLines, log: inout DiagnosticLog) -> Set<String> {
        var referenced = Set<String>()
        var codeLines = Set<Int>()
        for node in MarkdownRenderer.nodes(in: document, where: { _ in true }) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_FOOTNOTE_REFERENCE, let label = cmark_node_get_literal(node) {
                referenced.insert(String(cString: label))
            } else if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node), strstr(literal, "[^") != nil {
                reportUnresolved(in: String(cString: literal), node: node, lines: lines, log: &log)
            } else if type == CMARK_NODE_CODE_BLOCK {
                codeLines.formUnion(Int(cmark_node_get_start_line(node))...max(Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node))))
            }
        }
        let used = Set(referenced.map { $0.lowercased() })
        for (line, column) in lines.lines(opening: "[^") where !codeLines.contains(line) {
            guard let label = definitionLabel(in: lines.text(ofLine: line).dropFirst(column - 1)),
                  !used.contains(label.lowercased()) else { continue }
            log.warning(.noteNonAppelee, "la note « [^\(label)] » n'est appelée nulle part dans le texte : elle ne sera pas affichée",
                        at: lines.location(line: line, byteColumn: column),
                        hint: "appelez-la avec [^\(label)] à l'endroit du texte qu'elle commente, ou retirez-la")
        }
        return Set(referenced.flatMap { ["fn-\($0)", "fnref-\($0)"] })
    }

    /// `[^x]` left in a text: its definition is missing.
    private static func reportUnresolved(in text: String, node: OpaquePointer, lines: SourceLines, log: inout DiagnosticLog) {
        let bytes = Array(text.utf8)
        var index = 0
        while index + 2 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^"),
                  let close = bytes[(index + 2)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "[") }),
                  bytes[close] == UInt8(ascii: "]"), close > index + 2 else {
                index += 1
                continue
            }
            let label = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
            log.error(.noteSansDefinition, "la note « [^\(label)] » n'a pas de définition", at: lines.location(of: node, byteOffset: index),
                      hint: "ajoutez à la fin du texte une ligne « [^\(label)]: le texte de la note »")
            index = close + 1
        }
    }

    /// The label of `[^label]: …`, the text starting at its `[`.
    private static func definitionLabel(in text: Substring) -> String? {
        guard text.hasPrefix("[^"), let close = text.firstIndex(of: "]"),
              text[text.index(after: close)...].hasPrefix(":") else { return nil }
        let label = text[text.index(text.startIndex, offsetBy: 2)..<close]
        return label.isEmpty || label.contains(" ") ? nil : String(label)
    }

    /// cmark-gfm's HTML as a string, the way back from a note labelled in French rather than in English.
    static func frenchLabels(_ html: UnsafePointer<CChar>) -> String {
        let text = String(cString: html)
        guard strstr(html, "data-footnote-backref") != nil else { return text }
        return text.replacingOccurrences(of: "aria-label=\"Back to content\"", with: "aria-label=\"Revenir au texte\"")
    }
}
