import Foundation

/// Renders the site through the templates on every core and hands each file to the writer as soon as it is made.
///
/// Files are made in groups (a resource's page and calendar, a kind's list, a theme's pages…), each with a key
/// (`SiteKeys`): for pages, the fingerprint of the very views they are rendered from, so that no list of what a page
/// reads is kept apart from what it shows; for other files (feeds, calendars, the search's, copies), of the files
/// and values they are made from. A group whose key is the one the cache kept, and whose
/// files the live site holds intact, is carried over; any other is made again. Resource pages come first: a text is
/// parsed only when its page is made, once, for its page and for what the rest of the site needs of it (anchors,
/// mistakes, search words); otherwise what it gave is taken from the cache. When nothing but resources' texts changed
/// since the last build, the groups that read none keep their keys: they are carried over without working them out.
struct SiteRenderer {
    let model: SiteModel
    let maker: PageMaker
    let root: URL
    let keys: SiteKeys
    /// The last build, as the cache kept it.
    let previous: BuildCache
    /// Whether nothing but resources' texts changed since the last build (headers, other files, templates, options
    /// and date as they were).
    let textsOnly: Bool
    private var views: ViewFactory { maker.views }

    /// `configuration` is the fingerprint of site.yml and boussole.yml, `contents` the hash of each content file.
    init(model: SiteModel, templates: TemplateSet, root: URL, configuration: Fingerprint, includeDrafts: Bool,
         contents: [String: Fingerprint], previous: BuildCache, textsOnly: Bool) {
        self.model = model
        self.root = root
        self.previous = previous
        self.textsOnly = textsOnly
        maker = PageMaker(model: model, templates: templates, everyCard: !textsOnly)
        keys = SiteKeys(model: model, configuration: configuration, templates: templates.fingerprint, includeDrafts: includeDrafts,
                        contents: contents)
    }

    /// One page to render: where it goes, with which template and view.
    struct Job: Sendable {
        let url: String
        let template: String
        let view: any Encodable & Sendable
    }

    /// Files made together from one set of inputs.
    struct Group: Sendable {
        enum File: Sendable {
            case text(path: String, text: String)
            case copy(path: String, source: URL)

            var path: String {
                switch self {
                case let .text(path, _), let .copy(path, _): path
                }
            }
        }

        let id: GroupID
        let key: Fingerprint
        /// Set from the part of the site the group belongs to.
        private(set) var readsTexts = false
        /// Pages rendered through the templates.
        var pages: @Sendable () -> [Job] = { [] }
        /// Files made otherwise (feeds, calendars, search, copies).
        var files: @Sendable () -> [File] = { [] }

        func reading(texts: Bool) -> Group {
            var group = self
            group.readsTexts = texts
            return group
        }
    }

    // MARK: Resources

    /// What the resources' pages gave: what each text gave (in entry order), the search index with every resource's
    /// words, and the groups and texts for the next cache.
    struct Resources: Sendable {
        let facts: [TextFacts]
        let search: SearchIndex
        let made: MadeSite
    }

    /// Every resource's page: carried over when nothing it reads changed, made again otherwise.
    func renderResources(into writer: OutputWriter) -> Resources {
        // What can be carried over is, at once; the others are made once the search knows what it keeps.
        let decisions = ParallelMap.map(model.entries) { entry in decide(entry, writer: writer) }
        var made = MadeSite()
        for decision in decisions where decision.carried {
            made.groups[.resource(decision.entry.resource.url)] = BuildCache.CachedGroup(key: decision.key!, files: decision.files, readsTexts: true)
            made.texts[decision.entry.resource.source] = decision.cached!
        }
        let kept = Set(decisions.compactMap { $0.carried ? $0.entry.resource.url : nil })
        let search = SearchIndex(listed: model.entries.filter { !$0.isArchived }.map(\.resource.url), previous: previous.search, kept: kept)
        var facts = decisions.map { $0.carried ? $0.cached?.facts : nil }
        let remade = decisions.indices.filter { !decisions[$0].carried }
        for (index, resource) in zip(remade, ParallelMap.map(remade) { make(decisions[$0].entry, writer: writer, search: search) }) {
            facts[index] = resource.text.facts
            made.groups[.resource(decisions[index].entry.resource.url)] = resource.group
            made.texts[decisions[index].entry.resource.source] = resource.text
            made.parsedTexts.insert(decisions[index].entry.resource.source)
        }
        return Resources(facts: facts.map { $0! }, search: search, made: made)
    }

