import Foundation
import Testing
@testable import AtelierCore

@Suite struct SearchIndexTests {
    @Test func termsAreFoldedSplitAndTwoLettersLong() {
        var terms = SearchTerms()
        terms.add("Élus locaux, l’ODD 17 — cœur, Æsop, Straße, e\u{301}te\u{301} à Paris, élus, ÉLUS")
        #expect(terms.all == ["elus", "locaux", "odd", "17", "coeur", "aesop", "strasse", "ete", "paris"])
    }

    @Test func compactNumbersReadBackAndSmallOnesTakeOneCharacter() {
        var random = SplitMix(seed: 5)
        let values = (0..<500).map { _ in Int(random.next() % 5_000_000) } + [0, 31, 32, 1023, 1024]
        var text: [UInt8] = []
        values.forEach { CompactNumbers.append($0, to: &text) }
        #expect(CompactNumbers.decode(String(decoding: text, as: UTF8.self)) == values)
        var small: [UInt8] = []
        (0..<32).forEach { CompactNumbers.append($0, to: &small) }
        #expect(small.count == 32)
    }

    @Test func everyTermSitsInTheShardOfTheLongestKeyItStartsWith() {
        var random = SplitMix(seed: 9)
        let terms = (0..<3_000).map { _ in String((0..<(2 + Int(random.next() % 6))).map { _ in "abc".randomElement(using: &random)! }) }
        let unique = Array(Set(terms)).sorted()
        let shards = SearchIndex.layout(unique, sizes: unique.map { _ in 40 }).map { (key: $0.key, terms: Array(unique[$0.range])) }
        let keys = shards.map(\.key)
        #expect(Set(keys).count == keys.count)
        for (key, members) in shards {
            for term in members {
                #expect(keys.filter { term.hasPrefix($0) }.max { $0.count < $1.count } == key, "\(term) in \(key)")
            }
            #expect(members.reduce(0) { $0 + $1.utf8.count + 46 } <= SearchIndex.shardBudget || members.allSatisfy { $0.count == key.count })
        }
        #expect(shards.flatMap(\.terms).sorted() == unique)
    }

    @Test func onlyTheLettersOfChangedTermsAreLaidOutAgain() {
        var random = SplitMix(seed: 21)
        let letters = Array("abcdéz")
        var postings: [String: [UInt32]] = [:]
        for _ in 0..<4_000 {
            let term = String((0..<(2 + Int(random.next() % 5))).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
            postings[term] = (0..<(1 + Int(random.next() % 60))).map { UInt32($0 * 3) << 3 | UInt32(random.next() % 8) }
        }
        let before = SearchIndex.State(urls: (0..<200).map { "/d/\($0)/" }, postings: postings)
        var previous = before
        previous.runs = SearchIndex.shards(of: before, previous: nil).runs
        // One term of « b » changes, one of « é » goes, one starting with « z » comes: « a », « c » and « d » stay.
        var after = before
        let changedTerm = postings.keys.filter { $0.hasPrefix("b") }.sorted()[0]
        let goneTerm = postings.keys.filter { $0.hasPrefix("é") }.sorted()[0]
        after.postings[changedTerm]!.append(UInt32(199) << 3 | 4)
        after.postings[goneTerm] = nil
        after.postings["zzzzzz"] = [UInt32(7) << 3 | 1]
        after.changed = [changedTerm, goneTerm, "zzzzzz"]
        let (kept, keptRuns) = SearchIndex.shards(of: after, previous: previous)
        var fresh = after
        fresh.changed = nil
        let (made, madeRuns) = SearchIndex.shards(of: fresh, previous: previous)
        #expect(kept.map(\.key) == made.map(\.key) && kept.map(\.print) == made.map(\.print))
        #expect(keptRuns == madeRuns)
        #expect(kept.allSatisfy { ["b", "é", "z"].contains($0.key.prefix(1)) == ($0.contents != nil) })
        let runs = SearchIndex.KeptRuns(after)
        #expect(zip(kept, made).allSatisfy { SearchIndex.shardText($0, kept: runs) == SearchIndex.shardText($1, kept: runs) })
    }

    @Test func theIndexHoldsListedResourcesWithEveryWordOfTheirText() throws {
        let deep = String(repeating: "Un paragraphe ordinaire sur la co-construction.\n\n", count: 200) + "Le mot zygomorphe est au fond.\n"
        let site = try Fixture(files: JeudisTests.files.merging([
            "content/fiches/profonde.md": Fixture.resource(title: "Profonde", date: "2025-11-01", body: deep),
        ]) { a, _ in a })
        defer { site.remove() }
        #expect(site.build(date: "2025-11-20").succeeded)
        func json<T>(_ path: String, as type: T.Type) throws -> T {
            let text = try #require(site.read(path), "\(path) is missing")
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? T)
        }
        let meta = try json("recherche/index/meta.json", as: [String: Any].self)
        let keys = try #require(meta["shards"] as? [String])
        let documentCount = try #require(meta["documents"] as? Int)
        var postings: [String: String] = [:]
        for key in keys {
            postings.merge(try json(SearchIndex.shardPath(key), as: [String: String].self)) { a, _ in a }
        }
        var cards: [String] = []
        for chunk in 0..<((documentCount + SearchIndex.chunkSize - 1) / SearchIndex.chunkSize) {
            cards += try json("recherche/index/d/\(chunk).json", as: [String].self)
        }
        let urls = cards.map { $0.components(separatedBy: "<h3><a href=\"")[1].components(separatedBy: "\"")[0] }
        #expect(urls == urls.sorted() && urls.count == documentCount)
        #expect(urls.contains("/fiches/profonde/") && urls.contains("/evenements/forum/"))
        #expect(!urls.contains("/fiches/perimee/") && !urls.contains("/fiches/brouillon/") && !urls.contains("/fiches/futur/"))
        // (gap << 3 | fields): the deep word is in the text only (4), the title word in the title (1) and the summary (2).
        func documents(_ term: String) throws -> [(url: String, fields: Int)] {
            var number = -1
            let encoded = try #require(postings[term])
            return CompactNumbers.decode(encoded).map { value in
                number += (value >> 3) + 1
                return (urls[number], value & 7)
            }
        }
        #expect(try documents("zygomorphe").map(\.url) == ["/fiches/profonde/"])
        #expect(try documents("zygomorphe").map(\.fields) == [4])
        #expect(try documents("profonde").first { $0.url == "/fiches/profonde/" }?.fields == 3)  // title and summary
    }
}
