import Foundation

/// One resource as the editor wrote it, checked: a fiche, a kit, an événement…
/// A class: resources are passed around by the thousand, and copying one costs a single reference count.
public final class Resource: Sendable {
    public let source: String
    public let kind: String
    public let slug: String
    public let title: String
    /// The date of the document or the event: the first day of the period the source gives (a day, a month or a
    /// year), nil when no source gives one.
    public let date: LocalDate?
    public let datePrecision: DatePrecision
    /// The day the resource went on the platform (`mise_en_ligne`), when the editor gives it.
    public let onlineSince: LocalDate?
    public let summary: String
    public let tags: [String]
    /// Axis id → value ids, in the order of `boussole.yml`.
    public let boussole: [String: [String]]
    public let partners: [String]
    public let links: [ResourceLink]
    public let draft: Bool
    public let aliases: [String]
    public let expiration: LocalDate?
    /// The values of its kind's own fields, each under its field's key: the role it plays, else its name (`value(of:)`).
    public let fields: [String: FieldValue]
    public let body: MarkdownSource
    public let url: String

    init(source: String, kind: String, slug: String, title: String, date: LocalDate?,
         datePrecision: DatePrecision, onlineSince: LocalDate?, summary: String, tags: [String],
         boussole: [String: [String]], partners: [String], links: [ResourceLink], draft: Bool, aliases: [String],
         expiration: LocalDate?, fields: [String: FieldValue], body: MarkdownSource) {
        self.source = source
        self.kind = kind
        self.slug = slug
        self.title = title
        self.date = date
        self.datePrecision = datePrecision
        self.onlineSince = onlineSince
        self.summary = summary
        self.tags = tags
        self.boussole = boussole
        self.partners = partners
        self.links = links
        self.draft = draft
        self.aliases = aliases
        self.expiration = expiration
        self.fields = fields
        self.body = body
        url = SiteAddresses.resource(kind: kind, slug: slug)
    }

    /// The day it went on the platform: `mise_en_ligne`, else the first day of its date. What publishes it, puts it
    /// in a Jeudi and in the feeds; nil for a resource with neither, on the platform from its start.
    public var platformDay: LocalDate? { onlineSince ?? date }

    /// The day it went on the platform when that is known to the day: what puts it in a Jeudi's issue. A resource
    /// dated only by its month or year, with no `mise_en_ligne`, has no week to be new in.
    public var newsDay: LocalDate? { onlineSince ?? (datePrecision == .day ? date : nil) }

    /// The platform day as a sitemap or a feed writes it: the month or the year alone when that is all its date says.
    public var platformDayISO: String? { onlineSince?.description ?? date?.iso(datePrecision) }

    /// Whether it is on the platform on `day` (drafts aside).
    public func isOnline(on day: LocalDate) -> Bool { platformDay.map { $0 <= day } ?? true }

    /// Whether a build of `day` publishes it: on the platform and not a draft, or every resource with `includeDrafts`.
    public func isPublished(on day: LocalDate, includeDrafts: Bool) -> Bool { includeDrafts || (!draft && isOnline(on: day)) }

    /// Whether it has left the lists and feeds by `day` (`expiration`); its page stays, marked as archived.
    public func isArchived(on day: LocalDate) -> Bool { expiration.map { $0 <= day } ?? false }

    /// The value of one of its kind's fields.
    public func value(of field: FieldSpec) -> FieldValue? { fields[field.key] }

    public var startTime: EventTime? { dateTime(.start) }

    public var endTime: EventTime? { dateTime(.end) }

    /// Where an event takes place, as written (« En ligne », « Lille »).
    public var place: String? { text(.place) }

    public var organiser: String? { text(.organiser) }

    /// Where one registers for an event, as written: a web address, or a path of the site.
    public var registration: String? {
        if case let .url(url) = fields[EventRole.registration.key] { return url }
        return nil
    }

    private func dateTime(_ role: EventRole) -> EventTime? {
        if case let .dateTime(time) = fields[role.key] { return time }
        return nil
    }

    private func text(_ role: EventRole) -> String? {
        if case let .text(text) = fields[role.key] { return text }
        return nil
    }

    /// The steps of a path, in order (the kind's field of type `etapes`); empty for other resources.
    public var steps: [Step] {
        fields.values.lazy.compactMap(\.steps).first ?? []
    }

    /// The choices among those steps (fields of type `selections`), in the order of the kind's fields.
    public func selections(of kind: KindConfig) -> [StepSelection] {
        kind.fields.flatMap { spec -> [StepSelection] in
            if case let .selections(selections)? = value(of: spec) { return selections }
            return []
        }
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
    case steps([Step])
    case selections([StepSelection])

    var steps: [Step]? {
        if case let .steps(steps) = self { return steps }
        return nil
    }
}

/// Markdown text with the place it starts in its file, so link errors point to the right line.
/// A text read from the cache is read again from its file only when it is needed (when its page is rendered):
/// a build that changes little never holds the whole corpus in memory.
public struct MarkdownSource: Sendable {
    public let file: String
    public let firstLine: Int
    private let storage: Storage

    public var text: String { storage.text }

    public init(file: String, text: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
        storage = Storage(text: text)
    }

    /// The text of `file` (`content/…`), below its front matter, read when first asked for.
    init(file: String, firstLine: Int, root: URL) {
        self.file = file
        self.firstLine = firstLine
        storage = Storage(reading: file, in: root)
    }

    private final class Storage: @unchecked Sendable {
        private let lock = NSLock()
        private var loaded: String?
        /// The project and the file's path in it: the file's URL is made only if its text is read.
        private let file: (root: URL, path: String)?

        init(text: String) {
            loaded = text
            file = nil
        }

        init(reading path: String, in root: URL) {
            loaded = nil
            file = (root, path)
        }

        var text: String {
            lock.withLock {
                if let loaded { return loaded }
                var ignored = DiagnosticLog()
                let text = file.flatMap { FileManager.default.contents(atPath: $0.root.appendingPathComponent($0.path).path) }
                    .flatMap { String(data: $0, encoding: .utf8) }
                    .flatMap { FrontMatter.split($0, path: "", log: &ignored)?.body } ?? ""
                loaded = text
                return text
            }
        }
    }
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
    public let featured: [ResourceReference]
    public let body: MarkdownSource
}
