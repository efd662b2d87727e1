import Foundation
import Mustache
import Testing
@testable import AtelierCore

/// Mustache renders an unknown name as empty text. These tests catch such names instead.
@Suite struct TemplateTests {
    /// A site that makes every kind of page.
    static let files = BuildTests.files.merging(JeudisTests.files) { a, _ in a }.merging(ParcoursTests.files) { a, _ in a }
        .merging(["content/grille.yml": GridTests.grid]) { a, _ in a }

    @Test func everyNameTheTemplatesUseExistsInTheirViewModels() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let missing = try unknownNames(in: site)
        #expect(missing.isEmpty, "names used by templates but absent from view models: \(missing.sorted())")
    }

    @Test func aMistypedNameIsCaught() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let card = site.root.appendingPathComponent("templates/partials/card.mustache")
        let text = try String(contentsOf: card, encoding: .utf8)
        try site.write("templates/partials/card.mustache", text.replacingOccurrences(of: "{{summary}}", with: "{{sumary}}"))
        #expect(try unknownNames(in: site) == ["sumary"])
    }

    @Test func aBrokenTemplateIsReportedAtItsLineAndColumn() throws {
        let site = try Fixture(files: BuildTests.files)
        defer { site.remove() }
        try site.write("templates/tags.mustache", "{{<base}}\n{{$content}}\n<ul>\n  {{#tags}}<li>{{label}}</li>{{/tag}}\n</ul>\n{{/content}}\n{{/base}}\n")
        let report = site.build()
        #expect(!report.succeeded)
        let diagnostic = try #require(report.diagnostics.first { $0.severity == .error })
        // The content is checked all the same: its warnings come in the same run.
        #expect(report.diagnostics.contains { $0.location.file == "content/fiches/beta.md" && $0.severity == .warning })
        #expect(diagnostic.location.file == "templates/tags.mustache")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column > 1)
        #expect(diagnostic.message.contains("la section fermée ne correspond pas"))
    }

    @Test func aMissingPartialOrTemplateIsAnError() throws {
        let site = try Fixture(files: BuildTests.files)
        defer { site.remove() }
        try site.write("templates/page.mustache", "{{<base}}\n{{$content}}\n  {{>partials/encadre}}\n{{/content}}\n{{/base}}\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates/404.mustache"))
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains {
            $0.location == SourceLocation(file: "templates/page.mustache", line: 3, column: 3)
                && $0.message == "gabarit inclus introuvable : « partials/encadre »"
        })
        #expect(report.diagnostics.contains { $0.location.file == "templates/404.mustache" && $0.message == "gabarit manquant" })
    }

    /// What a fixture makes: its model, its templates, and the job of every page (resources' texts parsed).
    struct Pages {
        let model: SiteModel
        let templates: TemplateSet
        let renderer: SiteRenderer
        let jobs: [SiteRenderer.Job]

        init(_ site: Fixture) throws {
            var log = DiagnosticLog()
            let inputs = InputScan(root: site.root)
            let content = try #require(ContentLoader.load(root: site.root, listing: inputs.content, previous: BuildCache(), log: &log))
            templates = try #require(TemplateSet.load(root: site.root, listing: inputs.templates, needsGrid: true, log: &log))
            model = SiteModelBuilder(content: content, buildDate: LocalDate(iso: "2025-11-20")!, includeDrafts: false,
                                     templateAnchors: templates.staticIDs)
                .build(log: &log)
            renderer = SiteRenderer(model: model, templates: templates, root: site.root, configuration: content.configuration,
                                    includeDrafts: false, contents: content.hashes, previous: BuildCache(), textsOnly: false)
            var ignored = DiagnosticLog()
            let model = model, renderer = renderer
            let resourceJobs = model.entries.map {
                renderer.maker.resourceJob($0, text: .parsed(model.markdown.render($0.resource.body, log: &ignored)))
            }
            let search = SearchIndex.State(urls: [], postings: [:])
            jobs = resourceJobs + renderer.contents(search: search, shards: []).flatMap { $0.groups() }.flatMap { $0.pages() }
        }
    }

    /// Renders every page of the fixture with view models that record each name asked and each name found.
    private func unknownNames(in site: Fixture) throws -> Set<String> {
        let pages = try Pages(site)
        let (model, templates, renderer) = (pages.model, pages.templates, pages.renderer)
        let probe = NameProbe()
        for job in pages.jobs {
            _ = templates.render(probe.wrap(TemplateEncoder.value(of: job.view)), with: job.template)
        }
        #expect(!model.jeudis.isEmpty && model.jeudis.contains { $0.editorial != nil })
        for job in model.redirects.map(renderer.redirectJob) {
            _ = templates.render(probe.wrap(TemplateEncoder.value(of: job.view)), with: job.template)
        }
        // Cards, header and footer are written already rendered: their templates are probed on their own.
        let views = ViewFactory(model: model, parts: SharedParts(templates: templates), everyCard: false)
        for entry in model.entries {
            _ = templates.render(probe.wrap(TemplateEncoder.value(of: views.card(entry))), with: "partials/card")
        }
        let layout = views.layout(title: "Essai", description: "", url: "/")
        for part in ["partials/header", "partials/footer"] {
            _ = templates.render(probe.wrap(TemplateEncoder.value(of: layout.header.chrome)), with: part)
        }
        return probe.asked.subtracting(probe.answered)
    }
}

/// Wraps the rendered values (the dictionaries `TemplateValue` makes) so that every name a template looks up is
/// recorded, with whether any object had it.
final class NameProbe: @unchecked Sendable {
    private(set) var asked = Set<String>()
    private(set) var answered = Set<String>()

    func wrap(_ value: Any) -> Any {
        switch value {
        case let fields as [String: Any]: return Box(fields: fields, probe: self)
        case let array as [Any]: return array.map(wrap)
        default: return value
        }
    }

    fileprivate func record(_ name: String, found: Bool) {
        asked.insert(name)
        if found { answered.insert(name) }
    }

    private struct Box: MustacheParent {
        let fields: [String: Any]
        let probe: NameProbe

        func child(named name: String) -> Any? {
            probe.record(name, found: fields[name] != nil)
            return fields[name].map(probe.wrap)
        }
    }
}
