import Foundation

/// The search's index, built inside the build and cut so that one query loads little, in the manner of Pagefind.
/// In `/recherche/index/`:
/// - `meta.json`: the number of documents, the keys of the shards, each document's recency, the folds of letters;
/// - `t/<n>.json`: the terms starting with shard n's key, each with its postings: the documents it is in, and in
///   which fields (1 the title or a theme, 2 the summary, 4 the text), as `CompactNumbers` of (gap << 3 | fields);
/// - `d/<n>.json`: the cards of documents n × `chunkSize` and after, as `partials/card` renders them (the boussole
///   reads them too).
/// Documents are the listed resources in URL order: an edit keeps every number; an addition shifts those after it.
/// Postings are gathered while the texts are parsed, on every core, so that no text's words outlive its page.
final class SearchIndex: @unchecked Sendable {
    static let folder = "recherche/index"
    static let chunkSize = 10
    /// A shard whose terms and postings take more is split by one more letter of its key.
    static let shardBudget = 24_000

    struct Document {
        let url: String
        let date: LocalDate
        let card: String
    }

    /// Listed resources' URLs, sorted: a document's number is its place here.
    let urls: [String]
    private let numbers: [String: Int]
    /// Terms are spread over locked parts by their first byte, so that both cores add at once.
    private let locks = (0..<16).map { _ in NSLock() }
    private var parts = [[String: [UInt32]]](repeating: [:], count: 16)

    init(listed: [String]) {
        urls = listed.sorted()
        numbers = Dictionary(urls.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A resource's words: those of its title and themes, of its summary, and of its text.
    func add(url: String, title: String, tags: [String], summary: String, bodyTerms: [String]) {
        guard let number = numbers[url] else { return }
        var titles = SearchTerms(), summaries = SearchTerms()
        (tags + [title]).forEach { titles.add($0) }
        summaries.add(summary)
        var fields: [String: UInt32] = [:]
        for term in titles.all { fields[term, default: 0] |= 1 }
        for term in summaries.all { fields[term, default: 0] |= 2 }
        var byPart = [[(String, UInt32)]](repeating: [], count: parts.count)
        for term in bodyTerms {
            byPart[Int(term.utf8.first! & 15)].append((term, 4 | (fields.removeValue(forKey: term) ?? 0)))
        }
        for (term, mask) in fields { byPart[Int(term.utf8.first! & 15)].append((term, mask)) }
        for (index, terms) in byPart.enumerated() where !terms.isEmpty {
            locks[index].withLock {
                for (term, mask) in terms { parts[index][term, default: []].append(UInt32(number) << 3 | mask) }
            }
        }
    }

    /// The index's files, once every resource's words are in. `documents` are in the order of `urls`.
    func files(documents: [Document]) -> [(path: String, text: String)] {
        let encoded = ParallelMap.map(parts) { part in
            part.mapValues { postings -> [UInt8] in
                var bytes: [UInt8] = []
                var last = -1
                for posting in postings.sorted() {
                    let number = Int(posting >> 3)
                    CompactNumbers.append((number - last - 1) << 3 | Int(posting & 7), to: &bytes)
                    last = number
                }
                return bytes
            }
        }.reduce(into: [String: [UInt8]]()) { all, part in all.merge(part) { a, _ in a } }
        let shards = Self.shards(encoded.keys.sorted(), sizes: encoded.mapValues(\.count))
        var files: [(String, String)] = [("\(Self.folder)/meta.json", meta(documents, keys: shards.map(\.key)))]
        for (number, shard) in shards.enumerated() {
            let fields = shard.terms.map { term in (term, "\"" + String(decoding: encoded[term]!, as: UTF8.self) + "\"") }
            files.append(("\(Self.folder)/t/\(number).json", JSONText.object(fields)))
        }
        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let cards = documents[start..<min(documents.count, start + Self.chunkSize)].map { JSONText.quoted($0.card) }
            files.append(("\(Self.folder)/d/\(start / Self.chunkSize).json", JSONText.array(cards)))
        }
        return files
    }

    /// Terms grouped by their first letter, a group split by one more letter while it is over budget: a small site has
    /// a few shards, a large one many small ones. A term sits in the shard with the longest key it starts with; a
    /// key's own shard keeps the terms equal to it.
    static func shards(_ terms: [String], sizes: [String: Int]) -> [(key: String, terms: [String])] {
        func weight(_ terms: [String]) -> Int { terms.reduce(0) { $0 + $1.utf8.count + sizes[$1, default: 0] + 6 } }
        func split(_ key: String, _ terms: [String]) -> [(key: String, terms: [String])] {
            guard weight(terms) > shardBudget, terms.contains(where: { $0.count > key.count }) else { return [(key, terms)] }
            let exact = terms.filter { $0.count == key.count }
            let longer = Dictionary(grouping: terms.filter { $0.count > key.count }) { String($0.prefix(key.count + 1)) }
            return (exact.isEmpty ? [] : [(key, exact)]) + longer.keys.sorted().flatMap { split($0, longer[$0]!) }
        }
        let groups = Dictionary(grouping: terms) { String($0.prefix(1)) }
        return groups.keys.sorted().flatMap { split($0, groups[$0]!) }
    }

    /// Each document's recency in two characters: 0 the most recent, 4095 the oldest.
    private func meta(_ documents: [Document], keys: [String]) -> String {
        let order = documents.indices.sorted { (documents[$0].date, documents[$1].url) > (documents[$1].date, documents[$0].url) }
        var recency = [UInt8](repeating: 0, count: documents.count * 2)
        for (rank, index) in order.enumerated() {
            let bucket = rank * 4096 / max(1, documents.count)
            recency[index * 2] = CompactNumbers.symbols[bucket / 64]
            recency[index * 2 + 1] = CompactNumbers.symbols[bucket % 64]
        }
        return JSONText.object([
            ("version", "1"), ("documents", "\(documents.count)"), ("chunk", "\(Self.chunkSize)"),
            ("shards", JSONText.array(keys.map(JSONText.quoted))),
            ("recency", "\"" + String(decoding: recency, as: UTF8.self) + "\""),
            ("folds", JSONText.object(SearchTerms.foldsForBrowsers.sorted { $0.key < $1.key }.map { ($0.key, JSONText.quoted($0.value)) })),
        ]) + "\n"
    }
}
