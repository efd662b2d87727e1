import Foundation

/// Text for XML 1.0 (feeds, sitemap, SVG): the five special characters escaped, and the characters XML forbids
/// (control characters other than tab and line breaks, U+FFFE, U+FFFF) dropped, so that no input breaks a parser.
enum XML {
    /// & < > " ' escaped, and what XML 1.0 cannot hold left out (control characters but tab and line ends, U+FFFE,
    /// U+FFFF). Done on bytes, and not at all when there is nothing to do, as in most addresses: a sitemap escapes
    /// every address of the site.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF })
            else { return nil }
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
                case 0x27: escaped.append(contentsOf: "&apos;".utf8)
                case 0x09, 0x0A, 0x0D: escaped.append(byte)
                case ..<0x20: break
                // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE: index += 2
                default: escaped.append(byte)
                }
                index += 1
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    /// A coordinate for SVG: two decimals, and never "-0.00", so the output is the same on every machine.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(format: "%.2f", rounded == 0 ? 0 : rounded)
    }
}
