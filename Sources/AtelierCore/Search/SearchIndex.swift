import Foundation

/// The search's index, built inside the build and cut so that one query loads little, in the manner of Pagefind.
/// In `/recherche/index/`:
/// - `meta.json`: the number of documents, the keys of the shards, each document's recency, the folds of letters;
/// - `t/<key>.json`: the terms starting with a shard's key, each with its postings: the documents it is in, and in
///   which fields (1 the title or a theme, 2 the summary, 4 the text), as `CompactNumbers` of (gap << 3 | fields);
/// - `d/<n>.json`: the cards of documents n × `chunkSize` and after, as `partials/card` renders them (the boussole
///   reads them too).
/// Documents are the listed resources in URL order: an edit keeps every number; an addition shifts those after it.
/// Postings are gathered while the texts are parsed, on every core. A rebuild starts from the postings the cache
/// kept, drops those of the resources whose pages are made again, and adds theirs anew; it lays out again only the
/// runs of terms (those sharing their first letter) that hold a term whose postings changed.
final class SearchIndex: @unchecked Sendable {
    static let folder = "recherche/index"
    static let chunkSize = 10
    /// A shard whose terms and postings take more is split by one more letter of its key.
    static let shardBudget = 24_000

    /// What the cache keeps: the documents in order, and each term's postings (document << 3 | fields), sorted.
    struct State: Sendable {
        var urls: [String]
        var postings: [String: [UInt32]]
        /// The terms whose postings differ from those of the index this one was made from, when it kept its numbers
        /// (nil otherwise): what the cache's next link holds.
        var changed: Set<String>? = nil
        /// The shards of each run of terms sharing their first letter, in order, once laid out (`shards(of:previous:)`):
        /// a rebuild lays out again only the runs that hold a term whose postings changed.
        var runs: [String: [ShardPrint]] = [:]

        /// What changed since `base` (everything, without it): the documents when there is no base, the terms whose
        /// postings are new or changed, then the terms gone. Over a base, only the terms the index touched are looked
        /// at (`canExtend`).
        static func write(_ state: State?, over base: State?, to writer: inout BinaryWriter) {
            writer.optional(base == nil ? state?.urls : nil) { $0.strings($1) }
            let postings = state?.postings ?? [:]
            let touched = base.map { _ in state?.changed ?? [] }
            let written = touched.map { $0.compactMap { term in postings[term].map { (key: term, value: $0) } } } ?? Array(postings)
            writer.array(written) { writer, entry in
                writer.string(entry.key)
                var last = -1
                writer.array(entry.value) { writer, posting in
                    writer.int(Int(posting >> 3) - last - 1)
                    writer.int(Int(posting & 7))
                    last = Int(posting >> 3)
                }
            }
            writer.strings(touched?.filter { postings[$0] == nil } ?? [])
            let runs = state?.runs ?? [:]
            writer.array(Array(base.map { base in runs.filter { base.runs[$0.key] != $0.value } } ?? runs)) { writer, run in
                writer.string(run.key)
                writer.array(run.value) { $0.string($1.key); $0.fingerprint($1.print) }
            }
            writer.strings(base.map { $0.runs.keys.filter { runs[$0] == nil } } ?? [])
        }

        /// A link can say what changed only when both indexes exist with the same documents (numbers stay) and the
        /// new one knows which terms it touched.
        static func canExtend(_ base: State?, with state: State?) -> Bool {
            guard let base, let state, state.changed != nil else { return false }
            return base.urls == state.urls
        }

        /// Applies what `write` wrote over the state of the files before it (none for a chain's base).
        static func apply(_ reader: inout BinaryReader, to state: inout State?) throws {
            if let urls = try reader.optional({ try $0.strings() }) { state = State(urls: urls, postings: [:]) }
            let count = state?.urls.count ?? 0
            let changed = try reader.array { reader -> (String, [UInt32]) in
                let term = try reader.string()
                var last = -1
                let list = try reader.array { reader -> UInt32 in
                    let number = last + 1 + (try reader.int())
                    let fields = try reader.int()
                    guard number >= 0, number < count, (0...7).contains(fields) else { throw BinaryReader.Damaged() }
                    last = number
                    return UInt32(number) << 3 | UInt32(fields)
                }
                return (term, list)
            }
            let gone = try reader.strings()
            let changedRuns = try reader.array { reader in
                (try reader.string(), try reader.array { ShardPrint(key: try $0.string(), print: try $0.fingerprint()) })
            }
            let goneRuns = try reader.strings()
            guard var updated = state else {
                guard changed.isEmpty, gone.isEmpty, changedRuns.isEmpty, goneRuns.isEmpty else { throw BinaryReader.Damaged() }
                return
            }
            state = nil  // keeps the dictionaries' storage unique while they are updated
            for (term, list) in changed { updated.postings[term] = list }
            for term in gone { updated.postings[term] = nil }
            for (run, shards) in changedRuns { updated.runs[run] = shards }
            for run in goneRuns { updated.runs[run] = nil }
            state = updated
        }
    }

