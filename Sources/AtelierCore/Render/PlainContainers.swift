/// What the encoders of view models leave out: view models are plain structs, which neither nest containers by hand
/// nor encode a superclass.
protocol PlainKeyedContainer: KeyedEncodingContainerProtocol {}

extension PlainKeyedContainer {
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("view models are plain structs")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { fatalError("view models are plain structs") }
    mutating func superEncoder() -> Encoder { fatalError("view models are plain structs") }
    mutating func superEncoder(forKey key: Key) -> Encoder { fatalError("view models are plain structs") }
}

protocol PlainUnkeyedContainer: UnkeyedEncodingContainer {}

extension PlainUnkeyedContainer {
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("view models are plain structs")
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { fatalError("view models are plain structs") }
    mutating func superEncoder() -> Encoder { fatalError("view models are plain structs") }
}
