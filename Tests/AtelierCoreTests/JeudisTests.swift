import Foundation
import Testing
@testable import AtelierCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The weekly digest and scheduling, on a fixture whose dates are chosen around Thursday 20 November 2025.
@Suite struct JeudisTests {
    static func event(_ title: String, start: String, date: String = "2025-11-01", extra: String = "") -> String {
        Fixture.resource(title: title, date: date, extra: "debut: \(start)\nlieu: Lyon\n\(extra)")
    }

    static let files: [String: String] = [
        "content/fiches/ancienne.md": Fixture.resource(title: "Ancienne", date: "2025-11-06"),
        "content/fiches/vendredi.md": Fixture.resource(title: "Vendredi", date: "2025-11-14"),
        "content/fiches/jeudi.md": Fixture.resource(title: "Jeudi", date: "2025-11-20"),
        "content/fiches/futur.md": Fixture.resource(title: "Futur", date: "2025-11-27"),
        "content/fiches/brouillon.md": Fixture.resource(title: "Brouillon", date: "2025-11-19", extra: "draft: true"),
        "content/fiches/perimee.md": Fixture.resource(title: "Périmée", date: "2025-11-18", extra: "expiration: 2025-11-19"),
        "content/evenements/webinaire.md": event("Webinaire", start: "2025-11-20 13:00", extra: "fin: 2025-11-20 14:00"),
        "content/evenements/forum.md": event("Forum", start: "2025-11-25"),
        "content/evenements/lointain.md": event("Lointain", start: "2025-12-15 09:30"),
        "content/evenements/passe.md": event("Passé", start: "2025-11-10 18:00"),
        "content/jeudis/2025-11-20.md": """
        ---
        title: "Spécial Salon"
        summary: "Le numéro du Salon."
        a_la_une: [fiches/ancienne]
        ---

        Un éditorial qui renvoie vers [la fiche](../fiches/jeudi.md).
        """,
    ]