    /// A shard as the cache keeps it: its key and the fingerprint of its terms and postings.
    struct ShardPrint: Sendable, Equatable {
        let key: String
        let print: Fingerprint
    }

    /// Listed resources' URLs, sorted: a document's number is its place here.
    let urls: [String]
    private let numbers: [String: Int]
    /// The cache's postings, renumbered, without those of the documents made again: what this build's join (handed
    /// over to the state, once).
    private var kept: [String: [UInt32]]
    /// The terms whose kept postings lost a document, when every document kept its number (nil otherwise).
    private let thinned: Set<String>?
    /// The cache's postings when every document kept its number: what `changed` is worked out against.
    private let original: [String: [UInt32]]
    /// Terms are spread over locked parts by their first byte, so that both cores add at once; each part is an object
    /// of its own, so that a core's writes never touch the memory the other's reads.
    private let parts = (0..<16).map { _ in Part() }

    private final class Part: @unchecked Sendable {
        let lock = NSLock()
        var postings: [String: [UInt32]] = [:]
    }

    /// `previous` is the cache's index; the postings of the documents in `kept` are kept, renumbered.
    init(listed: [String], previous: State?, kept: Set<String>) {
        let urls = listed.sorted()
        let numbers = Dictionary(urls.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        (self.urls, self.numbers) = (urls, numbers)
        guard let previous else {
            (self.kept, thinned, original) = ([:], nil, [:])
            return
        }
        let renumbered = previous.urls.map { kept.contains($0) ? numbers[$0].map(UInt32.init) : nil }
        var postings = previous.postings
        if previous.urls == urls {
            // The usual rebuild: every number stays, only the postings of the documents made again go. A term's list
            // is made again only when it holds one of them.
            let remade = renumbered.indices.filter { renumbered[$0] == nil }.map(UInt32.init)
            var thinned = Set<String>()
            for (term, list) in previous.postings where Self.holds(list, anyOf: remade) {
                let left = list.filter { renumbered[Int($0 >> 3)] != nil }
                postings[term] = left.isEmpty ? nil : left
                thinned.insert(term)
            }
            (self.thinned, original) = (thinned, previous.postings)
        } else {
            (thinned, original) = (nil, [:])
            for (term, list) in previous.postings {
                let moved = list.compactMap { posting in renumbered[Int(posting >> 3)].map { $0 << 3 | posting & 7 } }
                postings[term] = moved.isEmpty ? nil : moved
            }
        }
        self.kept = postings
    }

    /// Whether a term's postings (in document order) hold one of `documents` (in order): each looked for by halving
    /// when they are few, the list read through otherwise.
    private static func holds(_ postings: [UInt32], anyOf documents: [UInt32]) -> Bool {
        guard documents.count <= 16 else {
            var next = documents.startIndex
            for posting in postings {
                while next < documents.endIndex, documents[next] < posting >> 3 { next += 1 }
                guard next < documents.endIndex else { return false }
                if documents[next] == posting >> 3 { return true }
            }
            return false
        }
        return documents.contains { document in
            var (low, high) = (0, postings.count)
            while low < high {
                let middle = (low + high) / 2
                if postings[middle] >> 3 < document { low = middle + 1 } else { high = middle }
            }
            return low < postings.count && postings[low] >> 3 == document
        }
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
            let part = parts[index]
            part.lock.withLock {
                for (term, mask) in terms { part.postings[term, default: []].append(UInt32(number) << 3 | mask) }
            }
        }
    }

    /// Every document's postings, once all are added: the kept ones, and the added ones in document order. Asked for
    /// once: the kept postings are updated in place rather than copied.
    func state() -> State {
        let added = ParallelMap.map(parts) { $0.postings.mapValues { $0.sorted() } }
        var postings: [String: [UInt32]] = [:]
        swap(&postings, &kept)
        var changed = thinned
        for part in added {
            for (term, list) in part {
                postings[term] = postings[term].map { ($0 + list).sorted() } ?? list
                changed?.insert(term)
            }
        }
        // A document made again takes its words out and back in: most of its terms' lists end as they were.
        return State(urls: urls, postings: postings, changed: changed?.filter { postings[$0] != original[$0] })
    }

