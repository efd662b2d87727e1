import Foundation

/// Writes the site into the output folder's twin as pages come, from any thread, then swaps the twin in. Nothing
/// is held in memory once written. A file identical to the one the live site holds is hard-linked rather than
/// written again: it keeps its modification time, and the file system most of its work.
final class OutputWriter: @unchecked Sendable {
    private let folder: OutputFolder
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var failures: [String] = []
    private var counts = (files: 0, pages: 0)

    init(folder: OutputFolder) throws {
        self.folder = folder
        try folder.prepareTwin()
    }

    var filesWritten: Int { lock.withLock { counts.files } }
    var pagesWritten: Int { lock.withLock { counts.pages } }

    /// A page at its URL: `/kits/x/` is written as `kits/x/index.html`.
    func writePage(_ url: String, _ html: String) {
        let relative = String(url.dropFirst())
        write(relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative, html)
    }

    func write(_ path: String, _ text: String) {
        attempt(path) { target in
            let data = Data(text.utf8)
            let previous = folder.live.appendingPathComponent(path).path
            if FileManager.default.contents(atPath: previous) == data, link(previous, target.path) == 0 { return }
            try data.write(to: target)
        }
    }

    func copy(_ path: String, from source: URL) {
        attempt(path) { try FileManager.default.copyItem(at: source, to: $0) }
    }

    /// Puts the new site in place, or reports the first file that could not be written.
    func commit() throws {
        if let failure = lock.withLock({ failures.min() }) { throw OutputError("écriture impossible de \(failure)") }
        try folder.swapIn()
    }

    private func attempt(_ path: String, _ action: (URL) throws -> Void) {
        let target = folder.twin.appendingPathComponent(path)
        do {
            try ensureFolder(of: path)
            try action(target)
            lock.withLock {
                counts.files += 1
                if path.hasSuffix(".html") { counts.pages += 1 }
            }
        } catch {
            lock.withLock { failures.append("\(path) : \(error.localizedDescription)") }
        }
    }

    private func ensureFolder(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard !lock.withLock({ folders.contains(parent) }) else { return }
        try FileManager.default.createDirectory(at: folder.twin.appendingPathComponent(parent), withIntermediateDirectories: true)
        lock.withLock { _ = folders.insert(parent) }
    }
}
