/// `/grille/`: the self-assessment grid. The page holds the whole grid with, for each practice, what helps with it;
/// `templates/assets/grille.js` adds the scale's radio buttons and works out the result in the browser. Each group of
/// the result (an axis, a situation) has a key, `axe-1` or `situation-3`, shared by the grid, the chart and the table.
struct GridView: Sendable, Encodable {
    let layout: Layout
    let title: String
    let intro: String
    /// « 3 axes, 8 situations professionnelles et 22 pratiques ».
    let countLabel: String
    let source: TagLink?
    /// « « Pas encore », « Je débute », « Je pratique » et « Je maîtrise » ».
    let scaleLabel: String
    let maximum: Int
    let axes: [GridAxisView]
    /// The result's table: a row per axis followed by a row per situation of it.
    let rows: [GridRow]
    let chart: String
    let chartCaption: String

    /// The site's own marker, not the source's: a practice is not yet exercised (0) … mastered (3).
    static let levels = ["Pas encore", "Je débute", "Je pratique", "Je maîtrise"]
    static var highest: Int { levels.count - 1 }
}

struct GridAxisView: Sendable, Encodable {
    let key: String
    /// « Axe 1 : Expertises de Gestion ».
    let heading: String
    let label: String
    let situations: [GridSituationView]
}

struct GridSituationView: Sendable, Encodable {
    let key: String
    let number: Int
    let label: String
    let detail: String?
    let practices: [GridPracticeView]
}

struct GridPracticeView: Sendable, Encodable {
    let id: String
    let label: String
    let choices: [GridChoice]
    let helps: [GridHelp]
    let hasHelps: Bool
}

/// A radio button of a practice's scale.
struct GridChoice: Sendable, Encodable {
    let name: String
    let value: Int
    let label: String
}

/// A resource, or a theme, that helps with a practice.
struct GridHelp: Sendable, Encodable {
    let label: String
    let url: String
    /// The resource's kind, or the theme's number of resources.
    let note: String
}

struct GridRow: Sendable, Encodable {
    let key: String
    let label: String
    let isAxis: Bool
}

extension ViewFactory {
    func grid(_ grid: Grid) -> GridView {
        let axes = grid.axes.map { axis in
            GridAxisView(key: "axe-\(axis.number)", heading: FrenchTypography.apply("Axe \(axis.number) : \(axis.label)"), label: axis.label,
                         situations: axis.situations.map { situation in
                             GridSituationView(key: "situation-\(situation.number)", number: situation.number, label: situation.label,
                                               detail: situation.detail, practices: situation.practices.map(gridPractice))
                         })
        }
        let rows = axes.flatMap { axis in
            [GridRow(key: axis.key, label: axis.heading, isAxis: true)]
                + axis.situations.map { GridRow(key: $0.key, label: "\($0.number). \($0.label)", isAxis: false) }
        }
        let countLabel = [Self.count(grid.axes.count, "axe", "axes"),
                          Self.count(grid.situations.count, "situation professionnelle", "situations professionnelles")]
            .joined(separator: ", ") + " et " + Self.count(grid.practices.count, "pratique", "pratiques")
        let (lowest, highest) = (GridView.levels[0], GridView.levels[GridView.highest])
        return GridView(
            layout: layout(title: grid.title, description: "Situez-vous sur chacune des pratiques de la grille et trouvez les ressources qui aident à progresser.",
                           url: Grid.url),
            title: grid.title, intro: grid.intro, countLabel: countLabel,
            source: grid.sourceURL.flatMap(model.entry(url:)).map { TagLink(label: $0.resource.title, url: $0.resource.url) },
            scaleLabel: FrenchTypography.apply(Suggestion.list(GridView.levels)), maximum: GridView.highest, axes: axes, rows: rows,
            chart: GridChartSVG(rows: rows, maximum: GridView.highest).render(),
            chartCaption: FrenchTypography.apply("Le niveau moyen des pratiques que vous avez renseignées, de 0 (« \(lowest) ») à "
                + "\(GridView.highest) (« \(highest) ») ; le tableau qui suit donne les mêmes chiffres."))
    }

    private func gridPractice(_ practice: Grid.Practice) -> GridPracticeView {
        let entries = practice.entryURLs.compactMap(model.entry(url:)).map { entry in
            GridHelp(label: entry.resource.title, url: entry.resource.url, note: site.kind(entry.resource.kind)?.singular ?? entry.resource.kind)
        }
        let themes = practice.tags.map { tag in
            GridHelp(label: FrenchTypography.apply("Thème « \(tag.label) »"), url: tagURL(tag.slug),
                     note: Self.count(listedEntries(of: tag).count, "ressource", "ressources"))
        }
        return GridPracticeView(id: practice.id, label: practice.label,
                                choices: GridView.levels.enumerated().map { GridChoice(name: practice.id, value: $0, label: $1) },
                                helps: entries + themes, hasHelps: !(entries + themes).isEmpty)
    }
}
