import Foundation
import Testing
@testable import AtelierCore

/// The boussole is generated from boussole.yml and the resources' values: pages, counts, compass, filters.
@Suite struct BoussoleTests {
    static let boussole = """
    axes:
      maturite:
        label: Maturité
        values:
          accompagner: { label: Accompagner les initiatives locales, short: Accompagner }
          consolider: { label: Consolider les expertises locales, short: Consolider }
          investir: { label: Investir en Territoires, short: Investir }
      trajectoires:
        label: Trajectoire
        values:
          innovation: { label: Innovation }
          confiance: { label: Confiance }
      profils:
        label: Profil
        values:
          acteurs-publics: { label: Acteurs publics }
          academiques: { label: Académiques }
    """

    static func resource(_ title: String, _ maturite: String, _ trajectoires: String, _ profils: String = "acteurs-publics") -> String {
        Fixture.resource(title: title, boussole: "{ maturite: \(maturite), trajectoires: \(trajectoires), profils: \(profils) }")
    }

    static let files: [String: String] = [
        "content/fiches/a.md": resource("A", "accompagner", "innovation"),
        "content/fiches/b.md": resource("B", "[accompagner, consolider]", "confiance"),
        "content/fiches/c.md": resource("C", "consolider", "[innovation, confiance]", "academiques"),
        "content/fiches/d.md": resource("D", "accompagner", "confiance"),
    ]

    @Test func everyResourceIsOnThePageOfEachOfItsValues() throws {
        let site = try Fixture(files: Self.files, boussole: Self.boussole)
        defer { site.remove() }
        let model = try #require(site.build().model)
        for axis in model.boussole.axes {
            for value in axis.values {
                let page = try #require(site.read("boussole/\(axis.id)/\(value.id)/index.html"))
                for entry in model.entries {
                    let carries = entry.resource.boussole[axis.id]?.contains(value.id) == true
                    #expect(page.contains("href=\"\(entry.resource.url)\"") == carries, "\(entry.resource.url) on \(axis.id)/\(value.id)")
                }
            }
        }
        #expect(site.read("boussole/maturite/investir/index.html")?.contains("aucune ressource") == true)
    }

    @Test func pairPagesCrossTheFirstTwoAxes() throws {
        let site = try Fixture(files: Self.files, boussole: Self.boussole)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let pair = try #require(site.read("boussole/maturite/accompagner/trajectoires/confiance/index.html"))
        #expect(pair.contains("/fiches/b/") && pair.contains("/fiches/d/"))
        #expect(!pair.contains("/fiches/a/\"") && !pair.contains("/fiches/c/\""))
        #expect(pair.contains("2 ressources"))
        let value = try #require(site.read("boussole/maturite/accompagner/index.html"))
        #expect(value.contains("href=\"/boussole/maturite/accompagner/trajectoires/confiance/\""))
        #expect(!site.exists("boussole/trajectoires/confiance/maturite/accompagner/index.html"))
    }

    @Test func compassCountsEqualTheResourcesOfEachValue() throws {
        let site = try Fixture(files: Self.files, boussole: Self.boussole)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("boussole/index.html"))
        let svg = try #require(page.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(svg.components(separatedBy: "<path").count - 1 == 3)
        #expect(svg.contains("aria-label=\"Accompagner les initiatives locales : 3 ressources\""))
        #expect(svg.contains("aria-label=\"Consolider les expertises locales : 2 ressources\""))
        #expect(svg.contains("aria-label=\"Investir en Territoires : aucune ressource\""))
        #expect(svg.contains(">Accompagner</text>"))
        #expect(svg.contains("href=\"/boussole/maturite/consolider/\""))
        #expect(!svg.contains("<script"))
    }

    @Test func filterDataIsGeneratedFromTheResources() throws {
        let site = try Fixture(files: Self.files, boussole: Self.boussole)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let page = try #require(site.read("boussole/index.html"))
        #expect(page.contains("data-type=\"fiches\" data-themes=\"co-construction odd-17\" data-axe-maturite=\"accompagner consolider\" data-axe-trajectoires=\"confiance\" data-axe-profils=\"acteurs-publics\""))
        #expect(page.contains("<input type=\"checkbox\" name=\"trajectoires\" value=\"confiance\">"))
        #expect(page.contains("<form id=\"filtres\" class=\"filters\" hidden>"))
        #expect(page.contains("<p id=\"compte\" class=\"count\" role=\"status\" aria-live=\"polite\">4 ressources</p>"))
    }

    @Test func aFourthAxisNeedsNoCodeChange() throws {
        let fourth = Self.boussole + """

          echelle:
            label: Échelle
            values:
              commune: { label: Commune }
              region: { label: Région }
        """
        let site = try Fixture(files: [
            "content/fiches/a.md": Fixture.resource(title: "A", boussole: "{ maturite: accompagner, trajectoires: innovation, profils: academiques, echelle: commune }"),
            "content/fiches/b.md": Fixture.resource(title: "B", boussole: "{ maturite: investir, trajectoires: confiance, profils: academiques, echelle: [commune, region] }"),
        ], boussole: fourth)
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try #require(site.read("boussole/index.html"))
        #expect(page.contains("<fieldset data-axis=\"echelle\">"))
        #expect(page.contains("data-axe-echelle=\"commune region\""))
        #expect(site.read("boussole/echelle/commune/index.html")?.contains("2 ressources") == true)
        #expect(site.read("boussole/echelle/region/index.html")?.contains("/fiches/b/") == true)
        #expect(site.read("fiches/a/index.html")?.contains("href=\"/boussole/echelle/commune/\"") == true)
    }

    @Test func axisValuesMustBeDeclaredAndAxesNotReserved() throws {
        let site = try Fixture(files: ["content/fiches/a.md": Fixture.resource(title: "A")],
                               boussole: "axes:\n  type:\n    label: Type\n    values:\n      x: { label: X }\n  Maturité:\n    label: M\n    values:\n      a: { label: A }\n")
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.location == SourceLocation(file: "content/boussole.yml", line: 2, column: 3) && $0.message.contains("ne peut pas nommer un axe") })
        #expect(report.diagnostics.contains { $0.location.line == 6 && $0.message == "identifiant invalide : « Maturité »" })
    }
}
