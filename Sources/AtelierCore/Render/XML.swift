import Foundation

/// Text for XML 1.0 (feeds, sitemap, SVG): the five special characters escaped, and the characters XML forbids
/// (control characters other than tab and line breaks, U+FFFE, U+FFFF) dropped, so that no input breaks a parser.
enum XML {
    static func escape(_ text: String) -> String { MarkupText.escape(text, apostrophe: "&apos;", xml: true) }

    /// A coordinate for SVG: two decimals, and never "-0.00", so the output is the same on every machine.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return String(format: "%.2f", rounded == 0 ? 0 : rounded)
    }
}
