import Foundation

/// A file replaced in one step: the bytes go to a temporary file beside it, renamed over it once whole. A reader sees
/// the old file or the new one, never a part; a build killed in between leaves only the temporary file, whose name
/// says it is Atelier's (`isTemporary`), and the next build removes it.
enum AtomicFile {
    static let temporarySuffix = ".atelier-tmp"

    static func write(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.path + temporarySuffix
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("\(url.lastPathComponent) : \(SystemReason.current)") }
        let written = bytes.withUnsafeBytes { FileDescriptor.writeAll($0, to: descriptor) }
        let reason = SystemReason.current
        close(descriptor)
        guard written else {
            unlink(temporary)
            throw OutputError("\(url.lastPathComponent) : \(reason)")
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = SystemReason.current
            unlink(temporary)
            throw OutputError("\(url.lastPathComponent) : \(reason)")
        }
    }

    static func write(_ text: String, to url: URL) throws { try write(Array(text.utf8), to: url) }

    /// A temporary file of Atelier's, or of Foundation's atomic writes (which earlier versions used), left by a kill.
    static func isTemporary(_ name: String) -> Bool {
        name.hasSuffix(temporarySuffix) || name.hasPrefix(".dat.nosync")
    }
}
