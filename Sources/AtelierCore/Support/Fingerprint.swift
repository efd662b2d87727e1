import Foundation

/// A 128-bit hash of everything something is made from: equal fingerprints, equal results. Stable across runs and
/// machines (unlike Swift's `Hasher`), so that it can be kept in the cache.
public struct Fingerprint: Hashable, Sendable, Codable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    /// Sixteen hexadecimal digits, a colon, sixteen more.
    public var description: String {
        func digits(_ value: UInt64) -> String {
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        return digits(high) + ":" + digits(low)
    }

    /// What stands for a fingerprint not known (a file that could not be read, a text not hashed).
    static let zero = Fingerprint(high: 0, low: 0)

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Reads `description` back.
    init?(_ text: Substring) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let high = UInt64(parts[0], radix: 16), let low = UInt64(parts[1], radix: 16) else { return nil }
        self.init(high: high, low: low)
    }

    public static func of(_ text: String) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(text)
        return hasher.finish()
    }

    public static func of(_ data: some ContiguousBytes) -> Fingerprint {
        var hasher = FingerprintHasher()
        data.withUnsafeBytes { hasher.add(buffer: $0) }
        return hasher.finish()
    }

    /// The sum of each item's fingerprint: the same whatever the order in which they come, without sorting them.
    static func unordered<Items: Sequence>(_ items: Items, _ add: (inout FingerprintHasher, Items.Element) -> Void) -> Fingerprint {
        var sum = (high: UInt64(0), low: UInt64(0))
        for item in items {
            var hasher = FingerprintHasher()
            add(&hasher, item)
            let print = hasher.finish()
            sum = (sum.high &+ print.high, sum.low &+ print.low)
        }
        return Fingerprint(high: sum.high, low: sum.low)
    }
}

/// Two lanes of xxHash64's round function over the bytes fed, eight at a time.
struct FingerprintHasher {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    private var high: UInt64 = 0x2B99_2DDF_A232_49D6
    private var low: UInt64 = 0x4F1B_BCDC_BFA5_3E0A
    private var pending: UInt64 = 0
    private var pendingBytes = 0
    private var length: UInt64 = 0

    private static func round(_ state: UInt64, _ input: UInt64) -> UInt64 {
        let mixed = state &+ input &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    mutating func add(byte: UInt8) {
        pending |= UInt64(byte) << UInt64(pendingBytes * 8)
        pendingBytes += 1
        length &+= 1
        if pendingBytes == 8 { flush() }
    }

    private mutating func flush() {
        high = Self.round(high, pending)
        low = Self.round(low, pending ^ Self.prime3)
        pending = 0
        pendingBytes = 0
    }

    mutating func add(buffer: UnsafeRawBufferPointer) {
        var index = 0
        while pendingBytes != 0, index < buffer.count {
            add(byte: buffer[index])
            index += 1
        }
        while index + 8 <= buffer.count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            high = Self.round(high, word)
            low = Self.round(low, word ^ Self.prime3)
            length &+= 8
            index += 8
        }
        while index < buffer.count {
            add(byte: buffer[index])
            index += 1
        }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(buffer: UnsafeRawBufferPointer($0)) }
        add(byte: 0xFF)  // not a UTF-8 byte: ends the text, so that "ab"+"c" differs from "a"+"bc"
    }

    mutating func add(_ number: Int) {
        var value = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    mutating func add(_ fingerprint: Fingerprint) {
        add(Int(Int64(bitPattern: fingerprint.high)))
        add(Int(Int64(bitPattern: fingerprint.low)))
    }

    mutating func finish() -> Fingerprint {
        if pendingBytes > 0 { flush() }
        func avalanche(_ value: UInt64) -> UInt64 {
            var h = value ^ length
            h ^= h >> 33
            h = h &* Self.prime2
            h ^= h >> 29
            h = h &* Self.prime3
            return h ^ (h >> 32)
        }
        return Fingerprint(high: avalanche(high), low: avalanche(low &+ high))
    }
}
