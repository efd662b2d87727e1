import Foundation
import Testing
@testable import AtelierCore

/// Paths: a field of type `etapes` (ordered steps naming resources of the site), choices among the steps (`selections`),
/// their checks at the line and column where each mistake is written, their page, and the link back from each
/// resource a step names.
@Suite struct ParcoursTests {
    static func parcours(_ title: String, steps: String, extra: String = "") -> String {
        Fixture.resource(title: title, extra: "etapes:\n" + steps + extra, body: "Un chemin proposé par la plateforme.")
    }

    static let files: [String: String] = [
        "content/fiches/alpha.md": Fixture.resource(title: "Alpha"),
        "content/fiches/beta.md": Fixture.resource(title: "Bêta"),
        "content/fiches/futur.md": Fixture.resource(title: "Futur", date: "2025-11-27"),
        "content/parcours/premiers-pas.md": parcours("Premiers pas", steps: """
              - titre: "Se situer"
                texte: "Savoir où l'on en est, <avant> d'agir."
                ressources: [fiches/alpha, fiches/futur]
              - titre: "Comprendre"
                texte: "Les objectifs."
                ressources: fiches/beta
                liens:
                  - { label: "Le guide", url: "https://exemple.fr/guide.pdf", type: pdf }
              - titre: "Agir"
                texte: "Passer à l'action."
                ressources: [fiches/alpha]

            """, extra: "durees:\n  - { label: \"1 h\", etapes: [3, 1] }\n  - { label: \"2 h\", etapes: [1, 2, 3] }"),
        "content/parcours/approfondir.md": parcours("Approfondir", steps: """
              - titre: "Relire"
                texte: "Revenir à la fiche."
                ressources: [fiches/alpha]

            """),
    ]

    static func located(_ report: BuildReport, _ code: DiagnosticCode, file: String) -> [Diagnostic] {
        report.diagnostics.filter { $0.code == code && $0.location.file == file }
    }

    // MARK: The page of a path

    @Test func aPathShowsItsStepsInOrderWithAnchorsAndNeighbours() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try #require(site.read("parcours/premiers-pas/index.html"))
        let steps = try #require(page.components(separatedBy: "<ol class=\"etapes\">").dropFirst().first?.components(separatedBy: "</ol>").first)
        let ids = steps.components(separatedBy: "<li id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["etape-1", "etape-2", "etape-3"])
        #expect(steps.contains("<li id=\"etape-2\" value=\"2\">"))
        #expect(steps.contains("<h3>Se situer</h3>") && steps.range(of: "Se situer")!.lowerBound < steps.range(of: "Comprendre")!.lowerBound)
        #expect(steps.contains("Savoir où l’on en est, &lt;avant&gt; d’agir."), "the text is typeset and escaped")

        let second = try #require(steps.components(separatedBy: "<li id=\"etape-2\"").last?.components(separatedBy: "<li id=\"etape-3\"").first)
        #expect(second.contains("<a href=\"#etape-1\" data-precedente>Étape précédente<span class=\"visuellement-cache\"> : Se situer</span></a>"))
        #expect(second.contains("<a href=\"#etape-3\" data-suivante>Étape suivante<span class=\"visuellement-cache\"> : Agir</span></a>"))
        #expect(second.contains("<a href=\"/fiches/beta/\">Bêta</a> <span class=\"type\">(Fiche repère)</span>"))
        #expect(second.contains("<a href=\"https://exemple.fr/guide.pdf\">Le guide</a> <span class=\"type\">(PDF)</span>"))
        #expect(second.contains("<input type=\"checkbox\" value=\"2\"> Étape 2 faite"))
        #expect(!steps.components(separatedBy: "<li id=\"etape-3\"").last!.contains("data-suivante"), "the last step has no next")
        #expect(!steps.components(separatedBy: "<li id=\"etape-2\"").first!.contains("data-precedente"), "the first has no previous")

        // A resource dated after the build appears in its step from its date, like a link to it.
        #expect(!steps.contains("/fiches/futur/"))
        #expect(site.build(date: "2025-11-27").succeeded)
        #expect(site.read("parcours/premiers-pas/index.html")?.contains("<a href=\"/fiches/futur/\">Futur</a>") == true)
    }

