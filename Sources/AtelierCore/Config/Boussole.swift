import Yams

/// `content/boussole.yml`: the axes of the boussole and their values. The first axis is the main one.
public struct BoussoleConfig: Sendable {
    public let axes: [Axis]

    /// Each value's place among all the axes' values, in order, by axis then value: its bit in a mask of values.
    var places: [String: [String: Int]] {
        var places: [String: [String: Int]] = [:]
        for (place, (axis, value)) in axes.flatMap({ axis in axis.values.map { (axis.id, $0.id) } }).enumerated()
        where places[axis]?[value] == nil {
            places[axis, default: [:]][value] = place
        }
        return places
    }
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
    /// What fits in a sector of the compass: `Accompagner` for « Accompagner les initiatives locales ».
    public let shortLabel: String
    public let description: String
}

/// Addresses of the boussole's static pages, which work without JavaScript.
public enum BoussolePaths {
    public static let root = "/boussole/"

    public static func value(_ axis: String, _ value: String) -> String { "/boussole/\(axis)/\(value)/" }

    /// A value of the main axis crossed with a value of the second axis.
    public static func pair(_ axis: String, _ value: String, _ second: String, _ secondValue: String) -> String {
        "/boussole/\(axis)/\(value)/\(second)/\(secondValue)/"
    }
}

enum BoussoleLoader {
    static let path = "content/boussole.yml"
    /// Every value of every axis is one bit of a 64-bit mask, in related resources and in the filters' data.
    static let maximumValues = 64
    /// Query parameters of the boussole's filters besides the axes.
    static let reservedAxisNames = ["type", "theme"]

    static func load(text: String, log: inout DiagnosticLog) -> BoussoleConfig? {
        let file = YAMLFile(path: path, lineOffset: 0)
        guard let root = file.parse(text, log: &log),
              var map = YAMLMapping(root, file: file, what: "boussole.yml", log: &log) else { return nil }
        map.rejectUnknownKeys(allowed: ["axes"], context: "dans boussole.yml", log: &log)
        map.require(["axes"], context: "dans boussole.yml", log: &log)
        guard let axesNode = map["axes"], let axesMap = YAMLMapping(axesNode, file: file, what: "axes", log: &log) else { return nil }
        var axes: [Axis] = []
        for entry in axesMap.entries {
            if reservedAxisNames.contains(entry.key) {
                log.error(.axeReserve, "« \(entry.key) » ne peut pas nommer un axe : la boussole s'en sert déjà pour filtrer",
                          at: file.location(entry.keyNode), hint: "noms réservés : \(reservedAxisNames.joined(separator: ", "))")
                continue
            }
            checkIdentifier(entry.key, node: entry.keyNode, file: file, log: &log)
            guard var axisMap = YAMLMapping(entry.value, file: file, what: "l'axe « \(entry.key) »", log: &log) else { continue }
            axisMap.rejectUnknownKeys(allowed: ["label", "question", "values"], context: "pour un axe", log: &log)
            axisMap.require(["label", "values"], context: "à l'axe « \(entry.key) »", log: &log)
            var values: [AxisValue] = []
            if let valuesNode = axisMap["values"],
               let valuesMap = YAMLMapping(valuesNode, file: file, what: "values", log: &log) {
                for value in valuesMap.entries {
                    checkIdentifier(value.key, node: value.keyNode, file: file, log: &log)
                    guard var valueMap = YAMLMapping(value.value, file: file, what: "la valeur « \(value.key) »", log: &log) else { continue }
                    valueMap.rejectUnknownKeys(allowed: ["label", "short", "description"], context: "pour une valeur", log: &log)
                    valueMap.require(["label"], context: "à la valeur « \(value.key) »", log: &log)
                    let label = valueMap["label"].flatMap { file.text($0, field: "label", log: &log) } ?? value.key
                    values.append(AxisValue(
                        id: value.key,
                        label: label,
                        shortLabel: valueMap["short"].flatMap { file.text($0, field: "short", log: &log) } ?? label,
                        description: valueMap["description"].flatMap { file.text($0, field: "description", log: &log) }
                            .map(FrenchTypography.apply) ?? ""))
                }
            }
            if values.isEmpty {
                log.error(.axeSansValeur, "l'axe « \(entry.key) » n'a aucune valeur", at: file.location(entry.keyNode))
            }
            axes.append(Axis(
                id: entry.key,
                label: axisMap["label"].flatMap { file.text($0, field: "label", log: &log) } ?? entry.key,
                question: axisMap["question"].flatMap { file.text($0, field: "question", log: &log) } ?? "",
                values: values))
        }
        let valueCount = axes.map(\.values.count).reduce(0, +)
        if valueCount > maximumValues {
            log.error(.boussoleTropGrande, "la boussole compte \(valueCount) valeurs : \(maximumValues) au plus", at: file.location(axesNode),
                      hint: "une boussole se lit d'un coup d'œil : regroupez des valeurs, ou retirez un axe")
        }
        // Mistakes are reported but do not stop the reading: resources are checked against the axes that could be read.
        return axes.isEmpty ? nil : BoussoleConfig(axes: axes)
    }

    /// Axis and value names become URL segments and query parameters. A badly written one is kept all the same,
    /// so that the resources using it are not reported a second time.
    private static func checkIdentifier(_ name: String, node: Yams.Node, file: YAMLFile, log: inout DiagnosticLog) {
        guard name != Slug.make(name) else { return }
        log.error(.identifiantInvalide, "identifiant invalide : « \(name) »", at: file.location(node),
                  hint: "utilisez des lettres minuscules sans accents, des chiffres et des tirets, par exemple « \(Slug.make(name)) »")
    }
}

