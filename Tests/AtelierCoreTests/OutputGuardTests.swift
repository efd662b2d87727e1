import Foundation
import Testing
@testable import AtelierCore

/// The output folder is Atelier's alone: a build never replaces the project, the editors' files, the cache, or a
/// folder holding files that Atelier did not write. Each refusal leaves every file on disk as it was.
@Suite struct OutputGuardTests {
    static let files = ["content/fiches/alpha.md": Fixture.resource(title: "Alpha"),
                        "content/fiches/beta.md": Fixture.resource(title: "Bêta")]

    /// Builds into `output` (relative to the project) and expects a refusal whose message contains `fragment`,
    /// with nothing changed anywhere in the project or beside it.
    private func expectRefused(_ output: String, _ fragment: String, in site: Fixture, force: Bool = false,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let parent = site.root.deletingLastPathComponent()
        let before = Fixture.tree(site.root)
        let siblings = Set((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
        let report = site.build(output: site.root.appendingPathComponent(output), force: force)
        #expect(!report.succeeded, sourceLocation: sourceLocation)
        #expect(report.diagnostics.count == 1 && report.diagnostics[0].message.contains(fragment),
                "\(report.diagnostics)", sourceLocation: sourceLocation)
        #expect(report.diagnostics.allSatisfy { $0.location.line == 0 }, sourceLocation: sourceLocation)
        #expect(Fixture.tree(site.root) == before, sourceLocation: sourceLocation)
        #expect(Set((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []) == siblings,
                sourceLocation: sourceLocation)
    }

    @Test func theProjectAndItsFoldersAreRefusedEvenWithForce() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try site.write(".git/HEAD", "ref: refs/heads/main\n")
        for force in [false, true] {
            expectRefused(".", "est le dossier du projet", in: site, force: force)
            expectRefused("content", "est dans content/", in: site, force: force)
            expectRefused("content/fiches", "est dans content/", in: site, force: force)
            expectRefused("templates", "est dans templates/", in: site, force: force)
            expectRefused("..", "contient le dossier du projet", in: site, force: force)
            expectRefused("content/../templates/partials", "est dans templates/", in: site, force: force)
            expectRefused(".atelier", "contient le cache d'Atelier (.atelier/cache/)", in: site, force: force)
            expectRefused(".atelier/cache/pages", "est dans le cache d'Atelier", in: site, force: force)
        }
    }

    @Test func symbolicLinksAreFollowedToWhereTheyLead() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.root.appendingPathComponent("vers-content").path, withDestinationPath: "content")
        try fm.createSymbolicLink(atPath: site.root.appendingPathComponent("ici").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: site.root.appendingPathComponent("casse").path, withDestinationPath: "nulle-part")
        expectRefused("vers-content", "est dans content/", in: site)
        expectRefused("vers-content/fiches", "est dans content/", in: site)
        expectRefused("ici", "est le dossier du projet", in: site)
        expectRefused("ici/templates", "est dans templates/", in: site)
        expectRefused("casse", "lien symbolique vers un dossier qui n'existe pas", in: site)
    }

    @Test func aContentFolderLinkedFromElsewhereIsProtectedWhereItLives() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let elsewhere = site.root.appendingPathComponent("depot")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("content"), to: elsewhere.appendingPathComponent("content"))
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content").path,
                                                   withDestinationPath: "depot/content")
        expectRefused("depot", "contient content/", in: site)
        expectRefused("depot/content", "est dans content/", in: site)
    }

    @Test func aFolderAtelierDidNotWriteIsRefusedUnlessForced() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        try site.write("photos/vacances.jpg", "JPEG")
        expectRefused("photos", "contient des fichiers qu'Atelier n'a pas écrits", in: site)
        try site.write("note.txt", "texte")
        expectRefused("note.txt", "est un fichier, pas un dossier", in: site)

        let forced = site.build(output: site.root.appendingPathComponent("photos"), force: true)
        #expect(forced.succeeded, "\(forced.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("photos/fiches/alpha/index.html").path))
        // From then on the folder is Atelier's: the next build needs no --force.
        #expect(site.build(output: site.root.appendingPathComponent("photos")).succeeded)
    }

    @Test func anEmptyFolderAndAnEarlierAtelierSiteAreAccepted() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("vide"), withIntermediateDirectories: true)
        #expect(site.build(output: site.root.appendingPathComponent("vide")).succeeded)
        // A site written before markers existed is recognised by its feed.
        try site.write("ancien/atom.xml", "<?xml version=\"1.0\"?><feed><generator>Atelier</generator></feed>")
        try site.write("ancien/index.html", "<!doctype html>")
        #expect(site.build(output: site.root.appendingPathComponent("ancien")).succeeded)
        #expect(site.build().succeeded)
        #expect(site.build().succeeded)
    }

    @Test func aTwinFolderThatIsNotAteliersIsLeftAlone() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        try site.write(".public.atelier/a-moi.txt", "à garder")
        expectRefused("public", "n'a pas été écrit par Atelier", in: site)
    }

    @Test func anOutputLinkedElsewhereIsReplacedWhereItLeadsAndStaysALink() throws {
        let site = try Fixture(files: Self.files)
        defer { site.remove() }
        let served = site.root.appendingPathComponent("www/site")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        let link = site.root.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "www/site")
        #expect(site.build().succeeded)
        #expect(site.build().succeeded)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "www/site")
        #expect(FileManager.default.fileExists(atPath: served.appendingPathComponent("fiches/alpha/index.html").path))
    }
}
