import Foundation
import Testing
@testable import AtelierCore

@Suite struct EncoderTests {
    struct Inner: Encodable { let b: Int; let c: Int? }
    struct Outer: Encodable {
        let title: String
        let flag: Bool
        let count: Int
        let missing: String?
        let inner: Inner
        let items: [Inner]
        let words: [String]
    }

    static let view = Outer(title: "Titre", flag: true, count: 3, missing: nil, inner: Inner(b: 1, c: nil),
                            items: [Inner(b: 2, c: 5)], words: ["a", "b"])

    @Test func viewsBecomeDictionariesWithNullForNil() throws {
        let value = try #require(TemplateEncoder.value(of: Self.view) as? [String: Any])
        #expect(value["title"] as? String == "Titre")
        #expect(value["flag"] as? Bool == true)
        #expect(value["count"] as? Int == 3)
        #expect(value["missing"] is NSNull)
        let inner = try #require(value["inner"] as? [String: Any])
        #expect(inner["b"] as? Int == 1 && inner["c"] is NSNull)
        #expect((value["items"] as? [Any])?.count == 1)
        #expect((value["words"] as? [Any])?.compactMap { $0 as? String } == ["a", "b"])
    }

    @Test func fingerprintsFollowEveryValueAndTheStructure() {
        let base = FingerprintEncoder.fingerprint(of: Self.view, template: "page")
        #expect(base == FingerprintEncoder.fingerprint(of: Self.view, template: "page"))
        #expect(base != FingerprintEncoder.fingerprint(of: Self.view, template: "list"))
        let changed = [
            Outer(title: "Titre.", flag: true, count: 3, missing: nil, inner: Inner(b: 1, c: nil), items: [Inner(b: 2, c: 5)], words: ["a", "b"]),
            Outer(title: "Titre", flag: false, count: 3, missing: nil, inner: Inner(b: 1, c: nil), items: [Inner(b: 2, c: 5)], words: ["a", "b"]),
            Outer(title: "Titre", flag: true, count: 3, missing: "", inner: Inner(b: 1, c: nil), items: [Inner(b: 2, c: 5)], words: ["a", "b"]),
            Outer(title: "Titre", flag: true, count: 3, missing: nil, inner: Inner(b: 1, c: 0), items: [Inner(b: 2, c: 5)], words: ["a", "b"]),
            Outer(title: "Titre", flag: true, count: 3, missing: nil, inner: Inner(b: 1, c: nil), items: [], words: ["a", "b"]),
            Outer(title: "Titre", flag: true, count: 3, missing: nil, inner: Inner(b: 1, c: nil), items: [Inner(b: 2, c: 5)], words: ["ab"]),
        ]
        let all = Set(changed.map { FingerprintEncoder.fingerprint(of: $0, template: "page") } + [base])
        #expect(all.count == changed.count + 1)
    }
}
