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
        let server = try #require(PublicationConfig.load(root: site.root, log: &log)?.server)
        #expect(log.items.isEmpty)
        #expect(server.host == "exemple.org" && server.port == 22 && server.user == "atelier")
        #expect(server.folder == "/srv/site" && server.releasesKept == 5 && server.identity == nil)
    }

    @Test func aBucketIsReadAndOneDestinationIsRequired() throws {
        let site = try Fixture(files: ["content/fiches/a.md": Fixture.resource(title: "A"), "publication.yml": """
        compartiment:
          point_d_acces: https://s3.fr-par.scw.cloud
          nom: innovationterritoriale
          prefixe: /site/
        """])
        defer { site.remove() }
        var log = DiagnosticLog()
        let bucket = try #require(PublicationConfig.load(root: site.root, log: &log)?.bucket)
        #expect(bucket.provider == "Other" && bucket.prefix == "site" && bucket.maxDeletions == 256 && bucket.region == nil)

        for text in ["lettre:\n  liste: a@b.org\n", "serveur:\n  hote: a\n  dossier: /a\ncompartiment:\n  point_d_acces: https://a.org\n  nom: b\n"] {
            try text.write(to: site.root.appendingPathComponent("publication.yml"), atomically: true, encoding: .utf8)
            var log = DiagnosticLog()
            #expect(PublicationConfig.load(root: site.root, log: &log) == nil)
            #expect(log.items.contains { $0.message == "une destination, une seule : « serveur » (SSH) ou « compartiment » (S3)" })
        }
    }

    @Test func filesGoInWavesPagesAfterWhatTheyUseAndFeedsLast() {
        let waves = BucketPublisher.waves(["index.html", "assets/style.css", "fiches/a/index.html", "atom.xml", "recherche/0.json",
                                           "sitemap.xml", "jeudis/atom.xml"])
        #expect(waves == [["assets/style.css", "recherche/0.json"], ["fiches/a/index.html"],
                          ["index.html", "atom.xml", "sitemap.xml", "jeudis/atom.xml"]])
        #expect(BucketPublisher.cacheControl("fiches/a/index.html") == "public, max-age=300")
        #expect(BucketPublisher.cacheControl("assets/style.css") == "public, max-age=3600")
        #expect(BucketPublisher.cacheControl("assets/style.0a1b2c3d4e.css") == "public, max-age=31536000, immutable")
    }
}
