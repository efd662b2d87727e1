import Foundation

/// The cache's format: numbers as variable-length integers, texts as their length and UTF-8 bytes. Reading checks
/// every length against what is left, so that a damaged file is reported, never trusted or crashed on.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Sixteen bytes, as they are: a fingerprint's bits are random, a variable length would only make it longer.
    mutating func fingerprint(_ value: Fingerprint) {
        for word in [value.high, value.low] {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        values.forEach { string($0) }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var position: Int
    /// Where reading stops: what comes after (a checksum) is not the reader's.
    private let end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        position = start
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { position == end }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    /// A count of items that must each take at least one byte: anything larger is damage.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= end - position else { throw Damaged() }
        return value
    }

    mutating func bool() throws -> Bool {
        guard position < end, bytes[position] <= 1 else { throw Damaged() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<(position + length)], as: UTF8.self)
    }

    mutating func fingerprint() throws -> Fingerprint {
        guard end - position >= 16 else { throw Damaged() }
        func word(at start: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) }
        }
        defer { position += 16 }
        return Fingerprint(high: word(at: position), low: word(at: position + 8))
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
