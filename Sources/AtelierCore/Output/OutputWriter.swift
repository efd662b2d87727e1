import Foundation

/// Writes the site into the output folder's twin as files come, from any thread, then swaps the twin in. Nothing
/// is held in memory once written.
///
/// The twin, which holds the site before the live one, is brought up to date in place: only files that differ are
/// written, files the live site already holds are hard-linked from it (they keep their modification time), files no
/// longer part of the site are removed. When the cache does not know what the twin holds, none of its files is
/// trusted; when it does not know what the live site holds, each file is compared with the live one's bytes.
/// Files are written with the system's own calls: Foundation's checks cost more than the writing at ten thousand pages.
final class OutputWriter: @unchecked Sendable {
    private let folder: OutputFolder
    private let live: OutputManifest?
    private let twin: OutputManifest?
    /// The two folders held open, in which files are looked up.
    private let openLive: OpenFolder
    private let openTwin: OpenFolder
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var failures: [String] = []
    private var written: [String: OutputManifest.File] = [:]
    private var counts = (files: 0, pages: 0, rewritten: 0, carried: 0)
    private var rewritten: [String] = []

    /// `live` and `twin` are what the cache recorded of the two trees, when their markers say they are those trees.
    init(folder: OutputFolder, live: OutputManifest?, twin: OutputManifest?) throws {
        self.folder = folder
        self.live = live
        openLive = OpenFolder(folder.live.path)
        let reusable = twin.flatMap { manifest in
            OutputMarker.fingerprint(of: folder.twin) == manifest.fingerprint ? manifest : nil
        } ?? folder.adoptTwin(knowing: live)
        self.twin = reusable
        if let reusable {
            try OutputMarker.write(in: folder.twin, state: .writing)
            folder.removeHiddenLeftovers()
            // The folders of the files it holds exist: asking the system again costs a lock on each parent.
            for path in reusable.files.keys {
                var parent = Substring(path)
                while let slash = parent.lastIndex(of: "/") {
                    parent = parent[..<slash]
                    guard folders.insert(String(parent)).inserted else { break }
                }
            }
        } else {
            try folder.makeTwin()
        }
        openTwin = OpenFolder(folder.twin.path)
    }

    var filesWritten: Int { lock.withLock { counts.files } }
    var pagesWritten: Int { lock.withLock { counts.pages } }
    /// Files whose bytes differ from the live site's (the others keep its modification time).
    var filesRewritten: Int { lock.withLock { counts.rewritten } }
    /// The files whose bytes differ from the live site's, and those it holds that the new site does not, once
    /// committed; nil when the live site is unknown (no manifest of it).
    var changedFiles: [String]? {
        lock.withLock { live.map { live in rewritten + live.files.keys.filter { written[$0] == nil } } }
    }
    /// Files carried over from the live site without being made again.
    var filesCarried: Int { lock.withLock { counts.carried } }

    /// A page's file: `/kits/x/` is written as `kits/x/index.html`.
    static func path(ofPage url: String) -> String {
        let relative = String(url.dropFirst())
        return relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
    }

    func writePage(_ url: String, _ html: String) { write(Self.path(ofPage: url), html) }

    func write(_ path: String, _ text: String) {
        var text = text
        text.withUTF8 { bytes in place(path, bytes: UnsafeRawBufferPointer(bytes)) }
    }

    func copy(_ path: String, from source: URL) {
        guard let data = FileManager.default.contents(atPath: source.path) else {
            lock.withLock { failures.append("\(path) : lecture impossible de \(source.path) (\(SystemReason.current))") }
            return
        }
        data.withUnsafeBytes { place(path, bytes: $0) }
    }

    /// Carries over files the live site holds as they must be, all of them or none: those the twin holds intact with
    /// the same bytes (most often the same file: one inode in both folders, as after every build that carried it) are
    /// left in place after one look in the twin, the others linked from the live site if they are intact there.
    /// False, with nothing carried, when a file is intact in neither folder.
    func carryIfIntact(_ paths: [String]) -> Bool {
        guard let live else { return false }
        var carried: [(path: String, file: OutputManifest.File, inTwin: Bool)] = []
        for path in paths {
            guard let file = live.files[path] else { return false }
            if let twin, let held = twin.files[path], held.hash == file.hash, held.isIntact(at: path, in: openTwin) {
                carried.append((path, held, true))
            } else if file.isIntact(at: path, in: openLive) {
                carried.append((path, file, false))
            } else {
                return false
            }
        }
        for item in carried {
            attempt(item.path, carried: true) { target in
                if !item.inTwin { try self.link(item.path, to: target) }
                return (item.file, false)
            }
        }
        return true
    }

