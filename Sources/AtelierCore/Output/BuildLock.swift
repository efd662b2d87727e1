import Foundation

/// One build at a time for a project's cache and for an output folder: every command that writes the site holds this
/// lock from its first read to its last write. A second build waits for the first, after saying which process it
/// waits for. The system releases the lock when its process ends, however it ends: a killed build never leaves the
/// project locked, and no lock file is ever taken for a live lock.
///
/// Two locks, always taken in this order: the cache's lock file (`.atelier/cache.verrou`, which names the process that
/// holds it), then the folder that holds the output (its parent), which two projects writing the same folder share.
public final class BuildLock: @unchecked Sendable {
    private var descriptors: [Int32] = []

    /// Waits until the build may run; `waiting` is told once, before waiting, what the build waits for.
    public init(cache: URL, output: URL, waiting: (String) -> Void) throws {
        let lockFile = cache.path + ".verrou"
        try? FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A project Atelier may not write into keeps no cache either: the output's lock is then the one that counts.
        if let project = try Self.holdFile(lockFile, waiting: waiting, saying: {
            "une autre construction de ce projet est en cours (\($0)) : celle-ci attend qu'elle se termine"
        }) {
            descriptors.append(project)
        }

        let parent = output.deletingLastPathComponent().path
        let folder = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }  // no folder yet: the guard and the writer say why
        descriptors.append(folder)
        try Self.take(folder, waiting: waiting) {
            "un autre processus Atelier écrit dans « \(parent) » : cette construction attend qu'il ait fini"
        }
    }

    deinit {
        for descriptor in descriptors.reversed() { close(descriptor) }
    }

    /// Opens the lock file at `path`, waits for its lock and writes in it who holds it; nil when the file cannot be
    /// opened. `message` says what the wait is for, given the holder (« processus 4242 : atelier build »).
    static func holdFile(_ path: String, waiting: (String) -> Void, saying message: (String) -> String) throws -> Int32? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        do {
            try take(descriptor, waiting: waiting) { message(holder(of: path).map { "processus \($0)" } ?? "un autre processus") }
        } catch {
            close(descriptor)
            throw error
        }
        ftruncate(descriptor, 0)
        _ = FileDescriptor.writeAll("\(getpid()) : \(command)\n", to: descriptor)
        return descriptor
    }

    private static func take(_ descriptor: Int32, waiting: (String) -> Void, _ message: () -> String) throws {
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        guard errno == EWOULDBLOCK else { throw OutputError("verrou impossible : \(SystemReason.current)") }
        waiting(message())
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw OutputError("verrou impossible : \(SystemReason.current)") }
        }
    }

    /// The process a lock file names; its holder writes it just after taking the lock, so a moment is given.
    private static func holder(of lockFile: String) -> String? {
        for _ in 0..<20 {
            if let line = FileDescriptor.readAll(lockFile).flatMap({ String(decoding: $0, as: UTF8.self).split(separator: "\n").first }) {
                return String(line)
            }
            usleep(10_000)
        }
        return nil
    }

    /// `atelier build --date 2025-11-20`, as the process was started.
    private static let command: String = {
        var words = CommandLine.arguments
        if let first = words.first { words[0] = (first as NSString).lastPathComponent }
        return words.joined(separator: " ")
    }()
}