    @Test func anIssueForEachThursdayWithNewsAndNoneForEmptyWeeks() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let report = site.build(date: "2025-11-20")
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.model?.jeudis.map(\.thursday.description) == ["2025-11-20", "2025-11-06"])
        #expect(site.exists("jeudis/2025-11-06/index.html"))
        #expect(!site.exists("jeudis/2025-11-13/index.html"))
        let archive = try #require(site.read("jeudis/index.html"))
        #expect(archive.range(of: "/jeudis/2025-11-20/")!.lowerBound < archive.range(of: "/jeudis/2025-11-06/")!.lowerBound)
        #expect(archive.contains("Spécial Salon"))
    }

    @Test func anIssueListsTheWeeksNewsTheEditorialAndTheComingEvents() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let issue = try #require(site.read("jeudis/2025-11-20/index.html"))
        let news = try #require(issue.components(separatedBy: "id=\"nouveau\"").last?.components(separatedBy: "id=\"a-venir\"").first)
        #expect(news.contains("/fiches/vendredi/") && news.contains("/fiches/jeudi/"))
        #expect(!news.contains("/fiches/perimee/") && !news.contains("/fiches/brouillon/") && !news.contains("/fiches/ancienne/"))
        let featured = try #require(issue.components(separatedBy: "id=\"a-la-une\"").last?.components(separatedBy: "id=\"nouveau\"").first)
        #expect(featured.contains("/fiches/ancienne/"))
        let upcoming = try #require(issue.components(separatedBy: "id=\"a-venir\"").last)
        #expect(upcoming.contains("/evenements/webinaire/") && upcoming.contains("/evenements/forum/"))
        #expect(!upcoming.contains("/evenements/lointain/") && !upcoming.contains("/evenements/passe/"))
        #expect(upcoming.range(of: "webinaire")!.lowerBound < upcoming.range(of: "forum")!.lowerBound)
        #expect(issue.contains("<h2 class=\"editorial-title\">Spécial Salon</h2>"))
        #expect(issue.contains("href=\"/fiches/jeudi/\""))
    }

    @Test func aBusyWeekIsSpreadOverPagesAndTheEmailLinksToTheRest() throws {
        // Seven new resources and seven coming events in one week, two per page (the fixture's page_size).
        var files = Self.files
        for number in 1...5 {
            files["content/fiches/semaine-\(number).md"] = Fixture.resource(title: "Semaine \(number)", date: "2025-11-1\(number + 3)")
            files["content/evenements/prochain-\(number).md"] = Self.event("Prochain \(number)", start: "2025-11-2\(number + 1) 10:00")
        }
        let site = try Fixture(files: files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let first = try #require(site.read("jeudis/2025-11-20/index.html"))
        let news = { (page: String) in page.components(separatedBy: "id=\"nouveau\"").last!.components(separatedBy: "id=\"a-venir\"").first! }
        #expect(news(first).components(separatedBy: "<article class=\"card").count - 1 == 2)
        #expect(first.contains("href=\"/jeudis/2025-11-20/page/2/\""))
        #expect(first.contains("<a href=\"/evenements/\">Et 5 autres événements à venir</a>"))
        var shown = Set<String>()
        var number = 1
        while let page = number == 1 ? first : site.read("jeudis/2025-11-20/page/\(number)/index.html") {
            let urls = news(page).components(separatedBy: "<h3><a href=\"").dropFirst().map { $0.components(separatedBy: "\"").first! }
            #expect(urls.count <= 2)
            shown.formUnion(urls)
            number += 1
        }
        let week = ["/fiches/jeudi/", "/fiches/vendredi/"] + (1...5).map { "/fiches/semaine-\($0)/" }
        #expect(shown == Set(week), "every new resource of the week on one of the pages")
        let email = try #require(site.read("jeudis/2025-11-20/email.html"))
        #expect(email.contains("https://exemple.fr/jeudis/2025-11-20/page/2/\" style=\"color:#00589b;\">Et 5 autres ressources nouvelles</a>"))
        let text = try #require(site.read("jeudis/2025-11-20/email.txt"))
        #expect(text.contains("Et 5 autres ressources nouvelles : https://exemple.fr/jeudis/2025-11-20/page/2/"))
        #expect(text.contains("Et 5 autres événements à venir : https://exemple.fr/evenements/"))
    }

    @Test func theUpcomingWindowIsSetInSiteConfiguration() throws {
        let settings = Fixture.siteYAML.replacingOccurrences(of: "page_size: 2", with: "page_size: 10") + "\njeudis:\n  upcoming_weeks: 4\n"
        let site = try Fixture(files: Self.files, site: settings)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        #expect(site.read("jeudis/2025-11-20/index.html")?.contains("/evenements/lointain/") == true)
    }

    @Test func aWeekLaterExactlyTheNewIssueAndTheNewResourceAppear() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let before = try #require(site.build(date: "2025-11-20").model)
        let after = try #require(site.build(date: "2025-11-27").model)
        #expect(after.jeudis.map(\.thursday) == [LocalDate(iso: "2025-11-27")!] + before.jeudis.map(\.thursday))
        #expect(Set(after.entries.map(\.resource.url)).subtracting(before.entries.map(\.resource.url)) == ["/fiches/futur/"])
        #expect(after.jeudis.first?.newEntryURLs == ["/fiches/futur/"])
        #expect(site.read("jeudis/2025-11-27/index.html")?.contains("/fiches/futur/") == true)
    }

    @Test func expiredResourcesLeaveListsAndFeedsButKeepTheirPage() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        #expect(site.read("fiches/perimee/index.html")?.contains("Cette ressource est archivée") == true)
        #expect(site.read("fiches/index.html")?.contains("/fiches/perimee/") == false)
        #expect(site.read("atom.xml")?.contains("/fiches/perimee/") == false)
        #expect(site.read("themes/odd-17/index.html")?.contains("/fiches/perimee/") == false)
        #expect(site.read("sitemap.xml")?.contains("/fiches/perimee/") == true)
        // Before its expiration date it was listed like any other.
        #expect(site.build(date: "2025-11-18").succeeded)
        #expect(site.read("fiches/index.html")?.contains("/fiches/perimee/") == true)
    }

    @Test func eventsAreListedAsComingThenPast() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        // Pages of two (the fixture's page size): coming events first, soonest first, then past ones.
        let list = try #require(site.readAllPages("evenements/"))
        let order = ["/evenements/webinaire/", "/evenements/forum/", "/evenements/lointain/", "/evenements/passe/"]
        let places = order.map { list.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(places.allSatisfy { $0 != nil } && places.map { $0! } == places.map { $0! }.sorted(), "\(places)")
        // A section only where a page has events of its kind; the first page always says what is coming.
        let firstPage = try #require(site.read("evenements/index.html"))
        #expect(firstPage.contains("id=\"a-venir\"") && !firstPage.contains("id=\"passes\""))
        let secondPage = try #require(site.read("evenements/page/2/index.html"))
        #expect(secondPage.components(separatedBy: "id=\"passes\"").first?.contains("/evenements/lointain/") == true)
        #expect(secondPage.components(separatedBy: "id=\"passes\"").last?.contains("/evenements/passe/") == true)
        #expect(site.read("evenements/passe/index.html")?.contains("Cet événement est passé.") == true)
        #expect(site.read("evenements/forum/index.html")?.contains("href=\"/evenements/forum/evenement.ics\"") == true)
    }

    @Test func emailEditionsUseAbsoluteLinksAndPlainText() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let html = try #require(site.read("jeudis/2025-11-20/email.html"))
        #expect(!html.contains("href=\"/"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(html.contains("<a style=\"color:#00589b;\" href=\"https://exemple.fr/fiches/jeudi/\">la fiche</a>"))
        #expect(html.contains("<p style=\"margin:0 0 12px;\">Un éditorial"))
        #expect(html.contains("style=\""))
        let text = try #require(site.read("jeudis/2025-11-20/email.txt"))
        #expect(!text.contains("<"))
        #expect(text.contains("Spécial Salon"))
        #expect(text.contains("https://exemple.fr/fiches/vendredi/"))
        #expect(text.contains("* jeudi 20 novembre 2025 de 13 h à 14 h : Webinaire"))
    }

    @Test func theDigestFeedHasOneEntryPerIssue() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let feed = try #require(site.read("jeudis/atom.xml"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(feed.contains("<id>https://exemple.fr/jeudis/2025-11-20/</id>"))
        #expect(!feed.contains("href=&quot;/"))
    }

    @Test func theDigestFeedShowsOnlyTheNewestIssuesAndTheArchiveKeepsThemAll() throws {
        let site = try Fixture(files: Self.files, site: Fixture.siteYAML + "\nfeed_size: 1\n")
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let feed = try #require(site.read("jeudis/atom.xml"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 1)
        #expect(feed.contains("<id>https://exemple.fr/jeudis/2025-11-20/</id>"))
        #expect(!feed.contains("2025-11-06"))
        let archive = try #require(site.read("jeudis/index.html"))
        #expect(archive.contains("/jeudis/2025-11-06/") && archive.contains("/jeudis/2025-11-20/"))
    }

    @Test func calendarFilesHoldEveryEventWithStableIdentifiers() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let agenda = try #require(site.read("evenements/agenda.ics"))
        #expect(agenda.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4)
        #expect(agenda.contains("UID:evenements-webinaire@exemple.fr\r\n"))
        #expect(agenda.contains("DTSTART;TZID=Europe/Paris:20251120T130000\r\n"))
        #expect(agenda.contains("DTEND;TZID=Europe/Paris:20251120T140000\r\n"))
        #expect(agenda.contains("DTSTART;VALUE=DATE:20251125\r\nDTEND;VALUE=DATE:20251126\r\n"))
        #expect(agenda.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"))
        #expect(agenda.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let single = try #require(site.read("evenements/forum/evenement.ics"))
        #expect(single.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
        #expect(single.contains("URL:https://exemple.fr/evenements/forum/"))
    }

    @Test func theAgendaHoldsEveryComingEventAndOnlyTheLastPastOnes() throws {
        var files = Self.files
        files["content/evenements/ancien.md"] = Self.event("Ancien", start: "2025-11-03 10:00")
        let site = try Fixture(files: files, site: Fixture.siteYAML + "\nfeed_size: 1\n")
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let agenda = try #require(site.read("evenements/agenda.ics"))
        // Under way on the day (the webinar), to come (forum, lointain), and the one past event that started last.
        for uid in ["webinaire", "forum", "lointain", "passe"] {
            #expect(agenda.contains("UID:evenements-\(uid)@exemple.fr\r\n"), "\(uid)")
        }
        #expect(!agenda.contains("UID:evenements-ancien@"))
        #expect(agenda.range(of: "evenements-passe@")!.lowerBound < agenda.range(of: "evenements-webinaire@")!.lowerBound)
        #expect(site.exists("evenements/ancien/evenement.ics") && site.exists("evenements/ancien/index.html"))

        // A week later the webinar and the forum are past too: the forum, which started last, is the past one kept.
        #expect(site.build(date: "2025-11-27").succeeded)
        let later = try #require(site.read("evenements/agenda.ics"))
        #expect(later.contains("UID:evenements-forum@") && later.contains("UID:evenements-lointain@"))
        #expect(!later.contains("UID:evenements-webinaire@") && !later.contains("UID:evenements-passe@"))
    }

    @Test func editorialMistakesAreReported() throws {
        let site = try Fixture(files: [
            "content/fiches/une.md": Fixture.resource(title: "Une"),
            "content/jeudis/2025-11-19.md": "---\ntitle: Mercredi\n---\n",
            "content/jeudis/2025-11-20.md": "---\ntitle: Jeudi\na_la_une:\n  - fiches/une\n  - kits/absent\n---\n",
        ])
        defer { site.remove() }
        let report = site.build(date: "2025-11-20")
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.location.file == "content/jeudis/2025-11-19.md" && $0.message.contains("d'après la date d'un jeudi") })
        #expect(report.diagnostics.contains {
            $0.location == SourceLocation(file: "content/jeudis/2025-11-20.md", line: 5, column: 5)
                && $0.message == "« kits/absent » ne correspond à aucune ressource"
        })
    }

    @Test func thursdaysAroundADay() {
        #expect(Jeudis.thursday(onOrBefore: LocalDate(iso: "2025-11-22")!) == LocalDate(iso: "2025-11-20"))
        #expect(Jeudis.thursday(onOrBefore: LocalDate(iso: "2025-11-20")!) == LocalDate(iso: "2025-11-20"))
        #expect(Jeudis.thursday(onOrAfter: LocalDate(iso: "2025-11-21")!) == LocalDate(iso: "2025-11-27"))
    }
}
