import Yams

/// `content/boussole.yml`: the axes of the boussole and their values. The first axis is the main one.
public struct BoussoleConfig: Sendable {
    public let axes: [Axis]

    public func axis(_ id: String) -> Axis? { axes.first { $0.id == id } }
}

public struct Axis: Sendable, Hashable {
    public let id: String
    public let label: String
    public let question: String
    public let values: [AxisValue]

    public func value(_ id: String) -> AxisValue? { values.first { $0.id == id } }
}

public struct AxisValue: Sendable, Hashable {
    public let id: String
    public let label: String
    public let description: String
}

enum BoussoleLoader {
    static let path = "content/boussole.yml"

    static func load(text: String, log: inout DiagnosticLog) -> BoussoleConfig? {
        let file = YAMLFile(path: path, lineOffset: 0)
        guard let root = file.parse(text, log: &log),
              let map = YAMLMapping(root, file: file, what: "boussole.yml", log: &log) else { return nil }
        let before = log.items.count
        map.rejectUnknownKeys(allowed: ["axes"], context: "dans boussole.yml", log: &log)
        map.require(["axes"], context: "dans boussole.yml", log: &log)
        guard let axesNode = map["axes"], let axesMap = YAMLMapping(axesNode, file: file, what: "axes", log: &log) else { return nil }
        var axes: [Axis] = []
        for entry in axesMap.entries {
            guard checkIdentifier(entry.key, node: entry.keyNode, file: file, log: &log),
                  let axisMap = YAMLMapping(entry.value, file: file, what: "l'axe « \(entry.key) »", log: &log) else { continue }
            axisMap.rejectUnknownKeys(allowed: ["label", "question", "values"], context: "pour un axe", log: &log)
            axisMap.require(["label", "values"], context: "à l'axe « \(entry.key) »", log: &log)
            var values: [AxisValue] = []
            if let valuesNode = axisMap["values"],
               let valuesMap = YAMLMapping(valuesNode, file: file, what: "values", log: &log) {
                for value in valuesMap.entries {
                    guard checkIdentifier(value.key, node: value.keyNode, file: file, log: &log),
                          let valueMap = YAMLMapping(value.value, file: file, what: "la valeur « \(value.key) »", log: &log) else { continue }
                    valueMap.rejectUnknownKeys(allowed: ["label", "description"], context: "pour une valeur", log: &log)
                    valueMap.require(["label"], context: "à la valeur « \(value.key) »", log: &log)
                    values.append(AxisValue(
                        id: value.key,
                        label: valueMap["label"].flatMap { file.text($0, field: "label", log: &log) } ?? value.key,
                        description: valueMap["description"].flatMap { file.text($0, field: "description", log: &log) } ?? ""))
                }
            }
            if values.isEmpty {
                log.error("l'axe « \(entry.key) » n'a aucune valeur", at: file.location(entry.keyNode))
            }
            axes.append(Axis(
                id: entry.key,
                label: axisMap["label"].flatMap { file.text($0, field: "label", log: &log) } ?? entry.key,
                question: axisMap["question"].flatMap { file.text($0, field: "question", log: &log) } ?? "",
                values: values))
        }
        guard log.items.count == before, !axes.isEmpty else { return nil }
        return BoussoleConfig(axes: axes)
    }

    /// Axis and value names become URL segments and query parameters.
    private static func checkIdentifier(_ name: String, node: Yams.Node, file: YAMLFile, log: inout DiagnosticLog) -> Bool {
        guard name != Slug.make(name) else { return true }
        log.error("identifiant invalide : « \(name) »", at: file.location(node),
                  hint: "utilisez des lettres minuscules sans accents, des chiffres et des tirets, par exemple « \(Slug.make(name)) »")
        return false
    }
}