    private struct Decision: Sendable {
        let entry: Entry
        /// Worked out only when the cache kept the text: a text to parse makes its page again.
        let key: Fingerprint?
        let files: [String]
        let cached: BuildCache.CachedText?
        let carried: Bool
    }

    /// Whether a resource's files are carried over (and carries them): its text as the cache kept it (same bytes, every
    /// link still finding the same thing), the same key, and its files intact. A text kept when nothing else changed
    /// keeps its key.
    private func decide(_ entry: Entry, writer: OutputWriter) -> Decision {
        let source = entry.resource.source
        let kept = previous.groups[.resource(entry.resource.url)]
        let files = resourceFiles(entry)
        let cached = previous.text(of: source, hash: keys.contents[source], in: model)
        let key = cached.map { cached in (textsOnly ? kept?.key : nil) ?? resourceKey(entry, lookups: cached.lookups) }
        let carried = key != nil && kept?.key == key && writer.carryIfIntact(files)
        return Decision(entry: entry, key: key, files: files, cached: cached, carried: carried)
    }

    private func resourceFiles(_ entry: Entry) -> [String] {
        let page = OutputWriter.path(ofPage: entry.resource.url)
        let kind = model.site.kind(entry.resource.kind)
        return kind?.isAgenda == true ? [page, String(entry.resource.url.dropFirst()) + ICalendar.eventFile] : [page]
    }

    /// The key of a resource's page is what it shows, its text as what parsing it reads; its calendar file is made
    /// from the resource's file, whose bytes that holds.
    private func resourceKey(_ entry: Entry, lookups: [LinkLookup]) -> Fingerprint {
        let text = ShownText.unparsed(content: keys.content(of: entry.resource.source), lookups: lookups)
        return keys.pages(.resource(entry.resource.url), [maker.resourceJob(entry, text: text)])
    }

    /// Parses a resource's text, writes its page (and calendar), gives its words to the search.
    private func make(_ entry: Entry, writer: OutputWriter, search: SearchIndex) -> (group: BuildCache.CachedGroup, text: BuildCache.CachedText) {
        var log = DiagnosticLog()
        let r = entry.resource
        let (body, html) = maker.resourcePage(entry, log: &log)
        writer.writePage(r.url, html)
        var files = [OutputWriter.path(ofPage: r.url)]
        if model.site.kind(r.kind)?.isAgenda == true {
            let path = String(r.url.dropFirst()) + ICalendar.eventFile
            writer.write(path, ICalendar(site: model.site).calendar([r], name: r.title))
            files.append(path)
        }
        search.add(url: r.url, title: r.title, tags: entry.tags.map(\.label), summary: r.summary, bodyTerms: searchTerms(r, body: body))
        let facts = TextFacts(anchors: body.anchors, anchorLinks: body.anchorLinks, diagnostics: log.items)
        return (BuildCache.CachedGroup(key: resourceKey(entry, lookups: body.lookups), files: files, readsTexts: true),
                BuildCache.CachedText(hash: keys.content(of: r.source), facts: facts, lookups: body.lookups))
    }

    /// The words of a text and of its steps, each once.
    private func searchTerms(_ r: Resource, body: RenderedMarkdown) -> [String] {
        guard !r.steps.isEmpty else { return body.terms }
        var steps = SearchTerms()
        for step in r.steps {
            steps.add(step.title)
            steps.add(step.text)
        }
        let known = Set(body.terms)
        return body.terms + steps.all.filter { !known.contains($0) }
    }

    // MARK: The rest of the site

    /// Every file besides the resources' pages, in groups made on every core, after `resources`; returns what the
    /// whole build made.
    func renderSite(after resources: Resources, into writer: OutputWriter) -> MadeSite {
        var made = resources.made
        var state = resources.search.state()
        let (shards, runs) = SearchIndex.shards(of: state, previous: previous.search)
        state.runs = runs
        made.search = state
        let textless = textsOnly ? carryTextless(into: writer) : (carried: [:], all: false)
        made.groups.merge(textless.carried) { $1 }
        let parts = contents(search: state, shards: shards).filter { $0.readsTexts || !textless.all }
        let groups = ParallelMap.map(parts) { part in part.groups().map { $0.reading(texts: part.readsTexts) } }.flatMap { $0 }
        made.add(ParallelMap.map(groups) { make($0, carried: textless.carried, into: writer) })
        // The sitemap lists every page the groups made (redirections aside): it comes last, while the search's meta,
        // which names every shard, is made.
        let search = resources.search
        let madeSoFar = made.groups
        let last: [@Sendable () -> [(GroupID, BuildCache.CachedGroup)]] = (textless.all ? [] : [{
            sitemap(madeSoFar.filter { $0.key != .redirections }.values.flatMap(\.files), into: writer)
        }]) + [
            {
                let documents = search.urls.compactMap(model.entry(url:))
                writer.write("\(SearchIndex.folder)/meta.json", SearchIndex.meta(days: documents.map { $0.resource.platformDay?.dayNumber ?? Int.min }, urls: search.urls,
                                                                                 keys: shards.map(\.key)))
                return []
            },
        ]
        made.add(ParallelMap.map(last) { $0() }.flatMap { $0 })
        return made
    }

