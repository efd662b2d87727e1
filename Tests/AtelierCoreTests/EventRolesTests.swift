import Foundation
import Testing
@testable import AtelierCore

/// The fields of an event are found by the role site.yml gives them (`role: debut`), whatever their names.
@Suite struct EventRolesTests {
    /// The fixture's site with a kind of events whose fields are named otherwise, and a field named `debut` that
    /// plays no role.
    static let site = Fixture.siteYAML + """

      rencontres:
        singular: Rencontre
        plural: Rencontres
        sort: commence
        fields:
          commence: { type: date-heure, required: true, label: Commence, role: debut }
          termine: { type: date-heure, label: Termine, role: fin }
          salle: { type: texte, label: Salle, role: lieu }
          hote: { type: texte, label: Hote, role: organisateur }
          billetterie: { type: url, label: Billetterie, role: inscription }
          debut: { type: texte, label: Accueil }
    """

    static func meeting(_ title: String, start: String, end: String) -> String {
        Fixture.resource(title: title, extra: """
        commence: \(start)
        termine: \(end)
        salle: Lyon
        hote: ANCT
        billetterie: https://exemple.fr/billets
        debut: Café
        """)
    }

    static let paris = TimeZone(identifier: "Europe/Paris")!

    @Test func rolesTellWhichFieldsStartEndAndPlaceAnEvent() throws {
        var log = DiagnosticLog()
        let site = try #require(SiteConfigLoader.load(text: Self.site, log: &log))
        #expect(log.items.isEmpty, "\(log.items)")
        let kind = try #require(site.kind("rencontres"))
        #expect(EventRole.allCases.map { kind.field(playing: $0)?.name } == ["commence", "termine", "salle", "hote", "billetterie"])
        #expect(kind.field("debut")?.role == nil)

        let reader = ContentFileReader(site: site, resources: ResourceReader(site: site, boussole: nil))
        let file = reader.read(relative: "rencontres/atelier.md",
                               data: Data(Self.meeting("Atelier", start: "2025-11-25 14:00", end: "2025-11-25 16:00").utf8))
        #expect(file.log.items.isEmpty, "\(file.log.items)")
        let meeting = try #require(file.resource)
        #expect(meeting.startTime == EventTime(parsing: "2025-11-25 14:00", timeZone: Self.paris))
        #expect(meeting.endTime == EventTime(parsing: "2025-11-25 16:00", timeZone: Self.paris))
        #expect(meeting.place == "Lyon")
        #expect(meeting.organiser == "ANCT")
        #expect(meeting.registration == "https://exemple.fr/billets")
        #expect(kind.field("debut").flatMap(meeting.value(of:)) == .text("Café"))
    }

    @Test func aKindWhoseFieldsAreNamedOtherwiseIsAnAgendaWithACalendar() throws {
        let site = try Fixture(files: ["content/rencontres/atelier.md": Self.meeting("Atelier", start: "2025-11-25 14:00",
                                                                                    end: "2025-11-25 16:00")],
                               site: Self.site)
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        let agenda = try #require(site.read("rencontres/agenda.ics"))
        #expect(agenda.contains("DTSTART;TZID=Europe/Paris:20251125T140000\r\nDTEND;TZID=Europe/Paris:20251125T160000\r\n"))
        #expect(agenda.contains("LOCATION:Lyon\r\n"))
        #expect(agenda.contains("Organisation : ANCT"))
        #expect(site.exists("rencontres/atelier/evenement.ics"))
        let page = try #require(site.read("rencontres/atelier/index.html"))
        #expect(page.contains("<dt>Quand</dt><dd>mardi 25 novembre 2025 de 14 h à 16 h</dd>"))
        #expect(!page.contains("<dt>Termine</dt>"))
        #expect(page.contains("<dt>Accueil</dt><dd>Café</dd>"))
        #expect(page.contains("2025-11-25T14:00:00+01:00"))
        #expect(page.contains("\"offers\""))
    }

