import Foundation

/// `content/site.yml`: the site's settings and the kinds of resources it publishes.
public struct SiteConfig: Sendable {
    public let title: String
    public let description: String
    /// Without a trailing slash: `https://www.odd17.org`.
    public let baseURL: String
    public let language: String
    public let timeZone: TimeZone
    /// Path of the tag index, without slashes: `themes`.
    public let tagIndex: String
    public let pageSize: Int
    public let feedSize: Int
    /// Addresses per file of the sitemap, beyond which it is split.
    public let sitemapSize: Int
    public let jeudis: JeudisSettings
    public let linkTypes: [LinkType]
    public let kinds: [KindConfig]

    public func kind(_ id: String) -> KindConfig? { kinds.first { $0.id == id } }
    public func linkType(_ id: String) -> LinkType? { linkTypes.first { $0.id == Slug.make(id) } }

    public func absoluteURL(_ path: String) -> String { baseURL + path }

    public var addresses: SiteAddresses { SiteAddresses(tagIndex: tagIndex) }

    /// Feeds and e-mails are read away from the site: their site-relative links must carry the host.
    func absoluteLinks(_ html: String) -> String {
        html.replacingOccurrences(of: "href=\"/", with: "href=\"\(baseURL)/")
            .replacingOccurrences(of: "src=\"/", with: "src=\"\(baseURL)/")
    }
}

public struct JeudisSettings: Sendable {
    public let title: String
    public let upcomingWeeks: Int

    /// « Les Jeudis de l'ODD 17 du 20 novembre 2025 ».
    public func title(of thursday: LocalDate) -> String { "\(title) du \(FrenchDates.long(thursday))" }
}

public struct LinkType: Sendable, Hashable {
    public let id: String
    public let label: String
}

/// A kind of resource (fiches, événements…), declared in `site.yml`: its folder, labels, sort order and own fields.
public struct KindConfig: Sendable {
    public let id: String
    public let singular: String
    public let plural: String
    public let description: String
    public let sort: SortOrder
    public let fields: [FieldSpec]

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }

    /// The field holding the steps of a path, if the kind has one.
    public var stepsField: FieldSpec? { fields.first { $0.type == .steps } }

    /// The field that plays `role` in the kind's events, if one does.
    public func field(playing role: EventRole) -> FieldSpec? { fields.first { $0.role == role } }

    /// Kinds whose resources start at a date and time are listed as an agenda and exported as iCalendar.
    public var isAgenda: Bool { field(playing: .start)?.type == .dateTime }
}

public struct SortOrder: Sendable, Hashable {
    public let field: String
    public let descending: Bool
}

public struct FieldSpec: Sendable, Hashable {
    public enum FieldType: String, Sendable, CaseIterable {
        case text = "texte", date, dateTime = "date-heure", url, list = "liste"
        /// An ordered list of steps (`Step`): a kind has one such field at most.
        case steps = "etapes"
        /// Named choices among the steps of the same resource (`StepSelection`): « 2 h : étapes 1, 2 et 5 ».
        case selections

        /// Lists can order nothing.
        var isSortable: Bool { ![.list, .steps, .selections].contains(self) }
    }

    public let name: String
    public let label: String
    public let type: FieldType
    public let required: Bool
    public let role: EventRole?

    /// Where a resource keeps the field's value (`Resource.fields`): under its role when it plays one, else its name.
    var key: String { role?.key ?? name }
}
