/// Related resources: those sharing the most tags (2 points each) and boussole values (1 point each).
/// Ties go to the most recent, then the URL, so the choice is the same on every build.
/// Archived resources are never proposed. An inverted index (feature → resources) keeps this fast on large sites.
struct RelatedResources: Sendable {
    static let limit = 4
    private let urls: [String]
    private let days: [Int]
    private let isCandidate: [Bool]
    /// For each resource, its features with their weight.
    private let features: [[(feature: Int, weight: Int)]]
    /// For each feature, the resources that have it.
    private let members: [[Int]]

    init(resources: [Resource], tagIndex: TagIndex, isCandidate: (Resource) -> Bool) {
        var ids: [String: Int] = [:]
        var members: [[Int]] = []
        var features: [[(feature: Int, weight: Int)]] = []
        for (index, resource) in resources.enumerated() {
            let tags = tagIndex.refs(for: resource).map { ("tag:\($0.slug)", 2) }
            let values = resource.boussole.sorted { $0.key < $1.key }.flatMap { axis, values in values.map { ("\(axis):\($0)", 1) } }
            features.append((tags + values).map { name, weight in
                let id = ids[name] ?? { ids[name] = members.count; members.append([]); return members.count - 1 }()
                members[id].append(index)
                return (id, weight)
            })
        }
        urls = resources.map(\.url)
        days = resources.map(\.date.dayNumber)
        self.isCandidate = resources.map(isCandidate)
        self.features = features
        self.members = members
    }

    func urls(for index: Int) -> [String] {
        var scores: [Int: Int] = [:]
        for (feature, weight) in features[index] {
            for other in members[feature] where other != index && isCandidate[other] {
                scores[other, default: 0] += weight
            }
        }
        var best: [(score: Int, index: Int)] = []
        for (other, score) in scores {
            let candidate = (score: score, index: other)
            guard best.count < Self.limit || ranksBefore(candidate, best[best.count - 1]) else { continue }
            best.insert(candidate, at: best.firstIndex { ranksBefore(candidate, $0) } ?? best.count)
            if best.count > Self.limit { best.removeLast() }
        }
        return best.map { urls[$0.index] }
    }

    private func ranksBefore(_ a: (score: Int, index: Int), _ b: (score: Int, index: Int)) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if days[a.index] != days[b.index] { return days[a.index] > days[b.index] }
        return urls[a.index] < urls[b.index]
    }
}
