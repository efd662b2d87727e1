/// Renders pages through the templates: what the build and the preview's edited pages share.
struct PageMaker: Sendable {
    let model: SiteModel
    let templates: TemplateSet
    let views: ViewFactory

    /// `everyCard`: whether to make every resource's card at once (`ViewFactory`).
    init(model: SiteModel, templates: TemplateSet, everyCard: Bool = false) {
        self.model = model
        self.templates = templates
        views = ViewFactory(model: model, parts: SharedParts(templates: templates), everyCard: everyCard)
    }

    func render(_ job: SiteRenderer.Job) -> String {
        templates.render(TemplateEncoder.value(of: job.view), with: job.template)
    }

    /// A resource's page, from its text parsed or, for its key, from what parsing it reads.
    func resourceJob(_ entry: Entry, text: ShownText) -> SiteRenderer.Job {
        SiteRenderer.Job(url: entry.resource.url, template: "resource", view: views.resourcePage(entry, text: text))
    }

    /// A resource's text parsed (its mistakes in `log`), and its page.
    func resourcePage(_ entry: Entry, log: inout DiagnosticLog) -> (body: RenderedMarkdown, html: String) {
        let body = model.markdown.render(entry.resource.body, log: &log)
        return (body, render(resourceJob(entry, text: .parsed(body))))
    }
}
