import Yams

/// Reads ordinary pages and the digest's editorials, which have fewer fields than resources.
enum PageReader {
    static func readPage(path: String, header parts: FrontMatter, slug: String, log: inout DiagnosticLog) -> Page? {
        guard case (var map, let file)? = mapping(path: path, header: parts, log: &log) else { return nil }
        let before = log.items.count
        if slug.isEmpty, path != "content/index.md" {
            log.error(.nomDeFichierSansAdresse, "le nom du fichier ne contient ni lettre ni chiffre : il ne peut pas donner d'adresse",
                      at: SourceLocation(file: path), hint: "renommez le fichier d'après son titre, par exemple a-propos.md")
        }
        map.rejectUnknownKeys(allowed: ["title", "summary", "menu", "draft", "aliases"], context: "pour une page", log: &log)
        map.require(["title"], context: "dans l'en-tête", log: &log)
        let title = map["title"].flatMap { file.text($0, field: "title", log: &log) }
        let summary = map["summary"].flatMap { file.text($0, field: "summary", log: &log) } ?? ""
        let menu = map["menu"].flatMap { file.positiveInt($0, field: "menu", log: &log) }
        let draft = map["draft"].flatMap { file.bool($0, field: "draft", log: &log) } ?? false
        let aliases = map["aliases"].map { file.aliases($0, log: &log) } ?? []
        guard log.items.count == before, let title else { return nil }
        return Page(source: path, slug: slug, title: FrenchTypography.apply(title), summary: FrenchTypography.apply(summary), menu: menu, draft: draft, aliases: aliases,
                    body: parts.body(of: path))
    }

    static func readEditorial(path: String, header parts: FrontMatter, name: String, log: inout DiagnosticLog) -> Editorial? {
        guard let thursday = LocalDate(iso: name), thursday.weekday == 4 else {
            log.error(.jeudiMalNomme, "un éditorial des Jeudis doit s'appeler AAAA-MM-JJ.md, d'après la date d'un jeudi",
                      at: SourceLocation(file: path), hint: "par exemple content/jeudis/2025-11-20.md")
            return nil
        }
        guard case (var map, let file)? = mapping(path: path, header: parts, log: &log) else { return nil }
        let before = log.items.count
        map.rejectUnknownKeys(allowed: ["title", "summary", "a_la_une"], context: "pour un éditorial", log: &log)
        map.require(["title"], context: "dans l'en-tête", log: &log)
        let title = map["title"].flatMap { file.text($0, field: "title", log: &log) }
        let summary = map["summary"].flatMap { file.text($0, field: "summary", log: &log) } ?? ""
        let featured = map["a_la_une"].flatMap { file.textList($0, field: "a_la_une", log: &log) }?
            .map { ResourceReference(path: $0.0, location: file.location($0.1)) } ?? []
        guard log.items.count == before, let title else { return nil }
        return Editorial(source: path, thursday: thursday, title: FrenchTypography.apply(title),
                         summary: FrenchTypography.apply(summary), featured: featured,
                         body: parts.body(of: path))
    }

    /// The header as a mapping, with positions in the file (the header starts on its second line).
    static func mapping(path: String, header: FrontMatter, log: inout DiagnosticLog) -> (YAMLMapping, YAMLFile)? {
        let file = YAMLFile(path: path, lineOffset: 1)
        guard let root = file.parse(header.yaml, log: &log),
              let map = YAMLMapping(root, file: file, what: "l'en-tête", log: &log) else { return nil }
        return (map, file)
    }
}