    /// Removes what the twin held that the new site does not and marks it complete, ready to be put in place.
    /// Returns what the new site holds, or throws with the first file that could not be written.
    func finish() throws -> OutputManifest {
        if let failure = lock.withLock({ failures.min() }) { throw OutputError("écriture impossible de \(failure)") }
        for path in (twin?.files.keys).map(Array.init) ?? [] where written[path] == nil {
            unlink(folder.twin.path + "/" + path)
            removeEmptyFolders(above: path)
        }
        let manifest = OutputManifest(files: written)
        try OutputMarker.write(in: folder.twin, state: .complete(manifest.fingerprint))
        return manifest
    }

    private func place(_ path: String, bytes: UnsafeRawBufferPointer) {
        let hash = Fingerprint.of(bytes)
        attempt(path) { target in
            if let twin, let file = twin.files[path], file.hash == hash, file.isIntact(at: path, in: openTwin) {
                return (file, live?.files[path]?.hash != hash)
            }
            if let live, let file = live.files[path], file.hash == hash, file.isIntact(at: path, in: openLive) {
                try self.link(path, to: target)
                return (file, false)
            }
            if live == nil, Self.holds(folder.live.path + "/" + path, bytes: bytes), let status = OutputManifest.status(folder.live.path + "/" + path) {
                try self.link(path, to: target)
                return (OutputManifest.File(hash: hash, inode: status.inode, size: status.size, modified: status.modified), false)
            }
            unlink(target)  // the twin's file may be the live one's hard link: never written in place
            try Self.create(target, bytes: bytes)
            guard let status = OutputManifest.status(target) else { throw OutputError(Self.reason()) }
            return (OutputManifest.File(hash: hash, inode: status.inode, size: status.size, modified: status.modified), true)
        }
    }

    private func link(_ path: String, to target: String) throws {
        unlink(target)
        if Foundation.link(folder.live.path + "/" + path, target) != 0 { throw OutputError(Self.reason()) }
    }

    private func attempt(_ path: String, carried: Bool = false, _ action: (String) throws -> (OutputManifest.File, rewritten: Bool)) {
        do {
            try ensureFolder(of: path)
            let target = folder.twin.path + "/" + path
            let file: OutputManifest.File, rewritten: Bool
            do {
                (file, rewritten) = try action(target)
            } catch {
                // A folder the twin's manifest vouched for may have been removed behind Atelier's back.
                var status = stat()
                let parent = (target as NSString).deletingLastPathComponent
                guard stat(parent, &status) != 0 else { throw error }
                try makeFolders(of: path)
                (file, rewritten) = try action(target)
            }
            lock.withLock {
                written[path] = file
                counts.files += 1
                if path.hasSuffix(".html") { counts.pages += 1 }
                if rewritten {
                    counts.rewritten += 1
                    self.rewritten.append(path)
                }
                if carried { counts.carried += 1 }
            }
        } catch {
            lock.withLock { failures.append("\(path) : \(SystemReason.of(error))") }
        }
    }

    private func ensureFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = String(path[..<slash])
        guard !lock.withLock({ folders.contains(parent) }) else { return }
        try ensureFolder(of: parent)
        if mkdir(folder.twin.path + "/" + parent, 0o755) != 0, errno != EEXIST { throw OutputError(Self.reason()) }
        lock.withLock { _ = folders.insert(parent) }
    }

    /// Every folder above `path` in the twin, whatever the writer believes exists.
    private func makeFolders(of path: String) throws {
        var parent = ""
        for part in path.split(separator: "/").dropLast() {
            parent += parent.isEmpty ? String(part) : "/" + part
            if mkdir(folder.twin.path + "/" + parent, 0o755) != 0, errno != EEXIST { throw OutputError(Self.reason()) }
        }
    }

    private func removeEmptyFolders(above path: String) {
        var parent = (path as NSString).deletingLastPathComponent
        while !parent.isEmpty, rmdir(folder.twin.path + "/" + parent) == 0 {
            parent = (parent as NSString).deletingLastPathComponent
        }
    }

    /// The file at `path` has exactly these bytes: same size first, then the same contents.
    private static func holds(_ path: String, bytes: UnsafeRawBufferPointer) -> Bool {
        guard OutputManifest.status(path)?.size == bytes.count, let contents = FileDescriptor.readAll(path) else { return false }
        return contents.withUnsafeBytes { $0.elementsEqual(bytes) }
    }

    private static func create(_ path: String, bytes: UnsafeRawBufferPointer) throws {
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { throw OutputError(reason()) }
        defer { close(file) }
        guard FileDescriptor.writeAll(bytes, to: file) else { throw OutputError(reason()) }
    }

    private static func reason() -> String { SystemReason.current }
}
