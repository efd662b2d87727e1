/// One issue of « Les Jeudis de l'ODD 17 »: what was published in the seven days ending on a Thursday,
/// the events starting in the following weeks, and the optional editorial.
public struct JeudiIssue: Sendable {
    public let thursday: LocalDate
    public let editorial: RenderedEditorial?
    /// Entries published from Friday to Thursday, in entry order.
    public let newEntryURLs: [String]
    /// Events starting from that Thursday to the end of the window, soonest first.
    public let upcomingURLs: [String]

    public var url: String { Self.url(of: thursday) }

    public static func url(of thursday: LocalDate) -> String { SiteAddresses.jeudi(thursday) }
}

public struct RenderedEditorial: Sendable {
    public let editorial: Editorial
    public let body: RenderedMarkdown
    public let plainText: String
    /// URLs of the resources the editorial puts first.
    public let featuredURLs: [String]
}

/// Works out the issues from dated content: every Thursday from the first dated resource to the build date.
struct JeudisBuilder {
    let entries: [Entry]
    let editorials: [RenderedEditorial]
    let buildDate: LocalDate
    let upcomingWeeks: Int

    func issues() -> [JeudiIssue] {
        // Each entry is news the week it went on the platform, whatever the date of the document.
        let dated = entries.filter { $0.resource.newsDay != nil }
        guard let first = dated.map({ $0.resource.newsDay! }).min() ?? editorials.map(\.editorial.thursday).min() else { return [] }
        let editorialByDay = Dictionary(editorials.map { ($0.editorial.thursday, $0) }, uniquingKeysWith: { a, _ in a })
        // Each entry belongs to the issue of the Thursday on or after that day; each event to the day it starts.
        let byIssue = Dictionary(grouping: dated) { Jeudis.thursday(onOrAfter: $0.resource.newsDay!) }
        let eventsByDay = Dictionary(grouping: entries.filter { $0.resource.startTime != nil }) { $0.resource.startTime!.day }
        var issues: [JeudiIssue] = []
        var thursday = Jeudis.thursday(onOrAfter: first)
        while thursday <= buildDate {
            let new = (byIssue[thursday] ?? []).filter { !$0.resource.isArchived(on: thursday) }
            let editorial = editorialByDay[thursday]
            if !new.isEmpty || editorial != nil {
                issues.append(JeudiIssue(thursday: thursday, editorial: editorial,
                                         newEntryURLs: new.map(\.resource.url),
                                         upcomingURLs: upcoming(from: thursday, eventsByDay: eventsByDay).map(\.resource.url)))
            }
            thursday = thursday.adding(days: 7)
        }
        return issues.reversed()
    }

    /// Events starting on the Thursday itself or within the window after it.
    private func upcoming(from thursday: LocalDate, eventsByDay: [LocalDate: [Entry]]) -> [Entry] {
        (0..<(7 * upcomingWeeks)).flatMap { eventsByDay[thursday.adding(days: $0)] ?? [] }
            .filter { $0.resource.isOnline(on: thursday) && !$0.resource.isArchived(on: thursday) }
            .sorted { ($0.resource.startTime!, $0.resource.url) < ($1.resource.startTime!, $1.resource.url) }
    }
}

public enum Jeudis {
    public static func thursday(onOrAfter day: LocalDate) -> LocalDate {
        day.adding(days: (4 - day.weekday + 7) % 7)
    }

    /// The Thursday of the digest a given day belongs to: that day if it is a Thursday, else the one before.
    public static func thursday(onOrBefore day: LocalDate) -> LocalDate {
        day.adding(days: -((day.weekday - 4 + 7) % 7))
    }
}
