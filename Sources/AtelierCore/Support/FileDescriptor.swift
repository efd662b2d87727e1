import Foundation

/// Writing to an open file, which `write` may do a part at a time.
public enum FileDescriptor {
    /// Writes every byte; false, with `errno` set, when the system refuses (a full disk, a closed descriptor).
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    public static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        Array(text.utf8).withUnsafeBytes { writeAll($0, to: descriptor) }
    }
}
