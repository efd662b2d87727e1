import Foundation
import Testing
@testable import AtelierCore

/// The issue as mail, the journal of what was sent, and how msmtp's answers are read; the submissions themselves are
/// tested against a real SMTP server (test_weekly_run.py).
@Suite struct MailTests {
    @Test func quotedPrintableKeepsLinesShortAndEncodesWhatMailCannotCarry() {
        #expect(MailMessage.quotedPrintable("café = 1 €") == "caf=C3=A9 =3D 1 =E2=82=AC")
        #expect(MailMessage.quotedPrintable("fin \nsuite\t") == "fin=20\r\nsuite=09")
        let long = String(repeating: "é", count: 40) + " " + String(repeating: "a", count: 100)
        let lines = MailMessage.quotedPrintable(long).components(separatedBy: "\r\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // A soft break never splits an encoded byte.
        #expect(lines.allSatisfy { $0.range(of: #"^([^=]|=[0-9A-F]{2})*=?$"#, options: .regularExpression) != nil })
        #expect(Self.decode(lines.joined(separator: "\r\n")) == long)
    }

    @Test func aFrenchSubjectIsEncodedInWordsThatFitALine() {
        #expect(MailMessage.encodedWords("Les Jeudis") == "Les Jeudis")
        let subject = "Les Jeudis de l’ODD 17 du 20 novembre 2025 : élus, agents et entreprises font alliance"
        let words = MailMessage.encodedWords(subject).components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 60 })
        let decoded = words.map { word -> String in
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
    }

    @Test func theMessageCarriesTheListHeadersAndTheSameBytesEachTime() throws {
        let from = try #require(MailAddress(parsing: "Les Jeudis de l’ODD 17 <jeudis@exemple.org>"))
        var message = MailMessage(from: from, to: "liste@exemple.org", subject: "Numéro", text: "Bonjour\n", html: "<p>Bonjour</p>\n",
                                  messageID: "jeudis-2025-11-20@exemple.org", date: Date(timeIntervalSince1970: 1_763_622_000))
        message.listID = "jeudis.exemple.org"
        message.unsubscribeWeb = "https://exemple.org/desabonnement"
        let text = String(decoding: message.rendered, as: UTF8.self)
        #expect(text.contains("\r\nDate: Thu, 20 Nov 2025 07:00:00 +0000\r\n"))
        #expect(text.contains("\r\nMessage-ID: <jeudis-2025-11-20@exemple.org>\r\n"))
        #expect(text.contains("\r\nList-Id: <jeudis.exemple.org>\r\n"))
        #expect(text.contains("\r\nList-Unsubscribe: <https://exemple.org/desabonnement>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(text.hasPrefix("From: =?UTF-8?B?"))
        #expect(text.range(of: "text/plain")!.lowerBound < text.range(of: "text/html")!.lowerBound)
        #expect(message.rendered == message.rendered)
        message.unsubscribeWeb = nil
        #expect(!String(decoding: message.rendered, as: UTF8.self).contains("List-Unsubscribe"))
    }

    @Test func addressesAreReadWithOrWithoutAName() {
        #expect(MailAddress(parsing: "jeudis@exemple.org") == MailAddress(parsing: "<jeudis@exemple.org>"))
        #expect(MailAddress(parsing: "\"Les Jeudis\" <jeudis@exemple.org>")?.name == "Les Jeudis")
        #expect(MailAddress(parsing: "Les Jeudis <jeudis@exemple.org>")?.header == "\"Les Jeudis\" <jeudis@exemple.org>")
        for wrong in ["jeudis", "jeudis@", "@exemple.org", "jeudis@exemple", "a b@exemple.org", "jeudis@exemple.org."] {
            #expect(MailAddress(parsing: wrong) == nil, "\(wrong)")
        }
    }

