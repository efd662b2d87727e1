import Foundation
import Testing
@testable import AtelierCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// End to end: a small site built into a temporary folder, then the written files checked.
@Suite struct BuildTests {
    static let files: [String: String] = [
        "content/index.md": "---\ntitle: Bienvenue\nsummary: Accueil du site.\n---\n\nLe texte **d'accueil**.\n",
        "content/pages/a-propos.md": "---\ntitle: À propos\nmenu: 2\n---\n\nL'histoire du site.\n",
        "content/fiches/alpha.md": Fixture.resource(
            title: "Alpha", date: "2025-10-01", tags: "[Co-construction, ODD 17]",
            extra: "aliases: [/ancienne/alpha/]\nliens:\n  - { label: \"Le guide\", url: \"https://exemple.fr/guide.pdf\", type: pdf }",
            body: "## Éclairer l'engagement\n\nVoir [Bêta](beta.md) et [le programme](programme.pdf).\n"),
        "content/fiches/beta.md": Fixture.resource(title: "Bêta", date: "2025-11-10", tags: "[odd 17, Élus locaux]",
                                                   boussole: "{ maturite: [consolider, accompagner], profils: academiques }"),
        "content/fiches/gamma.md": Fixture.resource(title: "Gamma", date: "2025-09-01", tags: "[Élus locaux, Co-construction]"),
        "content/fiches/programme.pdf": "%PDF-1.4 fichier d'essai",
        "content/fiches/brouillon.md": Fixture.resource(title: "Brouillon", extra: "draft: true"),
        "content/fiches/futur.md": Fixture.resource(title: "Futur", date: "2025-11-27"),
        "content/evenements/salon.md": Fixture.resource(
            title: "Salon <des> maires", date: "2025-10-15",
            extra: "debut: 2025-11-18 09:00\nfin: 2025-11-18 18:30\nlieu: Paris, porte de Versailles\ninscription: https://exemple.fr/inscription"),
    ]

