/// Builds the view model of each kind of page from the site model.
struct ViewFactory {
    let model: SiteModel
    let parts: SharedParts
    let cards: CardShelf
    let chrome: PageChrome

    /// `everyCard`: whether to make every resource's card at once, on every core (when most lists are worked out).
    init(model: SiteModel, parts: SharedParts, everyCard: Bool) {
        self.model = model
        self.parts = parts
        cards = CardShelf(everyCard ? model.entries : []) { [site = model.site] in Self.card($0, site: site) }
        chrome = PageChrome(model: model, parts: parts)
    }

    var site: SiteConfig { model.site }

    // MARK: Shared pieces

    /// `structuredData`: the page's schema.org descriptions (JSON-LD objects); `published`: a resource's date, which
    /// makes the page an article for Open Graph.
    func layout(title: String, description: String, url: String, structuredData: FromText<[String]> = .value([]),
                published: String? = nil) -> Layout {
        let around = chrome.around(url)
        let fullTitle = url == SiteAddresses.home ? site.title : "\(title) · \(site.title)"
        return Layout(siteTitle: site.title, siteDescription: site.description, language: site.language,
                      title: fullTitle, description: description.isEmpty ? site.description : description,
                      canonical: site.absoluteURL(url),
                      sharing: Sharing(type: published == nil ? "website" : "article", title: title,
                                       image: site.absoluteURL(Sharing.imagePath), imageAlt: site.title,
                                       publishedTime: published,
                                       structuredData: structuredData.map { $0.isEmpty ? nil : StructuredData.script($0) }),
                      nav: around.nav, feedURL: SiteAddresses.feed, tagIndexURL: site.addresses.themes,
                      header: around.header, footer: chrome.footer)
    }

    func tagURL(_ slug: String) -> String { Self.tagURL(slug, site: site) }

    static func tagURL(_ slug: String, site: SiteConfig) -> String { site.addresses.theme(slug) }

    /// « novembre 2025 », or what the page says when no source dates it.
    static func dateLabel(_ r: Resource) -> String {
        r.date.map { FrenchDates.long($0, r.datePrecision) } ?? "date non précisée"
    }

    func card(_ entry: Entry) -> Card { cards.card(entry).value }

    private static func card(_ entry: Entry, site: SiteConfig) -> Card {
        let r = entry.resource
        let kind = site.kind(r.kind)
        return Card(title: r.title, url: r.url, summary: r.summary, kindLabel: kind?.singular ?? r.kind,
                    dateISO: r.date?.iso(r.datePrecision), dateLabel: Self.dateLabel(r),
                    when: r.startTime.map { FrenchDates.span(from: $0, to: r.endTime) }, place: r.place,
                    tags: entry.tags.prefix(Card.shownTags).map { TagLink(label: $0.label, url: tagURL($0.slug, site: site)) },
                    moreTags: entry.tags.count > Card.shownTags
                        ? "et " + Self.count(entry.tags.count - Card.shownTags, "autre thème", "autres thèmes") : nil,
                    isArchived: entry.isArchived)
    }

    /// A card as lists show it: rendered once, wherever it appears.
    func listedCard(_ entry: Entry) -> ListedCard { ListedCard(card: cards.card(entry), parts: parts) }

    func kindSummary(_ kind: KindConfig) -> KindSummary {
        let count = model.listed(ofKind: kind.id).count
        return KindSummary(label: kind.plural, url: SiteAddresses.kind(kind.id), description: kind.description,
                           count: count, countLabel: Self.count(count, "ressource", "ressources"), orderNote: Self.orderNote(kind.sort))
    }

