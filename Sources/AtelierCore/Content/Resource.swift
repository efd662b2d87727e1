/// One resource as the editor wrote it, checked: a fiche, a kit, an événement…
public struct Resource: Sendable {
    public let source: String
    public let kind: String
    public let slug: String
    public let title: String
    public let date: LocalDate
    public let summary: String
    public let tags: [String]
    /// Axis id → value ids, in the order of `boussole.yml`.
    public let boussole: [String: [String]]
    public let partners: [String]
    public let links: [ResourceLink]
    public let draft: Bool
    public let aliases: [String]
    public let expiration: LocalDate?
    public let fields: [String: FieldValue]
    public let body: MarkdownSource

    public var url: String { "/\(kind)/\(slug)/" }

    public var startTime: EventTime? {
        if case let .dateTime(time) = fields["debut"] { return time }
        return nil
    }

    public var endTime: EventTime? {
        if case let .dateTime(time) = fields["fin"] { return time }
        return nil
    }

    /// An event still to come, or under way, on `day`.
    public func isUpcoming(on day: LocalDate) -> Bool {
        guard let start = startTime else { return false }
        return (endTime?.day ?? start.day) >= day
    }
}

public struct ResourceLink: Sendable, Hashable {
    public let label: String
    public let url: String
    public let type: LinkType
}

/// The value of a field declared by a kind in `site.yml`.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case date(LocalDate)
    case dateTime(EventTime)
    case url(String)
    case list([String])
}

/// Markdown text with the place it starts in its file, so link errors point to the right line.
public struct MarkdownSource: Sendable {
    public let file: String
    public let text: String
    public let firstLine: Int
}

/// An ordinary page (`content/pages/a-propos.md`) or the home text (`content/index.md`).
public struct Page: Sendable {
    public let source: String
    public let slug: String
    public let title: String
    public let summary: String
    public let menu: Int?
    public let draft: Bool
    public let aliases: [String]
    public let body: MarkdownSource

    public var isHome: Bool { slug.isEmpty }
    public var url: String { isHome ? "/" : "/\(slug)/" }
}

/// The editorial of one issue of the weekly digest (`content/jeudis/2025-11-20.md`).
public struct Editorial: Sendable {
    public let source: String
    public let thursday: LocalDate
    public let title: String
    public let summary: String
    /// Resources put first, as content paths (`kits/odd-17-en-pratique`), with where each is written.
    public let featured: [(path: String, location: SourceLocation)]
    public let body: MarkdownSource
}