    @Test func fieldsNamedLikeRolesPlayNoneUnlessSiteYmlSaysSo() throws {
        let forum = Fixture.resource(title: "Forum", extra: "debut: 2025-11-25 14:00\nlieu: Lille")
        for (site, isAgenda) in [(Fixture.siteYAML, true), (Fixture.siteYAML.replacingOccurrences(of: ", role: debut }", with: " }"), false)] {
            let project = try Fixture(files: ["content/evenements/forum.md": forum], site: site)
            defer { project.remove() }
            let report = project.build()
            #expect(report.succeeded)
            #expect(project.exists("evenements/agenda.ics") == isAgenda)
            #expect(project.exists("evenements/forum/evenement.ics") == isAgenda)
            // A field named after a role no field plays is said to play none, where it is written.
            let unsaid = report.diagnostics.filter { $0.code == .roleAbsent }
            let debut = Fixture.place(of: "debut:", in: site)
            #expect(unsaid.map(\.location) == (isAgenda ? [] : [SourceLocation(file: SiteConfigLoader.path, line: debut.line, column: debut.column)]))
            #expect(unsaid.map(\.message) == (isAgenda ? [] : ["« debut » ne joue aucun rôle : Atelier ne s'en sert pas pour les événements"]))
            #expect(unsaid.allSatisfy { $0.severity == .warning })
        }
    }

    @Test func anEventEndingBeforeItStartsIsReportedAtTheFieldPlayingTheEnd() throws {
        let text = Self.meeting("Envers", start: "2025-11-25 14:00", end: "2025-11-25 12:00")
        let site = try Fixture(files: ["content/rencontres/envers.md": text], site: Self.site)
        defer { site.remove() }
        let errors = site.build().diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.finAvantDebut])
        #expect(errors.first?.location == SourceLocation(file: "content/rencontres/envers.md", line: Fixture.place(of: "termine:", in: text).line))
        #expect(errors.first?.hint == "« termine » doit être après « commence »")
    }

    @Test func aRoleUnknownMisplacedOrGivenTwiceIsReportedWhereItIsWritten() throws {
        let site = Fixture.siteYAML + """

          ateliers:
            singular: Atelier
            plural: Ateliers
            fields:
              ouverture: { type: date-heure, role: debut }
              salle: { type: texte, role: debut }
              cloture: { type: date-heure, role: fn }
              ville: { type: texte, role: lieu }
              quartier: { type: texte, role: lieu }
        """
        var log = DiagnosticLog()
        let config = try #require(SiteConfigLoader.load(text: site, log: &log))
        // Each role at its value, the required start at its kind.
        let role = { (field: String) in
            let line = Fixture.place(of: field + ":", in: site).line
            return SourceLocation(file: SiteConfigLoader.path, line: line,
                                  column: Fixture.place(of: "role: ", in: site, after: line - 1).column + "role: ".count)
        }
        let kind = Fixture.place(of: "ateliers:", in: site)
        #expect(log.items.map(\.code) == [.roleIncompatible, .roleInconnu, .roleEnDouble, .debutObligatoire])
        #expect(log.items.map(\.location) == [role("salle"), role("cloture"), role("quartier"),
                                               SourceLocation(file: SiteConfigLoader.path, line: kind.line, column: kind.column)])
        #expect(log.items.map(\.message) == [
            "le rôle « debut » demande un champ de type date-heure : « salle » est de type texte",
            "rôle inconnu : « fn » ; vouliez-vous dire « fin » ?",
            "le rôle « lieu » est déjà celui de « ville »",
            "« ouverture » doit être obligatoire : les ressources de « ateliers » forment un agenda",
        ])
        #expect(log.items.first?.hint == "rôles possibles : debut (date-heure), fin (date-heure), lieu (texte), organisateur (texte), inscription (url)")
        // A role refused is not played: the field that held it first keeps it.
        let ateliers = try #require(config.kind("ateliers"))
        #expect(ateliers.field(playing: .start)?.name == "ouverture")
        #expect(ateliers.field(playing: .place)?.name == "ville")
        #expect(ateliers.field(playing: .end) == nil)
    }
}
