/// The boussole's pages: the compass with its filters, one page per axis value, one per pair of values of the
/// first two axes. All generated from `boussole.yml` and the resources' `boussole` values.
extension ViewFactory {
    private var axes: [Axis] { model.boussole.axes }

    /// Listed resources carrying every given (axis, value).
    func boussoleEntries(_ criteria: [(axis: Axis, value: AxisValue)]) -> [Entry] {
        model.entries.filter { entry in
            !entry.isArchived && criteria.allSatisfy { entry.resource.boussole[$0.axis.id]?.contains($0.value.id) == true }
        }
    }

    func boussole() -> BoussoleView {
        let listed = model.entries.filter { !$0.isArchived }
        let main = axes[0]
        let compass = CompassSVG(axisLabel: main.label, sectors: main.values.map { value in
            CompassSVG.Sector(label: value.shortLabel, fullLabel: value.label,
                              count: boussoleEntries([(main, value)]).count, url: BoussolePaths.value(main.id, value.id))
        })
        let summaries = axes.map { axis in
            AxisSummary(id: axis.id, label: axis.label, question: axis.question, values: axis.values.map { value in
                let count = boussoleEntries([(axis, value)]).count
                return AxisValueSummary(axisId: axis.id, id: value.id, label: value.label, description: value.description,
                                        url: BoussolePaths.value(axis.id, value.id), count: count,
                                        countLabel: Self.count(count, "ressource", "ressources"))
            })
        }
        let kinds = site.kinds.compactMap { kind -> FilterOption? in
            let count = listed.filter { $0.resource.kind == kind.id }.count
            return count == 0 ? nil : FilterOption(value: kind.id, label: kind.plural, count: count)
        }
        let tags = model.tags.compactMap { tag -> FilterOption? in
            let count = listed.filter { $0.tags.contains { $0.slug == tag.slug } }.count
            return count == 0 ? nil : FilterOption(value: tag.slug, label: tag.label, count: count)
        }
        let items = listed.map { entry in
            FilterItem(card: card(entry), kind: entry.resource.kind, tags: entry.tags.map(\.slug).joined(separator: " "),
                       facets: axes.map { Facet(axis: $0.id, values: (entry.resource.boussole[$0.id] ?? []).joined(separator: " ")) })
        }
        return BoussoleView(
            layout: layout(title: "Boussole", description: "Trouver des ressources selon la maturité de votre démarche, votre trajectoire et votre profil.", url: BoussolePaths.root),
            compass: compass.render(), mainAxisLabel: main.label, axes: summaries, kinds: kinds, tags: tags, items: items,
            totalLabel: Self.count(items.count, "ressource", "ressources"))
    }

    /// `/boussole/maturite/consolider/`: its resources, and links to its pairs with the second axis.
    func boussoleValue(axis: Axis, value: AxisValue) -> BoussoleValueView {
        let entries = boussoleEntries([(axis, value)])
        var pairs: [PairLink] = []
        var pairsTitle: String?
        if axis.id == axes[0].id, axes.count > 1 {
            let second = axes[1]
            pairsTitle = "\(value.label), par \(second.label.lowercased())"
            pairs = second.values.map { other in
                PairLink(label: other.label, url: BoussolePaths.pair(axis.id, value.id, second.id, other.id),
                         countLabel: Self.count(boussoleEntries([(axis, value), (second, other)]).count, "ressource", "ressources"))
            }
        }
        return BoussoleValueView(
            layout: layout(title: "\(axis.label) : \(value.label)", description: value.description, url: BoussolePaths.value(axis.id, value.id)),
            title: "\(axis.label) : \(value.label)", description: value.description,
            parent: nil,
            countLabel: Self.count(entries.count, "ressource", "ressources"), cards: entries.map(card),
            pairsTitle: pairsTitle, pairs: pairs)
    }

    /// `/boussole/maturite/consolider/trajectoires/confiance/`.
    func boussolePair(_ axis: Axis, _ value: AxisValue, _ second: Axis, _ other: AxisValue) -> BoussoleValueView {
        let entries = boussoleEntries([(axis, value), (second, other)])
        let url = BoussolePaths.pair(axis.id, value.id, second.id, other.id)
        return BoussoleValueView(
            layout: layout(title: "\(value.label) × \(other.label)", description: "\(value.description) \(other.description)", url: url),
            title: "\(axis.label) : \(value.label) · \(second.label) : \(other.label)",
            description: other.description,
            parent: TagLink(label: "\(axis.label) : \(value.label)", url: BoussolePaths.value(axis.id, value.id)),
            countLabel: Self.count(entries.count, "ressource", "ressources"), cards: entries.map(card),
            pairsTitle: nil, pairs: [])
    }
}
