import Mustache

/// HTML escaping for `{{variables}}`, the same five characters as swift-mustache's own (& < > " '). `TemplateSet`
/// starts every template with a `{{%CONTENT_TYPE:HTML}}` that selects it; a template's own pragma (TEXT for e-mails)
/// still wins.
struct HTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}

public enum HTML {
    /// & < > " ' escaped, done on bytes: the library's version walks grapheme clusters and cost more than the rest of a
    /// page. The preview server's error page escapes with it too.
    public static func escape(_ text: String) -> String { MarkupText.escape(text, apostrophe: "&#39;", xml: false) }
}

/// Text escaped for HTML or XML: & < > " ' (the apostrophe as `apostrophe`), done on bytes, and not at all when nothing
/// needs it, as in most texts and addresses. For XML, what XML 1.0 cannot hold is left out as well: control
/// characters but tab and line ends, U+FFFE, U+FFFF.
enum MarkupText {
    @inline(__always)
    static func escape(_ text: String, apostrophe: String, xml: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let special = { (byte: UInt8) in
                byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || xml && (byte < 0x20 || byte == 0xEF)
            }
            guard bytes.contains(where: special) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x26: escaped.append(contentsOf: "&amp;".utf8)
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
                case 0x22: escaped.append(contentsOf: "&quot;".utf8)
                case 0x27: escaped.append(contentsOf: apostrophe.utf8)
                case 0x09, 0x0A, 0x0D: escaped.append(byte)
                case ..<0x20 where xml: break
                // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
                case 0xEF where xml && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE: index += 2
                default: escaped.append(byte)
                }
                index += 1
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }
}