    /// Carries over, with their keys, the last build's groups that read no resource's text; `all` when every one of
    /// them was (a file missing or changed in the live site leaves its group to be made again).
    private func carryTextless(into writer: OutputWriter) -> (carried: [GroupID: BuildCache.CachedGroup], all: Bool) {
        let textless = previous.groups.filter { !$0.value.readsTexts }.map { (id: $0.key, group: $0.value) }
        let carried = ParallelMap.map(textless) { writer.carryIfIntact($0.group.files) ? $0 : nil }.compactMap { $0 }
        return (Dictionary(carried.map { ($0.id, $0.group) }, uniquingKeysWith: { first, _ in first }), carried.count == textless.count)
    }

    /// Each part of the sitemap is a group keyed by its pages and their dates; `robots.txt`, and the index of a split
    /// sitemap, by the number of parts. `files`: every file the other groups made.
    private func sitemap(_ files: [String], into writer: OutputWriter) -> [(GroupID, BuildCache.CachedGroup)] {
        let feeds = Feeds(model: model)
        let urls = files.filter { $0.hasSuffix("index.html") }.map { "/" + $0.dropLast("index.html".count) }
        let parts = feeds.sitemapParts(urls: urls)
        let index = Group(id: .sitemapIndex, key: keys.key(.sitemapIndex) { $0.add(parts.count) }, files: {
            [.text(path: "robots.txt", text: feeds.robots())]
                + (parts.count > 1 ? [.text(path: "sitemap.xml", text: feeds.sitemapIndex(parts: parts.count))] : [])
        })
        let groups = parts.indices.map { part in
            let path = Feeds.sitemapPath(part: part, of: parts.count)
            return Group(id: .sitemap(path), key: keys.key(.sitemap(path)) { hasher in
                for page in parts[part] {
                    hasher.add(page.url)
                    hasher.add(page.lastChange ?? "")
                }
            }, files: { [.text(path: path, text: feeds.sitemap(parts[part]))] })
        }
        return ParallelMap.map([index] + groups) { make($0, carried: [:], into: writer) }
    }

    /// Carries a group over when the cache kept its key and the live site holds its files intact (or they were
    /// `carried` already); makes it otherwise.
    private func make(_ group: Group, carried: [GroupID: BuildCache.CachedGroup], into writer: OutputWriter) -> (GroupID, BuildCache.CachedGroup) {
        if let cached = previous.groups[group.id], cached.key == group.key, carried[group.id] != nil || writer.carryIfIntact(cached.files) {
            return (group.id, BuildCache.CachedGroup(key: group.key, files: cached.files, readsTexts: group.readsTexts))
        }
        let pages = group.pages()
        for job in pages { writer.writePage(job.url, render(job)) }
        let files = group.files()
        for file in files {
            switch file {
            case let .text(path, text): writer.write(path, text)
            case let .copy(path, source): writer.copy(path, from: source)
            }
        }
        let paths = pages.map { OutputWriter.path(ofPage: $0.url) } + files.map(\.path)
        return (group.id, BuildCache.CachedGroup(key: group.key, files: paths, readsTexts: group.readsTexts))
    }

    func render(_ job: Job) -> String { maker.render(job) }

    /// A resource's card as `partials/card` renders it.
    func card(_ entry: Entry) -> String { views.parts.card(views.card(entry)) }

    func redirectJob(_ redirect: Redirect) -> Job {
        Job(url: redirect.from, template: "redirect", view: views.redirect(redirect))
    }

    /// A group of pages keyed by what they show.
    private func viewed(_ id: GroupID, _ jobs: [Job]) -> Group {
        Group(id: id, key: keys.pages(id, jobs), pages: { jobs })
    }

