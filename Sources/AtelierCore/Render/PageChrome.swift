/// What every page shows around its content, made once for the site: the menu, once for each item a page may be
/// under (marked as the current one), with the header that shows it, and the footer.
struct PageChrome: Sendable {
    private struct Item: Sendable {
        let label: String
        let url: String
        /// Whether only the item's own address is under it, not every address it starts.
        let exact: Bool
    }

    struct Variant: Sendable {
        let nav: Printed<[NavLink]>
        let header: SharedPart
    }

    private let items: [Item]
    /// By the current item's place in the menu; the last one for a page under none.
    private let variants: [Variant]
    let footer: SharedPart

    init(model: SiteModel, parts: SharedParts) {
        let site = model.site
        let sections = [("Accueil", SiteAddresses.home)] + site.kinds.map { ($0.plural, SiteAddresses.kind($0.id)) }
            + [("Thèmes", site.addresses.themes), ("Boussole", BoussolePaths.root), ("Rechercher", SiteAddresses.search),
               (site.jeudis.title, SiteAddresses.jeudis)]
        let pages = model.pages.filter { $0.page.menu != nil }.sorted { ($0.page.menu!, $0.page.url) < ($1.page.menu!, $1.page.url) }
        let items = sections.map { Item(label: $0.0, url: $0.1, exact: $0.1 == SiteAddresses.home) }
            + pages.map { Item(label: $0.page.title, url: $0.page.url, exact: true) }
        self.items = items
        variants = (items.indices.map { $0 } + [nil]).map { current in
            let nav = Printed(items.indices.map { NavLink(label: items[$0].label, url: items[$0].url, isCurrent: $0 == current) })
            let chrome = SharedPart.Chrome(layout: Layout.Site(siteTitle: site.title, siteDescription: site.description, nav: nav,
                                                               feedURL: SiteAddresses.feed, tagIndexURL: site.addresses.themes))
            return Variant(nav: nav, header: SharedPart(key: "header \(current.map(String.init) ?? "aucune")", template: "partials/header",
                                                        chrome: chrome, parts: parts))
        }
        // The footer shows the menu under no item.
        footer = SharedPart(key: "footer", template: "partials/footer", chrome: variants[items.count].header.chrome, parts: parts)
    }

    /// The menu and header of the page at `url`.
    func around(_ url: String) -> Variant {
        variants[items.firstIndex { $0.exact ? url == $0.url : url.hasPrefix($0.url) } ?? items.count]
    }
}
