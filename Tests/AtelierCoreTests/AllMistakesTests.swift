import Foundation
import Testing
@testable import AtelierCore

/// Twenty-five distinct mistakes planted across ten files (the configuration, the boussole, a template, headers and
/// texts) give exactly twenty-five diagnostics, each at its file, line and column, in one run: a mistake in a
/// header does not hide the text below it, nor one in site.yml or a template the rest of the site.
@Suite struct AllMistakesTests {
    static let site = Fixture.siteYAML.replacingOccurrences(of: "page_size: 2", with: "page_size: deux\ntitre_court: Essai")

    static let boussole = """
    axes:
      maturite:
        label: Maturité
        values:
          accompagner: { label: Accompagner }
          consolider: { label: Consolider, couleur: vert }
      profils:
        values:
          acteurs-publics: { label: Acteurs publics }
          academiques: { label: Académiques }
    """

    static let files: [String: String] = [
        "templates/tag.mustache": "{{<base}}\n{{$content}}\n<h1>{{label}}</h1>\n{{#groups}}<h2>{{label}}</h2>\n{{/content}}\n{{/base}}\n",
        "content/fiches/alpha.md": """
        ---
        title: Alpha
        date: 2025-13-01
        summary: Un résumé.
        tags: [Co-construction, ODD 17]
        boussole: { maturite: accompagner, profils: academiques }
        couleur: bleu
        ---

        Voir [le kit](../kits/absent.md), la note[^2] et [plus bas](#nulle-part).
        """,
        "content/fiches/beta.md": """
        ---
        title: Bêta
        date: 2025-10-01
        summary: Un résumé.
        tags: [Co-construction, ODD 17]
        boussole: { maturite: expert, profils: academiques }
        liens:
          - { label: "Vidéo", url: "https://exemple.fr/v", type: film }
        ---

        Lire [la méthode](gamma.md#absente).
        """,
        "content/fiches/gamma.md": Fixture.resource(title: "Gamma", body: """
        ## La méthode

        Un schéma : ![schéma](schema.png).

        [^orpheline]: Une note que rien n'appelle.
        """),
        "content/fiches/epsilon.md": Fixture.resource(title: "Epsilon", body: "Voir [la méthode](gamma.md#la-methode)."),
        "content/evenements/forum.md": """
        ---
        title: Forum
        date: 2025-10-01
        summary: Un forum.
        tags: [Co-construction, ODD 17]
        boussole: { maturite: accompagner, profils: academiques }
        debut: 2025-11-13 25:00
        inscription: pas-une-url
        ---
        """,
        "content/pages/a-propos.md": "---\ntitle: À propos\nmenu: zéro\n---\n\nLe [kit](../kits/x.md).\n",
        "content/jeudis/2025-11-19.md": "---\ntitle: Un mercredi\n---\n\nVoir [ceci](../fiches/inconnue.md).\n",
        "content/fiches/delta.md": "---\ntitle: Un titre: avec deux-points\n---\n\nIntro.\n\nVoir [rien](rien.md) et la note[^a].\n",
    ]

    struct Expected {
        let code: DiagnosticCode, file: String, line: Int, column: Int, fragment: String
    }

