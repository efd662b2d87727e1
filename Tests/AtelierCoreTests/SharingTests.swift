import Foundation
import Testing
@testable import AtelierCore

/// A shared link shows a title card (Open Graph, Twitter), and search engines read events as events (JSON-LD).
@Suite struct SharingTests {
    static let files = [
        "content/evenements/webinaire.md": Fixture.resource(
            title: "Webinaire </script><b>Économies</b>", extra: """
            debut: 2025-11-20 13:00
            fin: 2025-11-20 14:00
            lieu: En ligne
            inscription: https://exemple.org/inscription
            """),
        "content/evenements/salon.md": Fixture.resource(title: "Salon", extra: "debut: 2025-03-18\nlieu: Paris, porte de Versailles"),
        "content/fiches/alpha.md": Fixture.resource(title: "Alpha", date: "2020-11"),
    ]

    /// The page's JSON-LD objects, parsed: the script is JSON, whatever the titles hold.
    func structuredData(_ html: String) throws -> [[String: Any]] {
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
        if let items = json as? [[String: Any]] { return items }
        let item = try #require(json as? [String: Any])
        return [item]
    }

    func meta(_ html: String, _ property: String) -> String? {
        guard let start = html.range(of: "<meta property=\"\(property)\" content=\"") ?? html.range(of: "<meta name=\"\(property)\" content=\""),
              let end = html.range(of: "\">", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func anOnlineEventIsAnEventWithItsTimesOffsetsAndRegistration() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let html = try #require(site.read("evenements/webinaire/index.html"))
        let items = try structuredData(html)
        let event = try #require(items.first { $0["@type"] as? String == "Event" })
        #expect(event["@context"] as? String == "https://schema.org")
        #expect(event["name"] as? String == "Webinaire </script><b>Économies</b>")
        #expect(event["startDate"] as? String == "2025-11-20T13:00:00+01:00")
        #expect(event["endDate"] as? String == "2025-11-20T14:00:00+01:00")
        #expect(event["eventStatus"] as? String == "https://schema.org/EventScheduled")
        #expect(event["eventAttendanceMode"] as? String == "https://schema.org/OnlineEventAttendanceMode")
        let location = try #require(event["location"] as? [String: Any])
        #expect(location["@type"] as? String == "VirtualLocation")
        #expect((event["offers"] as? [String: Any])?["url"] as? String == "https://exemple.org/inscription")
        #expect(event["url"] as? String == "https://exemple.fr/evenements/webinaire/")
        // A title cannot close the script, nor anything else: it is never written as it is.
        #expect(!html.contains("</script><b>"))
        let breadcrumbs = try #require(items.first { $0["@type"] as? String == "BreadcrumbList" })
        let steps = try #require(breadcrumbs["itemListElement"] as? [[String: Any]])
        #expect(steps.map { $0["name"] as? String } == ["Accueil", "Événements", "Webinaire </script><b>Économies</b>"])
        #expect(steps.map { $0["position"] as? Int } == [1, 2, 3])
    }

    @Test func anEventInAPlaceHasThatPlaceAndAllDayDatesStayDays() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let html = try #require(site.read("evenements/salon/index.html"))
        let event = try #require(try structuredData(html).first { $0["@type"] as? String == "Event" })
        #expect(event["startDate"] as? String == "2025-03-18")
        let location = try #require(event["location"] as? [String: Any])
        #expect(location["@type"] as? String == "Place")
        #expect(location["name"] as? String == "Paris, porte de Versailles")
        #expect(event["eventAttendanceMode"] as? String == "https://schema.org/OfflineEventAttendanceMode")
    }

    @Test func otherResourcesAreArticlesWithTheirDateAtItsPrecisionAndATitleCard() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let html = try #require(site.read("fiches/alpha/index.html"))
        let article = try #require(try structuredData(html).first { $0["@type"] as? String == "Article" })
        #expect(article["headline"] as? String == "Alpha")
        #expect(article["datePublished"] as? String == "2020-11")
        #expect((article["publisher"] as? [String: Any])?["name"] as? String == "Site d’essai")
        #expect(meta(html, "og:type") == "article")
        #expect(meta(html, "og:title") == "Alpha")
        #expect(meta(html, "og:description") == "Résumé de Alpha.")
        #expect(meta(html, "og:url") == "https://exemple.fr/fiches/alpha/")
        #expect(meta(html, "og:image") == "https://exemple.fr/assets/partage.png")
        #expect(meta(html, "article:published_time") == "2020-11")
        #expect(meta(html, "twitter:card") == "summary_large_image")
        #expect(site.exists("assets/partage.png"))
    }

    @Test func theHomePageDescribesTheSiteAndItsSearch() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let html = try #require(site.read("index.html"))
        let website = try #require(try structuredData(html).first)
        #expect(website["@type"] as? String == "WebSite")
        let action = try #require(website["potentialAction"] as? [String: Any])
        #expect(action["@type"] as? String == "SearchAction")
        #expect((action["target"] as? [String: Any])?["urlTemplate"] as? String == "https://exemple.fr/recherche/?q={search_term_string}")
        #expect(action["query-input"] as? String == "required name=search_term_string")
        #expect(meta(html, "og:type") == "website")
    }
}
