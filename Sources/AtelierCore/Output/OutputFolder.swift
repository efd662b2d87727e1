import CAtelierSystem
import Foundation

/// The site's folder (`public/`) and its twin beside it (`.public.atelier`). Each build writes the new site into
/// the twin, then swaps the two folders in one atomic step: at every instant the output path holds one complete
/// site, the previous or the new. After the swap the twin holds the previous site until the next build.
public struct OutputFolder: Sendable {
    /// The path as given: a symbolic link stays a link, and the folder it leads to is the one replaced.
    public let requested: URL
    /// The folder the output path resolves to.
    public let live: URL
    public let twin: URL

    public init(_ requested: URL) {
        self.requested = requested
        live = URL(fileURLWithPath: PhysicalPath.resolve(requested))
        twin = live.deletingLastPathComponent().appendingPathComponent(".\(live.lastPathComponent).atelier")
    }

    /// The file of the live site that a request path names (`/kits/x/` gives `kits/x/index.html`), or nil when the
    /// path would leave the site: `..`, hidden names (the marker among them), NUL, or a link leading elsewhere.
    public func file(at requestPath: String) -> URL? {
        guard let decoded = requestPath.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let parts = decoded.split(separator: "/")
        guard !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        var file = parts.reduce(live) { $0.appendingPathComponent(String($1)) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
            file.appendPathComponent("index.html")
        }
        return PhysicalPath.isInside(PhysicalPath.resolve(file), PhysicalPath.resolve(live)) ? file : nil
    }

    /// Makes the twin, where there is none, marked as being written.
    func makeTwin() throws {
        try FileManager.default.createDirectory(at: twin, withIntermediateDirectories: true)
        try OutputMarker.write(in: twin, state: .writing)
    }

    /// The twin as it stands, when it exists but what it holds is unknown (the cache was set aside, or a build was
    /// interrupted, or the preview started): its plain files listed, anything else removed, its empty folders too.
    /// Removing the whole twin would cost as many folders made again as the site has pages: seconds at ten thousand.
    /// A file is trusted only when it is the file `live` records at its path, hard-linked (same inode, size and time):
    /// the others are written or linked again over, or removed by the commit. Nil when there is no twin.
    func adoptTwin(knowing live: OutputManifest?) -> OutputManifest? {
        guard let directory = opendir(twin.path) else { return nil }
        closedir(directory)
        var files: [String: OutputManifest.File] = [:]
        keepFiles(in: "", into: &files, knowing: live?.files ?? [:])
        return OutputManifest(files: files)
    }

    /// Whether the folder still holds anything once what is not a plain file or a folder is removed.
    @discardableResult
    private func keepFiles(in folder: String, into files: inout [String: OutputManifest.File],
                           knowing live: [String: OutputManifest.File]) -> Bool {
        let path = folder.isEmpty ? twin.path : twin.path + "/" + folder
        guard let directory = opendir(path) else { return true }
        var kept = false
        while let item = readdir(directory) {
            let name = FileTree.entryName(item)
            guard name != ".", name != "..", !(folder.isEmpty && name == OutputMarker.fileName) else { continue }
            let relative = folder.isEmpty ? name : folder + "/" + name
            var status = stat()
            guard lstat(twin.path + "/" + relative, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                if let known = live[relative], OutputManifest.status(status).map(known.isRecorded) == true {
                    files[relative] = known
                } else {
                    files[relative] = .unknown
                }
                kept = true
            case S_IFDIR:
                if keepFiles(in: relative, into: &files, knowing: live) { kept = true } else { rmdir(twin.path + "/" + relative) }
            default:
                unlink(twin.path + "/" + relative)
            }
        }
        closedir(directory)
        return kept
    }

    /// Removes what a build killed while it wrote the twin's marker left beside it: the site holds no hidden name
    /// (content's hidden files are never published), so any at the twin's top but the marker is a leftover.
    func removeHiddenLeftovers() {
        guard let directory = opendir(twin.path) else { return }
        var leftovers: [String] = []
        while let item = readdir(directory) {
            let name = FileTree.entryName(item)
            if name.hasPrefix("."), name != ".", name != "..", name != OutputMarker.fileName { leftovers.append(name) }
        }
        closedir(directory)
        for name in leftovers { try? FileManager.default.removeItem(atPath: twin.path + "/" + name) }
    }

    /// Puts the finished twin (its marker complete) in place of the live folder.
    func swapIn() throws {
        guard FileManager.default.fileExists(atPath: live.path) else {
            try FileManager.default.moveItem(at: twin, to: live)
            return
        }
        if atelier_exchange(twin.path, live.path) != 0 {
            guard [EINVAL, ENOSYS, ENOTSUP].contains(errno) else {
                throw OutputError("impossible de mettre le nouveau site en place : \(SystemReason.current)")
            }
            // A file system that cannot exchange two folders: three renames, with a moment without a site.
            let aside = live.deletingLastPathComponent().appendingPathComponent(".\(live.lastPathComponent).atelier-echange")
            try FileManager.default.moveItem(at: live, to: aside)
            try FileManager.default.moveItem(at: twin, to: live)
            try FileManager.default.moveItem(at: aside, to: twin)
        }
        // The previous site is Atelier's from now on, even a folder taken over with --force or written before markers.
        if !OutputMarker.hasMarker(twin) { try OutputMarker.write(in: twin, state: .complete(nil)) }
    }
}

/// The file that marks a folder as written by Atelier, so that no build ever replaces a folder it did not write.
/// It says whether the folder is complete, and the fingerprint of what it holds (`OutputManifest`).
enum OutputMarker {
    static let fileName = ".atelier"
    static let signature = "Dossier écrit par Atelier"

    enum State {
        case writing
        case complete(Fingerprint?)
    }

    static func write(in folder: URL, state: State) throws {
        var text = "\(signature) : il est remplacé à chaque construction du site. N'y rangez rien d'autre.\n"
        switch state {
        case .writing: text += "état : en cours d'écriture\n"
        case let .complete(fingerprint):
            text += "état : complet\n"
            if let fingerprint { text += "empreinte : \(fingerprint)\n" }
        }
        try AtomicFile.write(text, to: folder.appendingPathComponent(fileName))
    }

    static func hasMarker(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path)
    }

    /// The fingerprint of a complete folder's files, as its marker gives it.
    static func fingerprint(of folder: URL) -> Fingerprint? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count >= 3, lines[1] == "état : complet", lines[2].hasPrefix("empreinte : ") else { return nil }
        return Fingerprint(lines[2].dropFirst("empreinte : ".count))
    }

    /// Atelier's marker, or the feed of a site written before markers existed.
    static func isAtelierFolder(_ folder: URL) -> Bool {
        if let marker = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) {
            return String(decoding: marker, as: UTF8.self).hasPrefix(signature)
        }
        guard let feed = FileManager.default.contents(atPath: folder.appendingPathComponent("atom.xml").path) else { return false }
        return String(decoding: feed.prefix(2048), as: UTF8.self).contains("<generator>Atelier</generator>")
    }
}

struct OutputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
