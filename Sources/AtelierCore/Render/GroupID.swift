/// The name of a group of files made together, as the cache keeps it. Each kind of group has its own word and keeps
/// its parts apart, so that no two groups can share a name (a boussole value's list and a pair of values once could).
struct GroupID: Hashable, Sendable {
    /// The kind's word and the parts, separated by a character no address, slug or date holds.
    let stored: String

    init(stored: String) { self.stored = stored }

    private init(_ kind: String, _ parts: String...) { stored = ([kind] + parts).joined(separator: "\u{1F}") }

    static func resource(_ url: String) -> GroupID { GroupID("ressource", url) }
    static func page(_ url: String) -> GroupID { GroupID("page", url) }
    static let home = GroupID("accueil")
    static let boussole = GroupID("boussole")
    static let themes = GroupID("thèmes")
    static let jeudis = GroupID("jeudis")
    static let redirections = GroupID("redirections")
    static let grid = GroupID("grille")
    static let boussoleData = GroupID("boussole données")
    static let feeds = GroupID("flux")
    static let sitemapIndex = GroupID("plan du site")
    static func sitemap(_ path: String) -> GroupID { GroupID("plan du site", path) }
    static func list(_ kind: String, page: Int) -> GroupID { GroupID("liste", kind, String(page)) }
    static func theme(_ slug: String, page: Int) -> GroupID { GroupID("thème", slug, String(page)) }
    static func boussoleValue(_ axis: String, _ value: String, page: Int) -> GroupID { GroupID("boussole valeur", axis, value, String(page)) }
    static func boussolePair(_ value: String, _ other: String, page: Int) -> GroupID { GroupID("boussole paire", value, other, String(page)) }
    static func jeudi(_ thursday: LocalDate) -> GroupID { GroupID("jeudi", thursday.description) }
    static func calendar(_ kind: String) -> GroupID { GroupID("agenda", kind) }
    static func searchShard(_ key: String) -> GroupID { GroupID("recherche", key) }
    static func searchCards(_ chunk: Int) -> GroupID { GroupID("recherche fiches", String(chunk)) }
    static func copy(_ path: String) -> GroupID { GroupID("copie", path) }
}
