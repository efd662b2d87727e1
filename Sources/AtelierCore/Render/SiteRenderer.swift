import Foundation

/// Renders every page of the model through the templates, in parallel, plus feeds and copied files.
struct SiteRenderer {
    let model: SiteModel
    let templates: TemplateSet
    let root: URL

    /// One page to render: where it goes, with which template and view.
    struct Job: Sendable {
        let url: String
        let template: String
        let view: any Sendable
    }

    func render() -> [OutputFile] {
        let jobs = pageJobs()
        let pages = ParallelMap.map(jobs) { job in
            OutputFile.page(job.url, templates.render(TemplateValue.make(job.view), with: job.template))
        }
        let feeds = Feeds(model: model)
        let sitemapURLs = jobs.map(\.url).filter { $0.hasSuffix("/") }
        let machineFiles = [
            OutputFile(path: "atom.xml", contents: .text(feeds.atom())),
            OutputFile(path: "jeudis/atom.xml", contents: .text(feeds.jeudisAtom())),
            OutputFile(path: "sitemap.xml", contents: .text(feeds.sitemap(urls: sitemapURLs))),
            OutputFile(path: "robots.txt", contents: .text(feeds.robots())),
            OutputFile(path: "recherche/index.json", contents: .text(SearchIndex(model: model).json())),
        ] + calendars()
        let redirects = model.redirects.map { redirect in
            OutputFile.page(redirect.from, templates.render(TemplateValue.make(ViewFactory(model: model).redirect(redirect)), with: "redirect"))
        }
        return pages + machineFiles + redirects + copiedFiles()
    }

    func pageJobs() -> [Job] {
        let views = ViewFactory(model: model)
        var jobs = [Job(url: "/", template: "home", view: views.home()),
                    Job(url: "/404.html", template: "404", view: views.notFound())]
        jobs += model.entries.map { Job(url: $0.resource.url, template: "resource", view: views.resourcePage($0)) }
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
    private func calendars() -> [OutputFile] {
        let ics = ICalendar(site: model.site)
        return model.site.kinds.filter(\.isAgenda).flatMap { kind -> [OutputFile] in
            let events = model.listed(ofKind: kind.id).map(\.resource)
                .sorted { ($0.startTime!, $0.url) < ($1.startTime!, $1.url) }
            let agenda = OutputFile(path: "\(kind.id)/\(ICalendar.agendaFile)",
                                    contents: .text(ics.calendar(events, name: "\(model.site.title) : \(kind.plural)")))
            return [agenda] + model.entries(ofKind: kind.id).map { entry in
                OutputFile(path: String(entry.resource.url.dropFirst()) + ICalendar.eventFile,
                           contents: .text(ics.calendar([entry.resource], name: entry.resource.title)))
            }
        }
    }

    /// Files next to the content and the templates' assets, copied byte for byte: a link inside the project is
    /// copied as the file it leads to, never as a link.
    private func copiedFiles() -> [OutputFile] {
        let content = root.appendingPathComponent("content")
        let assets = root.appendingPathComponent("templates/assets")
        let source = { (url: URL) in URL(fileURLWithPath: PhysicalPath.resolve(url)) }
        return model.staticFiles.map { OutputFile(path: $0, contents: .copy(source(content.appendingPathComponent($0)))) }
            + FileTree.list(assets, within: root).files.map {
                OutputFile(path: "assets/\($0)", contents: .copy(source(assets.appendingPathComponent($0))))
            }
    }
}
