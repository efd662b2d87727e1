import Foundation

/// A folder held open, in which files are looked up by their path inside it: the system walks the folder's own path
/// once, not once per file (twice 19,000 times a rebuild at ten thousand resources).
final class OpenFolder: @unchecked Sendable {
    private let descriptor: Int32

    init(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The plain file at `path` inside the folder (a link is not followed): its inode, size and modification time.
    func status(_ path: String) -> (inode: UInt64, size: Int, modified: Int)? {
        var status = stat()
        guard descriptor >= 0, fstatat(descriptor, path, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return OutputManifest.status(status)
    }
}
