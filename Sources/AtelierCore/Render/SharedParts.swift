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

    static let cardTemplate = "partials/card"

    func card(_ card: Card) -> String { html(key: "card " + card.url, template: Self.cardTemplate) { card } }
}

/// A card in a list: what a template reads is the card's HTML.
struct ListedCard: Sendable, Encodable {
    let card: Printed<Card>
    let parts: SharedParts

    private enum Key: String, CodingKey { case html }

    /// The card's HTML; for a fingerprint, the fingerprint of what the card shows, without rendering it.
    func encode(to encoder: Encoder) throws {
        var fields = encoder.container(keyedBy: Key.self)
        if encoder.userInfo[.fingerprinting] != nil {
            try fields.encode(card.fingerprint, forKey: .html)
        } else {
            try fields.encode(parts.card(card.value), forKey: .html)
        }
    }
}

/// The header or the footer of a page, as a template reads it: their HTML.
struct SharedPart: Sendable, Encodable {
    let key: String
    let template: String
    let chrome: Chrome
    let parts: SharedParts
    /// Of its template and what it shows.
    let fingerprint: Fingerprint

    /// What the header and footer partials read, under `layout` as in the rest of the page.
    struct Chrome: Sendable, Encodable {
        let layout: Layout.Site
    }

    init(key: String, template: String, chrome: Chrome, parts: SharedParts) {
        self.key = key
        self.template = template
        self.chrome = chrome
        self.parts = parts
        fingerprint = FingerprintEncoder.fingerprint(of: chrome, template: template)
    }

    /// The part's HTML; for a fingerprint, its template and what it shows, without rendering it.
    func encode(to encoder: Encoder) throws {
        var value = encoder.singleValueContainer()
        if encoder.userInfo[.fingerprinting] != nil {
            try value.encode(fingerprint)
        } else {
            try value.encode(parts.html(key: key, template: template) { chrome })
        }
    }
}
