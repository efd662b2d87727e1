import Foundation

/// The page of a resource whose file was just saved, made at once from the last build's model: what the preview shows
/// while the rebuild that brings the rest of the site up to date runs, as Hugo's server first renders the pages open
/// in a browser. The file is read and its text parsed again; what comes from other files (its related resources, the
/// paths that name it, what its links find) is the last build's until that rebuild ends. An edit the page alone
/// cannot show rightly (a new address, steps, a resource no longer published) is left to the rebuild.
public final class EditedPages: Sendable {
    public enum Outcome: Sendable {
        /// The page's file in the site (`fiches/x/index.html`) and its HTML.
        case page(path: String, html: String)
        /// The file's own mistakes, which the build will report too.
        case mistakes([Diagnostic])
        /// Only the rebuild can show this edit.
        case rebuild
    }

    private let maker: PageMaker
    private let includeDrafts: Bool
    private let reader: ContentFileReader
    /// Each theme's label, by slug, as the last build shows it.
    private let labels: [String: String]

    init(maker: PageMaker, includeDrafts: Bool) {
        self.maker = maker
        self.includeDrafts = includeDrafts
        let site = maker.model.site
        reader = ContentFileReader(site: site, resources: ResourceReader(site: site, boussole: maker.model.boussole))
        labels = Dictionary(maker.model.tags.map { ($0.slug, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// `source` is the file's path in the project (`content/fiches/x.md`), `data` its bytes (nil: unreadable).
    public func page(source: String, data: Data?) -> Outcome {
        guard source.hasPrefix("content/") else { return .rebuild }
        let model = maker.model
        let file = reader.read(relative: String(source.dropFirst("content/".count)), data: data)
        var log = file.log
        guard !log.hasErrors else { return .mistakes(log.sorted) }
        guard let resource = file.resource, let previous = model.entry(url: resource.url), previous.resource.source == source,
              resource.steps.isEmpty, previous.resource.steps.isEmpty,
              resource.isPublished(on: model.buildDate, includeDrafts: includeDrafts) else { return .rebuild }
        let entry = Entry(resource: resource, tags: tags(of: resource), isArchived: resource.isArchived(on: model.buildDate),
                          related: previous.related, stepTargets: previous.stepTargets, paths: previous.paths)
        let html = maker.resourcePage(entry, log: &log).html
        guard !log.hasErrors else { return .mistakes(log.sorted) }
        return .page(path: OutputWriter.path(ofPage: resource.url), html: html)
    }

    /// Themes folded by slug, shown as the last build shows them (a new theme as written).
    private func tags(of resource: Resource) -> [TagRef] {
        TagIndex.refs(resource.tags) { slug, spelling in labels[slug] ?? spelling }
    }
}