    /// How a list sorted by date orders what no source dates.
    static func orderNote(_ sort: SortOrder) -> String? {
        guard sort.field == "date" else { return nil }
        return (sort.descending ? "Des plus récentes aux plus anciennes" : "Des plus anciennes aux plus récentes")
            + " ; celles dont aucune source ne donne la date viennent à la fin."
    }

    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        n == 0 ? "aucune \(singular)" : "\(FrenchNumbers.format(n)) \(n == 1 ? singular : plural)"
    }

    private func toc(_ body: RenderedMarkdown) -> [TocItem] {
        let shown = body.toc.filter { $0.level >= 2 }
        let top = shown.map(\.level).min() ?? 2
        return shown.map { TocItem(id: $0.id, text: $0.text, isSub: $0.level > top) }
    }

    // MARK: Pages

    func resourcePage(_ entry: Entry, text: ShownText) -> ResourcePageView {
        let r = entry.resource
        let kind = site.kind(r.kind)!
        let toc = text.map(toc)
        let paths = paths(entry)
        let detail = ResourceDetail(
            title: r.title, summary: r.summary, kindLabel: kind.singular, kindURL: SiteAddresses.kind(kind.id), kindPlural: kind.plural,
            dateISO: r.date?.iso(r.datePrecision), dateLabel: Self.dateLabel(r),
            onlineLabel: r.onlineSince.map { FrenchDates.long($0) }, onlineISO: r.onlineSince?.description, body: text.map(\.html),
            toc: toc, hasToc: toc.map { $0.count >= 3 }, details: details(r, kind: kind),
            tags: entry.tags.map { TagLink(label: $0.label, url: tagURL($0.slug)) },
            boussole: model.boussole.axes.compactMap { axis in
                guard let values = r.boussole[axis.id], !values.isEmpty else { return nil }
                return BoussolePlacement(axisLabel: axis.label, values: values.compactMap { id in
                    axis.value(id).map { TagLink(label: $0.label, url: BoussolePaths.value(axis.id, id)) }
                })
            },
            partners: r.partners.isEmpty ? nil : r.partners.joined(separator: ", "),
            links: r.links.map { LinkView(label: $0.label, url: $0.url, typeLabel: $0.type.label) },
            related: entry.related.compactMap { model.entry(url: $0) }.map(listedCard),
            isArchived: entry.isArchived,
            calendarURL: r.startTime == nil ? nil : r.url + ICalendar.eventFile,
            isPast: r.startTime != nil && !r.isUpcoming(on: model.buildDate),
            path: path(entry), partOf: paths.count == 1 ? paths[0] : nil, partOfSeveral: paths.count > 1 ? paths : [])
        let described = StructuredData(site: site)
        let structuredData = text.map { _ in
            [described.resource(r, kindLabel: kind.singular),
             described.breadcrumbs([("Accueil", SiteAddresses.home), (kind.plural, SiteAddresses.kind(kind.id)), (r.title, r.url)])]
        }
        return ResourcePageView(layout: layout(title: r.title, description: r.summary, url: r.url, structuredData: structuredData,
                                               published: r.platformDayISO),
                                resource: detail)
    }

    /// The kind's own fields, formatted; an event's start and end read as one span.
    private func details(_ r: Resource, kind: KindConfig) -> [Detail] {
        kind.fields.compactMap { spec in
            guard let value = r.value(of: spec) else { return nil }
            switch value {
            case let .dateTime(time) where spec.role == .start:
                return Detail(label: "Quand", value: FrenchDates.span(from: time, to: r.endTime), url: nil)
            case .dateTime where spec.role == .end && r.startTime != nil:
                return nil
            case let .dateTime(time): return Detail(label: spec.label, value: FrenchDates.moment(time), url: nil)
            case let .text(text): return Detail(label: spec.label, value: text, url: nil)
            case let .date(date): return Detail(label: spec.label, value: FrenchDates.long(date), url: nil)
            case let .url(url): return Detail(label: spec.label, value: url, url: url)
            case let .list(items): return Detail(label: spec.label, value: items.joined(separator: ", "), url: nil)
            case .steps, .selections: return nil  // shown as the path's steps
            }
        }
    }

    func home() -> HomeView {
        let listed = model.entries.filter { !$0.isArchived }
        // What went on the platform last; a resource with no such day was there from the start.
        let latest = listed.filter { $0.resource.platformDay != nil }
            .sorted { ($0.resource.platformDay!, $1.resource.url) > ($1.resource.platformDay!, $0.resource.url) }.prefix(6)
        let upcoming = upcomingEvents(listed).prefix(3)
        let home = model.home
        let thisWeek = Jeudis.thursday(onOrBefore: model.buildDate)
        let jeudi = model.jeudis.first.map { issue in
            Teaser(heading: issue.thursday == thisWeek ? "Cette semaine" : "Dernier numéro", title: issueTitle(issue),
                   url: JeudiIssue.url(of: issue.thursday), detail: issueSummary(issue))
        }
        let nextEvent = upcoming.first.map(\.resource).map { event in
            Teaser(heading: "Prochain événement", title: event.title, url: event.url,
                   detail: [event.startTime.map { FrenchDates.span(from: $0, to: event.endTime) }, event.place]
                       .compactMap { $0 }.joined(separator: " · "))
        }
        return HomeView(layout: layout(title: site.title, description: home?.page.summary ?? site.description, url: SiteAddresses.home,
                                       structuredData: .value([StructuredData(site: site).website()])),
                        title: home?.page.title ?? site.title, compass: compass().render(), jeudi: jeudi, nextEvent: nextEvent,
                        intro: home?.body.html ?? "",
                        kinds: site.kinds.map(kindSummary), latest: latest.map(listedCard), upcoming: upcoming.map(listedCard),
                        hasUpcoming: !upcoming.isEmpty, gridURL: model.grid.map { _ in Grid.url })
    }

    /// Pages of one kind's list: `/fiches/`, `/fiches/page/2/`… An agenda kind lists its coming events first,
    /// soonest first, then its past events, most recent first.
    func listPages(_ kind: KindConfig) -> PagedList<ListView> {
        let listed = model.listed(ofKind: kind.id)
        let upcoming = kind.isAgenda ? upcomingEvents(listed) : []
        let past = kind.isAgenda
            ? listed.filter { !$0.resource.isUpcoming(on: model.buildDate) }.sorted { ($0.resource.startTime!, $1.resource.url) > ($1.resource.startTime!, $0.resource.url) }
            : listed
        let paging = Paging(items: upcoming + past, size: site.pageSize, base: SiteAddresses.kind(kind.id))
        let summary = kindSummary(kind)
        return PagedList(paging: paging, template: "list") { n in
            let slice = paging.items(on: n)
            let comingHere = slice.filter { $0.resource.isUpcoming(on: model.buildDate) && kind.isAgenda }
            let pastHere = slice.dropFirst(comingHere.count)
            return ListView(layout: layout(title: paging.title(kind.plural, on: n), description: kind.description, url: paging.url(n)),
                            kind: summary, upcoming: comingHere.map(listedCard),
                            showUpcoming: kind.isAgenda && (n == 1 || !comingHere.isEmpty),
                            showPast: kind.isAgenda && !pastHere.isEmpty,
                            isAgenda: kind.isAgenda, cards: pastHere.map(listedCard), pagination: paging.pagination(on: n),
                            calendarURL: kind.isAgenda ? SiteAddresses.agenda(kind.id) : nil)
        }
    }

    /// Events under way or to come on the build date, soonest first.
    private func upcomingEvents(_ entries: [Entry]) -> [Entry] {
        entries.filter { $0.resource.isUpcoming(on: model.buildDate) }
            .sorted { ($0.resource.startTime!, $0.resource.url) < ($1.resource.startTime!, $1.resource.url) }
    }

    /// `/themes/`: every theme with its count, in pages of `TagsView.perPage`.
    func tagIndexPages() -> [(url: String, view: TagsView)] {
        let paging = Paging(items: model.tags, size: TagsView.perPage, base: site.addresses.themes)
        return (1...paging.count).map { n in
            (paging.url(n), TagsView(layout: layout(title: paging.title("Thèmes", on: n), description: "Toutes les ressources, par thème.", url: paging.url(n)),
                                     title: "Thèmes",
                                     tags: paging.items(on: n).map { tag in
                                         TagSummary(label: tag.label, url: tagURL(tag.slug), count: listedEntries(of: tag).count)
                                     },
                                     pagination: paging.pagination(on: n)))
        }
    }

    /// A theme's resources, grouped by kind, in pages.
    func tagPages(_ tag: Tag) -> PagedList<TagView> {
        let entries = listedEntries(of: tag)
        let ordered = site.kinds.flatMap { kind in entries.filter { $0.resource.kind == kind.id } }
        let paging = Paging(items: ordered, size: site.pageSize, base: tagURL(tag.slug))
        return PagedList(paging: paging, template: "tag") { n in
            TagView(layout: layout(title: paging.title(tag.label, on: n), description: "Les ressources du thème « \(tag.label) ».", url: paging.url(n),
                                   structuredData: .value([StructuredData(site: site).breadcrumbs([("Accueil", SiteAddresses.home), ("Thèmes", site.addresses.themes),
                                                                                            (tag.label, tagURL(tag.slug))])])),
                    label: tag.label, countLabel: Self.count(entries.count, "ressource", "ressources"),
                    groups: groupedByKind(Array(paging.items(on: n))).map { CardGroup(label: $0.label, cards: $0.entries.map(listedCard)) },
                    pagination: paging.pagination(on: n))
        }
    }

    func listedEntries(of tag: Tag) -> [Entry] {
        tag.entryURLs.compactMap { model.entry(url: $0) }.filter { !$0.isArchived }
    }

    func page(_ rendered: RenderedPage) -> PageView {
        let toc = toc(rendered.body)
        return PageView(layout: layout(title: rendered.page.title, description: rendered.page.summary, url: rendered.page.url),
                        title: rendered.page.title, body: rendered.body.html, toc: toc, hasToc: toc.count >= 3)
    }

    func search() -> SearchView {
        SearchView(layout: layout(title: "Rechercher", description: "Chercher une ressource par un mot de son titre, de son résumé, de ses thèmes ou de son texte.", url: SiteAddresses.search),
                   indexURL: "/\(SearchIndex.folder)/")
    }

    func notFound() -> NotFoundView {
        NotFoundView(layout: layout(title: "Page introuvable", description: "", url: SiteAddresses.notFound))
    }

    func redirect(_ redirect: Redirect) -> RedirectView {
        RedirectView(target: redirect.to, absoluteTarget: site.absoluteURL(redirect.to))
    }

    // MARK: Les Jeudis

    func issueTitle(_ issue: JeudiIssue) -> String { site.jeudis.title(of: issue.thursday) }

    private func issueSummary(_ issue: JeudiIssue) -> String {
        if let summary = issue.editorial?.editorial.summary, !summary.isEmpty { return summary }
        let count = issue.newEntryURLs.count
        return "\(Self.count(count, "nouvelle ressource", "nouvelles ressources")) cette semaine."
    }

    /// `/jeudis/`: the issues, newest first, in pages.
    func jeudisPages() -> [(url: String, view: JeudisView)] {
        let paging = Paging(items: model.jeudis, size: site.pageSize, base: SiteAddresses.jeudis)
        return (1...paging.count).map { n in
            (paging.url(n), JeudisView(layout: layout(title: paging.title(site.jeudis.title, on: n), description: "Chaque jeudi, les nouvelles ressources et les prochains événements.", url: paging.url(n)),
                                       title: site.jeudis.title,
                                       issues: paging.items(on: n).map { issue in
                                           IssueSummary(title: issue.editorial?.editorial.title ?? issueTitle(issue),
                                                        dateLabel: FrenchDates.withWeekday(issue.thursday), dateISO: issue.thursday.description,
                                                        url: issue.url, summary: issueSummary(issue))
                                       },
                                       feedURL: SiteAddresses.jeudisFeed, pagination: paging.pagination(on: n)))
        }
    }

    /// An issue of the Jeudis on the site: the editorial, the resources it puts first and the coming events (the first
    /// `page_size` of them) on its first page, the week's new resources over as many pages as they need.
    func jeudi(_ issue: JeudiIssue) -> PagedList<JeudiView> {
        let index = model.jeudis.firstIndex { $0.thursday == issue.thursday }!
        let new = jeudiNewEntries(issue)
        let upcoming = issue.upcomingURLs.compactMap { model.entry(url: $0) }
        let paging = Paging(items: new, size: site.pageSize, base: issue.url)
        let moreUpcoming = moreEvents(upcoming.count)
        return PagedList(paging: paging, template: "jeudi") { n in
            JeudiView(
                layout: layout(title: paging.title(issueTitle(issue), on: n), description: issueSummary(issue), url: paging.url(n)),
                seriesTitle: site.jeudis.title, title: issueTitle(issue),
                dateLabel: FrenchDates.withWeekday(issue.thursday), dateISO: issue.thursday.description,
                editorialTitle: n == 1 ? issue.editorial?.editorial.title : nil, body: n == 1 ? issue.editorial?.body.html : nil,
                featured: n == 1 ? (issue.editorial?.featuredURLs ?? []).compactMap { model.entry(url: $0) }.map(listedCard) : [],
                groups: groupedByKind(Array(paging.items(on: n))).map { CardGroup(label: $0.label, cards: $0.entries.map(listedCard)) },
                upcoming: n == 1 ? upcoming.prefix(site.pageSize).map(listedCard) : [],
                upcomingLabel: upcomingLabel(), moreUpcoming: n == 1 ? moreUpcoming : nil,
                previousURL: index + 1 < model.jeudis.count ? model.jeudis[index + 1].url : nil,
                nextURL: index > 0 ? model.jeudis[index - 1].url : nil,
                emailURL: issue.url + "email.html", textURL: issue.url + "email.txt",
                pagination: paging.pagination(on: n))
        }
    }

    /// The e-mail editions: what the issue's first page shows, with links to the site for the rest.
    func jeudiEmail(_ issue: JeudiIssue) -> JeudiEmailView {
        let item = { (entry: Entry) in
            EmailItem(title: entry.resource.title, url: site.absoluteURL(entry.resource.url), summary: entry.resource.summary,
                      kindLabel: site.kind(entry.resource.kind)?.singular ?? entry.resource.kind,
                      when: entry.resource.startTime.map { FrenchDates.span(from: $0, to: entry.resource.endTime) })
        }
        let new = jeudiNewEntries(issue)
        let upcoming = issue.upcomingURLs.compactMap { model.entry(url: $0) }
        let paging = Paging(items: new, size: site.pageSize, base: issue.url)
        let hidden = new.count - paging.items(on: 1).count
        return JeudiEmailView(
            siteTitle: site.title, siteURL: site.absoluteURL(SiteAddresses.home), seriesTitle: site.jeudis.title, title: issueTitle(issue),
            dateLabel: FrenchDates.withWeekday(issue.thursday), issueURL: site.absoluteURL(issue.url),
            editorialTitle: issue.editorial?.editorial.title,
            body: issue.editorial.map { EmailStyle.inline(site.absoluteLinks($0.body.html)) }, bodyText: issue.editorial?.plainText,
            featured: (issue.editorial?.featuredURLs ?? []).compactMap { model.entry(url: $0) }.map(item),
            groups: groupedByKind(Array(paging.items(on: 1))).map { EmailGroup(label: $0.label, items: $0.entries.map(item)) },
            moreNew: hidden > 0 ? TagLink(label: "Et " + Self.count(hidden, "autre ressource nouvelle", "autres ressources nouvelles"),
                                          url: site.absoluteURL(paging.url(2))) : nil,
            upcoming: upcoming.prefix(site.pageSize).map(item),
            upcomingLabel: upcomingLabel(),
            moreUpcoming: moreEvents(upcoming.count).map { TagLink(label: $0.label, url: site.absoluteURL($0.url)) })
    }

    /// The week's new resources, grouped by kind in the order of site.yml.
    private func jeudiNewEntries(_ issue: JeudiIssue) -> [Entry] {
        groupedByKind(issue.newEntryURLs.compactMap { model.entry(url: $0) }).flatMap(\.entries)
    }

    /// « Et 12 autres événements à venir », towards the first agenda's list (coming events first), when more than a
    /// page of events is coming.
    private func moreEvents(_ count: Int) -> TagLink? {
        guard count > site.pageSize, let agenda = site.kinds.first(where: \.isAgenda) else { return nil }
        return TagLink(label: "Et " + Self.count(count - site.pageSize, "autre événement", "autres événements") + " à venir",
                       url: SiteAddresses.kind(agenda.id))
    }

    private func upcomingLabel() -> String {
        let weeks = site.jeudis.upcomingWeeks
        return "À venir dans les \(weeks == 1 ? "sept prochains jours" : "\(weeks) prochaines semaines")"
    }

    private func groupedByKind(_ entries: [Entry]) -> [(label: String, entries: [Entry])] {
        site.kinds.compactMap { kind in
            let ofKind = entries.filter { $0.resource.kind == kind.id }
            return ofKind.isEmpty ? nil : (kind.plural, ofKind)
        }
    }

}
