import Foundation

/// Pieces of HTML that many pages share, each rendered once by its partial and reused: a resource's card
/// (`partials/card`, in every list that shows it), the header (`partials/header`, once per current section of the
/// menu) and the footer (`partials/footer`). Templates write them with `{{{html}}}`, `{{{layout.header}}}` and
/// `{{{layout.footer}}}`.
final class SharedParts: @unchecked Sendable {
    private let templates: TemplateSet
    private let lock = NSLock()
    private var rendered: [String: String] = [:]

    init(templates: TemplateSet) {
        self.templates = templates
    }

    func html(key: String, template: String, view: () -> any Encodable) -> String {
        if let html = lock.withLock({ rendered[key] }) { return html }
        let html = templates.render(TemplateEncoder.value(of: view()), with: template)
        lock.withLock { rendered[key] = html }
        return html
    }

    func card(_ card: Card) -> String { html(key: "card " + card.url, template: "partials/card") { card } }
}

/// A card in a list: what a template reads is the card's HTML.
struct ListedCard: Sendable, Encodable {
    let card: Card
    let parts: SharedParts

    private enum Key: String, CodingKey { case html }

    /// The card's HTML; for a fingerprint, what the card shows, without rendering it.
    func encode(to encoder: Encoder) throws {
        if encoder.userInfo[.fingerprinting] != nil { return try card.encode(to: encoder) }
        var fields = encoder.container(keyedBy: Key.self)
        try fields.encode(parts.card(card), forKey: .html)
    }
}

/// The header or the footer of a page, as a template reads it: their HTML.
struct SharedPart: Sendable, Encodable {
    let key: String
    let template: String
    let chrome: Chrome
    let parts: SharedParts

    /// What the header and footer partials read, under `layout` as in the rest of the page.
    struct Chrome: Sendable, Encodable {
        let layout: Layout.Site
    }

    /// The part's HTML; for a fingerprint, its template and what it shows, without rendering it.
    func encode(to encoder: Encoder) throws {
        var value = encoder.singleValueContainer()
        if encoder.userInfo[.fingerprinting] != nil {
            try value.encode(Fingerprinted(template: template, chrome: chrome))
        } else {
            try value.encode(parts.html(key: key, template: template) { chrome })
        }
    }

    private struct Fingerprinted: Encodable {
        let template: String
        let chrome: Chrome
    }
}
