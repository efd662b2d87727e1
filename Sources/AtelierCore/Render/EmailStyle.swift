import Foundation

/// Mail clients drop style sheets: the editorial's HTML gets its styles written on each element.
enum EmailStyle {
    private static let styles: [(tag: String, style: String)] = [
        ("h2", "font-size:19px;line-height:1.3;margin:20px 0 8px;color:#003f70;"),
        ("h3", "font-size:17px;line-height:1.3;margin:16px 0 6px;color:#1d1d28;"),
        ("h4", "font-size:16px;margin:12px 0 6px;color:#1d1d28;"),
        ("p", "margin:0 0 12px;"),
        ("ul", "margin:0 0 12px;padding-left:20px;"),
        ("ol", "margin:0 0 12px;padding-left:20px;"),
        ("a", "color:#00589b;"),
        ("table", "border-collapse:collapse;margin:0 0 12px;"),
        ("th", "border:1px solid #d5dbe3;padding:4px 8px;text-align:left;"),
        ("td", "border:1px solid #d5dbe3;padding:4px 8px;"),
    ]

    static func inline(_ html: String) -> String {
        styles.reduce(html) { html, rule in
            html.replacingOccurrences(of: "<\(rule.tag)(?=[ >])", with: "<\(rule.tag) style=\"\(rule.style)\"",
                                      options: .regularExpression)
        }
    }
}
