/// Related resources: those sharing the most tags (2 points each) and boussole values (1 point each).
/// Ties go to the most recent, then the URL, so the choice is the same on every build.
/// Archived resources are never proposed.
///
/// Tags are sparse: the resources sharing one are counted through an inverted index. Boussole values are dense (a
/// value is on a quarter of the site), so they are compared as bit masks: resources that share no tag are found
/// through buckets of identical masks, best overlap first, instead of being scored one by one.
///
/// The lists depend only on every resource's tags, boussole values, date and URL: when none of these changed since
/// the last build, its lists are taken as they are. When only some resources' tags, boussole values, archiving or
/// date changed, the other lists are computed again only where such a resource was, or now enters. The lists kept
/// name resources by their place in URL order, which a change of date does not move (the listing order does).
struct RelatedResources: Sendable {
    static let limit = 4
    /// Fingerprint of everything the lists are computed from.
    let key: Fingerprint
    /// Fingerprint of the resources' URLs, in URL order; each one's tags, boussole values, archiving and date, in
    /// that order.
    let order: Fingerprint
    let features: [Fingerprint]
    private let urls: [String]
    /// The resources' positions in URL order, and each position's place in that order.
    private let byURL: [Int32]
    private let urlPlace: [Int32]
    /// Position of each resource once sorted by (date, newest first; then URL): the tie-break as one integer.
    private let rank: [Int32]
    private let isCandidate: [Bool]
    private let tags: [[Int32]]
    private let tagMembers: [[Int32]]
    private let masks: [UInt64]
    /// Candidates grouped by boussole mask, each group in rank order.
    private let buckets: [(mask: UInt64, members: [Int32])]