    /// A shard of an index: its key, the fingerprint of its terms and postings, and those terms in order, each with
    /// its postings (nil for a shard of a run this build did not lay out again: `shardText` finds them).
    struct Shard: Sendable {
        let key: String
        let print: Fingerprint
        let contents: (terms: ArraySlice<String>, postings: ArraySlice<[UInt32]>)?
    }

    /// The index's shards in order, and the runs the state keeps. Over `previous`, the index this one was made from,
    /// a run of terms (those sharing their first letter) none of whose postings changed keeps its shards as they were.
    static func shards(of state: State, previous: State?) -> (shards: [Shard], runs: [String: [ShardPrint]]) {
        let kept: [String: [ShardPrint]] = previous.flatMap { previous in
            state.changed.map { changed in
                let touched = Set(changed.map(run(of:)))
                return previous.runs.filter { !touched.contains($0.key) }
            }
        } ?? [:]
        var entries: [String: [(key: String, value: [UInt32])]] = [:]
        for entry in state.postings {
            let run = run(of: entry.key)
            if kept[run] == nil { entries[run, default: []].append(entry) }
        }
        let laidOut = Dictionary(uniqueKeysWithValues: ParallelMap.map(Array(entries)) { ($0.key, layOut($0.value)) })
        let runs = kept.merging(laidOut.mapValues { $0.map { ShardPrint(key: $0.key, print: $0.print) } }) { _, new in new }
        let shards = runs.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.flatMap { run in
            laidOut[run] ?? runs[run]!.map { Shard(key: $0.key, print: $0.print, contents: nil) }
        }
        return (shards, runs)
    }

    /// The first letter of a term or a key: its run.
    private static func run(of term: String) -> String { term.unicodeScalars.first.map { String($0) } ?? "" }

