import Foundation

/// The files of a source folder. A symbolic link is followed only when it leads to a file inside the project;
/// any other link, and anything that is not a plain file (a named pipe would block the build), is listed as refused
/// with its reason, so that nothing vanishes silently and nothing outside the project is ever read.
enum FileTree {
    struct Listing: Sendable {
        /// Relative to the folder, sorted. Hidden files and folders, and editors' backup and lock files, are skipped.
        var files: [String] = []
        var refused: [Refusal] = []
        /// Each file's signature (of the file a link leads to), by which the cache knows it unchanged without reading it.
        var signatures: [String: BuildCache.Signature] = [:]
    }

    /// A file or folder that is not read, and why.
    struct Refusal: Sendable {
        let path: String
        let reason: String
        /// A folder the system does not let Atelier read, rather than a link or a special file it does not follow.
        let unreadable: Bool
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
        guard let directory = opendir(folder.isEmpty ? base : base + "/" + folder) else {
            // A folder that exists but cannot be read would vanish from the site without a word.
            if errno != ENOENT || !folder.isEmpty {
                listing.refused.append(Refusal(path: folder, reason: "dossier illisible : \(SystemReason.current)", unreadable: true))
            }
            return
        }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = entryName(item)
            guard !name.hasPrefix("."), !isEditorsLeftover(name) else { continue }
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
                    listing.refused.append(Refusal(path: relative, reason: reason, unreadable: false))
                } else {
                    listing.files.append(relative)
                    listing.signatures[relative] = signature(of: path)
                }
            default:
                listing.refused.append(Refusal(path: relative, reason: "ce n'est pas un fichier ordinaire : Atelier ne le lit pas", unreadable: false))
            }
        }
    }

    /// A backup or lock file an editor's program leaves beside the file it edits (`fiche.md~`, emacs' `#fiche.md#`,
    /// `fiche.md.bak`): never published, never read. Hidden ones (`.fiche.md.swp`, `.#fiche.md`) are skipped as hidden.
    static func isEditorsLeftover(_ name: String) -> Bool {
        if name.hasSuffix("~") || name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        let lowercased = name.lowercased()
        return [".bak", ".swp", ".swo", ".orig", ".rej", ".tmp"].contains { lowercased.hasSuffix($0) }
            || name == "Thumbs.db" || name == "desktop.ini"
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

extension FileTree.Listing {
    /// Every file or folder of `folder` (`content`, `templates`) that was not read, as an error: a build never goes on
    /// without it.
    func reportRefused(in folder: String, log: inout DiagnosticLog) {
        for item in refused {
            let place = SourceLocation(file: item.path.isEmpty ? folder + "/" : folder + "/" + item.path)
            if item.unreadable {
                log.error(.dossierIllisible, item.reason, at: place,
                          hint: "donnez à Atelier le droit de lire ce dossier (chmod u+rx), ou retirez-le du projet")
            } else {
                log.error(.lienSymboliqueRefuse, item.reason, at: place,
                          hint: "copiez le fichier lui-même dans \(folder)/ : Atelier ne lit que les fichiers du projet")
            }
        }
    }
}
