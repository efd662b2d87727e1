import Foundation

/// View models (Encodable structs) become what swift-mustache reads: dictionaries, arrays, strings, numbers and
/// booleans, built by the compiler's own encoding code rather than by reflecting on each value.
/// A nil optional becomes NSNull: it renders as nothing and, unlike a missing key, stops the lookup there.
enum TemplateEncoder {
    static func value(of view: some Encodable) -> Any {
        let encoder = TreeEncoder()
        try? view.encode(to: encoder)  // building a tree of values never throws
        return encoder.value
    }
}

extension CodingUserInfoKey {
    /// Set when a view is encoded for its fingerprint rather than for a template.
    static let fingerprinting = CodingUserInfoKey(rawValue: "atelier.fingerprinting")!
}

private final class TreeEncoder: Encoder {
    let codingPath: [CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    private var fields: Fields?
    private var items: Items?
    fileprivate var single: Any = NSNull()

    var value: Any { fields.map { $0.values as Any } ?? items.map { $0.values as Any } ?? single }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let fields = self.fields ?? Fields()
        self.fields = fields
        return KeyedEncodingContainer(KeyedContainer<Key>(fields: fields))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let items = self.items ?? Items()
        self.items = items
        return UnkeyedContainer(items: items)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleContainer(encoder: self) }

    static func encode(_ value: some Encodable) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        default:
            let encoder = TreeEncoder()
            try? value.encode(to: encoder)
            return encoder.value
        }
    }
}

private final class Fields { var values: [String: Any] = [:] }
private final class Items { var values: [Any] = [] }

private struct KeyedContainer<Key: CodingKey>: PlainKeyedContainer {
    let fields: Fields
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) { fields.values[key.stringValue] = NSNull() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { fields.values[key.stringValue] = TreeEncoder.encode(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { store(value, key) }

    private func store<T: Encodable>(_ value: T?, _ key: Key) {
        fields.values[key.stringValue] = value.map { TreeEncoder.encode($0) } ?? NSNull()
    }
}

private struct UnkeyedContainer: PlainUnkeyedContainer {
    let items: Items
    var codingPath: [CodingKey] { [] }
    var count: Int { items.values.count }

    mutating func encodeNil() { items.values.append(NSNull()) }
    mutating func encode<T: Encodable>(_ value: T) { items.values.append(TreeEncoder.encode(value)) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() { encoder.single = NSNull() }
    mutating func encode<T: Encodable>(_ value: T) { encoder.single = TreeEncoder.encode(value) }
}
