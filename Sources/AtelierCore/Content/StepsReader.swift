import Yams

/// Reads the fields of a path: its steps (type `etapes`) and the choices among them (type `selections`).
extension ResourceReader {
    static let stepKeys = ["titre", "texte", "ressources", "liens"]
    static let selectionKeys = ["label", "etapes"]

    /// `etapes:` a list of steps, each a mapping with `titre` and `texte`, and optionally `ressources` and `liens`.
    func readSteps(_ node: Node, field: String, file: YAMLFile, log: inout DiagnosticLog) -> [Step]? {
        guard case let .sequence(items) = node else {
            log.error(.listeAttendue, "« \(field) » doit être une liste d'étapes (titre, texte, ressources, liens)", at: file.location(node),
                      hint: "chaque étape commence par « - titre: … » sur sa ligne, « texte: … » en dessous")
            return nil
        }
        guard !items.isEmpty else {
            log.error(.champVide, "« \(field) » est vide", at: file.location(node), hint: "donnez au moins une étape")
            return nil
        }
        let before = log.items.count
        let steps = items.enumerated().compactMap { index, item in readStep(item, number: index + 1, file: file, log: &log) }
        return log.items.count == before ? steps : nil
    }

    private func readStep(_ node: Node, number: Int, file: YAMLFile, log: inout DiagnosticLog) -> Step? {
        guard var map = YAMLMapping(node, file: file, what: "l'étape \(number)", log: &log) else { return nil }
        map.rejectUnknownKeys(allowed: Self.stepKeys, context: "pour une étape", log: &log)
        map.require(["titre", "texte"], context: "à l'étape \(number)", log: &log)
        let title = map["titre"].flatMap { file.text($0, field: "titre", log: &log) }
        let text = map["texte"].flatMap { file.text($0, field: "texte", log: &log) }
        let resources = map["ressources"].flatMap { file.textList($0, field: "ressources", allowSingle: true, log: &log) }?
            .map { ResourceReference(path: $0.0, location: file.location($0.1)) } ?? []
        let links = map["liens"].map { readLinks($0, file: file, log: &log) } ?? []
        guard let title, let text else { return nil }
        return Step(title: FrenchTypography.apply(title), text: FrenchTypography.apply(text), resources: resources, links: links)
    }

    /// `durees:` a list of choices, each `{ label: "2 h", etapes: [1, 2, 5] }`, whose numbers must name steps of
    /// the resource (`stepCount` of them; nil when its steps could not be read, and were reported).
    func readSelections(_ node: Node, field: String, stepCount: Int?, file: YAMLFile, log: inout DiagnosticLog) -> [StepSelection]? {
        guard case let .sequence(items) = node else {
            log.error(.listeAttendue, "« \(field) » doit être une liste de choix, par exemple [{ label: \"2 h\", etapes: [1, 2, 5] }]",
                      at: file.location(node))
            return nil
        }
        let before = log.items.count
        let selections = items.compactMap { readSelection($0, stepCount: stepCount, file: file, log: &log) }
        return log.items.count == before ? selections : nil
    }

    private func readSelection(_ node: Node, stepCount: Int?, file: YAMLFile, log: inout DiagnosticLog) -> StepSelection? {
        guard var map = YAMLMapping(node, file: file, what: "un choix d'étapes", log: &log) else { return nil }
        map.rejectUnknownKeys(allowed: Self.selectionKeys, context: "pour un choix d'étapes", log: &log)
        map.require(Self.selectionKeys, context: "à ce choix d'étapes", log: &log)
        let label = map["label"].flatMap { file.text($0, field: "label", log: &log) }
        let numbers = map["etapes"].flatMap { readStepNumbers($0, stepCount: stepCount, file: file, log: &log) }
        guard let label, let numbers else { return nil }
        return StepSelection(label: FrenchTypography.apply(label), steps: Array(Set(numbers)).sorted())
    }

    private func readStepNumbers(_ node: Node, stepCount: Int?, file: YAMLFile, log: inout DiagnosticLog) -> [Int]? {
        guard case let .sequence(items) = node, !items.isEmpty else {
            log.error(.listeAttendue, "« etapes » doit être une liste de numéros d'étapes, par exemple [1, 2, 5]", at: file.location(node))
            return nil
        }
        var numbers: [Int] = []
        for item in items {
            guard let number = file.positiveInt(item, field: "etapes (élément)", log: &log) else { continue }
            if let stepCount, number > stepCount {
                log.error(.etapeInexistante, "l'étape \(number) n'existe pas : il n'y a \(stepCount == 1 ? "qu'une étape" : "que \(stepCount) étapes")",
                          at: file.location(item),
                          hint: "les étapes sont numérotées à partir de 1, dans l'ordre où elles sont écrites")
                continue
            }
            numbers.append(number)
        }
        return numbers.count == items.count ? numbers : nil
    }
}
