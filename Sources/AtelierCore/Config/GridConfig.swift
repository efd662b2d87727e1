import Yams

/// `content/grille.yml` as written: the self-assessment grid's axes, their professional situations and each
/// situation's practices, with the themes and resources of the site that help with each practice. Its references are
/// checked against the content once the model knows what is published (`Model/Grid.swift`).
public struct GridConfig: Sendable {
    /// A theme or a resource as the file names it, where it names it.
    public struct Reference: Sendable {
        public let text: String
        public let location: SourceLocation
    }

    public struct Practice: Sendable {
        /// `p-` and the slug of the label: stable across builds, so that a visitor's answers survive a rebuild.
        public let id: String
        public let label: String
        public let tags: [Reference]
        public let resources: [Reference]
    }

    public struct Situation: Sendable {
        public let label: String
        /// What the source writes in brackets after the situation: « De la négociation à l'évaluation ».
        public let detail: String?
        public let practices: [Practice]
    }

    public struct Axis: Sendable {
        public let label: String
        public let situations: [Situation]
    }

    public let title: String
    public let intro: String
    public let source: Reference?
    public let axes: [Axis]
}

enum GridLoader {
    static let path = "content/grille.yml"
    static let fileName = "grille.yml"

    /// Reads what can be read and reports the rest; nil only when the file gives nothing to show.
    static func load(text: String, log: inout DiagnosticLog) -> GridConfig? {
        let file = YAMLFile(path: path, lineOffset: 0)
        guard let root = file.parse(text, log: &log),
              var map = YAMLMapping(root, file: file, what: "grille.yml", log: &log) else { return nil }
        map.rejectUnknownKeys(allowed: ["title", "intro", "source", "axes"], context: "dans grille.yml", log: &log)
        map.require(["title", "axes"], context: "dans grille.yml", log: &log)
        var reader = Reader(file: file)
        let title = map["title"].flatMap { file.text($0, field: "title", log: &log) }.map(FrenchTypography.apply) ?? ""
        let intro = map["intro"].flatMap { file.text($0, field: "intro", log: &log) }.map(FrenchTypography.apply) ?? ""
        let source = map["source"].flatMap { reader.reference($0, field: "source", log: &log) }
        let axes = map["axes"].flatMap { reader.items($0, field: "axes", log: &log) }?
            .compactMap { reader.axis($0, log: &log) } ?? []
        return axes.isEmpty ? nil : GridConfig(title: title, intro: intro, source: source, axes: axes)
    }

    /// Walks the file's levels, remembering where each practice was first written.
    private struct Reader {
        let file: YAMLFile
        private var practices: [String: (label: String, location: SourceLocation)] = [:]

        init(file: YAMLFile) { self.file = file }

        mutating func axis(_ node: Node, log: inout DiagnosticLog) -> GridConfig.Axis? {
            guard var map = YAMLMapping(node, file: file, what: "un axe", log: &log) else { return nil }
            map.rejectUnknownKeys(allowed: ["label", "situations"], context: "pour un axe", log: &log)
            map.require(["label", "situations"], context: "à l'axe", log: &log)
            let situations = map["situations"].flatMap { items($0, field: "situations", log: &log) }?
                .compactMap { situation($0, log: &log) } ?? []
            guard let label = map["label"].flatMap({ file.text($0, field: "label", log: &log) }) else { return nil }
            return GridConfig.Axis(label: FrenchTypography.apply(label), situations: situations)
        }

        mutating func situation(_ node: Node, log: inout DiagnosticLog) -> GridConfig.Situation? {
            guard var map = YAMLMapping(node, file: file, what: "une situation", log: &log) else { return nil }
            map.rejectUnknownKeys(allowed: ["label", "detail", "pratiques"], context: "pour une situation", log: &log)
            map.require(["label", "pratiques"], context: "à la situation", log: &log)
            let practices = map["pratiques"].flatMap { items($0, field: "pratiques", log: &log) }?
                .compactMap { practice($0, log: &log) } ?? []
            guard let label = map["label"].flatMap({ file.text($0, field: "label", log: &log) }) else { return nil }
            return GridConfig.Situation(label: FrenchTypography.apply(label),
                                        detail: map["detail"].flatMap { file.text($0, field: "detail", log: &log) }.map(FrenchTypography.apply),
                                        practices: practices)
        }

        mutating func practice(_ node: Node, log: inout DiagnosticLog) -> GridConfig.Practice? {
            guard var map = YAMLMapping(node, file: file, what: "une pratique", log: &log) else { return nil }
            map.rejectUnknownKeys(allowed: ["label", "tags", "ressources"], context: "pour une pratique", log: &log)
            map.require(["label"], context: "à la pratique", log: &log)
            guard let labelNode = map["label"], let label = file.text(labelNode, field: "label", log: &log) else { return nil }
            if map["tags"] == nil && map["ressources"] == nil {
                log.error(.champManquant, "la pratique « \(label) » n'indique ni « tags » ni « ressources »", at: map.location,
                          hint: "ajoutez les thèmes (« tags: [Financement] ») ou les ressources (« ressources: [fiches/mon-fichier] ») qui aident à la pratiquer")
            }
            let id = "p-" + Slug.make(label)
            if let first = practices[id] {
                log.error(.pratiqueEnDouble, "la pratique « \(label) » se confond avec « \(first.label) », ligne \(first.location.line)",
                          at: file.location(labelNode),
                          hint: "deux pratiques doivent différer par au moins une lettre ou un chiffre : les réponses des visiteurs sont rangées sous ce nom")
                return nil
            }
            practices[id] = (label, file.location(labelNode))
            return GridConfig.Practice(id: id, label: FrenchTypography.apply(label),
                                       tags: map["tags"].map { references($0, field: "tags", log: &log) } ?? [],
                                       resources: map["ressources"].map { references($0, field: "ressources", log: &log) } ?? [])
        }

        /// A list, one item at least.
        func items(_ node: Node, field: String, log: inout DiagnosticLog) -> [Node]? {
            guard case let .sequence(sequence) = node else {
                log.error(.listeAttendue, "« \(field) » doit être une liste, chaque élément commençant par « - »", at: file.location(node))
                return nil
            }
            if sequence.isEmpty { log.error(.champVide, "« \(field) » est vide", at: file.location(node)) }
            return Array(sequence)
        }

        func reference(_ node: Node, field: String, log: inout DiagnosticLog) -> GridConfig.Reference? {
            file.text(node, field: field, log: &log).map { GridConfig.Reference(text: $0, location: file.location(node)) }
        }

        func references(_ node: Node, field: String, log: inout DiagnosticLog) -> [GridConfig.Reference] {
            (file.textList(node, field: field, allowSingle: true, log: &log) ?? []).map {
                GridConfig.Reference(text: $0.0, location: file.location($0.1))
            }
        }
    }
}