    /// `tags` are each resource's themes, in the order of `resources`.
    init(resources: [Resource], tags refs: [[TagRef]], boussole: BoussoleConfig, isCandidate: (Resource) -> Bool) {
        var tagIDs: [String: Int32] = [:]
        var tagMembers: [[Int32]] = []
        var tags: [[Int32]] = []
        var features: [Fingerprint] = []
        for (index, resource) in resources.enumerated() {
            var feature = FingerprintHasher()
            for ref in refs[index] { feature.add(ref.slug) }
            feature.add(resource.platformDay?.description ?? "")
            features.append(feature.finish())
            tags.append(refs[index].map { ref in
                let id = tagIDs[ref.slug] ?? {
                    tagIDs[ref.slug] = Int32(tagMembers.count)
                    tagMembers.append([])
                    return Int32(tagMembers.count - 1)
                }()
                tagMembers[Int(id)].append(Int32(index))
                return id
            })
        }
        let places = boussole.places
        masks = resources.map { resource in
            resource.boussole.reduce(UInt64(0)) { mask, entry in
                entry.value.reduce(mask) { mask, value in places[entry.key]?[value].map { mask | UInt64(1) << UInt64($0) } ?? mask }
            }
        }
        let urls = resources.map(\.url)
        self.urls = urls
        // Newest on the platform first; those there from its start last.
        let day = resources.map { $0.platformDay?.dayNumber ?? Int.min }
        let order = resources.indices.sorted { (day[$0], resources[$1].url) > (day[$1], resources[$0].url) }
        var rank = [Int32](repeating: 0, count: resources.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        self.rank = rank
        self.isCandidate = resources.map(isCandidate)
        self.tags = tags
        self.tagMembers = tagMembers
        var grouped: [UInt64: [Int32]] = [:]
        for index in order where self.isCandidate[index] { grouped[masks[index], default: []].append(Int32(index)) }
        buckets = grouped.map { ($0.key, $0.value) }
        let byURL = resources.indices.sorted { urls[$0] < urls[$1] }.map(Int32.init)
        var urlPlace = [Int32](repeating: 0, count: resources.count)
        for (place, index) in byURL.enumerated() { urlPlace[Int(index)] = Int32(place) }
        (self.byURL, self.urlPlace) = (byURL, urlPlace)
        var hasher = FingerprintHasher()
        for index in resources.indices {
            hasher.add(urls[index])
            hasher.add(Int(rank[index]))
            hasher.add(self.isCandidate[index] ? 1 : 0)
            hasher.add(Int(masks[index]))
            for tag in tags[index] { hasher.add(Int(tag)) }
            hasher.add(-1)
            var feature = FingerprintHasher()
            feature.add(features[index])
            feature.add(Int(masks[index]))
            feature.add(self.isCandidate[index] ? 1 : 0)
            features[index] = feature.finish()
        }
        key = hasher.finish()
        var orderHasher = FingerprintHasher()
        for index in byURL { orderHasher.add(urls[Int(index)]) }
        self.order = orderHasher.finish()
        self.features = byURL.map { features[Int($0)] }
    }

    /// The URLs of the resource at `position` in `resources`, most related first.
    func related(at position: Int, in lists: RelatedLists) -> [String] {
        lists.lists[Int(urlPlace[position])].map { urls[Int(byURL[Int($0)])] }
    }

    /// Every resource's related resources, in URL order, each as places in URL order; `previous` when it was computed
    /// from the same.
    func lists(reusing previous: RelatedLists?) -> RelatedLists {
        let previous = previous.flatMap { previous in
            previous.lists.count == urls.count && previous.lists.allSatisfy({ $0.allSatisfy { $0 >= 0 && Int($0) < urls.count } })
                ? previous : nil
        }
        if let previous, previous.key == key { return previous }
        let indices = previous.flatMap { affected(since: $0) } ?? Array(urls.indices)
        let computed = ParallelMap.chunked(indices) { indices in
            var scratch = Scratch(count: urls.count)
            return indices.map { related(to: $0, scratch: &scratch).map { urlPlace[Int($0)] } }
        }
        var lists = indices.count == urls.count ? [[Int32]](repeating: [], count: urls.count) : previous!.lists
        for (index, list) in zip(indices, computed) { lists[Int(urlPlace[index])] = list }
        return RelatedLists(key: key, order: order, features: features, lists: lists)
    }

    /// The positions whose lists may differ from `previous`, which holds the same resources: those whose tags,
    /// boussole values, archiving or date changed, and those whose list held one of them or that one now enters.
    /// Nil when `previous` is of other resources, or when so many changed that computing all is quicker.
    private func affected(since previous: RelatedLists) -> [Int]? {
        guard previous.order == order, previous.features.count == urls.count else { return nil }
        let changed = urls.indices.filter { previous.features[Int(urlPlace[$0])] != features[Int(urlPlace[$0])] }
        guard changed.count <= 64 else { return nil }
        var affected = Set(changed)
        for other in urls.indices where !affected.contains(other) {
            let list = previous.lists[Int(urlPlace[other])].map { byURL[Int($0)] }
            for index in changed {
                if list.contains(Int32(index)) { affected.insert(other); break }
                let candidate = (score: score(other, index), index: Int32(index))
                guard isCandidate[index], candidate.score > 0 else { continue }
                if list.count < Self.limit || ranksBefore(candidate, (score(other, Int(list[list.count - 1])), list[list.count - 1])) {
                    affected.insert(other)
                    break
                }
            }
        }
        return affected.sorted()
    }

    private func score(_ a: Int, _ b: Int) -> Int {
        Self.points(sharedTags: tags[a].filter { tags[b].contains($0) }.count, sharedValues: masks[a] & masks[b])
    }

    /// Two points per shared tag, one per shared boussole value.
    private static func points(sharedTags: Int, sharedValues: UInt64) -> Int {
        2 * sharedTags + sharedValues.nonzeroBitCount
    }

    /// Scratch space of one thread: shared-tag counts, reset after each use.
    private struct Scratch {
        var shared: [Int32]
        var touched: [Int32] = []
        init(count: Int) { shared = [Int32](repeating: 0, count: count) }
    }

    private func related(to index: Int, scratch: inout Scratch) -> [Int32] {
        var best: [(score: Int, index: Int32)] = []
        func consider(_ candidate: (score: Int, index: Int32)) {
            guard best.count < Self.limit || ranksBefore(candidate, best[best.count - 1]) else { return }
            best.insert(candidate, at: best.firstIndex { ranksBefore(candidate, $0) } ?? best.count)
            if best.count > Self.limit { best.removeLast() }
        }
        // Resources sharing at least one tag, scored in full.
        for tag in tags[index] {
            for other in tagMembers[Int(tag)] where Int(other) != index && isCandidate[Int(other)] {
                if scratch.shared[Int(other)] == 0 { scratch.touched.append(other) }
                scratch.shared[Int(other)] += 1
            }
        }
        let mask = masks[index]
        for other in scratch.touched {
            consider((Self.points(sharedTags: Int(scratch.shared[Int(other)]), sharedValues: mask & masks[Int(other)]), other))
        }
        // Resources sharing no tag score their boussole overlap: best buckets first, each in rank order. Most of the
        // time the tag sharers already outscore any of them.
        let highest = mask.nonzeroBitCount
        if best.count < Self.limit || best[best.count - 1].score <= highest {
            let levels = buckets.map { (mask & $0.mask).nonzeroBitCount }
            for level in stride(from: highest, through: 1, by: -1) {
                if best.count == Self.limit, best[best.count - 1].score > level { break }
                for (bucket, overlap) in zip(buckets, levels) where overlap == level {
                    var taken = 0
                    for other in bucket.members where Int(other) != index && scratch.shared[Int(other)] == 0 {
                        consider((level, other))
                        taken += 1
                        if taken == Self.limit { break }
                    }
                }
            }
        }
        for other in scratch.touched { scratch.shared[Int(other)] = 0 }
        scratch.touched.removeAll(keepingCapacity: true)
        return best.map(\.index)
    }

    private func ranksBefore(_ a: (score: Int, index: Int32), _ b: (score: Int, index: Int32)) -> Bool {
        a.score != b.score ? a.score > b.score : rank[Int(a.index)] < rank[Int(b.index)]
    }
}

/// The related resources of every resource, in URL order, each as places in URL order, and the keys of what they were
/// computed from.
struct RelatedLists: Sendable, Equatable {
    let key: Fingerprint
    let order: Fingerprint
    let features: [Fingerprint]
    let lists: [[Int32]]
}