    /// A list in pages, each page a group of its own: a change to one card makes again only the pages that show it.
    private func paged<View>(_ list: PagedList<View>, _ id: (Int) -> GroupID) -> [Group] {
        list.numbers.map { n in viewed(id(n), [Job(url: list.paging.url(n), template: list.template, view: list.view(n))]) }
    }

    /// The fingerprints of resources' cards, in order.
    private func addCards(_ entries: some Sequence<Entry>, into hasher: inout FingerprintHasher) {
        for entry in entries { hasher.add(views.cards.card(entry).fingerprint) }
    }

    /// A part of the site: its groups of files, made by a function run on any core, and whether they read resources'
    /// texts (when nothing but texts changed, the others keep their keys).
    struct Part: Sendable {
        let readsTexts: Bool
        let groups: @Sendable () -> [Group]
    }

    /// What the site holds besides the resources' pages, which are made first (`renderResources`), and the sitemap and
    /// the search's summary, made last from what the others made.
    func contents(search: SearchIndex.State, shards: [SearchIndex.Shard]) -> [Part] {
        let axes = model.boussole.axes
        let listed = model.entries.filter { !$0.isArchived }
        let pages = { (groups: @escaping @Sendable () -> [Group]) in Part(readsTexts: false, groups: groups) }
        let texts = { (groups: @escaping @Sendable () -> [Group]) in Part(readsTexts: true, groups: groups) }
        var parts = [
            pages {
                [viewed(.home, [Job(url: SiteAddresses.home, template: "home", view: views.home()),
                                Job(url: SiteAddresses.notFound, template: "404", view: views.notFound()),
                                Job(url: SiteAddresses.search, template: "recherche", view: views.search())]),
                 viewed(.boussole, [Job(url: BoussolePaths.root, template: "boussole", view: views.boussole())]),
                 viewed(.themes, views.tagIndexPages().map { Job(url: $0.url, template: "tags", view: $0.view) }),
                 viewed(.jeudis, views.jeudisPages().map { Job(url: $0.url, template: "jeudis", view: $0.view) }),
                 viewed(.redirections, model.redirects.map(redirectJob))]
                    + model.pages.map { page in viewed(.page(page.page.url), [Job(url: page.page.url, template: "page", view: views.page(page))]) }
                    + (model.grid.map { [viewed(.grid, [Job(url: Grid.url, template: "grille", view: views.grid($0))])] } ?? [])
            },
            pages { [boussoleData()] },
        ]
        parts += model.site.kinds.map { kind in pages { paged(views.listPages(kind)) { .list(kind.id, page: $0) } } }
        parts += model.tags.map { tag in pages { paged(views.tagPages(tag)) { .theme(tag.slug, page: $0) } } }
        for axis in axes {
            parts += axis.values.map { value in
                pages { paged(views.boussoleValuePages(axis: axis, value: value)) { .boussoleValue(axis.id, value.id, page: $0) } }
            }
        }
        if axes.count > 1 {
            for value in axes[0].values {
                parts += axes[1].values.map { other in
                    pages { paged(views.boussolePairPages(axes[0], value, axes[1], other)) { .boussolePair(value.id, other.id, page: $0) } }
                }
            }
        }
        parts += model.jeudis.indices.map { index in pages { [jeudi(at: index)] } }
        parts += [pages { searchCards(search) }, pages { copies() }, texts { [feeds()] }, texts { searchShards(search, shards: shards) }]
        parts += model.site.kinds.filter(\.isAgenda).map { kind in texts { [calendar(kind, listed.filter { $0.resource.kind == kind.id })] } }
        return parts
    }

    /// An issue of the Jeudis: its pages and e-mail editions.
    private func jeudi(at index: Int) -> Group {
        let issue = model.jeudis[index]
        let pages = views.jeudi(issue)
        let email = views.jeudiEmail(issue)
        return viewed(.jeudi(issue.thursday),
                      pages.numbers.map { Job(url: pages.paging.url($0), template: pages.template, view: pages.view($0)) }
                          + [Job(url: issue.url + "email.html", template: "jeudi-email", view: email),
                             Job(url: issue.url + "email.txt", template: "jeudi-email-text", view: email)])
    }

