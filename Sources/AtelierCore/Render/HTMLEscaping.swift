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
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x26: escaped.append(contentsOf: "&amp;".utf8)
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
                case 0x22: escaped.append(contentsOf: "&quot;".utf8)
                case 0x27: escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }
}
