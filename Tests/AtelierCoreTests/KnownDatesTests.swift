import Foundation
import Testing
@testable import AtelierCore

/// Two dates a resource may have: its document's or event's (`date`: a day, a month, a year, or none when no source
/// gives one) and the day it went on the platform (`mise_en_ligne`), which makes it news.
@Suite struct KnownDatesTests {
    static let site = Fixture.siteYAML.replacingOccurrences(of: """
      parcours:
    """, with: """
      publications:
        singular: Publication
        plural: Publications
        sort: -date
      parcours:
    """)

    static func publication(_ title: String, _ dates: String) -> String {
        """
        ---
        title: "\(title)"
        \(dates)
        summary: "Résumé de \(title)."
        tags: [ODD 17, Territoires]
        boussole: { maturite: accompagner, profils: [acteurs-publics] }
        ---

        Le texte de \(title).
        """
    }

    static let files = [
        "content/publications/sans-date.md": publication("Sans date", ""),
        "content/publications/recente.md": publication("Récente", "date: 2025-10-02"),
        "content/publications/ancienne.md": publication("Ancienne", "date: 2019"),
        "content/publications/etude-2020.md": publication("Étude 2020", "date: 2020-12\nmise_en_ligne: 2025-11-18"),
        "content/publications/a-venir.md": publication("À venir", "date: 2020\nmise_en_ligne: 2025-11-27"),
    ]

    @Test func aResourceNoSourceDatesSaysSoAndComesLastInAListByDate() throws {
        let site = try Fixture(files: Self.files, site: Self.site)
        defer { site.remove() }
        let report = site.build(date: "2025-11-20", strict: true)
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try #require(site.read("publications/sans-date/index.html"))
        #expect(page.contains("<dt>Date</dt><dd>date non précisée</dd>"))
        #expect(!page.contains("<dt>Mise en ligne</dt>") && !page.contains("article:published_time"))
        #expect(!page.contains("datePublished"))
        let list = try #require(site.readAllPages("publications/"))
        let order = ["/publications/recente/", "/publications/etude-2020/", "/publications/ancienne/", "/publications/sans-date/"]
        let positions = order.map { list.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(list.contains("Des plus récentes aux plus anciennes ; celles dont aucune source ne donne la date viennent à la fin."))
        #expect(list.contains("<p class=\"meta\">date non précisée</p>"))
        // A resource with neither date was never news: in no feed, no sitemap date, no issue.
        let feed = try #require(site.read("atom.xml"))
        #expect(!feed.contains("/publications/sans-date/"))
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://exemple.fr/publications/sans-date/</loc></url>")
                || sitemap.contains("<loc>https://exemple.fr/publications/sans-date/</loc>\n  </url>"))
        #expect(report.model?.jeudis.allSatisfy { !$0.newEntryURLs.contains("/publications/sans-date/") } == true)
    }

    @Test func anOldDocumentPutOnThePlatformThisWeekIsThisWeeksNews() throws {
        let site = try Fixture(files: Self.files, site: Self.site)
        defer { site.remove() }
        let report = site.build(date: "2025-11-20")
        #expect(report.succeeded, "\(report.diagnostics)")
        let issue = try #require(report.model?.jeudis.first { $0.thursday == LocalDate(iso: "2025-11-20") })
        #expect(issue.newEntryURLs == ["/publications/etude-2020/"])
        let page = try #require(site.read("publications/etude-2020/index.html"))
        #expect(page.contains("<dt>Date</dt><dd><time datetime=\"2020-12\">décembre 2020</time></dd>"))
        #expect(page.contains("<dt>Mise en ligne</dt><dd><time datetime=\"2025-11-18\">18 novembre 2025</time></dd>"))
        let feed = try #require(site.read("atom.xml"))
        let entry = try #require(feed.components(separatedBy: "<entry>").first { $0.contains("/publications/etude-2020/") })
        #expect(entry.contains("<published>2025-11-18"))
        // The newest on the platform first on the home page, whatever the date of the document.
        let home = try #require(site.read("index.html"))
        #expect(home.range(of: "/publications/etude-2020/")!.lowerBound < home.range(of: "/publications/recente/")!.lowerBound)
    }

    @Test func aResourceGoesOnThePlatformOnItsDayNotBefore() throws {
        let site = try Fixture(files: Self.files, site: Self.site)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        #expect(!site.exists("publications/a-venir/index.html"))
        #expect(site.build(date: "2025-11-27").succeeded)
        #expect(site.exists("publications/a-venir/index.html"))
    }

    @Test func theDayItWentOnlineIsADay() throws {
        let site = try Fixture(files: ["content/publications/mois.md": Self.publication("Mois", "mise_en_ligne: 2025-11")],
                               site: Self.site)
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.code == .dateInvalide && $0.location.line == 3 })
    }
}
