import Foundation
import Yams

/// Turns one resource file's front matter into a `Resource`, reporting every mistake it finds.
struct ResourceReader {
    let site: SiteConfig
    /// Nil when boussole.yml could not be read: values are then kept as written, unchecked.
    let boussole: BoussoleConfig?

    func read(path: String, header parts: FrontMatter, kind: KindConfig, slugSource: String, log: inout DiagnosticLog) -> Resource? {
        guard case (var map, let file)? = PageReader.mapping(path: path, header: parts, log: &log) else { return nil }
        let fileSlug = Slug.make(slugSource)
        let before = log.items.count
        let allowed = FrontMatterKey.allCases.map(\.rawValue) + kind.fields.map(\.name)
        map.rejectUnknownKeys(allowed: allowed, context: "pour « \(kind.singular) »", log: &log)
        map.require(FrontMatterKey.required.map(\.rawValue) + kind.fields.filter(\.required).map(\.name), context: "dans l'en-tête", log: &log)

        let title = map.read(.title) { file.text($0, field: $1, log: &log) }
        let date = map.read(.date) { YAMLFile.isBlank($0) ? nil : file.period($0, field: $1, log: &log) }
        let onlineSince = map.read(.onlineSince) { file.date($0, field: $1, log: &log) }
        let summary = map.read(.summary) { file.text($0, field: $1, log: &log) }
        let tagItems = map.read(.tags) { file.textList($0, field: $1, log: &log) } ?? []
        if map[.tags] != nil, tagItems.isEmpty, log.items.count == before {
            log.error(.champVide, "« \(FrontMatterKey.tags.rawValue) » est vide", at: map.keyLocation(.tags), hint: "donnez au moins un thème")
        }
        for (tag, node) in tagItems where Slug.make(tag).isEmpty {
            log.error(.themeSansLettre, "le thème « \(tag) » ne contient ni lettre ni chiffre", at: file.location(node),
                      hint: "chaque thème a sa page, dont l'adresse est faite de ses lettres et de ses chiffres")
        }
        let tags = tagItems.map(\.0)
        let boussoleValues = map.read(.boussole) { node, _ in readBoussole(node, file: file, log: &log) } ?? [:]
        let partners = map.read(.partners) { file.textList($0, field: $1, log: &log) }?.map(\.0) ?? []
        let links = map.read(.links) { node, _ in readLinks(node, file: file, log: &log) } ?? []
        let draft = map.read(.draft) { file.bool($0, field: $1, log: &log) } ?? false
        let aliases = map.read(.aliases) { node, _ in file.aliases(node, log: &log) } ?? []
        let expiration = map.read(.expiration) { file.date($0, field: $1, log: &log) }
        var slug = fileSlug
        if let node = map[.slug], let value = file.text(node, field: FrontMatterKey.slug.rawValue, log: &log) {
            slug = Slug.make(value)
            if slug != value {
                log.error(.slugInvalide, "slug invalide : « \(value) »", at: file.location(node),
                          hint: slug.isEmpty ? "un slug s'écrit en lettres minuscules sans accents, chiffres et tirets"
                              : "écrivez plutôt « \(slug) »")
            } else if slug.utf8.count > Slug.maxLength {
                log.error(.nomTropLong, "slug trop long : \(slug.utf8.count) caractères, \(Slug.maxLength) au plus",
                          at: file.location(node), hint: "il nomme un dossier du site, que le système de fichiers refuserait : raccourcissez-le")
            }
        } else if slug.isEmpty {
            log.error(.nomDeFichierSansAdresse, "le nom du fichier « \(slugSource) » ne contient ni lettre ni chiffre : il ne peut pas donner d'adresse",
                      at: SourceLocation(file: path), hint: "renommez le fichier d'après son titre, par exemple mon-titre.md")
        }
        var fields: [String: FieldValue] = [:]
        // Selections come last: they are checked against the steps.
        for spec in kind.fields.filter({ $0.type != .selections }) + kind.fields.filter({ $0.type == .selections }) {
            let stepCount = kind.stepsField.flatMap { fields[$0.key]?.steps?.count }
            if let node = map[spec.name], node.null == nil,
               let value = readField(spec, node: node, stepCount: stepCount, file: file, log: &log) {
                fields[spec.key] = value
            }
        }
        checkEventSpan(fields, kind: kind, map: map, log: &log)

        guard log.items.count == before, let title, let summary else { return nil }
        return Resource(source: path, kind: kind.id, slug: slug, title: FrenchTypography.apply(title),
                        date: date?.first, datePrecision: date?.precision ?? .day, onlineSince: onlineSince,
                        summary: FrenchTypography.apply(summary),
                        tags: tags, boussole: boussoleValues, partners: partners, links: links, draft: draft,
                        aliases: aliases, expiration: expiration, fields: fields,
                        body: parts.body(of: path))
    }