    /// One run's terms laid out in shards, each with its fingerprint.
    private static func layOut(_ entries: [(key: String, value: [UInt32])]) -> [Shard] {
        var entries = entries
        entries.sort { $0.key < $1.key }
        // Texts compare as their UTF-8 bytes when they are ASCII; others are put in that order.
        if !entries.allSatisfy({ $0.key.utf8.allSatisfy { $0 < 0x80 } }) {
            entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
        let terms = entries.map(\.key)
        let postings = entries.map(\.value)
        return layout(terms, sizes: postings.map(encodedSize)).map { shard in
            let contents = (terms: terms[shard.range], postings: postings[shard.range])
            var hasher = FingerprintHasher()
            for (term, list) in zip(contents.terms, contents.postings) {
                hasher.add(term)
                hasher.add(list.count)
                list.withUnsafeBytes { hasher.add(buffer: $0) }
            }
            return Shard(key: shard.key, print: hasher.finish(), contents: contents)
        }
    }

    /// A shard's file; the shard of a run this build kept is laid out again by `kept`.
    static func shardText(_ shard: Shard, kept: KeptRuns) -> String {
        let contents = shard.contents ?? kept.contents(of: shard)
        return JSONText.object(zip(contents?.terms ?? [], contents?.postings ?? []).map { term, postings in
            (term, "\"" + String(decoding: encoded(postings), as: UTF8.self) + "\"")
        })
    }

    /// The runs a rebuild kept, laid out again only when one of their shards' files must be made again (the live
    /// site lost it): the postings are gone through once for them all, and each run is laid out once.
    final class KeptRuns: @unchecked Sendable {
        private let state: State
        private let lock = NSLock()
        private var byRun: [String: [(key: String, value: [UInt32])]]?
        private var laidOut: [String: [Shard]] = [:]

        init(_ state: State) { self.state = state }

        func contents(of shard: Shard) -> (terms: ArraySlice<String>, postings: ArraySlice<[UInt32]>)? {
            let run = SearchIndex.run(of: shard.key)
            return lock.withLock {
                if laidOut[run] == nil {
                    if byRun == nil { byRun = Dictionary(grouping: Array(state.postings)) { SearchIndex.run(of: $0.key) } }
                    laidOut[run] = layOut(byRun?[run] ?? [])
                }
                return laidOut[run]?.first { $0.key == shard.key }?.contents
            }
        }
    }

    /// A shard's file, named after its key: letters and digits as they are, anything else in hexadecimal.
    static func shardPath(_ key: String) -> String {
        let plain = key.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return "\(folder)/t/" + (plain ? key : "x" + key.utf8.map { String(format: "%02x", $0) }.joined()) + ".json"
    }

    static func chunkPath(_ number: Int) -> String { "\(folder)/d/\(number).json" }

    static func chunkText(_ cards: [String]) -> String { JSONText.array(cards.map(JSONText.quoted)) }

    private static func encoded(_ postings: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        var last = -1
        for posting in postings {
            CompactNumbers.append((Int(posting >> 3) - last - 1) << 3 | Int(posting & 7), to: &bytes)
            last = Int(posting >> 3)
        }
        return bytes
    }

    private static func encodedSize(_ postings: [UInt32]) -> Int {
        var size = 0
        var last = -1
        for posting in postings {
            var value = (Int(posting >> 3) - last - 1) << 3 | Int(posting & 7)
            size += 1
            while value >= 32 {
                value >>= 5
                size += 1
            }
            last = Int(posting >> 3)
        }
        return size
    }

    /// Terms grouped by their first letter, a group split by one more letter while it is over budget: a small site has
    /// a few shards, a large one many small ones. A term sits in the shard with the longest key it starts with; a
    /// key's own shard keeps the terms equal to it. `terms` are in the order of their UTF-8 bytes, so that the terms
    /// starting with a key are side by side; `sizes` are their postings' sizes.
    static func layout(_ terms: [String], sizes: [Int]) -> [(key: String, range: Range<Int>)] {
        var weights = [0]
        weights.reserveCapacity(terms.count + 1)
        for (term, size) in zip(terms, sizes) { weights.append(weights.last! + term.utf8.count + size + 6) }
        let lengths = terms.map(\.unicodeScalars.count)
        /// The runs of terms in `range` that share their first `length` letters, each with those letters.
        func runs(_ range: Range<Int>, length: Int) -> [(key: String, range: Range<Int>)] {
            var runs: [(key: String, range: Range<Int>)] = []
            for index in range {
                let key = String(terms[index].unicodeScalars.prefix(length))
                if let last = runs.last, last.key == key {
                    runs[runs.count - 1].range = last.range.lowerBound..<(index + 1)
                } else {
                    runs.append((key, index..<(index + 1)))
                }
            }
            return runs
        }
        func split(_ key: String, _ range: Range<Int>) -> [(key: String, range: Range<Int>)] {
            let length = key.unicodeScalars.count
            // The term equal to the key, if there is one, comes first: every other term is longer.
            let longer = (lengths[range.lowerBound] == length ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound
            guard weights[range.upperBound] - weights[range.lowerBound] > shardBudget, !longer.isEmpty else {
                return [(key, range)]
            }
            let exact = longer.lowerBound > range.lowerBound ? [(key: key, range: range.lowerBound..<longer.lowerBound)] : []
            return exact + runs(longer, length: length + 1).flatMap { split($0.key, $0.range) }
        }
        return runs(terms.indices, length: 1).flatMap { split($0.key, $0.range) }
    }

    /// `meta.json`: the documents' number, the shards' keys, each document's recency in two characters (0 the most
    /// recent, 4095 the oldest) from the days they went on the platform (in document order; `Int.min` for none).
    static func meta(days: [Int], urls: [String], keys: [String]) -> String {
        let order = days.indices.sorted { (days[$0], urls[$1]) > (days[$1], urls[$0]) }
        var recency = [UInt8](repeating: 0, count: days.count * 2)
        for (rank, index) in order.enumerated() {
            let bucket = rank * 4096 / max(1, days.count)
            recency[index * 2] = CompactNumbers.symbols[bucket / 64]
            recency[index * 2 + 1] = CompactNumbers.symbols[bucket % 64]
        }
        return JSONText.object([
            ("version", "1"), ("documents", "\(days.count)"), ("chunk", "\(chunkSize)"),
            ("shards", JSONText.array(keys.map(JSONText.quoted))),
            ("recency", "\"" + String(decoding: recency, as: UTF8.self) + "\""),
            ("folds", JSONText.object(SearchTerms.foldsForBrowsers.sorted { $0.key < $1.key }.map { ($0.key, JSONText.quoted($0.value)) })),
        ]) + "\n"
    }
}
