import Foundation
import Testing
@testable import AtelierCore

/// The shipped corpus, built as `make site` builds it, checked against facts the source documents give.
@Suite struct CorpusTests {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-corpus-\(UUID().uuidString)")

    /// `atelier new` on each kind of the shipped site.yml: refused until filled, then built.
    @Test func everyShippedKindIsRefusedUntilFilledThenBuilt() throws {
        let shipped = { (name: String) in
            try String(contentsOf: Fixture.repository.appendingPathComponent("content/\(name)"), encoding: .utf8)
        }
        try NewResourceTests.checkEveryKind(site: shipped("site.yml"), boussole: shipped("boussole.yml"))
    }

    func build(date: String = "2025-11-20") throws -> SiteModel {
        let report = Build.run(BuildOptions(root: Fixture.repository, output: output, date: LocalDate(iso: date), strict: true))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
        return try #require(report.model)
    }

    func read(_ path: String) -> String {
        (try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    @Test func buildsWithoutErrorOrWarningEvenWhenStrict() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let model = try build(date: "2026-01-01")
        let kinds = Set(model.entries.map(\.resource.kind))
        #expect(kinds == ["fiches", "vademecums", "kits", "evenements", "exemples", "publications", "outils", "parcours"])
    }

    /// (file, debut, fin) as seed 000, 003 and 004 give them.
    static let events: [(String, String, String?)] = [
        ("interview-veille-strategique-sindup", "2025-11-13 12:00", nil),
        ("panorama-publications-valeur-en-commun", "2025-11-18 17:00", nil),
        ("presentation-vademecum-recits-de-territoire", "2025-11-19 14:00", nil),
        ("webinaire-economies-et-territoires-2025", "2025-11-20 13:00", nil),
        ("conference-metiers-et-transition-ecologique", "2025-11-20 14:00", nil),
        ("world-forum-pleniere-ouverture-lille", "2025-11-25 13:00", nil),
        ("diner-elus-et-entreprises-2025", "2025-11-27 19:00", nil),
        ("salon-des-maires-2025", "2025-11-18", "2025-11-20"),
        ("rencontre-pionniers-alliances-territoire-2025", "2025-07-01", nil),
        ("rencontres-nationales-cooperation-territoriale-2025", "2025-09-11", nil),
        ("parcours-experientiel-innover-en-territoire-2025", "2025-02-11", "2025-04-03"),
        ("parcours-experientiel-cooperer-efficacement-2025", "2025-05-13", "2025-07-03"),
        ("parcours-experientiel-hybrider-son-modele-socio-economique-2025", "2025-10-06", "2025-11-06"),
        ("webinaire-2020-odd-17-en-pratique-sur-les-territoires", "2020-03-02", nil),
        ("webinaire-2020-elus-locaux-et-co-construction-territoriale", "2020-05-28", nil),
        ("webinaire-2020-exemples-inspirants-co-construction-territoriale", "2020-07-16", nil),
        ("webinaire-2020-valorisation-economique-dynamiques-territoriales", "2020-09-17", nil),
        ("webinaire-2020-engagement-territorial-organisations", "2020-11-26", nil),
    ]

    @Test func eventsHaveTheDatesAndHoursOfTheSources() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let model = try build(date: "2026-01-01")
        let paris = model.site.timeZone
        for (slug, start, end) in Self.events {
            let event = try #require(model.entry(url: "/evenements/\(slug)/")?.resource, "missing event \(slug)")
            #expect(event.startTime == EventTime(parsing: start, timeZone: paris), "\(slug) debut")
            #expect(event.endTime == end.flatMap { EventTime(parsing: $0, timeZone: paris) }, "\(slug) fin")
        }
    }

