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
                let page = try #require(site.readAllPages("boussole/\(axis.id)/\(value.id)/"))
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

    /// `boussole/donnees.json`, decoded: for each listed resource its URL (through the search index's cards), kind,
    /// values and themes.
    static func filterData(_ site: Fixture) throws -> (values: [String], items: [(url: String, kind: String, values: Set<String>, themes: [String])]) {
        let text = try #require(site.read("boussole/donnees.json"))
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let values = try #require(raw["values"] as? [String]), kinds = try #require(raw["kinds"] as? [String])
        let themes = try #require(raw["themes"] as? [String]), groups = try #require(raw["groups"] as? Int)
        let numbers = CompactNumbers.decode(try #require(raw["items"] as? String))
        var items: [(String, String, Set<String>, [String])] = []
        var at = 0
        while at < numbers.count {
            let document = numbers[at], kind = kinds[numbers[at + 1]], masks = Array(numbers[(at + 2)..<(at + 2 + groups)])
            at += 2 + groups
            let count = numbers[at]
            let itemThemes = numbers[(at + 1)..<(at + 1 + count)].map { themes[$0] }
            at += 1 + count
            let chunkText = try #require(site.read("recherche/index/d/\(document / SearchIndex.chunkSize).json"))
            let chunk = try #require(try JSONSerialization.jsonObject(with: Data(chunkText.utf8)) as? [String])
            let url = chunk[document % SearchIndex.chunkSize].components(separatedBy: "<h3><a href=\"")[1].components(separatedBy: "\"")[0]
            let chosen = Set(values.indices.filter { masks[$0 / 30] & (1 << ($0 % 30)) != 0 }.map { values[$0] })
            items.append((url, kind, chosen, itemThemes))
        }
        return (values, items)
    }

    @Test func filterDataIsGeneratedFromTheResources() throws {
        let site = try Fixture(files: Self.files, boussole: Self.boussole)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let data = try Self.filterData(site)
        let b = try #require(data.items.first { $0.url == "/fiches/b/" })
        #expect(b.kind == "fiches" && b.themes == ["co-construction", "odd-17"])
        #expect(b.values == ["maturite:accompagner", "maturite:consolider", "trajectoires:confiance", "profils:acteurs-publics"])
        #expect(data.items.map(\.url) == ["/fiches/a/", "/fiches/b/", "/fiches/c/", "/fiches/d/"])
        let page = try #require(site.read("boussole/index.html"))
        #expect(page.contains("<input type=\"checkbox\" name=\"trajectoires\" value=\"confiance\">"))
        #expect(page.contains("<form id=\"filtres\" class=\"filters\" hidden>"))
        #expect(page.contains("<p id=\"compte\" class=\"count\" role=\"status\" aria-live=\"polite\">4 ressources</p>"))
        #expect(page.contains("data-donnees=\"/boussole/donnees.json\""))
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
        #expect(try Self.filterData(site).items.first { $0.url == "/fiches/b/" }?.values.isSuperset(of: ["echelle:commune", "echelle:region"]) == true)
        #expect(site.read("boussole/echelle/commune/index.html")?.contains("2 ressources") == true)
        #expect(site.readAllPages("boussole/echelle/region/")?.contains("/fiches/b/") == true)
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
