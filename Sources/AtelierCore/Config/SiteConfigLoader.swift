import Foundation
import Yams

/// Reads and checks `content/site.yml`.
enum SiteConfigLoader {
    static let path = "content/site.yml"
    private static let siteKeys = ["title", "description", "base_url", "language", "timezone", "tag_index",
                                   "page_size", "feed_size", "sitemap_size", "jeudis", "link_types", "kinds"]
    private static let kindKeys = ["singular", "plural", "description", "sort", "fields"]
    private static let fieldKeys = ["type", "required", "label", "role"]
    private static let reservedFolders = ["pages", "jeudis", "boussole", "assets"]

    static func load(text: String, log: inout DiagnosticLog) -> SiteConfig? {
        let file = YAMLFile(path: path, lineOffset: 0)
        guard let root = file.parse(text, log: &log),
              var map = YAMLMapping(root, file: file, what: "site.yml", log: &log) else { return nil }
        map.rejectUnknownKeys(allowed: siteKeys, context: "dans site.yml", log: &log)
        map.require(["title", "base_url", "kinds"], context: "dans site.yml", log: &log)

        let title = map["title"].flatMap { file.text($0, field: "title", log: &log) }.map(FrenchTypography.apply) ?? ""
        let description = map["description"].flatMap { file.text($0, field: "description", log: &log) }
            .map(FrenchTypography.apply) ?? ""
        var baseURL = map["base_url"].flatMap { file.url($0, field: "base_url", log: &log) } ?? ""
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        let language = map["language"].flatMap { file.text($0, field: "language", log: &log) } ?? "fr"
        let timeZone = readTimeZone(map, file: file, log: &log)
        let tagIndex = map["tag_index"].flatMap { file.text($0, field: "tag_index", log: &log) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) } ?? "themes"
        let pageSize = map["page_size"].flatMap { file.positiveInt($0, field: "page_size", log: &log) } ?? 24
        let feedSize = map["feed_size"].flatMap { file.positiveInt($0, field: "feed_size", log: &log) } ?? 20
        let sitemapSize = map["sitemap_size"].flatMap { readSitemapSize($0, file: file, log: &log) } ?? 30_000
        let jeudis = readJeudis(map["jeudis"], file: file, log: &log)
        let linkTypes = readLinkTypes(map["link_types"], file: file, log: &log)
        let kinds = map["kinds"].map { readKinds($0, file: file, log: &log) } ?? []