    @Test func surveyFiguresAreThoseOfTheStudies() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(date: "2026-01-01")
        let engagement = read("fiches/dynamiques-engagement-collectivites/index.html")
        for figure in ["92\u{a0}%", "90\u{a0}%", "88\u{a0}%", "64\u{a0}%"] where !engagement.contains(figure) {
            #expect(engagement.contains(figure.replacingOccurrences(of: "\u{a0}", with: " ")), "missing \(figure)")
        }
        let trajectories = read("publications/etude-impacts-et-trajectoires-elus-locaux-2024/index.html")
        for figure in ["91", "35", "42", "25", "38", "31"] {
            #expect(trajectories.contains("\(figure) %") || trajectories.contains("\(figure)\u{a0}%"), "missing \(figure) %")
        }
        let needs = read("fiches/niveaux-de-besoins/index.html")
        for figure in ["63", "25", "9", "3"] {
            #expect(needs.contains("\(figure) %") || needs.contains("\(figure)\u{a0}%"), "missing \(figure) %")
        }
        #expect(read("fiches/levier-catalyseurs/index.html").contains("350"))
    }

    /// Seeds 001 to 003 give the steps of « Hybrider » and, for the other paths, what they are and how they run, not
    /// their steps: those pages say that their steps are the platform's own.
    @Test func pathsSayWhatTheSourcesGiveAndNoMore() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let model = try build()
        let hybrider = try #require(model.entry(url: "/parcours/hybrider-son-modele-socio-economique/")?.resource)
        #expect(hybrider.steps.map(\.title) == ["Introduction « Hybrider son modèle socio-économique »", "Les richesses humaines",
                                                "Les ressources financières", "Les alliances stratégiques",
                                                "Atelier de partage entre « pairs »"].map(FrenchTypography.apply))
        let facts = [
            "alliances-et-territoires": ["ministère de l’Éducation nationale et Le RAMEAU", "<strong>7 étapes</strong>",
                                         "<strong>en 2 h, 4 h ou 12 h</strong>", "associations.gouv.fr",
                                         "<strong>le chemin propre à la plateforme</strong>"],
            "agir-ensemble-en-territoire": ["<strong>5 étapes</strong>", "<strong>plus de 80 territoires depuis 2010</strong>",
                                            "<strong>le chemin propre à la plateforme</strong>"],
            "innover-en-territoire": ["un webinaire, trois modules et un atelier", "<strong>le choix de la plateforme</strong>"],
            "cooperer-efficacement": ["un webinaire, trois modules et un atelier", "<strong>le choix de la plateforme</strong>"],
            "hybrider-son-modele-socio-economique": ["<strong>le choix de la plateforme</strong>"],
        ]
        for (slug, sentences) in facts {
            let page = read("parcours/\(slug)/index.html")
            for sentence in sentences { #expect(page.contains(FrenchTypography.apply(sentence)), "\(slug): \(sentence)") }
        }
        #expect(model.entries(ofKind: "parcours").count == facts.count)
    }

    @Test func everyAxisValueAndEveryTagHoldsSeveralResources() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let model = try build(date: "2026-01-01")
        for axis in model.boussole.axes {
            for value in axis.values {
                let count = model.entries.filter { $0.resource.boussole[axis.id]?.contains(value.id) == true }.count
                #expect(count >= 2, "\(axis.id)=\(value.id) has \(count) resources")
            }
        }
        for tag in model.tags { #expect(tag.entryURLs.count >= 2, "tag \(tag.label)") }
        #expect((15...30).contains(model.tags.count))
    }

    @Test func theIssueOfTwentiethNovemberAnnouncesTheComingEvents() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let model = try build(date: "2025-11-20")
        let issue = try #require(model.jeudis.first)
        #expect(issue.thursday == LocalDate(iso: "2025-11-20"))
        #expect(issue.editorial != nil)
        #expect(issue.upcomingURLs == ["/evenements/webinaire-economies-et-territoires-2025/",
                                       "/evenements/conference-metiers-et-transition-ecologique/",
                                       "/evenements/world-forum-pleniere-ouverture-lille/",
                                       "/evenements/diner-elus-et-entreprises-2025/"])
        #expect(issue.newEntryURLs.contains("/publications/etude-tendances-et-fragilites-economiques/"))
        let page = read("jeudis/2025-11-20/index.html")
        #expect(page.contains("jeudi 20 novembre 2025 à 13 h") || page.contains("jeudi 20 novembre 2025 de 13 h"))
        #expect(page.contains("mardi 25 novembre 2025 à 13 h"))
        #expect(page.contains("<h3 id=\"ecouter-puis-outiller\">"))
        #expect(page.contains("jeudi 27 novembre 2025 à 19 h"))
    }

    @Test func everyContentFileHasItsPage() throws {
        defer { try? FileManager.default.removeItem(at: output) }
        let model = try build(date: "2026-01-01")
        let content = Fixture.repository.appendingPathComponent("content")
        for file in FileTree.files(in: content) where file.hasSuffix(".md") {
            let name = String(file.dropLast(3))
            let page: String
            switch file.split(separator: "/").first! {
            case "index.md": page = "index.html"
            case "pages": page = "\(name.dropFirst("pages/".count))/index.html"
            default: page = "\(name)/index.html"
            }
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "no page for \(file)")
        }
        #expect(model.entries.count >= 60)
    }
}
