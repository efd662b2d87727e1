import Foundation
import Testing
@testable import AtelierCore

/// A site with many distinct mistakes: each is reported once, in French, at its line and column, all in one run.
@Suite struct DiagnosticsTests {
    static let files: [String: String] = [
        "content/fiches/erreurs.md": """
        ---
        titel: "Faute de frappe"
        date: 2025-02-30
        summary: "Résumé"
        tags: Co-construction
        boussole:
          maturite: expert
          profils: [acteurs-publics]
        liens:
          - { label: "Guide", url: "pas une url", type: pdf }
          - { label: "Vidéo", url: "https://exemple.fr/v", type: film }
        ---

        Texte.
        """,
        "content/evenements/rencontre.md": """
        ---
        title: Rencontre
        date: 2025-10-01
        summary: Une rencontre.
        tags: [Co-construction]
        boussole: { maturite: accompagner, profils: academiques }
        debut: 2025-11-13 25:00
        ---
        """,
        "content/evenements/a-l-envers.md": """
        ---
        title: À l'envers
        date: 2025-10-01
        summary: Finit avant de commencer.
        tags: [Co-construction]
        boussole: { maturite: accompagner, profils: academiques }
        debut: 2025-11-13 14:00
        fin: 2025-11-13 12:00
        lieu: Lyon
        ---
        """,
        "content/kits/hors-type.md": Fixture.resource(title: "Hors type"),
        "content/fiches/lien-casse.md": Fixture.resource(title: "Lien", body: "Intro.\n\nVoir [ce kit](../kits/inexistant.md).\n"),
        "content/fiches/sans-entete.md": "Juste du texte.\n",
        "content/fiches/deux-points.md": """
        ---
        title: Un titre: avec deux-points
        ---
        """,
        "content/fiches/doublon.md": Fixture.resource(title: "Doublon", extra: "slug: lien-casse"),
        "content/fiches/sans-boussole-profil.md": Fixture.resource(title: "Partiel", boussole: "{ maturite: consolider }"),
    ]

    struct Expected {
        let file: String, line: Int, column: Int, fragment: String
    }

    static let expected: [Expected] = [
        .init(file: "content/evenements/a-l-envers.md", line: 8, column: 1, fragment: "finit avant de commencer"),
        .init(file: "content/evenements/rencontre.md", line: 2, column: 1, fragment: "champ obligatoire manquant : « lieu »"),
        .init(file: "content/evenements/rencontre.md", line: 7, column: 8, fragment: "« debut » n'est pas une date et heure valide"),
        .init(file: "content/fiches/deux-points.md", line: 2, column: 16, fragment: "YAML illisible : deux-points inattendu"),
        .init(file: "content/fiches/doublon.md", line: 1, column: 1, fragment: "l'adresse /fiches/lien-casse/ est déjà prise"),
        .init(file: "content/fiches/erreurs.md", line: 2, column: 1, fragment: "champ obligatoire manquant : « title »"),
        .init(file: "content/fiches/erreurs.md", line: 2, column: 1, fragment: "clé inconnue « titel » ; vouliez-vous dire « title » ?"),
        .init(file: "content/fiches/erreurs.md", line: 3, column: 7, fragment: "date impossible : « 2025-02-30 »"),
        .init(file: "content/fiches/erreurs.md", line: 5, column: 7, fragment: "« tags » doit être une liste"),
        .init(file: "content/fiches/erreurs.md", line: 7, column: 13, fragment: "« expert » n'est pas une valeur de l'axe « maturite »"),
        .init(file: "content/fiches/erreurs.md", line: 10, column: 28, fragment: "« url » n'est pas une adresse web valide"),
        .init(file: "content/fiches/erreurs.md", line: 11, column: 58, fragment: "type de lien inconnu : « film »"),
        .init(file: "content/fiches/lien-casse.md", line: 1, column: 1, fragment: "l'adresse /fiches/lien-casse/ est déjà prise"),
        .init(file: "content/fiches/lien-casse.md", line: 12, column: 6, fragment: "lien vers un fichier Markdown qui n'existe pas : « ../kits/inexistant.md »"),
        .init(file: "content/fiches/sans-boussole-profil.md", line: 6, column: 11, fragment: "la boussole n'indique pas « profils »"),
        .init(file: "content/fiches/sans-entete.md", line: 1, column: 1, fragment: "en-tête YAML manquant"),
        .init(file: "content/kits/hors-type.md", line: 1, column: 1, fragment: "n'appartient à aucun type de ressource déclaré"),
    ]

