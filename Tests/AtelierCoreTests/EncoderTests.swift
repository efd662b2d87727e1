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

    @Test func xmlTextIsEscapedAndLosesWhatXMLCannotHold() {
        #expect(XML.escape("https://exemple.fr/fiches/a-b/") == "https://exemple.fr/fiches/a-b/")
        #expect(XML.escape("Élus & agents <« l'ODD 17 »> \"ici\"") == "Élus &amp; agents &lt;« l&apos;ODD 17 »&gt; &quot;ici&quot;")
        #expect(XML.escape("a\u{1}b\tc\nd\r\u{1F}e") == "ab\tc\nd\re")
        #expect(XML.escape("x\u{FFFE}y\u{FFFF}z\u{FFFD}\u{FEFF}") == "xyz\u{FFFD}\u{FEFF}")
    }

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

    @Test func aCardsFingerprintFollowsEachOfItsFields() {
        let tag = TagLink(label: "Climat", url: "/themes/climat/")
        func card(title: String = "Titre", url: String = "/kits/a/", summary: String = "Résumé", kind: String = "Kit",
                  dateISO: String = "2025-11-20", dateLabel: String = "20 novembre 2025", when: String? = nil, place: String? = nil,
                  tags: [TagLink] = [tag], moreTags: String? = nil, isArchived: Bool = false) -> Card {
            Card(title: title, url: url, summary: summary, kindLabel: kind, dateISO: dateISO, dateLabel: dateLabel, when: when,
                 place: place, tags: tags, moreTags: moreTags, isArchived: isArchived)
        }
        let base = card()
        let print = { (card: Card) in Printed(card, template: SharedParts.cardTemplate).fingerprint }
        let variants = [
            card(title: "Titre."), card(url: "/kits/b/"), card(summary: "Résumé."), card(kind: "Fiche"),
            card(dateISO: "2025-11-21"), card(dateLabel: "21 novembre 2025"), card(when: ""), card(place: "Lyon"),
            card(tags: [tag, tag]), card(tags: [TagLink(label: "Climat", url: "/themes/climat-2/")]), card(moreTags: "et 2 autres thèmes"),
            card(isArchived: true), card(place: ""), card(when: "", place: ""),
        ]
        #expect(print(base) == print(card()))
        let prints = [print(base)] + variants.map(print)
        #expect(Set(prints).count == prints.count)
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