    @Test func msmtpsAnswersTellWhatHappenedToTheMessage() {
        let host = "smtp.exemple.org"
        #expect(MailSender.outcome(status: 0, errors: "", host: host) == .accepted)
        guard case .temporary = MailSender.outcome(status: 69, errors: "msmtp: server message: 451 4.3.0 plus tard\n", host: host),
              case .refused(let refusal) = MailSender.outcome(status: 69, errors: "msmtp: server message: 554 5.7.1 non\n", host: host),
              case .refused = MailSender.outcome(status: 77, errors: "msmtp: authentication failed (method PLAIN)\nmsmtp: server message: 535 5.7.8 invalid\n", host: host),
              case .temporary = MailSender.outcome(status: 75, errors: "msmtp: cannot connect to smtp.exemple.org, port 587: Connection refused\n", host: host),
              case .uncertain = MailSender.outcome(status: 74, errors: "msmtp: cannot read from TLS connection\n", host: host)
        else { Issue.record("an answer read wrong"); return }
        #expect(refusal == "le serveur smtp.exemple.org refuse le message : « 554 5.7.1 non »")
    }

    @Test func theJournalKeepsEachStepAndTheLastOneCounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = DeliveryJournal(url: folder.appendingPathComponent("journal.txt"))
        let thursday = LocalDate(iso: "2025-11-20")!, next = LocalDate(iso: "2025-11-27")!
        #expect(try journal.state(of: thursday) == nil)
        try journal.record(.sending, issue: thursday, messageID: "a@x", at: Date(timeIntervalSince1970: 1_763_622_000))
        try journal.record(.proof, issue: next, messageID: "b@x", detail: "envoyé\tà\nla rédaction")
        #expect(try journal.state(of: thursday)?.state == .sending)
        try journal.record(.sent, issue: thursday, messageID: "a@x", detail: "accepté")
        let entries = try journal.entries()
        #expect(entries.map(\.state) == [.sending, .proof, .sent])
        #expect(entries[0].moment == Date(timeIntervalSince1970: 1_763_622_000))
        #expect(entries[1].detail == "envoyé à la rédaction")
        #expect(try journal.state(of: thursday)?.state == .sent)
        #expect(try journal.state(of: next) == nil)  // a proof is not the issue
    }

    @Test func theMailSectionIsCheckedAtItsLines() throws {
        let site = try Fixture(files: ["content/fiches/a.md": Fixture.resource(title: "A"), "publication.yml": """
        serveur:
          hote: exemple.org
          dossier: /srv/site
        lettre:
          expediteur: jeudis
          liste: liste@exemple.org
          smtp:
            hote: smtp.exemple.org
            securite: ssl
        """])
        defer { site.remove() }
        var log = DiagnosticLog()
        #expect(PublicationConfig.load(root: site.root, log: &log) == nil)
        #expect(log.sorted.map { "\($0.location.line) \($0.code.rawValue)" } == ["5 adresse-invalide", "9 valeur-inconnue"])
    }

    @Test func aSoundMailSectionIsReadWithItsDefaults() throws {
        let site = try Fixture(files: ["content/fiches/a.md": Fixture.resource(title: "A"), "publication.yml": """
        serveur:
          hote: exemple.org
          dossier: /srv/site
        lettre:
          expediteur: "Les Jeudis <jeudis@exemple.org>"
          liste: liste@exemple.org
          smtp:
            hote: smtp.exemple.org
        """])
        defer { site.remove() }
        var log = DiagnosticLog()
        let mail = try #require(PublicationConfig.load(root: site.root, log: &log)?.mail)
        #expect(log.items.isEmpty)
        #expect(mail.port == 587 && mail.security == .starttls && mail.attempts == 3 && mail.journal == "journal-des-envois.txt")
        #expect(mail.sender.name == "Les Jeudis" && mail.list == "liste@exemple.org" && mail.proofReader == nil)
    }

    /// Quoted-printable read back, as a mail reader does.
    private static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), let byte = UInt8(String(decoding: source[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
