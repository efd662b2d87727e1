import Foundation
import Testing
@testable import AtelierCore

/// What the system refuses reaches the editor in French, whatever layer refused it.
@Suite struct SystemReasonTests {
    @Test func posixCodesAreSaidInFrench() {
        #expect(SystemReason.of(errno: EACCES) == "permission refusée")
        #expect(SystemReason.of(errno: ENOSPC) == "plus de place sur le disque")
        #expect(SystemReason.of(errno: ENAMETOOLONG) == "nom trop long pour le système de fichiers")
        #expect(SystemReason.of(errno: EEXIST) == "un fichier de ce nom existe déjà")
    }

    @Test func foundationsErrorsAreSaidInFrenchNotAsCocoaCodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("raison-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("deja.txt")
        try Data("x".utf8).write(to: file)
        var reasons: [String] = []
        do { try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false) } catch { reasons.append(SystemReason.of(error)) }
        do { _ = try Data(contentsOf: folder.appendingPathComponent("absent.txt")) } catch { reasons.append(SystemReason.of(error)) }
        do { try FileManager.default.moveItem(at: folder.appendingPathComponent("absent.txt"), to: folder.appendingPathComponent("autre.txt")) } catch { reasons.append(SystemReason.of(error)) }
        let long = folder.appendingPathComponent(String(repeating: "a", count: 300))
        do { try Data("x".utf8).write(to: long) } catch { reasons.append(SystemReason.of(error)) }
        #expect(reasons.count == 4)
        #expect(reasons[0] == "un fichier de ce nom existe déjà")
        #expect(reasons[1] == "fichier ou dossier introuvable")
        #expect(reasons[2] == "fichier ou dossier introuvable")
        #expect(reasons[3] == "nom trop long pour le système de fichiers")
        for reason in reasons {
            #expect(!reason.contains("Error") && !reason.contains("Code=") && !reason.contains("exists"), "\(reason)")
        }
    }

    @Test func atelierOwnErrorsKeepTheirFrenchText() {
        #expect(SystemReason.of(OutputError("verrou impossible : permission refusée")) == "verrou impossible : permission refusée")
    }

    @Test func editorsBackupAndLockFilesAreRecognised() {
        for name in ["a.md~", "#a.md#", "a.md.bak", "a.md.swp", "a.md.orig", "Thumbs.db"] {
            #expect(FileTree.isEditorsLeftover(name), "\(name)")
        }
        for name in ["a.md", "guide.pdf", "#hashtag.md", "notes-v2.md", "#"] {
            #expect(!FileTree.isEditorsLeftover(name), "\(name)")
        }
    }

    @Test func aLongSlugIsShortenedAtAHyphen() {
        #expect(Slug.shortened("un-tres-long-titre", to: 12) == "un-tres-long")
        #expect(Slug.shortened("un-tres-long-titre", to: 13) == "un-tres-long")
        #expect(Slug.shortened("court", to: 12) == "court")
        #expect(Slug.shortened(String(repeating: "a", count: 90), to: 80) == String(repeating: "a", count: 80))
    }
}
