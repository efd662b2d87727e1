import Foundation
import Testing
@testable import AtelierCore

/// Related lists computed again only where an edit reaches must be the lists computed from nothing.
@Suite struct RelatedResourcesTests {
    static let tags = (0..<12).map { "Thème \($0)" }
    static let values = ["a", "b", "c", "d", "e", "f"]
    static let boussole = BoussoleConfig(axes: [Axis(id: "axe", label: "Axe", question: "?",
                                                     values: values.map { AxisValue(id: $0, label: $0, shortLabel: $0, description: "") })])

    struct Features {
        var tags: [String]
        var values: [String]
        var archived: Bool
        var day: Int
    }

    /// Resources in listing order, newest first, as the model gives them: a change of date moves one.
    static func resources(_ features: [Features]) -> [Resource] {
        features.enumerated().map { index, feature in
            Resource(source: "content/fiches/r\(index).md", kind: "fiches", slug: "r\(index)", title: "R\(index)",
                     date: LocalDate(year: 2025, month: 1 + feature.day % 12, day: 1 + feature.day % 28)!, datePrecision: .day, onlineSince: nil,
                     summary: "",
                     tags: feature.tags, boussole: ["axe": feature.values], partners: [], links: [], draft: false, aliases: [],
                     expiration: feature.archived ? LocalDate(year: 2020, month: 1, day: 1) : nil, fields: [:],
                     body: MarkdownSource(file: "content/fiches/r\(index).md", text: "", firstLine: 1))
        }.sorted { ($0.date!, $1.url) > ($1.date!, $0.url) }
    }

    static func related(_ features: [Features], reusing previous: RelatedLists?) -> RelatedLists {
        let resources = resources(features)
        var log = DiagnosticLog()
        let tagIndex = TagIndex(resources: resources, log: &log)
        return RelatedResources(resources: resources, tags: resources.map(tagIndex.refs(for:)), boussole: boussole,
                                isCandidate: { $0.expiration == nil }).lists(reusing: previous)
    }

    @Test(arguments: [3, 11, 23] as [UInt64])
    func editsOfSomeResourcesGiveTheListsComputedFromNothing(seed: UInt64) {
        var random = SplitMix(seed: seed)
        func feature() -> Features {
            Features(tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.tags.randomElement(using: &random)! },
                     values: (0..<Int.random(in: 0...3, using: &random)).map { _ in Self.values.randomElement(using: &random)! },
                     archived: Int.random(in: 0..<10, using: &random) == 0, day: Int.random(in: 0..<336, using: &random))
        }
        var features = (0..<150).map { _ in feature() }
        var previous = Self.related(features, reusing: nil)
        for round in 0..<40 {
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<features.count, using: &random)
                // A new date alone half of the time: the resource moves in the listing order, its URL stays.
                if Bool.random(using: &random) { features[index].day = Int.random(in: 0..<336, using: &random) } else { features[index] = feature() }
            }
            let reused = Self.related(features, reusing: previous)
            let fresh = Self.related(features, reusing: nil)
            #expect(reused.lists == fresh.lists, "graine \(seed), tour \(round)")
            previous = reused
        }
    }
}
