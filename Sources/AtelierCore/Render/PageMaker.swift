/// Renders pages through the templates: what the build and the preview's edited pages share.
struct PageMaker: Sendable {
    let model: SiteModel
    let templates: TemplateSet
    let views: ViewFactory

    init(model: SiteModel, templates: TemplateSet) {
        self.model = model
        self.templates = templates
        views = ViewFactory(model: model, parts: SharedParts(templates: templates))
    }

    func render(_ job: SiteRenderer.Job) -> String {
        templates.render(TemplateEncoder.value(of: job.view), with: job.template)
    }

    func resourceJob(_ entry: Entry, body: RenderedMarkdown) -> SiteRenderer.Job {
        SiteRenderer.Job(url: entry.resource.url, template: "resource", view: views.resourcePage(entry, body: body))
    }

    /// A resource's text parsed (its mistakes in `log`), and its page.
    func resourcePage(_ entry: Entry, log: inout DiagnosticLog) -> (body: RenderedMarkdown, html: String) {
        let body = model.markdown.render(entry.resource.body, log: &log)
        return (body, render(resourceJob(entry, body: body)))
    }
}
