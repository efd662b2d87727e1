import Foundation

/// The files of a source folder. A symbolic link is followed only when it leads to a file inside the project;
/// any other link, and anything that is not a plain file (a named pipe would block the build), is listed as refused
/// with its reason, so that nothing vanishes silently and nothing outside the project is ever read.
enum FileTree {
    struct Listing: Sendable {
        /// Relative to the folder, sorted. Hidden files and folders are skipped.
        var files: [String] = []
        var refused: [(path: String, reason: String)] = []
        /// Each file's signature (of the file a link leads to), by which the cache knows it unchanged without reading it.
        var signatures: [String: BuildCache.Signature] = [:]
    }

    static func list(_ folder: URL, within root: URL) -> Listing {
        let base = PhysicalPath.resolve(folder)
        let project = PhysicalPath.resolve(root)
        var listing = Listing()
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return listing }
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                enumerator.skipDescendants()
                continue
            }
            let path = base + "/" + relative
            var entry = stat()
            guard lstat(path, &entry) == 0 else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFREG:
                listing.files.append(relative)
                listing.signatures[relative] = Self.signature(entry)
            case S_IFDIR: continue
            case S_IFLNK:
                if let reason = refusal(ofLink: path, project: project) {
                    listing.refused.append((relative, reason))
                } else {
                    listing.files.append(relative)
                    listing.signatures[relative] = signature(of: path)
                }
            default: listing.refused.append((relative, "ce n'est pas un fichier ordinaire : Atelier ne le lit pas"))
            }
        }
        listing.files.sort()
        listing.refused.sort { $0.path < $1.path }
        return listing
    }

    /// The signature of the file at `path` (following a link), or nil if there is none.
    static func signature(of path: String) -> BuildCache.Signature? {
        var status = stat()
        return stat(path, &status) == 0 ? signature(status) : nil
    }

    private static func signature(_ status: stat) -> BuildCache.Signature {
        BuildCache.Signature(size: Int(status.st_size),
                             modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
                             changed: Int(status.st_ctim.tv_sec) * 1_000_000_000 + Int(status.st_ctim.tv_nsec),
                             inode: UInt64(status.st_ino))
    }

    /// Plain files below a folder that holds no links (a generated site).
    static func files(in folder: URL) -> [String] { list(folder, within: folder).files }

    private static func refusal(ofLink path: String, project: String) -> String? {
        let shown = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        var target = stat()
        guard stat(path, &target) == 0 else { return "lien symbolique cassé : « \(shown) » n'existe pas" }
        guard PhysicalPath.isInside(PhysicalPath.resolve(URL(fileURLWithPath: path)), project) else {
            return "lien symbolique vers « \(shown) », hors du projet : Atelier ne suit pas ce lien"
        }
        guard target.st_mode & S_IFMT == S_IFREG else {
            return "lien symbolique vers un dossier ou un fichier spécial : Atelier ne suit pas ce lien"
        }
        return nil
    }
}
