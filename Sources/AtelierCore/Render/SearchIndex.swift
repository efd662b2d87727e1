import Foundation

/// The data behind `/recherche/`: every listed resource with the words a visitor may look for.
/// Generated at build time as JSON, read by `templates/assets/recherche.js`; nothing is fetched from elsewhere.
struct SearchIndex {
    /// Enough of the body to find a resource by a word it discusses, without making phones download whole pages.
    static let bodyLength = 600

    struct Item: Encodable {
        let url: String
        let title: String
        let summary: String
        let kind: String
        let date: String
        let tags: [String]
        let text: String
    }

    let model: SiteModel
    /// The beginning of each resource's text, by URL.
    let texts: [String: String]

    func json() -> String {
        let items = model.entries.filter { !$0.isArchived }.map { entry in
            Item(url: entry.resource.url, title: entry.resource.title, summary: entry.resource.summary,
                 kind: model.site.kind(entry.resource.kind)?.singular ?? entry.resource.kind,
                 date: FrenchDates.long(entry.resource.date), tags: entry.tags.map(\.label),
                 text: texts[entry.resource.url] ?? "")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(items)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// Tags removed (a block ends a word, an inline tag does not), the entities cmark writes decoded,
    /// white space folded.
    static func plainText(_ html: String) -> String {
        html.replacingOccurrences(of: "</?(p|h[1-6]|li|ul|ol|table|tr|td|th|blockquote|pre|div|br)\\b[^>]*>", with: " ",
                                  options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
