/// The boussole's pages: the compass with its filters, one page per axis value, one per pair of values of the
/// first two axes. All generated from `boussole.yml` and the resources' `boussole` values.
extension ViewFactory {
    private var axes: [Axis] { model.boussole.axes }

    /// Listed resources carrying every given (axis, value).
    func boussoleEntries(_ criteria: [(axis: Axis, value: AxisValue)]) -> [Entry] {
        model.listed(boussole: criteria.map { ($0.axis.id, $0.value.id) })
    }

    /// The first axis's values as the sectors of a compass, each leading to its page.
    func compass() -> CompassSVG {
        let main = axes[0]
        return CompassSVG(axisLabel: main.label, sectors: main.values.map { value in
            CompassSVG.Sector(label: value.shortLabel, fullLabel: value.label,
                              count: boussoleEntries([(main, value)]).count, url: BoussolePaths.value(main.id, value.id))
        })
    }

    func boussole() -> BoussoleView {
        let listed = model.entries.filter { !$0.isArchived }
        let main = axes[0]
        let compass = compass()
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
        // The theme selector lists the most used themes, so that it does not grow with the site.
        let themeCounts = Dictionary(listed.flatMap { $0.tags.map { ($0.slug, 1) } }, uniquingKeysWith: +)
        let themes = model.tags.filter { themeCounts[$0.slug] != nil }
            .sorted { (themeCounts[$0.slug]!, $1.slug) > (themeCounts[$1.slug]!, $0.slug) }.prefix(BoussoleView.themeLimit)
        let tags = model.tags.filter { tag in themes.contains { $0.slug == tag.slug } }
            .map { FilterOption(value: $0.slug, label: $0.label, count: themeCounts[$0.slug]!) }
        return BoussoleView(
            layout: layout(title: "Boussole", description: "Trouver des ressources selon la maturité de votre démarche, votre trajectoire et votre profil.", url: BoussolePaths.root),
            compass: compass.render(), mainAxisLabel: main.label, axes: summaries, kinds: kinds, tags: tags,
            cards: listed.prefix(site.pageSize).map(listedCard), hasMore: listed.count > site.pageSize,
            totalLabel: Self.count(listed.count, "ressource", "ressources"), dataURL: "/\(BoussoleData.path)",
            indexURL: "/\(SearchIndex.folder)/", gridURL: model.grid.map { _ in Grid.url })
    }

    /// `/boussole/maturite/consolider/`: its resources in pages, and on the first one the links to its pairs with the
    /// second axis.
    func boussoleValuePages(axis: Axis, value: AxisValue) -> PagedList<BoussoleValueView> {
        let hasPairs = axis.id == axes[0].id && axes.count > 1
        let pairsTitle = hasPairs ? "\(value.label), par \(axes[1].label.lowercased())" : nil
        let pairs = !hasPairs ? [] : axes[1].values.map { other in
            PairLink(label: other.label, url: BoussolePaths.pair(axis.id, value.id, axes[1].id, other.id),
                     countLabel: Self.count(boussoleEntries([(axis, value), (axes[1], other)]).count, "ressource", "ressources"))
        }
        let title = "\(axis.label) : \(value.label)"
        return boussolePages(boussoleEntries([(axis, value)]), base: BoussolePaths.value(axis.id, value.id), title: title) { url, n in
            BoussoleValueView(layout: layout(title: n.title, description: value.description, url: url), title: title,
                              description: value.description, parent: nil, countLabel: n.countLabel, cards: n.cards,
                              pairsTitle: n.number == 1 ? pairsTitle : nil, pairs: n.number == 1 ? pairs : [],
                              pagination: n.pagination)
        }
    }

    /// `/boussole/maturite/consolider/trajectoires/confiance/`, in pages.
    func boussolePairPages(_ axis: Axis, _ value: AxisValue, _ second: Axis, _ other: AxisValue) -> PagedList<BoussoleValueView> {
        let title = "\(value.label) × \(other.label)"
        return boussolePages(boussoleEntries([(axis, value), (second, other)]), base: BoussolePaths.pair(axis.id, value.id, second.id, other.id),
                             title: title) { url, n in
            BoussoleValueView(layout: layout(title: n.title, description: "\(value.description) \(other.description)", url: url),
                              title: "\(axis.label) : \(value.label) · \(second.label) : \(other.label)",
                              description: other.description,
                              parent: TagLink(label: "\(axis.label) : \(value.label)", url: BoussolePaths.value(axis.id, value.id)),
                              countLabel: n.countLabel, cards: n.cards, pairsTitle: nil, pairs: [], pagination: n.pagination)
        }
    }

    /// What a page of a boussole list shows besides its header.
    struct BoussolePage {
        let number: Int
        let title: String
        let countLabel: String
        let cards: [ListedCard]
        let pagination: Pagination?
    }

    private func boussolePages(_ entries: [Entry], base: String, title: String,
                               view: @escaping @Sendable (String, BoussolePage) -> BoussoleValueView) -> PagedList<BoussoleValueView> {
        let paging = Paging(items: entries, size: site.pageSize, base: base)
        let countLabel = Self.count(entries.count, "ressource", "ressources")
        return PagedList(paging: paging, template: "boussole-value") { n in
            view(paging.url(n), BoussolePage(number: n, title: paging.title(title, on: n), countLabel: countLabel,
                                             cards: paging.items(on: n).map(listedCard), pagination: paging.pagination(on: n)))
        }
    }
}
