/// Builds the site model from loaded content: what is published, URLs, Markdown, tags, related resources.
struct SiteModelBuilder {
    let content: LoadedContent
    let buildDate: LocalDate
    let includeDrafts: Bool
    /// Ids the templates give every page (`contenu`…): a text may link to them with `#…`.
    let templateAnchors: Set<String>
    /// The related resources of the last build, reused when computed from the same.
    var previousRelated: RelatedLists? = nil

    func build(log: inout DiagnosticLog) -> SiteModel {
        let published = content.resources.filter(isPublished)
        let pages = content.pages.filter { includeDrafts || !$0.draft }

        let publishedURLs = Set(published.map(\.url))
        let (resolve, links) = linkResolver(published: publishedURLs)
        let renderer = MarkdownRenderer(resolve: resolve)
        // An editorial appears under its own title (h2) on the issue page.
        let editorialRenderer = MarkdownRenderer(headingOffset: 1, resolve: renderer.resolve)
        let renderedPages = ParallelMap.map(pages) { page -> (RenderedPage, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            return (RenderedPage(page: page, body: renderer.render(page.body, log: &fileLog)), fileLog)
        }
        let renderedEditorials = ParallelMap.map(content.editorials.filter { includeDrafts || $0.thursday <= buildDate }) {
            editorial -> (RenderedEditorial, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            let featured = featuredURLs(editorial, published: publishedURLs, log: &fileLog)
            return (RenderedEditorial(editorial: editorial, body: editorialRenderer.render(editorial.body, log: &fileLog),
                                      plainText: renderer.plainText(editorial.body), featuredURLs: featured), fileLog)
        }
        // Texts whose header has mistakes are checked too, so that one run reports everything.
        let renderedRejected = ParallelMap.map(content.rejected) { body -> (RenderedMarkdown, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            return (renderer.render(body, log: &fileLog), fileLog)
        }
        renderedPages.forEach { log.append(contentsOf: $0.1) }
        renderedEditorials.forEach { log.append(contentsOf: $0.1) }
        renderedRejected.forEach { log.append(contentsOf: $0.1) }

        let tagIndex = TagIndex(resources: published, log: &log)
        let sorted = sortedForListing(published)
        let isArchived: @Sendable (Resource) -> Bool = { [buildDate] r in r.isArchived(on: buildDate) }
        let refs = sorted.map(tagIndex.refs(for:))
        // The related lists, the longest step of the model, are worked out on another core while addresses and steps
        // are checked: by then the cache has been read, and that core is free.
        let relating = Eventual { [content, previousRelated] in
            let related = RelatedResources(resources: sorted, tags: refs, boussole: content.boussole, isCandidate: { !isArchived($0) })
            return (related, related.lists(reusing: previousRelated))
        }
        checkURLs(resources: published, pages: pages, log: &log)
        let stepLinks = StepLinks(published: sorted, all: content.resources, rejected: Set(content.rejected.map(\.file)), log: &log)
        let (related, relatedLists) = relating.value
        let entries = sorted.enumerated().map { index, resource in
            Entry(resource: resource, tags: refs[index], isArchived: isArchived(resource),
                  related: related.related(at: index, in: relatedLists),
                  stepTargets: stepLinks.targets[resource.url] ?? [], paths: stepLinks.memberships[resource.url] ?? [])
        }
        let tags = tagIndex.tags(orderedLike: entries)
        let checkedGrid = grid(published: publishedURLs, tags: tags, log: &log)
        let allPages = renderedPages.map(\.0)
        let jeudis = JeudisBuilder(entries: entries, editorials: renderedEditorials.map(\.0), buildDate: buildDate,
                                   upcomingWeeks: content.site.jeudis.upcomingWeeks).issues()
        return SiteModel(
            site: content.site, boussole: content.boussole, buildDate: buildDate, entries: entries,
            tags: tags,
            grid: checkedGrid,
            pages: allPages.filter { !$0.page.isHome }.sorted { $0.page.url < $1.page.url },
            home: allPages.first { $0.page.isHome },
            jeudis: jeudis,
            redirects: redirects(resources: published, pages: pages),
            staticFiles: content.staticFiles,
            scheduledCount: content.resources.filter { !isPublished($0) && !$0.draft }.count,
            draftCount: content.resources.filter { !isPublished($0) && $0.draft }.count,
            markdown: renderer,
            links: links,
            related: relatedLists,
            otherTexts: renderedPages.map(\.0.body) + renderedEditorials.map(\.0.body) + renderedRejected.map(\.0),
            templateAnchors: templateAnchors)
    }

    private func isPublished(_ resource: Resource) -> Bool { resource.isPublished(on: buildDate, includeDrafts: includeDrafts) }

    /// Every content file a Markdown link may point to: resources (published, scheduled or drafts), pages, editorials,
    /// copied files; and the fingerprint of that table.
    private func linkResolver(published: Set<String>) -> (MarkdownRenderer.LinkResolver, Fingerprint) {
        typealias Target = MarkdownRenderer.LinkTarget
        var targets: [String: Target] = [:]
        for resource in content.resources {
            let availability: Target.Availability = published.contains(resource.url) ? .published
                : resource.draft ? .draft : .scheduled
            targets[String(resource.source.dropFirst("content/".count))] = Target(url: resource.url, availability: availability)
        }
        for page in content.pages { targets[String(page.source.dropFirst("content/".count))] = Target(url: page.url) }
        for editorial in content.editorials { targets["jeudis/\(editorial.thursday).md"] = Target(url: JeudiIssue.url(of: editorial.thursday)) }
        for file in content.staticFiles { targets[file] = Target(url: "/" + file) }
        for body in content.rejected { targets[String(body.file.dropFirst("content/".count))] = Target(url: "", availability: .rejected) }
        let fingerprint = Fingerprint.unordered(targets) { hasher, entry in
            hasher.add(entry.key)
            hasher.add(entry.value.url)
            hasher.add(entry.value.availability.code)
        }
        let table = targets
        return ({ table[$0] }, fingerprint)
    }

    private func featuredURLs(_ editorial: Editorial, published: Set<String>, log: inout DiagnosticLog) -> [String] {
        editorial.featured.compactMap { publishedURL(of: $0, published: published, log: &log) }
    }

    /// `a_la_une` and the grid name resources by their path in content/ (`kits/odd-17-en-pratique`): the URL of a
    /// resource published on the build date; a mistake otherwise. A file refused for its own mistakes is not said
    /// to be missing: its messages already name it.
    func publishedURL(of reference: ResourceReference, published: Set<String>, log: inout DiagnosticLog) -> String? {
        let candidates = reference.candidateSources
        guard let resource = content.resources.first(where: { candidates.contains($0.source) }) else {
            if content.rejected.contains(where: { candidates.contains($0.file) }) { return nil }
            log.error(.ressourceIntrouvable, "« \(reference.path) » ne correspond à aucune ressource", at: reference.location,
                      hint: "écrivez le chemin du fichier dans content/, sans « .md », par exemple kits/odd-17-en-pratique")
            return nil
        }
        guard published.contains(resource.url) else {
            log.error(.ressourceNonPubliee, "« \(reference.path) » n'est pas publiée à cette date (brouillon ou date future)",
                      at: reference.location)
            return nil
        }
        return resource.url
    }

    /// Kinds in the order of site.yml, each sorted as it declares; sort keys are computed once per resource.
    private func sortedForListing(_ resources: [Resource]) -> [Resource] {
        let kinds = content.site.kinds
        let keyed = resources.map { resource -> (kind: Int, key: SortKey, resource: Resource) in
            let kind = kinds.firstIndex { $0.id == resource.kind } ?? 0
            return (kind, SortKey(resource, kind: kinds[kind]), resource)
        }
        return keyed.sorted { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            // A resource without the value comes after those with it, in either order (« date non précisée » last).
            if a.key.isMissing != b.key.isMissing { return b.key.isMissing }
            let comparison = a.key.compare(b.key)
            if comparison != 0 { return kinds[a.kind].sort.descending ? comparison > 0 : comparison < 0 }
            return a.resource.url < b.resource.url
        }.map(\.resource)
    }

    /// Two files must not claim the same address; nor may an alias hide a page.
    private func checkURLs(resources: [Resource], pages: [Page], log: inout DiagnosticLog) {
        let site = content.site
        var owners: [String: [String]] = [:]
        let generated = site.addresses.generated(kinds: site.kinds) + (content.grid == nil ? [] : [Grid.url])
        for url in generated { owners[url, default: []].append("(page générée par Atelier)") }
        for resource in resources {
            owners[resource.url, default: []].append(resource.source)
            for alias in resource.aliases { owners[alias, default: []].append(resource.source) }
        }
        for page in pages {
            owners[page.url, default: []].append(page.source)
            for alias in page.aliases { owners[alias, default: []].append(page.source) }
        }
        // Below these prefixes Atelier writes pages of its own (tags, boussole, issues, list pages, assets).
        let reserved = site.addresses.reserved(kinds: site.kinds)
        for (source, aliases) in resources.map({ ($0.source, $0.aliases) }) + pages.map({ ($0.source, $0.aliases) }) {
            for alias in aliases {
                if let prefix = reserved.first(where: { alias.hasPrefix($0) }) {
                    log.error(.ancienneAdresseReservee, "l'ancienne adresse \(alias) est réservée aux pages que génère Atelier (\(prefix)…)",
                              at: SourceLocation(file: source), hint: "retirez-la de « aliases »")
                }
            }
        }
        for (url, files) in owners.filter({ $0.value.count > 1 }).sorted(by: { $0.key < $1.key }) {
            for file in Set(files).sorted() where file.hasPrefix("content/") {
                let others = files.filter { $0 != file }
                log.error(.adresseEnDouble, "l'adresse \(url) est déjà prise par \(Suggestion.list(Array(Set(others)).sorted()))",
                          at: SourceLocation(file: file),
                          hint: "changez le nom du fichier, ou donnez-lui un autre « slug »")
            }
        }
    }

    private func redirects(resources: [Resource], pages: [Page]) -> [Redirect] {
        let fromResources = resources.flatMap { r in r.aliases.map { Redirect(from: $0, to: r.url) } }
        let fromPages = pages.flatMap { p in p.aliases.map { Redirect(from: $0, to: p.url) } }
        return (fromResources + fromPages).sorted { $0.from < $1.from }
    }
}

/// The value a kind sorts on (`title`, `date`, or one of its own fields).
private struct SortKey {
    let text: String?
    let number: Double?

    init(_ resource: Resource, kind: KindConfig) {
        switch FrontMatterKey(rawValue: kind.sort.field) {
        case .title?: text = Slug.fold(resource.title); number = nil
        case .date?: text = nil; number = resource.date.map { Double($0.dayNumber) }
        default:
            switch kind.field(kind.sort.field).flatMap(resource.value(of:)) {
            case let .text(value), let .url(value): text = Slug.fold(value); number = nil
            case let .date(value): text = nil; number = Double(value.dayNumber)
            case let .dateTime(value): text = nil; number = value.instant.timeIntervalSince1970
            case .list, .steps, .selections, .none: text = nil; number = nil
            }
        }
    }

    var isMissing: Bool { number == nil && text == nil }

    /// Missing values sort last.
    func compare(_ other: SortKey) -> Int {
        if let a = number, let b = other.number { return a < b ? -1 : (a > b ? 1 : 0) }
        if let a = text, let b = other.text { return a < b ? -1 : (a > b ? 1 : 0) }
        if number != nil || text != nil { return -1 }
        return other.number != nil || other.text != nil ? 1 : 0
    }
}
