/// Related resources: those sharing the most tags and boussole values. Ties go to the most recent, then the URL,
/// so the choice is the same on every build. Archived resources are never proposed.
struct RelatedResources {
    static let limit = 4
    private let resources: [Resource]
    private let features: [Set<String>]
    private let isCandidate: (Resource) -> Bool

    init(resources: [Resource], tagIndex: TagIndex, isCandidate: @escaping (Resource) -> Bool) {
        self.resources = resources
        self.isCandidate = isCandidate
        features = resources.map { resource in
            let tags = tagIndex.refs(for: resource).map { "tag:\($0.slug)" }
            let boussole = resource.boussole.flatMap { axis, values in values.map { "\(axis):\($0)" } }
            return Set(tags + boussole)
        }
    }

    func urls(for index: Int) -> [String] {
        let scored = resources.indices.compactMap { other -> (score: Int, resource: Resource)? in
            guard other != index, isCandidate(resources[other]) else { return nil }
            let shared = features[index].intersection(features[other])
            let score = shared.reduce(0) { $0 + ($1.hasPrefix("tag:") ? 2 : 1) }
            return score > 0 ? (score, resources[other]) : nil
        }
        return scored.sorted {
            ($0.score, $0.resource.date, $1.resource.url) > ($1.score, $1.resource.date, $0.resource.url)
        }.prefix(Self.limit).map(\.resource.url)
    }
}