    static let expected: [Expected] = [
        .init(code: .cleInconnue, file: "content/boussole.yml", line: 6, column: 40, fragment: "clé inconnue « couleur »"),
        .init(code: .champManquant, file: "content/boussole.yml", line: 8, column: 5, fragment: "champ obligatoire manquant : « label »"),
        .init(code: .champManquant, file: "content/evenements/forum.md", line: 2, column: 1, fragment: "champ obligatoire manquant : « lieu »"),
        .init(code: .dateHeureInvalide, file: "content/evenements/forum.md", line: 7, column: 8, fragment: "« debut » n'est pas une date et heure valide"),
        .init(code: .adresseWebInvalide, file: "content/evenements/forum.md", line: 8, column: 14, fragment: "« inscription » n'est pas une adresse web valide"),
        .init(code: .dateInvalide, file: "content/fiches/alpha.md", line: 3, column: 7, fragment: "date impossible : « 2025-13-01 »"),
        .init(code: .cleInconnue, file: "content/fiches/alpha.md", line: 7, column: 1, fragment: "clé inconnue « couleur »"),
        .init(code: .lienCasse, file: "content/fiches/alpha.md", line: 10, column: 6, fragment: "lien vers un fichier Markdown qui n'existe pas"),
        .init(code: .noteSansDefinition, file: "content/fiches/alpha.md", line: 10, column: 42, fragment: "la note « [^2] » n'a pas de définition"),
        .init(code: .ancreIntrouvable, file: "content/fiches/alpha.md", line: 10, column: 50, fragment: "ancre introuvable : « #nulle-part »"),
        .init(code: .valeurInconnue, file: "content/fiches/beta.md", line: 6, column: 23, fragment: "« expert » n'est pas une valeur de l'axe « maturite »"),
        .init(code: .typeDeLienInconnu, file: "content/fiches/beta.md", line: 8, column: 58, fragment: "type de lien inconnu : « film »"),
        .init(code: .ancreIntrouvable, file: "content/fiches/beta.md", line: 11, column: 6, fragment: "ancre introuvable : « gamma.md#absente »"),
        .init(code: .yamlIllisible, file: "content/fiches/delta.md", line: 2, column: 16, fragment: "YAML illisible"),
        .init(code: .lienCasse, file: "content/fiches/delta.md", line: 7, column: 6, fragment: "lien vers un fichier Markdown qui n'existe pas : « rien.md »"),
        .init(code: .noteSansDefinition, file: "content/fiches/delta.md", line: 7, column: 32, fragment: "la note « [^a] » n'a pas de définition"),
        .init(code: .lienCasse, file: "content/fiches/gamma.md", line: 12, column: 13, fragment: "lien vers un fichier qui n'existe pas : « schema.png »"),
        .init(code: .noteNonAppelee, file: "content/fiches/gamma.md", line: 14, column: 1, fragment: "la note « [^orpheline] » n'est appelée nulle part"),
        .init(code: .jeudiMalNomme, file: "content/jeudis/2025-11-19.md", line: 1, column: 1, fragment: "doit s'appeler AAAA-MM-JJ.md, d'après la date d'un jeudi"),
        .init(code: .lienCasse, file: "content/jeudis/2025-11-19.md", line: 5, column: 6, fragment: "lien vers un fichier Markdown qui n'existe pas : « ../fiches/inconnue.md »"),
        .init(code: .entierAttendu, file: "content/pages/a-propos.md", line: 3, column: 7, fragment: "« menu » doit être un nombre entier positif"),
        .init(code: .lienCasse, file: "content/pages/a-propos.md", line: 6, column: 4, fragment: "lien vers un fichier Markdown qui n'existe pas : « ../kits/x.md »"),
        .init(code: .entierAttendu, file: "content/site.yml", line: 7, column: 12, fragment: "« page_size » doit être un nombre entier positif"),
        .init(code: .cleInconnue, file: "content/site.yml", line: 8, column: 1, fragment: "clé inconnue « titre_court »"),
        .init(code: .gabaritInvalide, file: "templates/tag.mustache", line: 5, column: 4, fragment: "gabarit invalide"),
    ]

    @Test func twentyFiveMistakesInTenFilesGiveTwentyFiveDiagnosticsInOneRun() throws {
        let fixture = try Fixture(files: Self.files, site: Self.site, boussole: Self.boussole)
        defer { fixture.remove() }
        let report = fixture.build()
        #expect(!report.succeeded)
        #expect(Set(Self.expected.map(\.file)).count == 10)
        let found = report.diagnostics
        for expected in Self.expected {
            let place = SourceLocation(file: expected.file, line: expected.line, column: expected.column)
            #expect(found.contains { $0.location == place && $0.code == expected.code && $0.message.contains(expected.fragment) },
                    "missing \(expected.file):\(expected.line):\(expected.column) \(expected.fragment)\nin:\n\(found.map(\.description).joined(separator: "\n"))")
        }
        #expect(found.count == Self.expected.count, "\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test func anUnreadableSiteFileStillLetsTheBoussoleAndTemplatesBeChecked() throws {
        let fixture = try Fixture(files: ["templates/tag.mustache": "{{#groups}}\n"],
                                  site: "title: [Essai\n", boussole: Self.boussole)
        defer { fixture.remove() }
        let files = Set(fixture.build().diagnostics.map(\.location.file))
        #expect(files == ["content/site.yml", "content/boussole.yml", "templates/tag.mustache"])
    }

    @Test func anUnreadableBoussoleLeavesValuesUncheckedAndTheRestChecked() throws {
        let fixture = try Fixture(files: ["content/fiches/a.md": Fixture.resource(title: "A", date: "2025-02-30"),
                                          "content/fiches/b.md": Fixture.resource(title: "B")],
                                  boussole: "axes: [\n")
        defer { fixture.remove() }
        let found = fixture.build().diagnostics.filter { $0.severity == .error }.map { "\($0.location.file) \($0.message)" }
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/boussole.yml YAML illisible") })
        #expect(found.contains { $0.hasPrefix("content/fiches/a.md date impossible") })
    }
}
