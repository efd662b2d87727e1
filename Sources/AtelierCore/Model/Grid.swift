/// The self-assessment grid as the site shows it (`/grille/`): each practice with the published resources and the
/// themes that help with it. Situations are numbered across the axes, as in the source.
public struct Grid: Sendable {
    public struct Practice: Sendable {
        public let id: String
        public let label: String
        /// URLs of published resources, in the order of grille.yml.
        public let entryURLs: [String]
        public let tags: [Tag]
    }

    public struct Situation: Sendable {
        public let number: Int
        public let label: String
        public let detail: String?
        public let practices: [Practice]
    }

    public struct Axis: Sendable {
        public let number: Int
        public let label: String
        public let situations: [Situation]
    }

    public static let url = "/grille/"

    public let title: String
    public let intro: String
    public let sourceURL: String?
    public let axes: [Axis]

    public var situations: [Situation] { axes.flatMap(\.situations) }
    public var practices: [Practice] { situations.flatMap(\.practices) }
}

extension SiteModelBuilder {
    /// The grid of grille.yml with its references checked: a resource must be published on the build date, a theme
    /// carried by a published resource.
    func grid(published: Set<String>, tags: [Tag], log: inout DiagnosticLog) -> Grid? {
        guard let config = content.grid else { return nil }
        let bySlug = Dictionary(tags.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        func tag(_ reference: GridConfig.Reference) -> Tag? {
            if let tag = bySlug[Slug.make(reference.text)] { return tag }
            let suggestion = Suggestion.closest(to: reference.text, among: tags.map(\.label))
            log.error(.themeInconnu, "aucune ressource publiée n'a le thème « \(reference.text) »"
                          + (suggestion.map { " ; vouliez-vous dire « \($0) » ?" } ?? ""),
                      at: reference.location, hint: "écrivez un thème de la page \(content.site.addresses.themes), tel qu'il y est écrit")
            return nil
        }
        func url(_ reference: GridConfig.Reference) -> String? {
            publishedURL(of: ResourceReference(path: reference.text, location: reference.location), published: published, log: &log)
        }
        var number = 0
        let axes = config.axes.enumerated().map { index, axis in
            Grid.Axis(number: index + 1, label: axis.label, situations: axis.situations.map { situation in
                number += 1
                return Grid.Situation(number: number, label: situation.label, detail: situation.detail,
                                      practices: situation.practices.map { practice in
                                          Grid.Practice(id: practice.id, label: practice.label,
                                                        entryURLs: practice.resources.compactMap(url), tags: practice.tags.compactMap(tag))
                                      })
            })
        }
        return Grid(title: config.title, intro: config.intro, sourceURL: config.source.flatMap(url), axes: axes)
    }
}