    @Test func writesEveryPageAtItsURL() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        for path in ["index.html", "404.html", "robots.txt", "atom.xml", "sitemap.xml", "a-propos/index.html",
                     "fiches/index.html", "fiches/page/2/index.html", "fiches/alpha/index.html", "fiches/beta/index.html",
                     "fiches/gamma/index.html", "evenements/index.html", "evenements/salon/index.html",
                     "themes/index.html", "themes/odd-17/index.html", "themes/elus-locaux/index.html",
                     "boussole/index.html", "boussole/maturite/consolider/index.html", "jeudis/index.html",
                     "assets/style.css", "fiches/programme.pdf", "ancienne/alpha/index.html"] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(!site.exists("fiches/page/3/index.html"))
    }

    @Test func draftsAndFutureResourcesAreLeftOutUnlessAsked() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        #expect(!site.exists("fiches/brouillon/index.html"))
        #expect(!site.exists("fiches/futur/index.html"))
        #expect(site.read("sitemap.xml")?.contains("futur") == false)
        #expect(site.read("atom.xml")?.contains("Brouillon") == false)

        #expect(site.build(date: "2025-11-27").succeeded)
        #expect(site.exists("fiches/futur/index.html"))
        #expect(!site.exists("fiches/brouillon/index.html"))

        #expect(site.build(drafts: true).succeeded)
        #expect(site.exists("fiches/brouillon/index.html"))
        #expect(site.exists("fiches/futur/index.html"))
    }

    @Test func resourcePageShowsItsFieldsEscapedAndItsLinksRewritten() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let alpha = try #require(site.read("fiches/alpha/index.html"))
        #expect(alpha.contains("<h2 id=\"eclairer-l-engagement\">Éclairer l’engagement</h2>"))
        #expect(alpha.contains("href=\"/fiches/beta/\""))
        #expect(alpha.contains("href=\"/fiches/programme.pdf\""))
        #expect(alpha.contains("<a href=\"https://exemple.fr/guide.pdf\">Le guide</a> <span class=\"type\">(PDF)</span>"))
        #expect(alpha.contains("<time datetime=\"2025-10-01\">1er octobre 2025</time>"))
        #expect(alpha.contains("href=\"/boussole/maturite/accompagner/\""))
        #expect(alpha.contains("<link rel=\"canonical\" href=\"https://exemple.fr/fiches/alpha/\">"))
        #expect(alpha.contains("aria-current=\"page\">Fiches repère</a>"))

        let salon = try #require(site.read("evenements/salon/index.html"))
        #expect(salon.contains("<h1>Salon &lt;des&gt; maires</h1>"))
        #expect(!salon.contains("<des>"))
        #expect(salon.contains("<dt>Quand</dt><dd>mardi 18 novembre 2025 de 9 h à 18 h 30</dd>"))
        #expect(salon.contains("<dt>Lieu</dt><dd>Paris, porte de Versailles</dd>"))
        #expect(salon.contains("<a href=\"https://exemple.fr/inscription\">"))
    }

    @Test func tagsFoldCaseAndAccentsIntoOnePageGroupedByKind() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let report = site.build()
        let odd = try #require(site.readAllPages("themes/odd-17/"))
        #expect(odd.contains("Thème : ODD 17"))
        #expect(odd.contains("3 ressources"))
        #expect(odd.contains("<h2>Fiches repère</h2>"))
        #expect(odd.contains("<h2>Événements</h2>"))
        let index = try #require(site.read("themes/index.html"))
        #expect(index.contains("<a href=\"/themes/odd-17/\">ODD 17</a> <span class=\"count\">(3)</span>"))
        #expect(report.diagnostics.contains {
            $0.severity == .warning && $0.location.file == "content/fiches/beta.md" && $0.message.contains("« odd 17 »")
        })
    }

    @Test func listsArePaginatedAndSortedAsDeclared() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let first = try #require(site.read("fiches/index.html"))
        let second = try #require(site.read("fiches/page/2/index.html"))
        // sort: title → Alpha, Bêta on page 1, Gamma on page 2
        #expect(first.contains("/fiches/alpha/") && first.contains("/fiches/beta/") && !first.contains("/fiches/gamma/\""))
        #expect(second.contains("/fiches/gamma/"))
        #expect(second.contains("rel=\"prev\""))
        #expect(first.contains("Page 1 sur 2"))
    }

    @Test func aliasesRedirectToTheNewAddress() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let redirect = try #require(site.read("ancienne/alpha/index.html"))
        #expect(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/fiches/alpha/\">"))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://exemple.fr/fiches/alpha/\">"))
    }

    @Test func feedAndSitemapAreWellFormed() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let atom = try #require(site.read("atom.xml"))
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(XMLParser(data: Data(atom.utf8)).parse())
        #expect(XMLParser(data: Data(sitemap.utf8)).parse())
        #expect(atom.contains("<id>https://exemple.fr/fiches/beta/</id>"))
        #expect(atom.contains("<updated>2025-11-10T00:00:00Z</updated>"))
        #expect(atom.contains("Salon &lt;des&gt; maires"))
        #expect(atom.range(of: "fiches/beta")!.lowerBound < atom.range(of: "fiches/alpha")!.lowerBound)
        #expect(sitemap.contains("<loc>https://exemple.fr/fiches/alpha/</loc><lastmod>2025-10-01</lastmod>"))
        #expect(!sitemap.contains("404"))
        #expect(site.read("robots.txt")?.contains("Sitemap: https://exemple.fr/sitemap.xml") == true)
    }

    @Test func aSitemapLongerThanItsSizeIsSplitBehindAnIndexAndOnlyTheChangedPartIsMadeAgain() throws {
        let site = try Fixture(files: Self.files, site: Fixture.siteYAML + "\nsitemap_size: 3\n")
        defer { site.remove() }
        #expect(site.build().succeeded)
        let index = try #require(site.read("sitemap.xml"))
        #expect(XMLParser(data: Data(index.utf8)).parse())
        let parts = index.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(index.contains("<sitemapindex") && parts.count > 2)
        #expect(parts == parts.indices.map { "https://exemple.fr/sitemap\($0 + 1).xml" })
        var listed: [String] = []
        for part in parts.indices {
            let text = try #require(site.read("sitemap\(part + 1).xml"))
            #expect(XMLParser(data: Data(text.utf8)).parse())
            let urls = text.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
            #expect(urls.count <= 3 && !urls.isEmpty)
            listed += urls
        }
        #expect(listed == listed.sorted() && Set(listed).count == listed.count)
        #expect(listed.contains("https://exemple.fr/fiches/alpha/") && listed.contains("https://exemple.fr/"))
        #expect(!site.exists("sitemap\(parts.count + 1).xml"))
        #expect(site.read("robots.txt")?.contains("Sitemap: https://exemple.fr/sitemap.xml") == true)
        let alphaPart = try #require(parts.indices.first { site.read("sitemap\($0 + 1).xml")!.contains("/fiches/alpha/<") })
        #expect(site.read("sitemap\(alphaPart + 1).xml")?.contains("/fiches/alpha/</loc><lastmod>2025-10-01</lastmod>") == true)

        // A new date for alpha changes its part of the sitemap; the other parts are carried over.
        let before = parts.indices.map { site.read("sitemap\($0 + 1).xml")! }
        try site.write("content/fiches/alpha.md", Self.files["content/fiches/alpha.md"]!.replacingOccurrences(of: "2025-10-01", with: "2025-10-02"))
        #expect(site.build().succeeded)
        for part in parts.indices {
            let text = try #require(site.read("sitemap\(part + 1).xml"))
            #expect((text == before[part]) == (part != alphaPart), "part \(part + 1)")
        }

        // Back under its size, the sitemap is one file again, and its parts are gone.
        try site.write("content/site.yml", Fixture.siteYAML)
        #expect(site.build().succeeded)
        #expect(site.read("sitemap.xml")?.contains("<urlset") == true)
        #expect(site.read("sitemap.xml")?.contains("/fiches/alpha/</loc><lastmod>2025-10-02</lastmod>") == true)
        #expect(!site.exists("sitemap1.xml"))
    }

    @Test func aSitemapSizeAboveWhatSearchEnginesReadIsAMistake() throws {
        let site = try Fixture(files: Self.files, site: Fixture.siteYAML + "\nsitemap_size: 60000\n")
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        let mistake = try #require(report.diagnostics.first { $0.code == .entierAttendu })
        #expect(mistake.message.contains("« sitemap_size » ne peut dépasser 50 000"))
        #expect(mistake.location.file == "content/site.yml")
    }

    @Test func aDateKnownOnlyByItsMonthOrYearIsShownAsSuchAndInNoJeudi() throws {
        let site = try Fixture(files: [
            "content/fiches/annee.md": Fixture.resource(title: "Année", date: "2020"),
            "content/fiches/mois.md": Fixture.resource(title: "Mois", date: "2020-11"),
            "content/fiches/jour.md": Fixture.resource(title: "Jour", date: "2020-11-12"),
            "content/fiches/futur.md": Fixture.resource(title: "Futur", date: "2026"),
        ])
        defer { site.remove() }
        let report = site.build(date: "2025-11-20")
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(site.read("fiches/annee/index.html")?.contains("<time datetime=\"2020\">2020</time>") == true)
        #expect(site.read("fiches/mois/index.html")?.contains("<time datetime=\"2020-11\">novembre 2020</time>") == true)
        #expect(site.read("fiches/jour/index.html")?.contains("<time datetime=\"2020-11-12\">12 novembre 2020</time>") == true)
        // Published from the first day of its period, not before.
        #expect(!site.exists("fiches/futur/index.html"))
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("/fiches/annee/</loc><lastmod>2020</lastmod>"))
        #expect(sitemap.contains("/fiches/mois/</loc><lastmod>2020-11</lastmod>"))
        // Only the resource with a day is new in a Thursday's issue; the others have no week to be new in.
        #expect(report.model?.jeudis.map(\.thursday.description) == ["2020-11-12"])
        let issue = try #require(site.read("jeudis/2020-11-12/index.html"))
        #expect(issue.contains("/fiches/jour/") && !issue.contains("/fiches/mois/") && !issue.contains("/fiches/annee/"))
    }

    @Test func anImpossibleMonthOrADayInAYearFieldIsReported() throws {
        let site = try Fixture(files: ["content/fiches/x.md": Fixture.resource(title: "X", date: "2020-13")])
        defer { site.remove() }
        let diagnostic = try #require(site.build().diagnostics.first)
        #expect(diagnostic.code == .dateInvalide && diagnostic.message == "date impossible : « 2020-13 »")
        #expect(diagnostic.location == SourceLocation(file: "content/fiches/x.md", line: 3, column: 7))
    }

    @Test func homeShowsIntroUpcomingEventsAndPages() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-17").succeeded)
        let home = try #require(site.read("index.html"))
        #expect(home.contains("Le texte <strong>d’accueil</strong>."))
        #expect(home.contains("Prochains événements"))
        #expect(home.contains("mardi 18 novembre 2025 de 9 h à 18 h 30"))
        #expect(home.contains("<a href=\"/a-propos/\">À propos</a>"))
        // after the event, it is no longer upcoming
        #expect(site.build(date: "2025-11-25").succeeded)
        #expect(site.read("index.html")?.contains("Prochains événements") == false)
    }

    @Test func sameInputAndDateGiveByteIdenticalOutput() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let first = snapshot(site.output)
        #expect(site.build().succeeded)
        #expect(snapshot(site.output) == first)
        #expect(first.count > 20)
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = snapshot(site.output)
        try site.write("content/fiches/casse.md", "---\ntitle: [\n---\n")
        let report = site.build()
        #expect(!report.succeeded)
        #expect(snapshot(site.output) == before)
    }

    @Test func strictTurnsWarningsIntoFailures() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let relaxed = site.build()
        #expect(relaxed.succeeded)
        #expect(relaxed.diagnostics.allSatisfy { $0.severity == .warning } && !relaxed.diagnostics.isEmpty)
        #expect(!site.build(strict: true).succeeded)
    }

    @Test func addingAKindIsAConfigurationEdit() throws {
        let site = try Fixture(files: [
            "content/publications/etude.md": Fixture.resource(title: "Une étude", extra: "auteur: Le RAMEAU"),
            "content/publications/note.md": Fixture.resource(title: "Une note"),
        ], site: Fixture.siteYAML + """

          publications:
            singular: Publication
            plural: Publications
            sort: -date
            fields:
              auteur: { type: texte, label: Auteur }
        """)
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(site.read("publications/index.html")?.contains("<h1>Publications</h1>") == true)
        #expect(site.read("publications/etude/index.html")?.contains("<dt>Auteur</dt><dd>Le RAMEAU</dd>") == true)
        #expect(site.read("index.html")?.contains("href=\"/publications/\"") == true)
    }

    @Test func pageBundlesKeepTheirFilesBesideThem() throws {
        let site = try Fixture(files: [
            "content/fiches/guide/index.md": Fixture.resource(title: "Guide", body: "![Schéma](schema.png)"),
            "content/fiches/guide/schema.png": "PNG",
            "content/fiches/autre.md": Fixture.resource(title: "Autre", body: "[guide](guide/index.md)"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(site.read("fiches/guide/index.html")?.contains("src=\"/fiches/guide/schema.png\"") == true)
        #expect(site.exists("fiches/guide/schema.png"))
        #expect(site.read("fiches/autre/index.html")?.contains("href=\"/fiches/guide/\"") == true)
    }

    private func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileTree.files(in: folder) {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }
}
