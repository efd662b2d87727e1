import Foundation
import Testing
@testable import AtelierCore

/// The page the preview shows as soon as a resource's file is saved, before the rebuild: for an edit of the text or
/// the title it is, byte for byte, the page the rebuild then writes; the file's own mistakes are shown at once; what
/// the page alone cannot show is left to the rebuild.
@Suite struct EditedPagesTests {
    static let source = "content/fiches/beta.md"

    /// The fixture of the incremental tests, built once, then `edited` saved over `source`: the page made from the
    /// first build's model, and the page the rebuild writes.
    static func edit(_ edited: String, source: String = source) throws -> (EditedPages.Outcome, rebuilt: String?) {
        let site = try Fixture(files: IncrementalTests.startingFiles)
        defer { site.remove() }
        let first = site.build()
        let pages = try #require(first.editedPages)
        try site.write(source, edited)
        let outcome = pages.page(source: source, data: Data(edited.utf8))
        let second = site.build()
        #expect(second.succeeded == (second.diagnostics.allSatisfy { $0.severity != .error }))
        return (outcome, site.read("fiches/beta/index.html"))
    }

    @Test func textAndTitleEditsGiveThePageTheRebuildWrites() throws {
        for edited in [IncrementalTests.fiche("beta", date: "2025-11-02", tags: ["ODD 17", "Mécénat"],
                                              body: "## Partie beta\n\nUn texte tout neuf, avec [alpha](alpha.md).\n"),
                       IncrementalTests.fiche("beta", title: "Beta, le retour", date: "2025-11-02", tags: ["ODD 17", "Mécénat"],
                                              body: "## Partie beta\n\nVoir [la suite](gamma.md#partie-gamma).\n")] {
            let (outcome, rebuilt) = try Self.edit(edited)
            guard case let .page(path, html) = outcome else {
                Issue.record("attendu une page, obtenu \(outcome)")
                continue
            }
            #expect(path == "fiches/beta/index.html")
            #expect(html == rebuilt)
            #expect(html.contains("Un texte tout neuf") || html.contains("Beta, le retour"))
        }
    }

    @Test func newThemesShowAtOnce() throws {
        let edited = IncrementalTests.fiche("beta", date: "2025-11-02", tags: ["Territoires", "Tout nouveau thème"])
        guard case let .page(_, html) = try Self.edit(edited).0 else {
            Issue.record("attendu une page")
            return
        }
        #expect(html.contains("Tout nouveau thème"))
        #expect(html.contains("/themes/tout-nouveau-theme/"))
    }

    @Test func mistakesAreShownAtOnce() throws {
        let edited = IncrementalTests.fiche("beta", date: "2025-02-30")
        guard case let .mistakes(diagnostics) = try Self.edit(edited).0 else {
            Issue.record("attendu les erreurs du fichier")
            return
        }
        #expect(diagnostics.contains { $0.code == .dateInvalide && $0.location.file == Self.source })
    }

    @Test func whatThePageAloneCannotShowIsLeftToTheRebuild() throws {
        let cases = [
            IncrementalTests.fiche("beta", date: "2025-11-02", extra: "slug: beta-ailleurs"),  // a new address
            IncrementalTests.fiche("beta", date: "2025-11-02", extra: "draft: true"),           // no longer published
            IncrementalTests.fiche("beta", date: "2025-12-24"),                                 // dated after the build
        ]
        for edited in cases {
            guard case .rebuild = try Self.edit(edited).0 else {
                Issue.record("attendu une reconstruction pour :\n\(edited)")
                continue
            }
        }
        guard case .rebuild = try Self.edit(IncrementalTests.parcours(steps: [["alpha"], ["beta"], ["gamma"]]),
                                            source: "content/parcours/chemin.md").0 else {
            Issue.record("les étapes d'un parcours attendent la reconstruction")
            return
        }
    }
}
