/// The site as it will be published: immutable once built, read by the renderers.
public struct SiteModel: Sendable {
    public let site: SiteConfig
    public let boussole: BoussoleConfig
    public let buildDate: LocalDate
    /// Published resources, in a stable order (kind order of site.yml, then the kind's sort).
    public let entries: [Entry]
    public let tags: [Tag]
    /// The self-assessment grid, when content/grille.yml exists.
    public let grid: Grid?
    public let pages: [RenderedPage]
    public let home: RenderedPage?
    /// Issues of the weekly digest, newest first.
    public let jeudis: [JeudiIssue]
    public let redirects: [Redirect]
    public let staticFiles: [String]
    /// Resources left out of this build: dated after it, or drafts. Said in the summary, so that none vanishes unnoticed.
    public let scheduledCount: Int
    public let draftCount: Int
    /// Turns resources' texts into HTML, links rewritten against the content of this build.
    public let markdown: MarkdownRenderer
    /// What every link may find, as one fingerprint: while it is the last build's, each link finds what it found then.
    let links: Fingerprint
    /// Every entry's related resources as computed, for the next build.
    let related: RelatedLists
    /// Texts other than resources' (pages, editorials, files whose header has mistakes), whose anchor links are
    /// checked once the resources' anchors are known too.
    let otherTexts: [RenderedMarkdown]
    /// Ids the templates give every page, which texts may link to.
    let templateAnchors: Set<String>
    private let entryIndex: [String: Int]
    /// Positions of the listed entries that carry each boussole value, in entry order, by axis then value.
    private let boussoleMembers: [String: [String: [Int]]]

    init(site: SiteConfig, boussole: BoussoleConfig, buildDate: LocalDate, entries: [Entry], tags: [Tag], grid: Grid?,
         pages: [RenderedPage], home: RenderedPage?, jeudis: [JeudiIssue], redirects: [Redirect], staticFiles: [String],
         scheduledCount: Int, draftCount: Int, markdown: MarkdownRenderer, links: Fingerprint, related: RelatedLists, otherTexts: [RenderedMarkdown],
         templateAnchors: Set<String>) {
        self.site = site
        self.boussole = boussole
        self.buildDate = buildDate
        self.entries = entries
        self.tags = tags
        self.grid = grid
        self.pages = pages
        self.home = home
        self.jeudis = jeudis
        self.redirects = redirects
        self.staticFiles = staticFiles
        self.scheduledCount = scheduledCount
        self.draftCount = draftCount
        self.markdown = markdown
        self.links = links
        self.related = related
        self.otherTexts = otherTexts
        self.templateAnchors = templateAnchors
        entryIndex = Dictionary(entries.enumerated().map { ($1.resource.url, $0) }, uniquingKeysWith: { a, _ in a })
        var members: [String: [String: [Int]]] = [:]
        for (index, entry) in entries.enumerated() where !entry.isArchived {
            for (axis, values) in entry.resource.boussole {
                for value in Set(values) { members[axis, default: [:]][value, default: []].append(index) }
            }
        }
        boussoleMembers = members
    }

    public func entries(ofKind kind: String) -> [Entry] { entries.filter { $0.resource.kind == kind } }

    /// Listed entries: archived ones keep their page but leave lists and feeds.
    public func listed(ofKind kind: String) -> [Entry] { entries(ofKind: kind).filter { !$0.isArchived } }

    public func entry(url: String) -> Entry? { entryIndex[url].map { entries[$0] } }

    /// Listed entries that carry every one of these boussole values (axis id, value id), in entry order.
    func listed(boussole criteria: [(axis: String, value: String)]) -> [Entry] {
        guard let first = criteria.first else { return entries.filter { !$0.isArchived } }
        var positions = boussoleMembers[first.axis]?[first.value] ?? []
        for criterion in criteria.dropFirst() {
            let other = Set(boussoleMembers[criterion.axis]?[criterion.value] ?? [])
            positions = positions.filter(other.contains)
        }
        return positions.map { entries[$0] }
    }
}

/// A published resource and its place among the others. Its text is parsed when its page is rendered.
/// A published resource as the site shows it. A class: entries are passed around by the thousand, and copying one
/// costs a single reference count rather than one per field.
public final class Entry: Sendable {
    public let resource: Resource
    public let tags: [TagRef]
    public let isArchived: Bool
    /// URLs of related entries, most related first.
    public let related: [String]
    /// For a path: for each of its steps, the URLs of the published entries it names.
    public let stepTargets: [[String]]
    /// The paths whose steps name this entry, in entry order.
    public let paths: [PathStop]

    init(resource: Resource, tags: [TagRef], isArchived: Bool, related: [String], stepTargets: [[String]], paths: [PathStop]) {
        self.resource = resource
        self.tags = tags
        self.isArchived = isArchived
        self.related = related
        self.stepTargets = stepTargets
        self.paths = paths
    }
}

public struct TagRef: Sendable, Hashable {
    public let slug: String
    public let label: String
}

public struct Tag: Sendable {
    public let slug: String
    public let label: String
    /// URLs of the entries that carry it, in entry order.
    public let entryURLs: [String]
}

public struct RenderedPage: Sendable {
    public let page: Page
    public let body: RenderedMarkdown
}

public struct Redirect: Sendable, Hashable {
    public let from: String
    public let to: String
}
