import Foundation
import Testing
@testable import AtelierCore

/// What publishing reads and says; the transfers themselves are tested against a real OpenSSH server (test_publish.py).
@Suite struct PublishTests {
    @Test func releasesAreNamedToSortInTheOrderTheyWereMade() {
        let first = ServerPublisher.releaseName(at: Date(timeIntervalSince1970: 1_763_640_000))
        let later = ServerPublisher.releaseName(at: Date(timeIntervalSince1970: 1_763_640_000.25))
        #expect(first == "20251120-120000000")
        #expect(later == "20251120-120000250")
        #expect(first < later)
        #expect(ServerPublisher.isRelease(first + "-0a1b2c3d4e5f"))
        #expect(!ServerPublisher.isRelease("current") && !ServerPublisher.isRelease(first + "-ZZ"))
    }

    @Test func rsyncsStatisticsAreRead() {
        let output = """
        Number of files: 270 (reg: 180, dir: 90)
        Number of regular files transferred: 12
        Total file size: 3,456,789 bytes
        Total transferred file size: 34,567 bytes
        """
        let read = ServerPublisher.statistics(output), none = ServerPublisher.statistics("")
        #expect(read.files == 12 && read.bytes == 34_567)
        #expect(none.files == 0 && none.bytes == 0)
    }

    @Test func theServersRefusalsAreSaidInFrench() {
        #expect(ServerPublisher.reason("ssh: connect to host 127.0.0.1 port 2222: Connection refused\r\nrsync: connection unexpectedly closed")
                == "connexion refusée (le serveur SSH n'écoute pas sur ce port)")
        #expect(ServerPublisher.reason("root@127.0.0.1: Permission denied (publickey).") == "accès refusé : le serveur n'accepte pas cette clé pour ce compte")
        #expect(ServerPublisher.reason("mkdir: cannot create directory '/srv': Read-only file system\n")
                == "le serveur répond « mkdir: cannot create directory '/srv': Read-only file system »")
    }

    @Test func theConfigurationIsCheckedAtItsLines() throws {
        let site = try Fixture(files: ["content/fiches/a.md": Fixture.resource(title: "A"), "publication.yml": """
        serveur:
          hote: exemple.org
          dossier: srv/site
          versions_gardees: 1
          couleur: bleu
        """])
        defer { site.remove() }
        var log = DiagnosticLog()
        #expect(PublicationConfig.load(root: site.root, log: &log) == nil)
        let found = log.sorted.map { "\($0.location.line) \($0.code.rawValue)" }
        #expect(found == ["3 valeur-inconnue", "4 entier-attendu", "5 cle-inconnue"])
    }

    @Test func aSoundConfigurationIsRead() throws {
        let site = try Fixture(files: ["content/fiches/a.md": Fixture.resource(title: "A"), "publication.yml": """
        serveur:
          hote: exemple.org
          utilisateur: atelier
          dossier: /srv/site
        """])
        defer { site.remove() }
        var log = DiagnosticLog()
        let config = try #require(PublicationConfig.load(root: site.root, log: &log))
        #expect(log.items.isEmpty)
        #expect(config.server.host == "exemple.org" && config.server.port == 22 && config.server.user == "atelier")
        #expect(config.server.folder == "/srv/site" && config.server.releasesKept == 5 && config.server.identity == nil)
    }
}