    @Test func choicesProgressAndScriptComeOnlyWithThePath() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("parcours/premiers-pas/index.html"))
        #expect(page.contains("<legend>Durées</legend>"))
        #expect(page.contains("<input type=\"radio\" name=\"choix-etapes\" value=\"\" checked> Toutes les étapes (3)"))
        #expect(page.contains("<input type=\"radio\" name=\"choix-etapes\" value=\"1 3\"> 1 h (2 étapes)"), "numbers in order")
        #expect(page.contains("<noscript><p>Durées :</p><ul><li>1 h : étapes 1 et 3</li><li>2 h : étapes 1, 2 et 3</li></ul></noscript>"))
        #expect(page.contains("<strong class=\"progression\" role=\"status\" aria-live=\"polite\">0 étape sur 3</strong>"))
        #expect(page.contains("<div class=\"parcours-outils\" hidden>"))
        #expect(page.contains("data-cle=\"atelier-etapes:/parcours/premiers-pas/\""))
        #expect(page.contains("<script src=\"/assets/parcours.js\" defer></script>"))
        #expect(site.exists("assets/parcours.js"))
        let other = try #require(site.read("parcours/approfondir/index.html"))
        #expect(!other.contains("choix-etapes"), "no choice without selections")
        #expect(!other.contains("etapes-voisines"), "a single step has no neighbours")
        #expect(site.read("fiches/alpha/index.html")?.contains("parcours.js") == false)
    }

    @Test func aResourceLinksBackToThePathsThatNameIt() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let beta = try #require(site.read("fiches/beta/index.html"))
        #expect(beta.contains("<p class=\"parcours-lien\">Cette ressource fait partie du parcours <a href=\"/parcours/premiers-pas/#etape-2\">Premiers pas</a> (étape 2).</p>"))
        let alpha = try #require(site.read("fiches/alpha/index.html"))
        #expect(alpha.contains("<p>Cette ressource fait partie des parcours :</p>"))
        #expect(alpha.contains("<li><a href=\"/parcours/approfondir/#etape-1\">Approfondir</a> (étape 1)</li>"))
        #expect(alpha.contains("<li><a href=\"/parcours/premiers-pas/#etape-1\">Premiers pas</a> (étape 1)</li>"), "the first step that names it")
        #expect(alpha.components(separatedBy: "/parcours/premiers-pas/#").count == 2, "each path once")
        #expect(site.read("fiches/futur/index.html") == nil)
        #expect(site.build(date: "2025-11-27").succeeded)
        #expect(site.read("fiches/futur/index.html")?.contains("fait partie du parcours <a href=\"/parcours/premiers-pas/#etape-1\">") == true)
    }

    @Test func pathsAreListedSearchedAndInTheirWeeksIssueLikeAnyResource() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded)
        #expect(site.readAllPages("parcours/")?.contains("/parcours/premiers-pas/") == true)
        #expect(site.readAllPages("themes/odd-17/")?.contains("/parcours/premiers-pas/") == true)
        #expect(site.readAllPages("boussole/maturite/accompagner/")?.contains("/parcours/premiers-pas/") == true)
        #expect(site.readAllPages("jeudis/2025-11-06/")?.contains("/parcours/premiers-pas/") == true)
        let shard = try #require(site.read(SearchIndex.shardPath("pa")) ?? site.read(SearchIndex.shardPath("p")))
        #expect(shard.contains("\"passer\""), "a word written only in a step is found")
    }

    @Test func textsMayLinkToAStepOfAPath() throws {
        var files = Self.files
        let text = "Voir [l'étape 2](../parcours/premiers-pas.md#etape-2) et [la dixième](../parcours/premiers-pas.md#etape-10)."
        files["content/fiches/gamma.md"] = Fixture.resource(title: "Gamma", body: text)
        let site = try Fixture(files: files)
        defer { site.remove() }
        let report = site.build()
        let anchors = report.diagnostics.filter { $0.code == .ancreIntrouvable }
        #expect(anchors.map(\.message) == ["ancre introuvable : « ../parcours/premiers-pas.md#etape-10 » ; vouliez-vous dire « #etape-1 » ?"])
        #expect(anchors.first?.location.file == "content/fiches/gamma.md")
    }

    // MARK: Mistakes

    @Test func mistakesInStepsAreReportedWhereTheyAreWritten() throws {
        let broken = Self.parcours("Cassé", steps: """
              - titre: "Un"
                texte: "Le premier."
              - texte: "Sans titre."
                chemin: fiches/alpha
              - titre: ""
                texte: "Titre vide."

            """)
        let beyond = Self.parcours("Trop loin", steps: """
              - titre: "Un"
                texte: "Le premier."
              - titre: "Deux"
                texte: "Le second."

            """, extra: "durees:\n  - { label: \"Court\", etapes: [1, 9] }\n  - { label: \"Long\" }")
        let unknown = Self.parcours("Introuvable", steps: """
              - titre: "Un"
                texte: "Vers des ressources."
                ressources: [fiches/alpha, fiches/absente]
              - titre: "Deux"
                texte: "Vers un brouillon."
                ressources:
                  - fiches/brouillon

            """)
        let site = try Fixture(files: [
            "content/fiches/alpha.md": Fixture.resource(title: "Alpha"),
            "content/fiches/brouillon.md": Fixture.resource(title: "Brouillon", extra: "draft: true"),
            "content/parcours/casse.md": broken,
            "content/parcours/trop-loin.md": beyond,
            "content/parcours/introuvable.md": unknown,
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        func at(_ file: String, _ text: String, _ needle: String, after line: Int = 0) -> AtelierCore.SourceLocation {
            let (line, column) = Fixture.place(of: needle, in: text, after: line)
            return SourceLocation(file: file, line: line, column: column)
        }

        let casse = "content/parcours/casse.md"
        let missing = Self.located(report, .champManquant, file: casse)
        #expect(missing.map(\.location) == [at(casse, broken, "texte: \"Sans titre.\"")])
        #expect(missing.first?.message == "champ obligatoire manquant : « titre »")
        #expect(missing.first?.hint == "ajoutez « titre: … » à l'étape 2")
        #expect(Self.located(report, .cleInconnue, file: casse).map(\.location) == [at(casse, broken, "chemin")])
        #expect(Self.located(report, .champARemplir, file: casse).map(\.location) == [at(casse, broken, "titre: \"\"")])

        let loin = "content/parcours/trop-loin.md"
        let number = Self.located(report, .etapeInexistante, file: loin)
        let line = Fixture.place(of: "Court", in: beyond).line
        #expect(number.map(\.location) == [at(loin, beyond, "9", after: line - 1)])
        #expect(number.first?.message == "l'étape 9 n'existe pas : il n'y a que 2 étapes")
        #expect(Self.located(report, .champManquant, file: loin).map(\.message) == ["champ obligatoire manquant : « etapes »"])

        let introuvable = "content/parcours/introuvable.md"
        let absent = Self.located(report, .ressourceIntrouvable, file: introuvable)
        #expect(absent.map(\.location) == [at(introuvable, unknown, "fiches/absente")])
        #expect(absent.first?.message == "« fiches/absente » ne correspond à aucune ressource")
        let draft = Self.located(report, .lienVersBrouillon, file: introuvable)
        #expect(draft.map(\.location) == [at(introuvable, unknown, "fiches/brouillon")])
        #expect(draft.first?.severity == .warning)
        #expect(draft.first?.hint == "l'étape 2 ne montre pas cette ressource tant qu'elle reste un brouillon")
    }

    @Test func aListOfStepsMustBeAListOfMappings() throws {
        let site = try Fixture(files: [
            "content/parcours/texte.md": Fixture.resource(title: "Texte", extra: "etapes: \"Se situer, puis agir\""),
            "content/parcours/vide.md": Fixture.resource(title: "Vide", extra: "etapes: []"),
            "content/parcours/liste.md": Fixture.resource(title: "Liste", extra: "etapes: [Se situer]\ndurees: 3"),
        ])
        defer { site.remove() }
        let report = site.build()
        let codes = Dictionary(grouping: report.diagnostics.filter { $0.severity == .error }) { $0.location.file }
            .mapValues { $0.map(\.code.rawValue).sorted() }
        #expect(codes["content/parcours/texte.md"] == ["liste-attendue"])
        #expect(codes["content/parcours/vide.md"] == ["champ-vide"])
        #expect(codes["content/parcours/liste.md"] == ["dictionnaire-attendu", "liste-attendue"])
    }

    @Test func aKindHasOneFieldOfStepsWhichSelectionsNeed() throws {
        let site = Fixture.siteYAML + """

          methodes:
            singular: Méthode
            plural: Méthodes
            fields:
              etapes: { type: etapes }
              sequences: { type: etapes }
          guides:
            singular: Guide
            plural: Guides
            fields:
              durees: { type: selections }
        """
        var log = DiagnosticLog()
        _ = SiteConfigLoader.load(text: site, log: &log)
        let place = { (needle: String) in
            let (line, column) = Fixture.place(of: needle, in: site)
            return SourceLocation(file: SiteConfigLoader.path, line: line, column: column)
        }
        #expect(log.items.map(\.code) == [.etapesEnDouble, .selectionsSansEtapes])
        #expect(log.items.map(\.location) == [place("sequences:"), place("durees: { type: selections }")])
        #expect(log.items.first?.message == "« sequences » : ce type a déjà un champ d'étapes, « etapes »")
    }
}
