import Foundation

/// Renders the site through the templates on every core and hands each page to the writer as soon as it is made.
/// Resource pages come first: each text is parsed once, for its page and for what the rest of the site needs of it
/// (anchors, mistakes, search words). Then come the pages and files made from the whole site.
struct SiteRenderer {
    let model: SiteModel
    let templates: TemplateSet
    let root: URL
    private let views: ViewFactory
    private let search: SearchIndex

    init(model: SiteModel, templates: TemplateSet, root: URL) {
        self.model = model
        self.templates = templates
        self.root = root
        views = ViewFactory(model: model, parts: SharedParts(templates: templates))
        search = SearchIndex(listed: model.entries.filter { !$0.isArchived }.map(\.resource.url))
    }

    /// One page to render: where it goes, with which template and view.
    struct Job: Sendable {
        let url: String
        let template: String
        let view: any Encodable & Sendable
    }

    /// Parses every resource's text, in entry order, and writes each page as soon as its text is parsed.
    func renderResources(into writer: OutputWriter) -> [TextFacts] {
        TextFacts.of(model) { entry, body in
            let job = resourceJob(entry, body: body)
            writer.writePage(job.url, render(job))
            let r = entry.resource
            search.add(url: r.url, title: r.title, tags: entry.tags.map(\.label), summary: r.summary, bodyTerms: body.terms)
        }
    }

    func resourceJob(_ entry: Entry, body: RenderedMarkdown) -> Job {
        Job(url: entry.resource.url, template: "resource", view: views.resourcePage(entry, body: body))
    }

    /// Every page and file besides the resources' pages.
    func renderSite(into writer: OutputWriter) {
        let jobs = siteJobs()
        ParallelMap.map(jobs) { writer.writePage($0.url, render($0)) }
        let feeds = Feeds(model: model)
        let sitemapURLs = (model.entries.map(\.resource.url) + jobs.map(\.url)).filter { $0.hasSuffix("/") }
        writer.write("atom.xml", feeds.atom())
        writer.write("jeudis/atom.xml", feeds.jeudisAtom())
        writer.write("sitemap.xml", feeds.sitemap(urls: sitemapURLs))
        writer.write("robots.txt", feeds.robots())
        let documents = ParallelMap.map(search.urls.compactMap(model.entry(url:))) { entry in
            SearchIndex.Document(url: entry.resource.url, date: entry.resource.date, card: card(entry))
        }
        for (path, text) in search.files(documents: documents) { writer.write(path, text) }
        writer.write(BoussoleData.path, BoussoleData(model: model).json())
        writeCalendars(into: writer)
        for job in model.redirects.map(redirectJob) { writer.writePage(job.url, render(job)) }
        copyFiles(into: writer)
    }

    /// A resource's card as `partials/card` renders it.
    func card(_ entry: Entry) -> String { views.parts.card(views.card(entry)) }

    func redirectJob(_ redirect: Redirect) -> Job {
        Job(url: redirect.from, template: "redirect", view: views.redirect(redirect))
    }

    func render(_ job: Job) -> String {
        templates.render(TemplateEncoder.value(of: job.view), with: job.template)
    }

    /// The pages besides resources', built on every core: each group (a kind's list, a theme, a value of the
    /// boussole…) makes its pages' views.
    func siteJobs() -> [Job] {
        let axes = model.boussole.axes
        var groups: [@Sendable () -> [Job]] = [
            { [Job(url: "/", template: "home", view: views.home()), Job(url: "/404.html", template: "404", view: views.notFound()),
               Job(url: "/boussole/", template: "boussole", view: views.boussole()),
               Job(url: "/recherche/", template: "recherche", view: views.search())]
              + model.pages.map { Job(url: $0.page.url, template: "page", view: views.page($0)) } },
            { views.tagIndexPages().map { Job(url: $0.url, template: "tags", view: $0.view) } },
            { views.jeudisPages().map { Job(url: $0.url, template: "jeudis", view: $0.view) } },
        ]
        groups += model.site.kinds.map { kind in { views.listPages(kind).map { Job(url: $0.url, template: "list", view: $0.view) } } }
        groups += model.tags.map { tag in { views.tagPages(tag).map { Job(url: $0.url, template: "tag", view: $0.view) } } }
        for axis in axes {
            groups += axis.values.map { value in
                { views.boussoleValuePages(axis: axis, value: value).map { Job(url: $0.url, template: "boussole-value", view: $0.view) } }
            }
        }
        if axes.count > 1 {
            for value in axes[0].values {
                groups += axes[1].values.map { other in
                    { views.boussolePairPages(axes[0], value, axes[1], other).map { Job(url: $0.url, template: "boussole-value", view: $0.view) } }
                }
            }
        }
        groups += model.jeudis.map { issue in
            {
                let email = views.jeudiEmail(issue)
                return [Job(url: issue.url, template: "jeudi", view: views.jeudi(issue)),
                        Job(url: issue.url + "email.html", template: "jeudi-email", view: email),
                        Job(url: issue.url + "email.txt", template: "jeudi-email-text", view: email)]
            }
        }
        return ParallelMap.map(groups) { $0() }.flatMap { $0 }
    }

    /// The agenda of each agenda kind, and one file per event.
    private func writeCalendars(into writer: OutputWriter) {
        let ics = ICalendar(site: model.site)
        for kind in model.site.kinds where kind.isAgenda {
            let events = model.listed(ofKind: kind.id).map(\.resource)
                .sorted { ($0.startTime!, $0.url) < ($1.startTime!, $1.url) }
            writer.write("\(kind.id)/\(ICalendar.agendaFile)", ics.calendar(events, name: "\(model.site.title) : \(kind.plural)"))
            for entry in model.entries(ofKind: kind.id) {
                writer.write(String(entry.resource.url.dropFirst()) + ICalendar.eventFile,
                             ics.calendar([entry.resource], name: entry.resource.title))
            }
        }
    }

    /// Files next to the content and the templates' assets, copied byte for byte: a link inside the project is
    /// copied as the file it leads to, never as a link.
    private func copyFiles(into writer: OutputWriter) {
        let content = root.appendingPathComponent("content")
        let assets = root.appendingPathComponent("templates/assets")
        let source = { (url: URL) in URL(fileURLWithPath: PhysicalPath.resolve(url)) }
        for file in model.staticFiles { writer.copy(file, from: source(content.appendingPathComponent(file))) }
        for file in FileTree.list(assets, within: root).files {
            writer.copy("assets/\(file)", from: source(assets.appendingPathComponent(file)))
        }
    }
}
