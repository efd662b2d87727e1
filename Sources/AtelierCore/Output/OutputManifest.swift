import Foundation

/// What a tree of the output holds, file by file: the hash of its bytes, and the file's inode, size and modification
/// time, by which a file changed behind Atelier's back is noticed (and never carried over into the next site).
struct OutputManifest: Sendable, Equatable {
    struct File: Sendable, Equatable {
        var hash: Fingerprint
        var inode: UInt64
        var size: Int
        var modified: Int

        /// A file whose contents are not known: never the same bytes as another, never intact.
        static let unknown = File(hash: .zero, inode: 0, size: -1, modified: 0)

        /// The file at `path` in `folder` is the one recorded: same inode, size and modification time.
        func isIntact(at path: String, in folder: OpenFolder) -> Bool {
            folder.status(path).map(isRecorded) ?? false
        }

        /// A file with this status is the one recorded.
        func isRecorded(as status: (inode: UInt64, size: Int, modified: Int)) -> Bool {
            status.inode == inode && status.size == size && status.modified == modified
        }
    }

    let files: [String: File]
    /// Names the tree in its marker: the same files give the same fingerprint, so that the same input and date
    /// give byte-identical output.
    let fingerprint: Fingerprint

    /// The fingerprint sums those of the files, each of its path and hash: the same whatever the order in which they
    /// come, without sorting twenty thousand paths.
    init(files: [String: File]) {
        self.init(files: files, fingerprint: Fingerprint.unordered(files) { hasher, entry in
            hasher.add(entry.key)
            hasher.add(entry.value.hash)
        })
    }

    private init(files: [String: File], fingerprint: Fingerprint) {
        self.files = files
        self.fingerprint = fingerprint
    }

    static func status(_ path: String) -> (inode: UInt64, size: Int, modified: Int)? {
        var status = stat()
        return lstat(path, &status) == 0 ? self.status(status) : nil
    }

    /// A plain file's inode, size and modification time; nil for anything else.
    static func status(_ status: stat) -> (inode: UInt64, size: Int, modified: Int)? {
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        return (UInt64(status.st_ino), Int(status.st_size), Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
    }

    /// The files in no particular order (the cache need not be reproducible), and the fingerprint, not made again.
    func write(to writer: inout BinaryWriter) {
        writer.fingerprint(fingerprint)
        writer.array(Array(files)) { writer, entry in
            writer.string(entry.key)
            writer.fingerprint(entry.value.hash)
            writer.int(Int(Int64(bitPattern: entry.value.inode)))
            writer.int(entry.value.size)
            writer.int(entry.value.modified)
        }
    }

    static func read(from reader: inout BinaryReader) throws -> OutputManifest {
        let fingerprint = try reader.fingerprint()
        let files = try reader.array { reader in
            (try reader.string(), File(hash: try reader.fingerprint(), inode: UInt64(bitPattern: Int64(try reader.int())),
                                       size: try reader.int(), modified: try reader.int()))
        }
        return OutputManifest(files: Dictionary(files, uniquingKeysWith: { first, _ in first }), fingerprint: fingerprint)
    }
}
