import Foundation
import Testing
@testable import AtelierCore

/// The self-assessment grid: content/grille.yml checked at its lines and columns, `/grille/` with every practice and
/// what helps with it, no page without the file, and a rebuild after an edit of the file.
@Suite struct GridTests {
    static let grid = """
    title: "Grille d'essai"
    intro: "Une grille pour les tests."
    source: fiches/alpha
    axes:
      - label: "Expertises de Gestion"
        situations:
          - label: "Trouver et diversifier des financements"
            pratiques:
              - label: "Financer les projets"
                ressources: [fiches/alpha, evenements/salon]
                tags: [ODD 17]
              - label: "Financer l'ingénierie que je porte"
                tags: [élus locaux]
          - label: "Contractualiser"
            detail: "De la négociation à l'évaluation"
            pratiques:
              - label: "Gérer les contrats"
                ressources: [fiches/beta]
      - label: "Relations et Interactions"
        situations:
          - label: "Créer des liens"
            pratiques:
              - label: "Écouter son organisation"
                ressources: fiches/gamma
    """

    static var files: [String: String] { BuildTests.files.merging(["content/grille.yml": grid]) { a, _ in a } }

    /// Each practice's part of the page, by its id.
    private func practices(in page: String) -> [String: String] {
        var parts: [String: String] = [:]
        for part in page.components(separatedBy: "<li class=\"pratique\" id=\"").dropFirst() {
            let id = String(part.prefix { $0 != "\"" })
            parts[id] = part.components(separatedBy: "</section>").first!
        }
        return parts
    }

    @Test func thePageListsEveryPracticeWithWhatHelpsWithIt() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try #require(site.read("grille/index.html"))
        #expect(page.contains("<h1>Grille d’essai</h1>"))
        #expect(page.contains("La grille compte 2 axes, 3 situations professionnelles et 4 pratiques."))
        #expect(page.contains("Source : <a href=\"/fiches/alpha/\">Alpha</a>"))
        #expect(page.contains("<h2 id=\"axe-1\">Axe 1\u{A0}: Expertises de Gestion</h2>"))
        #expect(page.contains("<h3 id=\"situation-2\">2. Contractualiser <span class=\"detail\">(De la négociation à l’évaluation)</span></h3>"))
        #expect(page.contains("<h3 id=\"situation-3\">3. Créer des liens</h3>"))
        #expect(page.contains("ne fait pas partie de la grille d’origine"))

