import Foundation

/// The fingerprint of a view model: every key and value it would give a template, hashed as it is encoded, so that
/// two views with the same fingerprint render the same page. When `userInfo[.fingerprinting]` is set, a text not yet
/// parsed encodes the fingerprint of what parsing it reads (`FromText`), and what many pages show (a card, the menu,
/// the header) the fingerprint it was given once (`Printed`, `SharedPart`).
enum FingerprintEncoder {
    static func fingerprint(of view: some Encodable, template: String) -> Fingerprint {
        let encoder = HashingEncoder()
        encoder.hasher.add(template)
        try? view.encode(to: encoder)  // hashing never throws
        return encoder.hasher.finish()
    }
}

private final class HashingEncoder: Encoder {
    let codingPath: [CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [.fingerprinting: true]
    var hasher = FingerprintHasher()

    /// Markers keep structures apart: a nil, a list's or a dictionary's start, the end of a nested value.
    enum Marker: UInt8 { case null = 1, openList, openFields, end, text, flag, number, nested, fingerprint }

    func mark(_ marker: Marker) { hasher.add(byte: marker.rawValue) }

    func add<T: Encodable>(_ value: T) {
        switch value {
        case let text as String: add(text)
        case let flag as Bool: add(flag)
        case let number as Int: add(number)
        case let fingerprint as Fingerprint:
            mark(.fingerprint)
            hasher.add(fingerprint)
        default:
            mark(.nested)
            try? value.encode(to: self)
            mark(.end)
        }
    }

    // Synthesized encoding calls these for a view's own fields, without a cast.
    func add(_ text: String) {
        mark(.text)
        hasher.add(text)
    }

    func add(_ flag: Bool) {
        mark(.flag)
        hasher.add(byte: flag ? 1 : 0)
    }

    func add(_ number: Int) {
        mark(.number)
        hasher.add(number)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        mark(.openFields)
        return KeyedEncodingContainer(KeyedHashing<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        mark(.openList)
        return UnkeyedHashing(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleHashing(encoder: self) }
}

private struct KeyedHashing<Key: CodingKey>: PlainKeyedContainer {
    let encoder: HashingEncoder
    var codingPath: [CodingKey] { [] }

    private func key(_ key: Key) { encoder.hasher.add(key.stringValue) }

    mutating func encodeNil(forKey key: Key) {
        self.key(key)
        encoder.mark(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
        self.key(key)
        encoder.add(value)
    }

    mutating func encode(_ value: String, forKey key: Key) {
        self.key(key)
        encoder.add(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) {
        self.key(key)
        encoder.add(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) {
        self.key(key)
        encoder.add(value)
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { store(value, key) }

    private func store<T: Encodable>(_ value: T?, _ key: Key) {
        self.key(key)
        if let value { encoder.add(value) } else { encoder.mark(.null) }
    }
}

private struct UnkeyedHashing: PlainUnkeyedContainer {
    let encoder: HashingEncoder
    var codingPath: [CodingKey] { [] }
    private(set) var count = 0

    mutating func encodeNil() {
        encoder.mark(.null)
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) {
        encoder.add(value)
        count += 1
    }
}

private struct SingleHashing: SingleValueEncodingContainer {
    let encoder: HashingEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() { encoder.mark(.null) }
    mutating func encode<T: Encodable>(_ value: T) { encoder.add(value) }
}
