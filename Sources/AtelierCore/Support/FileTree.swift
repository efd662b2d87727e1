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
        var listing = Listing()
        walk(PhysicalPath.resolve(folder), "", project: PhysicalPath.resolve(root), into: &listing)
        listing.files.sort()
        listing.refused.sort { $0.path < $1.path }
        return listing
    }

    /// Lists `folder` (relative to `base`) and below, with the system's own calls: Foundation's enumerator costs a
    /// tenth of a second at ten thousand files, on every build and every look of the preview.
    private static func walk(_ base: String, _ folder: String, project: String, into listing: inout Listing) {
        guard let directory = opendir(folder.isEmpty ? base : base + "/" + folder) else { return }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = entryName(item)
            guard !name.hasPrefix(".") else { continue }
            let relative = folder.isEmpty ? name : folder + "/" + name
            let path = base + "/" + relative
            var entry = stat()
            guard lstat(path, &entry) == 0 else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFREG:
                listing.files.append(relative)
                listing.signatures[relative] = Self.signature(entry)
            case S_IFDIR: walk(base, relative, project: project, into: &listing)
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
    }

    /// The name of an entry `readdir` gave.
    static func entryName(_ item: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
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
