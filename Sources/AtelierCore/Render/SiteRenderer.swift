import Foundation

/// Renders the site through the templates on every core and hands each page to the writer as soon as it is made.
/// Resource pages come first: each text is parsed once, for its page and for what the rest of the site needs of it
/// (anchors, mistakes, search words). Then come the pages and files made from the whole site.
struct SiteRenderer {
    let model: SiteModel
    let templates: TemplateSet
    let root: URL

    /// One page to render: where it goes, with which template and view.
    struct Job: Sendable {
        let url: String
        let template: String
        let view: any Encodable & Sendable
    }

    private var views: ViewFactory { ViewFactory(model: model) }

    /// Parses every resource's text, in entry order, and writes each page as soon as its text is parsed.
    func renderResources(into writer: OutputWriter) -> [TextFacts] {
        TextFacts.of(model) { entry, body in
            let job = resourceJob(entry, body: body)
            writer.writePage(job.url, render(job))
        }
    }

    func resourceJob(_ entry: Entry, body: RenderedMarkdown) -> Job {
        Job(url: entry.resource.url, template: "resource", view: views.resourcePage(entry, body: body))
    }

    /// Every page and file besides the resources' pages.
    func renderSite(facts: [TextFacts], into writer: OutputWriter) {
        let jobs = siteJobs()
        ParallelMap.map(jobs) { writer.writePage($0.url, render($0)) }
        let feeds = Feeds(model: model)
        let sitemapURLs = (model.entries.map(\.resource.url) + jobs.map(\.url)).filter { $0.hasSuffix("/") }
        writer.write("atom.xml", feeds.atom())
        writer.write("jeudis/atom.xml", feeds.jeudisAtom())
        writer.write("sitemap.xml", feeds.sitemap(urls: sitemapURLs))
        writer.write("robots.txt", feeds.robots())
        let texts = Dictionary(zip(model.entries.map(\.resource.url), facts.map(\.searchText)), uniquingKeysWith: { a, _ in a })
        writer.write("recherche/index.json", SearchIndex(model: model, texts: texts).json())
        writeCalendars(into: writer)
        for redirect in model.redirects {
            writer.writePage(redirect.from, render(Job(url: redirect.from, template: "redirect", view: views.redirect(redirect))))
        }
        copyFiles(into: writer)
    }

    func render(_ job: Job) -> String {
        templates.render(TemplateEncoder.value(of: job.view), with: job.template)
    }

    func siteJobs() -> [Job] {
        let views = self.views
        var jobs = [Job(url: "/", template: "home", view: views.home()),
                    Job(url: "/404.html", template: "404", view: views.notFound())]
        for kind in model.site.kinds {
            jobs += views.listPages(kind).map { Job(url: $0.url, template: "list", view: $0.view) }
        }
        jobs.append(Job(url: "/\(model.site.tagIndex)/", template: "tags", view: views.tagIndex()))
        jobs += model.tags.map { Job(url: views.tagURL($0.slug), template: "tag", view: views.tagPage($0)) }
        jobs += model.pages.map { Job(url: $0.page.url, template: "page", view: views.page($0)) }
        jobs.append(Job(url: "/boussole/", template: "boussole", view: views.boussole()))
        let axes = model.boussole.axes
        for axis in axes {
            jobs += axis.values.map {
                Job(url: BoussolePaths.value(axis.id, $0.id), template: "boussole-value", view: views.boussoleValue(axis: axis, value: $0))
            }
        }
        if axes.count > 1 {
            for value in axes[0].values {
                jobs += axes[1].values.map {
                    Job(url: BoussolePaths.pair(axes[0].id, value.id, axes[1].id, $0.id), template: "boussole-value",
                        view: views.boussolePair(axes[0], value, axes[1], $0))
                }
            }
        }
        jobs.append(Job(url: "/jeudis/", template: "jeudis", view: views.jeudis()))
        jobs.append(Job(url: "/recherche/", template: "recherche", view: views.search()))
        for issue in model.jeudis {
            let email = views.jeudiEmail(issue)
            jobs += [Job(url: issue.url, template: "jeudi", view: views.jeudi(issue)),
                     Job(url: issue.url + "email.html", template: "jeudi-email", view: email),
                     Job(url: issue.url + "email.txt", template: "jeudi-email-text", view: email)]
        }
        return jobs
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
