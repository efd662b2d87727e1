/// What the templates see. Templates are logic-less: every label, flag, date and URL is computed here.

struct Layout: Sendable, Encodable {
    let siteTitle: String
    let siteDescription: String
    let language: String
    let title: String
    let description: String
    let canonical: String
    let sharing: Sharing
    let nav: Printed<[NavLink]>
    let feedURL: String
    let tagIndexURL: String
    /// Rendered once for every page of the same section (`partials/header`).
    let header: SharedPart
    /// Rendered once for the whole site (`partials/footer`).
    let footer: SharedPart

    /// What the header and footer show: the same on many pages.
    struct Site: Sendable, Encodable {
        let siteTitle: String
        let siteDescription: String
        let nav: Printed<[NavLink]>
        let feedURL: String
        let tagIndexURL: String
    }
}

struct NavLink: Sendable, Encodable {
    let label: String
    let url: String
    let isCurrent: Bool
}

struct TagLink: Sendable, Encodable {
    let label: String
    let url: String
}

struct Card: Sendable, Encodable {
    let title: String
    let url: String
    let summary: String
    let kindLabel: String
    /// Nil when no source dates the resource: `dateLabel` then says so.
    let dateISO: String?
    let dateLabel: String
    let when: String?
    let place: String?
    /// A card shows a few themes, so that no list grows with the number of themes one resource has.
    let tags: [TagLink]
    /// « et 3 autres thèmes ».
    let moreTags: String?
    let isArchived: Bool

    static let shownTags = 6
}

struct KindSummary: Sendable, Encodable {
    let label: String
    let url: String
    let description: String
    let count: Int
    let countLabel: String
    /// How the list is ordered, when it is by date: where undated resources go.
    let orderNote: String?
}

struct PageNumber: Sendable, Encodable {
    let number: Int
    let url: String
    let isCurrent: Bool
    /// « … » between distant pages.
    let isGap: Bool
}

struct Pagination: Sendable, Encodable {
    let pages: [PageNumber]
    let previousURL: String?
    let nextURL: String?
    let label: String
}

struct Detail: Sendable, Encodable {
    let label: String
    let value: String
    let url: String?
}

struct LinkView: Sendable, Encodable {
    let label: String
    let url: String
    let typeLabel: String
}

struct BoussolePlacement: Sendable, Encodable {
    let axisLabel: String
    let values: [TagLink]
}

struct TocItem: Sendable, Encodable {
    let id: String
    let text: String
    let isSub: Bool
}

struct ResourceDetail: Sendable, Encodable {
    let title: String
    let summary: String
    let kindLabel: String
    let kindURL: String
    let kindPlural: String
    let dateISO: String?
    let dateLabel: String
    /// The day it went on the platform, when the editor gives it apart from its date.
    let onlineLabel: String?
    let onlineISO: String?
    let body: FromText<String>
    let toc: FromText<[TocItem]>
    let hasToc: FromText<Bool>
    let details: [Detail]
    let tags: [TagLink]
    let boussole: [BoussolePlacement]
    let partners: String?
    let links: [LinkView]
    let related: [ListedCard]
    let isArchived: Bool
    let calendarURL: String?
    let isPast: Bool
    /// The steps of a path.
    let path: PathView?
    /// The paths whose steps name this resource: one is said in a sentence, several in a list.
    let partOf: PathLink?
    let partOfSeveral: [PathLink]
}

struct PathView: Sendable, Encodable {
    /// Where the visitor's browser keeps the steps done (localStorage).
    let storageKey: String
    let countLabel: String
    /// « 0 étape sur 7 »: what the progress says before any step is done (`parcours.js` writes it the same way).
    let progressLabel: String
    let steps: [StepView]
    let chooserLabel: String
    /// The choice that shows every step.
    let allLabel: String
    let selections: [SelectionView]
}

struct StepView: Sendable, Encodable {
    let number: Int
    let id: String
    let title: String
    let text: String
    let resources: [StepResource]
    let links: [LinkView]
    let previous: StepNeighbour?
    let next: StepNeighbour?
    /// False for the only step of a path.
    let hasNeighbours: Bool
    /// The label of the box a visitor checks once the step is done.
    let doneLabel: String
}

struct StepResource: Sendable, Encodable {
    let title: String
    let url: String
    let kindLabel: String
}

struct StepNeighbour: Sendable, Encodable {
    let url: String
    let title: String
}

struct SelectionView: Sendable, Encodable {
    /// Step numbers separated by spaces, for the chooser: « 1 2 5 ».
    let steps: String
    /// « 2 h (3 étapes) »
    let optionLabel: String
    /// « 2 h : étapes 1, 2 et 5 », for a page read without JavaScript.
    let summary: String
}

struct PathLink: Sendable, Encodable {
    let title: String
    /// The path's page, at the first step that names the resource.
    let url: String
    let stepLabel: String
}

struct ResourcePageView: Sendable, Encodable {
    let layout: Layout
    let resource: ResourceDetail
}

