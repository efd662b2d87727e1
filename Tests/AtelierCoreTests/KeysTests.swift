import Foundation
import Testing
@testable import AtelierCore

/// A page's key is the fingerprint of the view it is rendered from. These tests check that nothing a template can
/// read escapes it, on every page of a fixture site, and that the typed group names cannot meet.
@Suite struct KeysTests {
    @Test func everyValueATemplateReadsIsInItsPagesKey() throws {
        let site = try Fixture(files: TemplateTests.files)
        defer { site.remove() }
        let pages = try TemplateTests.Pages(site)
        #expect(pages.jobs.count > 30)
        var missed: Set<String> = []
        for job in pages.jobs {
            let read = TemplatePaths.of(TemplateEncoder.value(of: job.view))
            let record = FingerprintPaths.of(job.view)
            missed.formUnion(read.filter { !record.covers($0) }.map { "\(job.template): \($0)" })
        }
        #expect(missed.isEmpty, "read by templates but not in the keys: \(missed.sorted())")
    }

    /// The check above fails for a view part that leaves a value out of its fingerprint.
    @Test func aValueLeftOutOfTheFingerprintIsCaught() {
        struct Leaky: Encodable {
            let shown: String
            let hidden: String

            private enum Key: String, CodingKey { case shown, hidden }

            func encode(to encoder: Encoder) throws {
                var fields = encoder.container(keyedBy: Key.self)
                try fields.encode(shown, forKey: .shown)
                if encoder.userInfo[.fingerprinting] == nil { try fields.encode(hidden, forKey: .hidden) }
            }
        }
        let view = Leaky(shown: "a", hidden: "b")
        let record = FingerprintPaths.of(view)
        #expect(TemplatePaths.of(TemplateEncoder.value(of: view)).filter { !record.covers($0) } == [".hidden"])
    }

    @Test func aResourcePagesKeyFollowsWhatItShowsAndWhatItsTextReads() throws {
        let site = try Fixture(files: TemplateTests.files)
        defer { site.remove() }
        let pages = try TemplateTests.Pages(site)
        let entry = try #require(pages.model.entries.first)
        let key = { (content: Fingerprint, lookups: [LinkLookup]) in
            FingerprintEncoder.fingerprint(of: pages.renderer.maker.resourceJob(entry, text: .unparsed(content: content, lookups: lookups)).view,
                                           template: "resource")
        }
        let lookup = LinkLookup(path: "kits/a.md", target: .init(url: "/kits/a/"))
        let keys = [key(.of("a"), []), key(.of("b"), []), key(.of("a"), [lookup]),
                    key(.of("a"), [LinkLookup(path: "kits/a.md", target: .init(url: "/kits/a/", availability: .draft))])]
        #expect(Set(keys).count == keys.count)
        #expect(key(.of("a"), [lookup]) == key(.of("a"), [lookup]))
    }

    @Test func groupsOfDifferentKindsNeverShareAName() {
        let names: [GroupID] = [.boussoleValue("maturite", "x", page: 1), .boussolePair("maturite", "x", page: 1),
                                .list("fiches", page: 1), .theme("fiches", page: 1), .boussoleValue("a b", "c", page: 1),
                                .boussoleValue("a", "b c", page: 1), .resource("/fiches/a/"), .page("/fiches/a/"),
                                .sitemapIndex, .sitemap("sitemap.xml"), .searchShard("fiches"), .searchCards(1), .copy("fiches")]
        #expect(Set(names).count == names.count)
        #expect(Set(names.map(\.stored)).count == names.count)
    }
}

/// Every path a template can read in a value `TemplateEncoder` made: `.layout.nav[].label`.
private enum TemplatePaths {
    static func of(_ value: Any, at path: String = "") -> Set<String> {
        switch value {
        case let fields as [String: Any]:
            fields.reduce(into: [path]) { $0.formUnion(of($1.value, at: path + "." + $1.key)) }
        case let items as [Any]:
            items.reduce(into: [path]) { $0.formUnion(of($1, at: path + "[]")) }
        default:
            [path]
        }
    }
}

/// Every path a view gives when encoded for its fingerprint, and those a fingerprint stands for whole (a card, the
/// menu, a header, a text not yet parsed).
private final class FingerprintPaths {
    private(set) var paths: Set<String> = []
    private(set) var whole: Set<String> = []

    static func of(_ view: some Encodable) -> FingerprintPaths {
        let record = FingerprintPaths()
        record.add(view, at: "")
        return record
    }

    func covers(_ path: String) -> Bool {
        paths.contains(path) || whole.contains { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[]") }
    }

    func add<T: Encodable>(_ value: T, at path: String) {
        paths.insert(path)
        switch value {
        case is Fingerprint: whole.insert(path)
        case is String, is Bool, is Int: break
        default: try? value.encode(to: Recorder(record: self, path: path))
        }
    }

    private struct Recorder: Encoder {
        let record: FingerprintPaths
        let path: String
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [.fingerprinting: true] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(recorder: self))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(recorder: self) }
        func singleValueContainer() -> SingleValueEncodingContainer { Single(recorder: self) }
    }

    private struct Keyed<Key: CodingKey>: PlainKeyedContainer {
        let recorder: Recorder
        var codingPath: [CodingKey] { [] }

        func encodeNil(forKey key: Key) { recorder.record.paths.insert(recorder.path + "." + key.stringValue) }
        func encode<T: Encodable>(_ value: T, forKey key: Key) { recorder.record.add(value, at: recorder.path + "." + key.stringValue) }
        func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) { store(value, key) }
        func encodeIfPresent(_ value: String?, forKey key: Key) { store(value, key) }
        func encodeIfPresent(_ value: Bool?, forKey key: Key) { store(value, key) }
        func encodeIfPresent(_ value: Int?, forKey key: Key) { store(value, key) }
        func encodeIfPresent(_ value: Double?, forKey key: Key) { store(value, key) }
        private func store<T: Encodable>(_ value: T?, _ key: Key) {
            if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
    }

    private struct Unkeyed: PlainUnkeyedContainer {
        let recorder: Recorder
        var codingPath: [CodingKey] { [] }
        private(set) var count = 0

        init(recorder: Recorder) { self.recorder = recorder }

        mutating func encodeNil() { count += 1 }
        mutating func encode<T: Encodable>(_ value: T) {
            recorder.record.add(value, at: recorder.path + "[]")
            count += 1
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let recorder: Recorder
        var codingPath: [CodingKey] { [] }

        func encodeNil() {}
        func encode<T: Encodable>(_ value: T) { recorder.record.add(value, at: recorder.path) }
    }
}
