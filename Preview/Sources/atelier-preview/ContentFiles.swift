import AtelierCore
import Foundation

/// The only files the form reads and writes: Markdown files in the folder of a declared kind, inside content/, as
/// the system resolves their path (symbolic links followed, `..` applied). Anything else is refused.
struct ContentFiles: Sendable {
    let root: URL
    private let content: String

    init(root: URL) {
        self.root = root.resolvingSymlinksInPath()
        content = self.root.appendingPathComponent("content").resolvingSymlinksInPath().path
    }

    /// The project path (`content/fiches/x.md`) of the existing resource file that `requested` names.
    func resource(_ requested: String, kinds: [String]) -> String? {
        guard requested.hasPrefix("content/"), !requested.contains("\0") else { return nil }
        let resolved = root.appendingPathComponent(requested).standardizedFileURL.resolvingSymlinksInPath()
        guard let relative = inside(resolved.path), relative.hasSuffix(".md"), isFile(resolved.path) else { return nil }
        let parts = relative.split(separator: "/")
        guard parts.count >= 2, kinds.contains(String(parts[0])), !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        return "content/" + relative
    }

    /// Whether new files of `kind` would be written inside content/ (its folder, when it exists, may be a link).
    func acceptsNew(ofKind kind: String) -> Bool {
        let folder = root.appendingPathComponent("content").appendingPathComponent(kind).resolvingSymlinksInPath()
        return inside(folder.path) == kind
    }

    func read(_ path: String) -> Data? { FileManager.default.contents(atPath: root.appendingPathComponent(path).path) }

    static func hash(_ data: Data) -> String { Fingerprint.of(data).description }

    /// Replaces the file in one step: the text goes to a hidden file beside it, which is then renamed over it, so
    /// that the file holds the old text or the new one at every instant, never a part.
    func replace(_ path: String, with text: String) throws(WriteError) {
        let url = root.appendingPathComponent(path)
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw WriteError(errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var existing = stat()
        if stat(url.path, &existing) == 0 { fchmod(descriptor, existing.st_mode & 0o7777) }
        guard FileDescriptor.writeAll(text, to: descriptor) else { return try fail(descriptor, temporary) }
        guard fsync(descriptor) == 0 else { return try fail(descriptor, temporary) }
        close(descriptor)
        guard rename(temporary, url.path) == 0 else {
            let error = errno
            unlink(temporary)
            throw WriteError(error)
        }
    }

    struct WriteError: Error {
        let reason: String
        init(_ code: Int32) { reason = SystemReason.of(errno: code) }
    }

    private func fail(_ descriptor: Int32, _ temporary: String) throws(WriteError) {
        let error = errno
        close(descriptor)
        unlink(temporary)
        throw WriteError(error)
    }

    private func inside(_ path: String) -> String? {
        path.hasPrefix(content + "/") ? String(path.dropFirst(content.count + 1)) : nil
    }

    private func isFile(_ path: String) -> Bool {
        var entry = stat()
        return stat(path, &entry) == 0 && entry.st_mode & S_IFMT == S_IFREG
    }
}