        // Mistakes are reported but do not stop the reading: the content is checked against what could be read.
        return SiteConfig(title: title, description: description, baseURL: baseURL, language: language,
                          timeZone: timeZone, tagIndex: tagIndex, pageSize: pageSize, feedSize: feedSize,
                          sitemapSize: sitemapSize,
                          jeudis: jeudis, linkTypes: linkTypes, kinds: kinds)
    }

    private static func readTimeZone(_ map: YAMLMapping, file: YAMLFile, log: inout DiagnosticLog) -> TimeZone {
        let paris = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600)!
        guard let node = map["timezone"], let name = file.text(node, field: "timezone", log: &log) else { return paris }
        if let zone = TimeZone(identifier: name) { return zone }
        log.error(.fuseauInconnu, "fuseau horaire inconnu : « \(name) »", at: file.location(node), hint: "par exemple Europe/Paris")
        return paris
    }

    /// Search engines read at most 50,000 addresses from one sitemap file.
    private static func readSitemapSize(_ node: Node, file: YAMLFile, log: inout DiagnosticLog) -> Int? {
        guard let size = file.positiveInt(node, field: "sitemap_size", log: &log) else { return nil }
        guard size <= 50_000 else {
            log.error(.entierAttendu, "« sitemap_size » ne peut dépasser 50 000 : les moteurs de recherche ne lisent pas plus d'adresses par fichier",
                      at: file.location(node))
            return nil
        }
        return size
    }

    private static func readJeudis(_ node: Node?, file: YAMLFile, log: inout DiagnosticLog) -> JeudisSettings {
        let defaults = JeudisSettings(title: "Les Jeudis de l’ODD 17", upcomingWeeks: 3)
        guard let node, let map = YAMLMapping(node, file: file, what: "jeudis", log: &log) else { return defaults }
        map.rejectUnknownKeys(allowed: ["title", "upcoming_weeks"], context: "sous « jeudis »", log: &log)
        return JeudisSettings(
            title: map["title"].flatMap { file.text($0, field: "title", log: &log) }.map(FrenchTypography.apply) ?? defaults.title,
            upcomingWeeks: map["upcoming_weeks"].flatMap { file.positiveInt($0, field: "upcoming_weeks", log: &log) }
                ?? defaults.upcomingWeeks)
    }

    private static func readLinkTypes(_ node: Node?, file: YAMLFile, log: inout DiagnosticLog) -> [LinkType] {
        guard let node else { return [LinkType(id: "site", label: "Site web")] }
        guard let map = YAMLMapping(node, file: file, what: "link_types", log: &log) else { return [] }
        return map.entries.compactMap { entry in
            file.text(entry.value, field: entry.key, log: &log).map { LinkType(id: Slug.make(entry.key), label: $0) }
        }
    }

    private static func readKinds(_ node: Node, file: YAMLFile, log: inout DiagnosticLog) -> [KindConfig] {
        guard let map = YAMLMapping(node, file: file, what: "kinds", log: &log) else { return [] }
        var kinds: [KindConfig] = []
        for entry in map.entries {
            let location = file.location(entry.keyNode)
            if entry.key != Slug.make(entry.key) || reservedFolders.contains(entry.key) {
                log.error(.nomDeTypeInvalide, "nom de type invalide : « \(entry.key) »", at: location,
                          hint: "le nom d'un type est aussi son dossier et son adresse : lettres minuscules sans accents et tirets, autre que \(reservedFolders.joined(separator: ", "))")
                // A reserved name cannot be a kind; a badly written one is kept, so that its files are still checked.
                if reservedFolders.contains(entry.key) { continue }
            }
            guard var kindMap = YAMLMapping(entry.value, file: file, what: "le type « \(entry.key) »", log: &log) else { continue }
            kindMap.rejectUnknownKeys(allowed: kindKeys, context: "pour un type", log: &log)
            kindMap.require(["singular", "plural"], context: "au type « \(entry.key) »", log: &log)
            let fields = kindMap["fields"].map { readFields($0, file: file, log: &log) } ?? []
            if let start = fields.first(where: { $0.role == .start }), !start.required {
                log.error(.debutObligatoire, "« \(start.name) » doit être obligatoire : les ressources de « \(entry.key) » forment un agenda",
                          at: file.location(entry.keyNode),
                          hint: "écrivez « \(start.name): { type: date-heure, required: true, role: \(EventRole.start.rawValue) } »")
            }
            let sort = readSort(kindMap["sort"], fields: fields, file: file, log: &log)
            kinds.append(KindConfig(
                id: entry.key,
                singular: kindMap["singular"].flatMap { file.text($0, field: "singular", log: &log) } ?? entry.key,
                plural: kindMap["plural"].flatMap { file.text($0, field: "plural", log: &log) } ?? entry.key,
                description: kindMap["description"].flatMap { file.text($0, field: "description", log: &log) }
                    .map(FrenchTypography.apply) ?? "",
                sort: sort, fields: fields))
        }
        return kinds
    }

    private static func readFields(_ node: Node, file: YAMLFile, log: inout DiagnosticLog) -> [FieldSpec] {
        guard let map = YAMLMapping(node, file: file, what: "fields", log: &log) else { return [] }
        var fields: [FieldSpec] = []
        var roleWritten = Set<String>()
        for entry in map.entries {
            if FrontMatterKey(rawValue: entry.key) != nil {
                log.error(.champCommunRedeclare, "« \(entry.key) » est déjà un champ commun à toutes les ressources", at: file.location(entry.keyNode))
                continue
            }
            guard let fieldMap = YAMLMapping(entry.value, file: file, what: "le champ « \(entry.key) »", log: &log) else { continue }
            fieldMap.rejectUnknownKeys(allowed: fieldKeys, context: "pour un champ", log: &log)
            var type = FieldSpec.FieldType.text
            if let typeNode = fieldMap["type"], let name = file.text(typeNode, field: "type", log: &log) {
                if let known = FieldSpec.FieldType(rawValue: name) {
                    type = known
                } else {
                    log.error(.typeDeChampInconnu, "type de champ inconnu : « \(name) »", at: file.location(typeNode),
                              hint: "types possibles : \(FieldSpec.FieldType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            let required = fieldMap["required"].flatMap { file.bool($0, field: "required", log: &log) } ?? false
            let label = fieldMap["label"].flatMap { file.text($0, field: "label", log: &log) }
                ?? entry.key.prefix(1).uppercased() + entry.key.dropFirst()
            let role = fieldMap["role"].flatMap { readRole($0, of: entry.key, type: type, before: fields, file: file, log: &log) }
            if fieldMap["role"] != nil { roleWritten.insert(entry.key) }
            fields.append(FieldSpec(name: entry.key, label: label, type: type, required: required, role: role))
        }
        checkSteps(fields, in: map, log: &log)
        warnOfRolesLeftUnsaid(fields, roleWritten: roleWritten, in: map, file: file, log: &log)
        return fields
    }

    /// A field without `role:` (`roleWritten` names those with one), named after a role that no field of the kind
    /// plays, of the type that plays it, most likely lost its `role:` (a site.yml from before roles): without it, the
    /// kind is no agenda, and nothing else would say so.
    private static func warnOfRolesLeftUnsaid(_ fields: [FieldSpec], roleWritten: Set<String>, in map: YAMLMapping, file: YAMLFile,
                                              log: inout DiagnosticLog) {
        for role in EventRole.allCases where !fields.contains(where: { $0.role == role }) {
            guard let field = fields.first(where: { $0.name == role.rawValue && $0.type == role.fieldType && !roleWritten.contains($0.name) }),
                  let entry = map.entries.first(where: { $0.key == field.name }) else { continue }
            log.warning(.roleAbsent, "« \(field.name) » ne joue aucun rôle : Atelier ne s'en sert pas pour les événements",
                        at: file.location(entry.keyNode),
                        hint: "écrivez « role: \(role.rawValue) » dans ce champ si c'est bien ce qu'il donne (« \(role.rawValue) » d'un événement)")
        }
    }

    /// The role a field plays in the kind's events: one the code knows, that a field of its type can play, and that no
    /// field `before` it plays already.
    private static func readRole(_ node: Node, of field: String, type: FieldSpec.FieldType, before: [FieldSpec],
                                 file: YAMLFile, log: inout DiagnosticLog) -> EventRole? {
        guard let name = file.text(node, field: "role", log: &log) else { return nil }
        let roles = "rôles possibles : " + EventRole.allCases.map { "\($0.rawValue) (\($0.fieldType.rawValue))" }.joined(separator: ", ")
        guard let role = EventRole(rawValue: name) else {
            let suggestion = Suggestion.closest(to: name, among: EventRole.allCases.map(\.rawValue))
            log.error(.roleInconnu, "rôle inconnu : « \(name) »" + (suggestion.map { " ; vouliez-vous dire « \($0) » ?" } ?? ""),
                      at: file.location(node), hint: roles)
            return nil
        }
        guard role.fieldType == type else {
            log.error(.roleIncompatible, "le rôle « \(name) » demande un champ de type \(role.fieldType.rawValue) : « \(field) » est de type \(type.rawValue)",
                      at: file.location(node), hint: roles)
            return nil
        }
        if let holder = before.first(where: { $0.role == role }) {
            log.error(.roleEnDouble, "le rôle « \(name) » est déjà celui de « \(holder.name) »", at: file.location(node),
                      hint: "un seul champ d'un type joue chaque rôle : retirez « role: \(name) » de l'un des deux")
            return nil
        }
        return role
    }

    /// Selections name steps by their number in the kind's one field of steps.
    private static func checkSteps(_ fields: [FieldSpec], in map: YAMLMapping, log: inout DiagnosticLog) {
        let steps = fields.filter { $0.type == .steps }
        for extra in steps.dropFirst() {
            log.error(.etapesEnDouble, "« \(extra.name) » : ce type a déjà un champ d'étapes, « \(steps[0].name) »",
                      at: map.keyLocation(extra.name), hint: "un type n'a qu'un champ de type etapes : les sélections et les pages de ses ressources s'y rapportent")
        }
        guard steps.isEmpty else { return }
        for selection in fields where selection.type == .selections {
            log.error(.selectionsSansEtapes, "« \(selection.name) » choisit parmi des étapes, mais ce type n'a pas de champ de type etapes",
                      at: map.keyLocation(selection.name), hint: "déclarez aussi un champ « etapes: { type: etapes } »")
        }
    }

    private static func readSort(_ node: Node?, fields: [FieldSpec], file: YAMLFile, log: inout DiagnosticLog) -> SortOrder {
        let newestFirst = SortOrder(field: FrontMatterKey.date.rawValue, descending: true)
        guard let node, var name = file.text(node, field: "sort", log: &log) else { return newestFirst }
        let descending = name.hasPrefix("-")
        if descending { name.removeFirst() }
        let sortable = [FrontMatterKey.title, .date].map(\.rawValue) + fields.filter(\.type.isSortable).map(\.name)
        guard sortable.contains(name) else {
            log.error(.triImpossible, "tri impossible sur « \(name) »", at: file.location(node),
                      hint: "champs possibles : \(sortable.joined(separator: ", ")) (précédés de « - » pour l'ordre décroissant)")
            return newestFirst
        }
        return SortOrder(field: name, descending: descending)
    }
}

extension SiteConfig {
    /// The base_url of the project at `root`; nil when site.yml cannot be read (its build says why).
    public static func address(ofProjectAt root: URL) -> String? {
        guard let text = try? String(contentsOf: root.appendingPathComponent(SiteConfigLoader.path), encoding: .utf8) else { return nil }
        var log = DiagnosticLog()
        return SiteConfigLoader.load(text: text, log: &log)?.baseURL
    }
}
