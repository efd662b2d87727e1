import Foundation
#if canImport(Glibc)
import Glibc

/// Says, as they happen, which files below the project's source folders change (Linux's inotify): the preview needs
/// no polling, which at ten thousand files costs a tenth of a second a look, and knows which file was just saved.
/// Folders made later are watched as they appear; hidden files and folders are left out, as the build leaves them.
final class FileWatcher: @unchecked Sendable {
    /// Changes closer together than this make one batch: an editor's save is often several events.
    static let quiet: Int32 = 30  // milliseconds
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB
        | IN_DELETE_SELF | IN_MOVE_SELF)
    private let descriptor: Int32
    private let root: String
    /// The folders asked for, watched again when they come back after being removed or moved away (the root itself
    /// is watched for them alone).
    private let tops: [String]
    private var rootHandle: Int32 = -1
    /// Each watched folder, relative to the root, by its watch descriptor (read and written on the watching thread).
    private var folders: [Int32: String] = [:]
    /// The system refused a watch (`fs.inotify.max_user_watches` reached): some folders are not followed.
    private var exhausted = false

    /// Watches `folders` (relative to `root`) and everything below them; nil when the system cannot watch.
    init?(root: URL, folders: [String]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.root = root.path
        tops = folders
        rootHandle = inotify_add_watch(descriptor, self.root, UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR))
        for folder in folders { watch(folder) }
        guard !self.folders.isEmpty, !exhausted else {
            close(descriptor)
            return nil
        }
    }

    /// The batches of changed paths, relative to the root (`content/fiches/x.md`), read on a thread of their own. An
    /// empty batch means the watcher lost track of some changes (too many at once): anything may have changed. The
    /// stream ends when the system refuses to watch a new folder.
    func changes() -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                while !exhausted {
                    // Events about nothing the build reads (a file beside the watched folders) make no batch.
                    guard let batch = nextBatch() else {
                        continuation.yield([])
                        continue
                    }
                    if !batch.isEmpty { continuation.yield(exhausted ? [] : batch) }
                }
                close(descriptor)
                continuation.finish()
            }
            thread.start()
        }
    }

    private func watch(_ folder: String) {
        let path = folder.isEmpty ? root : root + "/" + folder
        let handle = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard handle >= 0 else {
            if errno == ENOSPC || errno == ENOMEM { exhausted = true }
            return
        }
        folders[handle] = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            var status = stat()
            if lstat(path + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { watch(folder + "/" + name) }
        }
    }

    /// Blocks until something changes, then gathers what follows within `quiet` milliseconds; nil when some changes
    /// were lost.
    private func nextBatch() -> [String]? {
        var changed: [String] = []
        var lost = false
        var wait: Int32 = -1
        while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, wait)
            if ready == 0 { break }
            if ready < 0 {
                if errno == EINTR { continue }
                lost = true
                break
            }
            lost = read(into: &changed) || lost
            wait = Self.quiet
        }
        return lost ? nil : Array(Set(changed)).sorted()
    }

    /// Reads the pending events into `changed`; true when some were lost.
    private func read(into changed: inout [String]) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return count < 0 && errno != EINTR && errno != EAGAIN }
        var lost = false
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset + 16 <= count {
                let handle = bytes.load(fromByteOffset: offset, as: Int32.self)
                let mask = bytes.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self))
                let name = String(decoding: bytes[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { lost = true }
                if handle == rootHandle {
                    if tops.contains(name) {
                        watch(name)
                        changed.append(name)
                    }
                    continue
                }
                guard let folder = folders[handle] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[handle] = nil }
                guard !name.isEmpty, !name.hasPrefix(".") else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(path) }
                changed.append(path)
            }
        }
        return lost
    }
}
#endif
