/// The addresses of the pages and files Atelier makes itself, each spelled once: views, feeds, the model's checks,
/// the Thursday run and the preview take them from here (the boussole's own are `BoussolePaths`).
public struct SiteAddresses: Sendable {
    public static let home = "/"
    public static let search = "/recherche/"
    public static let jeudis = "/jeudis/"
    public static let feed = "/atom.xml"
    public static let jeudisFeed = "/jeudis/atom.xml"
    public static let notFound = "/404.html"
    public static let assets = "/assets/"

    /// The themes' index, named in site.yml (`tag_index`).
    public let themes: String

    init(tagIndex: String) { themes = "/\(tagIndex)/" }

    public func theme(_ slug: String) -> String { themes + slug + "/" }

    /// A kind's list, and below it its resources.
    public static func kind(_ id: String) -> String { "/\(id)/" }

    public static func resource(kind: String, slug: String) -> String { self.kind(kind) + slug + "/" }

    /// A kind's events, for a calendar application.
    public static func agenda(_ kind: String) -> String { self.kind(kind) + ICalendar.agendaFile }

    public static func jeudi(_ thursday: LocalDate) -> String { jeudis + "\(thursday)/" }

    /// The pages Atelier makes whose addresses no file may take.
    func generated(kinds: [KindConfig]) -> [String] {
        [themes, BoussolePaths.root, Self.jeudis, Self.search, Self.notFound] + kinds.map { Self.kind($0.id) }
    }

    /// Below these, every page is Atelier's own (themes, boussole, issues, list pages, assets): no alias goes there.
    func reserved(kinds: [KindConfig]) -> [String] {
        [themes, BoussolePaths.root, Self.jeudis, Self.search, Self.assets] + kinds.map { Self.kind($0.id) + "page/" }
    }
}