    @Test func everyMistakeIsReportedAtItsPlaceInOneRun() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        for expected in Self.expected {
            let found = errors.contains {
                $0.location == SourceLocation(file: expected.file, line: expected.line, column: expected.column)
                    && $0.message.contains(expected.fragment)
            }
            #expect(found, "missing \(expected.file):\(expected.line):\(expected.column) \(expected.fragment)\nin:\n\(errors.map(\.description).joined(separator: "\n"))")
        }
        #expect(errors.count == Self.expected.count, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    @Test func aRequiredFieldLeftBlankIsReportedOnceAtItsKey() throws {
        for blank in ["summary:", "summary: ~", "summary: \"\"", "summary:   # un commentaire"] {
            let text = Fixture.resource(title: "Vide").replacingOccurrences(of: "summary: \"Résumé de Vide.\"", with: blank)
            let project = try Fixture(files: ["content/fiches/vide.md": text])
            defer { project.remove() }
            let errors = project.build().diagnostics.filter { $0.severity == .error }
            #expect(errors.map(\.location) == [SourceLocation(file: "content/fiches/vide.md", line: 4, column: 1)], "\(blank)")
            #expect(errors.map(\.message) == ["« summary » est à remplir"], "\(blank)")
        }
    }

    @Test func aBoussoleAxisLeftBlankIsReportedOnceAtItsKey() throws {
        let text = Fixture.resource(title: "Vide", boussole: "\n  maturite:   # à remplir\n  profils: academiques")
        let project = try Fixture(files: ["content/fiches/vide.md": text])
        defer { project.remove() }
        let errors = project.build().diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location) == [SourceLocation(file: "content/fiches/vide.md", line: 7, column: 3)])
        #expect(errors.map(\.message) == ["« boussole.maturite » est à remplir"])
    }

    @Test func aFailedBuildWritesNothing() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("ancien site".utf8).write(to: site.output.appendingPathComponent("index.html"))
        #expect(!site.build().succeeded)
        #expect(site.read("index.html") == "ancien site")
        #expect(FileTree.files(in: site.output) == ["index.html"])
    }

    @Test func diagnosticsPrintAsFileLineColumnWithAHint() {
        let diagnostic = Diagnostic(.error, .dateInvalide, "date impossible : « 2025-02-30 »",
                                    at: SourceLocation(file: "content/kits/x.md", line: 7, column: 3),
                                    hint: "écrivez la date sous la forme AAAA-MM-JJ")
        #expect(diagnostic.description == "content/kits/x.md:7:3: erreur[date-invalide]: date impossible : « 2025-02-30 »\n    aide : écrivez la date sous la forme AAAA-MM-JJ")
    }

    @Test func theReadmeListsEveryCodeOnceAndNoOther() throws {
        let readme = try String(contentsOf: Fixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Les codes des messages").dropFirst().first)
            .components(separatedBy: "\n#").first!
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
            .map { $0.dropFirst(3).prefix { $0 != "`" } }.map(String.init)
        #expect(rows == DiagnosticCode.allCases.map(\.rawValue).sorted())
    }

    @Test func codesAreLowercaseWordsJoinedByHyphens() {
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") }, "\(code)")
        }
    }

    @Test func unknownKeysListTheExpectedOnes() throws {
        let site = try Fixture(files: ["content/fiches/x.md": Fixture.resource(title: "X", extra: "resumé: oui")])
        defer { site.remove() }
        let diagnostic = try #require(site.build().diagnostics.first { $0.message.contains("resumé") })
        #expect(diagnostic.hint?.contains("title, date, mise_en_ligne, summary, tags, boussole") == true)
    }
}

@Suite struct AddressConflictTests {
    @Test func aliasesCannotTakeAddressesAtelierGenerates() throws {
        let site = try Fixture(files: [
            "content/fiches/a.md": Fixture.resource(title: "A", extra: "aliases: [/themes/odd-17/, /fiches/page/2/, /ancienne/]"),
            "content/fiches/b.md": Fixture.resource(title: "B", extra: "aliases: [/fiches/a/]"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("l'ancienne adresse /themes/odd-17/ est réservée aux pages que génère Atelier (/themes/…)"))
        #expect(messages.contains("l'ancienne adresse /fiches/page/2/ est réservée aux pages que génère Atelier (/fiches/page/…)"))
        #expect(messages.contains { $0.hasPrefix("l'adresse /fiches/a/ est déjà prise") })
        #expect(!messages.contains { $0.contains("/ancienne/") })
    }
}