    private func readBoussole(_ node: Node, file: YAMLFile, log: inout DiagnosticLog) -> [String: [String]] {
        guard let map = YAMLMapping(node, file: file, what: "« boussole »", log: &log), let boussole else { return [:] }
        map.rejectUnknownKeys(allowed: boussole.axes.map(\.id), context: "sous « boussole » (les axes de boussole.yml)", log: &log)
        var result: [String: [String]] = [:]
        for axis in boussole.axes {
            guard let valuesNode = map[axis.id] else {
                log.error(.axeNonRenseigne, "la boussole n'indique pas « \(axis.id) » (\(axis.label))", at: map.location,
                          hint: "valeurs possibles : \(axis.values.map(\.id).joined(separator: ", "))")
                continue
            }
            if YAMLFile.isBlank(valuesNode) {
                log.error(.champARemplir, "« boussole.\(axis.id) » est à remplir", at: map.keyLocation(axis.id),
                          hint: "valeurs possibles : \(axis.values.map(\.id).joined(separator: ", ")) (une valeur, ou une liste : [a, b])")
                continue
            }
            guard let values = file.textList(valuesNode, field: "boussole.\(axis.id)", allowSingle: true, log: &log) else { continue }
            var chosen: [String] = []
            for (value, valueNode) in values {
                if axis.value(value) != nil {
                    if !chosen.contains(value) { chosen.append(value) }
                } else {
                    let suggestion = Suggestion.closest(to: value, among: axis.values.map(\.id))
                    log.error(.valeurInconnue, "« \(value) » n'est pas une valeur de l'axe « \(axis.id) »"
                              + (suggestion.map { " ; vouliez-vous dire « \($0) » ?" } ?? ""),
                              at: file.location(valueNode),
                              hint: "valeurs possibles : \(axis.values.map(\.id).joined(separator: ", "))")
                }
            }
            if values.isEmpty {
                log.error(.champVide, "aucune valeur pour « boussole.\(axis.id) »", at: file.location(valuesNode))
            }
            result[axis.id] = axis.values.map(\.id).filter(chosen.contains)
        }
        return result
    }

    func readLinks(_ node: Node, file: YAMLFile, log: inout DiagnosticLog) -> [ResourceLink] {
        guard case let .sequence(items) = node else {
            log.error(.listeAttendue, "« liens » doit être une liste de liens (label, url, type)", at: file.location(node))
            return []
        }
        var links: [ResourceLink] = []
        for item in items {
            guard var map = YAMLMapping(item, file: file, what: "un lien", log: &log) else { continue }
            let before = log.items.count
            map.rejectUnknownKeys(allowed: ["label", "url", "type"], context: "pour un lien", log: &log)
            map.require(["label", "url", "type"], context: "à ce lien", log: &log)
            let label = map["label"].flatMap { file.text($0, field: "label", log: &log) }
            let url = map["url"].flatMap { file.url($0, field: "url", log: &log) }
            var type: LinkType?
            if let typeNode = map["type"], let name = file.text(typeNode, field: "type", log: &log) {
                type = site.linkType(name)
                if type == nil {
                    log.error(.typeDeLienInconnu, "type de lien inconnu : « \(name) »", at: file.location(typeNode),
                              hint: "types possibles (site.yml, link_types) : \(site.linkTypes.map(\.id).joined(separator: ", "))")
                }
            }
            if log.items.count == before, let label, let url, let type {
                links.append(ResourceLink(label: label, url: url, type: type))
            }
        }
        return links
    }

    private func readField(_ spec: FieldSpec, node: Node, stepCount: Int?, file: YAMLFile, log: inout DiagnosticLog) -> FieldValue? {
        switch spec.type {
        case .text: return file.text(node, field: spec.name, log: &log).map(FieldValue.text)
        case .date: return file.date(node, field: spec.name, log: &log).map(FieldValue.date)
        case .dateTime: return file.eventTime(node, field: spec.name, timeZone: site.timeZone, log: &log).map(FieldValue.dateTime)
        case .url: return file.url(node, field: spec.name, log: &log).map(FieldValue.url)
        case .list: return file.textList(node, field: spec.name, allowSingle: true, log: &log).map { .list($0.map(\.0)) }
        case .steps: return readSteps(node, field: spec.name, file: file, log: &log).map(FieldValue.steps)
        case .selections:
            return readSelections(node, field: spec.name, stepCount: stepCount, file: file, log: &log).map(FieldValue.selections)
        }
    }

    private func checkEventSpan(_ fields: [String: FieldValue], kind: KindConfig, map: YAMLMapping, log: inout DiagnosticLog) {
        guard let startField = kind.field(playing: .start), let endField = kind.field(playing: .end),
              case let .dateTime(start) = fields[startField.key], case let .dateTime(end) = fields[endField.key] else { return }
        let endsBefore = end.isAllDay ? end.day < start.day : end < start
        if endsBefore {
            log.error(.finAvantDebut, "l'événement finit avant de commencer", at: map.keyLocation(endField.name),
                      hint: "« \(endField.name) » doit être après « \(startField.name) »")
        }
    }
}

private extension YAMLMapping {
    subscript(key: FrontMatterKey) -> Node? { self[key.rawValue] }

    func keyLocation(_ key: FrontMatterKey) -> SourceLocation { keyLocation(key.rawValue) }

    /// The value of a common key, read by `reading` with the key's name for its messages; nil when the key is absent.
    func read<Value>(_ key: FrontMatterKey, _ reading: (Node, String) -> Value?) -> Value? {
        self[key].flatMap { reading($0, key.rawValue) }
    }
}