struct HomeView: Sendable, Encodable {
    let layout: Layout
    let title: String
    /// What a phone's first screen shows: search, the compass into the boussole, this week's Jeudi, the next event.
    let compass: String
    let jeudi: Teaser?
    let nextEvent: Teaser?
    let intro: String
    let kinds: [KindSummary]
    let latest: [ListedCard]
    let upcoming: [ListedCard]
    let hasUpcoming: Bool
    /// The self-assessment grid's address, when the site has one.
    let gridURL: String?
}

/// One thing put forward in a few words: « Les Jeudis de l’ODD 17 du 20 novembre 2025 », its date, its address.
struct Teaser: Sendable, Encodable {
    let heading: String
    let title: String
    let url: String
    let detail: String
}

struct ListView: Sendable, Encodable {
    let layout: Layout
    let kind: KindSummary
    /// For kinds with a start date (events): those starting on or after the build date, soonest first.
    let upcoming: [ListedCard]
    let showUpcoming: Bool
    let showPast: Bool
    let isAgenda: Bool
    let cards: [ListedCard]
    let pagination: Pagination?
    let calendarURL: String?
}

struct TagSummary: Sendable, Encodable {
    let label: String
    let url: String
    let count: Int
}

struct TagsView: Sendable, Encodable {
    let layout: Layout
    let title: String
    let tags: [TagSummary]
    let pagination: Pagination?

    static let perPage = 200
}

struct CardGroup: Sendable, Encodable {
    let label: String
    let cards: [ListedCard]
}

struct TagView: Sendable, Encodable {
    let layout: Layout
    let label: String
    let countLabel: String
    let groups: [CardGroup]
    let pagination: Pagination?
}

struct PageView: Sendable, Encodable {
    let layout: Layout
    let title: String
    let body: String
    let toc: [TocItem]
    let hasToc: Bool
}

struct SearchView: Sendable, Encodable {
    let layout: Layout
    let indexURL: String
}

struct NotFoundView: Sendable, Encodable {
    let layout: Layout
}

struct RedirectView: Sendable, Encodable {
    let target: String
    let absoluteTarget: String
}

struct AxisValueSummary: Sendable, Encodable {
    let axisId: String
    let id: String
    let label: String
    let description: String
    let url: String
    let count: Int
    let countLabel: String
}

struct AxisSummary: Sendable, Encodable {
    let id: String
    let label: String
    let question: String
    let values: [AxisValueSummary]
}

struct FilterOption: Sendable, Encodable {
    let value: String
    let label: String
    let count: Int
}

struct BoussoleView: Sendable, Encodable {
    let layout: Layout
    let compass: String
    let mainAxisLabel: String
    let axes: [AxisSummary]
    let kinds: [FilterOption]
    let tags: [FilterOption]
    /// The first page of resources, for a first look and without JavaScript; the filters load the rest.
    let cards: [ListedCard]
    let hasMore: Bool
    let totalLabel: String
    let dataURL: String
    let indexURL: String
    /// The self-assessment grid's address, when the site has one.
    let gridURL: String?

    static let themeLimit = 200
}

struct PairLink: Sendable, Encodable {
    let label: String
    let url: String
    let countLabel: String
}

struct BoussoleValueView: Sendable, Encodable {
    let layout: Layout
    let title: String
    let description: String
    /// The main-axis value a pair page belongs to.
    let parent: TagLink?
    let countLabel: String
    let cards: [ListedCard]
    let pairsTitle: String?
    let pairs: [PairLink]
    let pagination: Pagination?
}

struct IssueSummary: Sendable, Encodable {
    let title: String
    let dateLabel: String
    let dateISO: String
    let url: String
    let summary: String
}

struct JeudisView: Sendable, Encodable {
    let layout: Layout
    let title: String
    let issues: [IssueSummary]
    let feedURL: String
    let pagination: Pagination?
}

struct JeudiView: Sendable, Encodable {
    let layout: Layout
    let seriesTitle: String
    let title: String
    let dateLabel: String
    let dateISO: String
    let editorialTitle: String?
    let body: String?
    let featured: [ListedCard]
    let groups: [CardGroup]
    let upcoming: [ListedCard]
    let upcomingLabel: String
    /// « Et 12 autres événements à venir », towards the agenda, when the issue shows only the first ones.
    let moreUpcoming: TagLink?
    let previousURL: String?
    let nextURL: String?
    let emailURL: String
    let textURL: String
    /// The week's new resources, in pages: a busy week does not make a heavy page.
    let pagination: Pagination?
}

/// A resource in the e-mail edition: absolute URL, nothing that needs the site's stylesheet.
struct EmailItem: Sendable, Encodable {
    let title: String
    let url: String
    let summary: String
    let kindLabel: String
    let when: String?
}

struct EmailGroup: Sendable, Encodable {
    let label: String
    let items: [EmailItem]
}

struct JeudiEmailView: Sendable, Encodable {
    let siteTitle: String
    let siteURL: String
    let seriesTitle: String
    let title: String
    let dateLabel: String
    let issueURL: String
    let editorialTitle: String?
    let body: String?
    let bodyText: String?
    let featured: [EmailItem]
    let groups: [EmailGroup]
    /// « Et 40 autres ressources nouvelles », towards the issue's next page on the site.
    let moreNew: TagLink?
    let upcoming: [EmailItem]
    let upcomingLabel: String
    let moreUpcoming: TagLink?
}