        let parts = practices(in: page)
        #expect(parts.keys.sorted() == ["p-ecouter-son-organisation", "p-financer-l-ingenierie-que-je-porte", "p-financer-les-projets",
                                        "p-gerer-les-contrats"])
        let expected: [String: [String]] = [
            "p-financer-les-projets": ["<a href=\"/fiches/alpha/\">Alpha</a> <span class=\"type\">(Fiche repère)</span>",
                                       "<a href=\"/evenements/salon/\">Salon &lt;des&gt; maires</a> <span class=\"type\">(Événement)</span>",
                                       "<a href=\"/themes/odd-17/\">Thème «\u{A0}ODD 17\u{A0}»</a> <span class=\"type\">(3 ressources)</span>"],
            "p-financer-l-ingenierie-que-je-porte": ["<a href=\"/themes/elus-locaux/\">Thème «\u{A0}Élus locaux\u{A0}»</a>"],
            "p-gerer-les-contrats": ["<a href=\"/fiches/beta/\">Bêta</a>"],
            "p-ecouter-son-organisation": ["<a href=\"/fiches/gamma/\">Gamma</a>"],
        ]
        for (id, links) in expected {
            let part = try #require(parts[id])
            for link in links { #expect(part.contains(link), "\(id): \(link)") }
            #expect(part.components(separatedBy: "<input type=\"radio\" name=\"\(id)\"").count == 5, "\(id): four levels")
        }
        // The radio buttons and the result wait for the script.
        #expect(page.contains("<fieldset class=\"niveaux\" aria-labelledby=\"p-gerer-les-contrats-titre p-gerer-les-contrats-question\" hidden>"))
        #expect(page.contains("<section id=\"resultat\" class=\"grille-resultat\" aria-labelledby=\"resultat-titre\" hidden>"))
        #expect(page.contains("role=\"img\" aria-labelledby=\"graphique-titre\""))
        for key in ["axe-1", "axe-2", "situation-1", "situation-2", "situation-3"] {
            #expect(page.contains("data-barre=\"\(key)\"") && page.contains("data-niveau=\"\(key)\""), "\(key)")
        }
        #expect(page.contains("<script src=\"/assets/grille.js\" defer></script>"))
        #expect(site.exists("assets/grille.js"))
        #expect(!site.exists("grille.yml"), "grille.yml is read, not copied")
        #expect(site.read("sitemap.xml")?.contains("https://exemple.fr/grille/") == true)
        #expect(site.read("index.html")?.contains("href=\"/grille/\"") == true)
        #expect(site.read("boussole/index.html")?.contains("href=\"/grille/\"") == true)
    }

    @Test func withoutGrilleYmlThereIsNoPageAndNoLink() throws {
        let site = try Fixture(files: BuildTests.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        #expect(!site.exists("grille/index.html"))
        #expect(site.read("index.html")?.contains("/grille/") == false)
        #expect(site.read("boussole/index.html")?.contains("/grille/") == false)
        #expect(site.read("sitemap.xml")?.contains("/grille/") == false)
    }

    @Test func aResourceRefusedForItsOwnMistakeIsNotAlsoSaidToBeMissing() throws {
        var files = BuildTests.files
        files["content/grille.yml"] = Self.grid
        files["content/jeudis/2025-11-20.md"] = "---\ntitle: \"Le numéro\"\na_la_une: [fiches/alpha]\n---\n\nTexte.\n"
        files["content/fiches/alpha.md"] = files["content/fiches/alpha.md"]!.replacingOccurrences(of: "date: 2025-10-01", with: "date: 2025-02-30")
        let site = try Fixture(files: files)
        defer { site.remove() }
        let errors = site.build().diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.dateInvalide])
        #expect(errors.first?.location.file == "content/fiches/alpha.md")
    }

    @Test func templatesMadeBeforeTheGridStillBuildASiteWithoutOne() throws {
        let site = try Fixture(files: BuildTests.files)
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates/grille.mustache"))
        #expect(site.build().succeeded)
        try site.write("content/grille.yml", Self.grid)
        let report = site.build()
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.gabaritManquant])
        #expect(errors.first?.location.file == "templates/grille.mustache")
    }

    static let mistakes = """
    title: "Grille d'essai"
    axes:
      - label: "Expertises de Gestion"
        situations:
          - label: "Trouver des financements"
            pratiques:
              - label: "Financer les projets"
                tags: [ODD 17, Mécénat]
                ressources: [fiches/alpha, fiches/absente, fiches/brouillon]
              - ressources: [fiches/beta]
              - label: "Financer les projets !"
                tags: [Co-construction]
              - label: "Sans aide"
          - label: "Contractualiser"
            pratiques: Gérer les contrats
            couleur: bleu
    """

    @Test func everyMistakeIsReportedAtItsPlace() throws {
        let site = try Fixture(files: BuildTests.files.merging(["content/grille.yml": Self.mistakes]) { a, _ in a })
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        let found = report.diagnostics.filter { $0.location.file == "content/grille.yml" }
            .map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" }
        #expect(found == [
            "8:28 theme-inconnu aucune ressource publiée n'a le thème « Mécénat »",
            "9:40 ressource-introuvable « fiches/absente » ne correspond à aucune ressource",
            "9:56 ressource-non-publiee « fiches/brouillon » n'est pas publiée à cette date (brouillon ou date future)",
            "10:13 champ-manquant champ obligatoire manquant : « label »",
            "11:20 pratique-en-double la pratique « Financer les projets ! » se confond avec « Financer les projets », ligne 7",
            "13:13 champ-manquant la pratique « Sans aide » n'indique ni « tags » ni « ressources »",
            "15:20 liste-attendue « pratiques » doit être une liste, chaque élément commençant par « - »",
            "16:9 cle-inconnue clé inconnue « couleur »",
        ], "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func aThemeIsSuggestedAndADraftIsPublishedWithDrafts() throws {
        let grid = Self.grid.replacingOccurrences(of: "tags: [ODD 17]", with: "tags: [ODD 71]")
            .replacingOccurrences(of: "ressources: [fiches/beta]", with: "ressources: [fiches/brouillon]")
        let site = try Fixture(files: BuildTests.files.merging(["content/grille.yml": grid]) { a, _ in a })
        defer { site.remove() }
        let report = site.build()
        let theme = try #require(report.diagnostics.first { $0.code == .themeInconnu })
        #expect(theme.message == "aucune ressource publiée n'a le thème « ODD 71 » ; vouliez-vous dire « ODD 17 » ?")
        #expect(report.diagnostics.contains { $0.code == .ressourceNonPubliee })
        // With --drafts the draft is published, and the grid may name it.
        let drafts = site.build(drafts: true)
        #expect(drafts.diagnostics.filter { $0.severity == .error }.map(\.code) == [.themeInconnu])
    }

    @Test func aMalformedFileGetsAFrenchMessageAtItsPlace() throws {
        for (text, expected) in [
            ("title: Essai\naxes:\n  - label: Un\n   situations: []\n", "4:4 yaml-illisible YAML illisible : élément de liste attendu, commençant par « - »"),
            ("title: Essai\naxes: []\n", "2:7 champ-vide « axes » est vide"),
            ("- une liste\n", "1:1 dictionnaire-attendu grille.yml doit être une liste de clés et de valeurs"),
            ("axes:\n  - { label: Un, situations: [{ label: Deux, pratiques: [{ label: Trois, tags: [ODD 17] }] }] }\n",
             "1:1 champ-manquant champ obligatoire manquant : « title »"),
        ] {
            let site = try Fixture(files: BuildTests.files.merging(["content/grille.yml": text]) { a, _ in a })
            defer { site.remove() }
            let report = site.build()
            #expect(!report.succeeded, "\(text)")
            let found = report.diagnostics.filter { $0.location.file == "content/grille.yml" }
                .map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" }
            #expect(found.count == 1 && found[0].hasPrefix(expected), "\(found)")
        }
    }

    @Test func editingGrilleYmlRemakesThePageAndLittleElse() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let home = try #require(site.read("index.html"))
        try site.write("content/grille.yml", Self.grid.replacingOccurrences(of: "ressources: fiches/gamma", with: "ressources: [fiches/gamma, fiches/beta]"))
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.filesWritten - report.filesCarried <= 5, "\(report.filesWritten - report.filesCarried) files made")
        let page = try #require(site.read("grille/index.html"))
        let part = try #require(practices(in: page)["p-ecouter-son-organisation"])
        #expect(part.contains("href=\"/fiches/beta/\""))
        #expect(site.read("index.html") == home)

        // Without the file, the page goes, and the links to it.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/grille.yml"))
        #expect(site.build().succeeded)
        #expect(!site.exists("grille/index.html"))
        #expect(site.read("index.html")?.contains("/grille/") == false)
    }

    @Test func aPageCannotTakeTheGridsAddress() throws {
        let site = try Fixture(files: Self.files.merging(["content/pages/grille.md": "---\ntitle: Grille\n---\n\nTexte.\n"]) { a, _ in a })
        defer { site.remove() }
        let report = site.build()
        #expect(report.diagnostics.contains {
            $0.code == .adresseEnDouble && $0.location.file == "content/pages/grille.md" && $0.message.contains("/grille/")
        })
    }
}
