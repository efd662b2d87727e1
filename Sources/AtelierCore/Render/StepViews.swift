/// What a page shows of paths: the steps of a path, with the choice of a selection and the visitor's progress
/// (`templates/assets/parcours.js`), and on a resource's page, the paths it belongs to.
extension ViewFactory {
    /// Nil for a resource without steps.
    func path(_ entry: Entry) -> PathView? {
        let r = entry.resource
        guard !r.steps.isEmpty, let kind = site.kind(r.kind) else { return nil }
        let count = r.steps.count
        let steps = r.steps.enumerated().map { index, step in
            let number = index + 1
            return StepView(
                number: number, id: Step.anchor(number), title: step.title, text: step.text,
                resources: entry.stepTargets[index].compactMap(model.entry(url:)).map { target in
                    StepResource(title: target.resource.title, url: target.resource.url,
                                 kindLabel: site.kind(target.resource.kind)?.singular ?? target.resource.kind)
                },
                links: step.links.map { LinkView(label: $0.label, url: $0.url, typeLabel: $0.type.label) },
                previous: index > 0 ? StepNeighbour(url: "#" + Step.anchor(number - 1), title: r.steps[index - 1].title) : nil,
                next: number < count ? StepNeighbour(url: "#" + Step.anchor(number + 1), title: r.steps[index + 1].title) : nil,
                hasNeighbours: count > 1,
                doneLabel: "Étape \(number) faite")
        }
        let selections = r.selections(of: kind)
        return PathView(
            storageKey: "atelier-etapes:" + r.url, countLabel: Self.count(count, "étape", "étapes"),
            progressLabel: "0 étape sur \(count)", steps: steps,
            chooserLabel: kind.fields.first { $0.type == .selections && r.fields[$0.name] != nil }?.label ?? "",
            allLabel: "Toutes les étapes (\(count))",
            selections: selections.map { selection in
                SelectionView(steps: selection.steps.map(String.init).joined(separator: " "),
                              optionLabel: "\(selection.label) (\(Self.count(selection.steps.count, "étape", "étapes")))",
                              summary: "\(selection.label) : \(Self.stepList(selection.steps))")
            })
    }

    /// « Cette ressource fait partie du parcours … », towards the first step that names it.
    func paths(_ entry: Entry) -> [PathLink] {
        entry.paths.compactMap { stop in
            model.entry(url: stop.url).map { path in
                PathLink(title: path.resource.title, url: stop.url + "#" + Step.anchor(stop.step), stepLabel: "étape \(stop.step)")
            }
        }
    }

    /// « étapes 1, 2 et 5 », « étape 3 ».
    static func stepList(_ numbers: [Int]) -> String {
        let words = numbers.map(String.init)
        guard let last = words.last else { return "" }
        return words.count == 1 ? "étape \(last)" : "étapes \(words.dropLast().joined(separator: ", ")) et \(last)"
    }
}