    /// The feeds read their resources' whole texts (parsed again when the feed is made) and the issues of the Jeudis.
    private func feeds() -> Group {
        let feeds = Feeds(model: model)
        let key = keys.key(.feeds) { hasher in
            let entries = feeds.atomEntries()
            addCards(entries, into: &hasher)
            for entry in entries {
                hasher.add(keys.content(of: entry.resource.source))
                for lookup in previous.texts[entry.resource.source]?.lookups ?? [] {
                    hasher.add(lookup.path)
                    hasher.add(model.markdown.resolve(lookup.path)?.url ?? "—")
                    hasher.add(model.markdown.resolve(lookup.path)?.availability.code ?? -1)
                }
            }
            for issue in feeds.feedIssues {
                hasher.add(issue.thursday.description)
                hasher.add(issue.editorial?.editorial.title ?? "")
                hasher.add(issue.editorial?.body.html ?? "")
                addCards(issue.newEntryURLs.compactMap(model.entry(url:)), into: &hasher)
            }
        }
        return Group(id: .feeds, key: key, files: {
            [.text(path: "atom.xml", text: feeds.atom()), .text(path: "jeudis/atom.xml", text: feeds.jeudisAtom())]
        })
    }

    private func boussoleData() -> Group {
        let data = BoussoleData(model: model)
        return Group(id: .boussoleData, key: keys.key(.boussoleData) { data.fingerprint(into: &$0) },
                     files: { [.text(path: BoussoleData.path, text: data.json())] })
    }

    /// The agenda of an agenda kind reads the files of the events it holds (`ICalendar.subscribed`).
    private func calendar(_ kind: KindConfig, _ entries: [Entry]) -> Group {
        let events = ICalendar.subscribed(entries.map(\.resource), on: model.buildDate, past: model.site.feedSize)
        let key = keys.key(.calendar(kind.id)) { hasher in
            for event in events {
                hasher.add(event.source)
                hasher.add(keys.content(of: event.source))
            }
        }
        return Group(id: .calendar(kind.id), key: key, files: {
            [.text(path: "\(kind.id)/\(ICalendar.agendaFile)",
                   text: ICalendar(site: model.site).calendar(events, name: "\(model.site.title) : \(kind.plural)"))]
        })
    }

    /// The search's shards, each keyed by the fingerprint of its terms and postings.
    /// A shard's file reads nothing else: it is kept through a template or configuration edit.
    private func searchShards(_ search: SearchIndex.State, shards: [SearchIndex.Shard]) -> [Group] {
        let kept = SearchIndex.KeptRuns(search)
        return shards.map { shard in
            Group(id: .searchShard(shard.key), key: keys.standalone(.searchShard(shard.key)) { $0.add(shard.print) },
                  files: { [.text(path: SearchIndex.shardPath(shard.key), text: SearchIndex.shardText(shard, kept: kept))] })
        }
    }

    /// The search's chunks of cards, in the order of its documents.
    private func searchCards(_ search: SearchIndex.State) -> [Group] {
        let documents = search.urls.compactMap(model.entry(url:))
        return stride(from: 0, to: documents.count, by: SearchIndex.chunkSize).map { start in
            let chunk = Array(documents[start..<min(documents.count, start + SearchIndex.chunkSize)])
            let id = GroupID.searchCards(start / SearchIndex.chunkSize)
            return Group(id: id, key: keys.key(id) { addCards(chunk, into: &$0) }, files: {
                [.text(path: SearchIndex.chunkPath(start / SearchIndex.chunkSize), text: SearchIndex.chunkText(chunk.map(card)))]
            })
        }
    }

    /// Files beside the content and the templates' assets, copied byte for byte (a link inside the project is copied
    /// as the file it leads to): each keyed by its path and the file's signature.
    private func copies() -> [Group] {
        let content = root.appendingPathComponent("content")
        let assets = root.appendingPathComponent("templates/assets")
        let files = model.staticFiles.map { ($0, content.appendingPathComponent($0)) }
            + FileTree.list(assets, within: root).files.map { ("assets/\($0)", assets.appendingPathComponent($0)) }
        return files.map { path, url in
            let source = URL(fileURLWithPath: PhysicalPath.resolve(url))
            return Group(id: .copy(path), key: keys.key(.copy(path)) { hasher in
                hasher.add(FileTree.signature(of: source.path).map { "\($0)" } ?? "?")
            }, files: { [.copy(path: path, source: source)] })
        }
    }
}

/// What a build made, group by group, and what each resource's text gave: the next cache.
struct MadeSite: Sendable {
    var groups: [GroupID: BuildCache.CachedGroup] = [:]
    var texts: [String: BuildCache.CachedText] = [:]
    /// The sources of the texts parsed by this build (the others are the cache's own).
    var parsedTexts: Set<String> = []
    var search: SearchIndex.State?

    mutating func add(_ made: [(GroupID, BuildCache.CachedGroup)]) {
        for (id, group) in made { groups[id] = group }
    }
}
