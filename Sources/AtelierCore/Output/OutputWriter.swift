import Foundation

/// Writes the site into the output folder's twin as pages come, from any thread, then swaps the twin in. Nothing
/// is held in memory once written. A file identical to the one the live site holds is hard-linked rather than
/// written again: it keeps its modification time, and the file system most of its work. Files are written with
/// the system's own calls: Foundation's checks cost more than the writing at ten thousand pages.
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
        var text = text
        text.withUTF8 { bytes in
            attempt(path) { target in
                let previous = folder.live.path + "/" + path
                if Self.holds(previous, bytes: UnsafeRawBufferPointer(bytes)), link(previous, target) == 0 { return }
                try Self.create(target, bytes: UnsafeRawBufferPointer(bytes))
            }
        }
    }

    func copy(_ path: String, from source: URL) {
        attempt(path) { try FileManager.default.copyItem(atPath: source.path, toPath: $0) }
    }

    /// Puts the new site in place, or reports the first file that could not be written.
    func commit() throws {
        if let failure = lock.withLock({ failures.min() }) { throw OutputError("écriture impossible de \(failure)") }
        try folder.swapIn()
    }

    private func attempt(_ path: String, _ action: (String) throws -> Void) {
        do {
            try ensureFolder(of: path)
            try action(folder.twin.path + "/" + path)
            lock.withLock {
                counts.files += 1
                if path.hasSuffix(".html") { counts.pages += 1 }
            }
        } catch {
            lock.withLock { failures.append("\(path) : \(error)") }
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

    /// The file at `path` has exactly these bytes: same size first, then the same contents.
    private static func holds(_ path: String, bytes: UnsafeRawBufferPointer) -> Bool {
        let file = open(path, O_RDONLY)
        guard file >= 0 else { return false }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        var contents = [UInt8](repeating: 0, count: bytes.count)
        let read = contents.withUnsafeMutableBytes { Foundation.read(file, $0.baseAddress, bytes.count) }
        return read == bytes.count && contents.withUnsafeBytes { $0.elementsEqual(bytes) }
    }

    private static func create(_ path: String, bytes: UnsafeRawBufferPointer) throws {
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { throw OutputError(reason()) }
        defer { close(file) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(file, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else { throw OutputError(reason()) }
            offset += written
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
