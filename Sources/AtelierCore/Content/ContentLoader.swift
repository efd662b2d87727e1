import Foundation

/// Everything read from `content/`: configuration, resources, pages, editorials and files to copy.
public struct LoadedContent: Sendable {
    public let site: SiteConfig
    public let boussole: BoussoleConfig
    public let resources: [Resource]
    public let pages: [Page]
    public let editorials: [Editorial]
    /// Files copied as they are, relative to `content/` (`kits/guide.pdf`).
    public let staticFiles: [String]
    /// Texts of Markdown files whose header has mistakes: not published, but their links are checked all the same.
    public let rejected: [MarkdownSource]
}

/// Walks `content/`, reads every file it knows and reports every file it does not.
enum ContentLoader {
    static func load(root: URL, log: inout DiagnosticLog) -> LoadedContent? {
        let content = root.appendingPathComponent("content")
        let site = read(content.appendingPathComponent("site.yml"), display: SiteConfigLoader.path, log: &log)
            .flatMap { SiteConfigLoader.load(text: $0, log: &log) }
        let boussole = read(content.appendingPathComponent("boussole.yml"), display: BoussoleLoader.path, log: &log)
            .flatMap { BoussoleLoader.load(text: $0, log: &log) }
        // Without the kinds of site.yml no file can be read for what it is.
        guard let site else { return nil }

        let listing = FileTree.list(content, within: root)
        for (path, reason) in listing.refused {
            log.error(reason, at: SourceLocation(file: "content/" + path),
                      hint: "copiez le fichier lui-même dans content/ : Atelier ne lit que les fichiers du projet")
        }
        let files = listing.files
        let markdown = files.filter { $0.hasSuffix(".md") }
        let texts = ParallelMap.map(markdown) { relative in
            (relative, try? String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8))
        }
        let reader = ResourceReader(site: site, boussole: boussole)
        var resources: [Resource] = []
        var pages: [Page] = []
        var editorials: [Editorial] = []
        var rejected: [MarkdownSource] = []
        let logs = ParallelMap.map(texts) { relative, text -> (DiagnosticLog, Resource?, Page?, Editorial?, MarkdownSource?) in
            var fileLog = DiagnosticLog()
            let path = "content/" + relative
            guard let text else {
                fileLog.error("fichier illisible (encodage UTF-8 attendu)", at: SourceLocation(file: path))
                return (fileLog, nil, nil, nil, nil)
            }
            guard let header = FrontMatter.split(text, path: path, log: &fileLog) else { return (fileLog, nil, nil, nil, nil) }
            let components = relative.split(separator: "/").map(String.init)
            let name = String(components.last!.dropLast(3))
            var resource: Resource?, page: Page?, editorial: Editorial?
            switch components.first! {
            case "index.md" where components.count == 1:
                page = PageReader.readPage(path: path, header: header, slug: "", log: &fileLog)
            case "pages" where components.count == 2:
                page = PageReader.readPage(path: path, header: header, slug: Slug.make(name), log: &fileLog)
            case "jeudis" where components.count == 2:
                editorial = PageReader.readEditorial(path: path, header: header, name: name, log: &fileLog)
            case let folder:
                if let kind = site.kind(folder), components.count >= 2 {
                    let slugSource = name == "index" && components.count > 2 ? components[components.count - 2] : name
                    resource = reader.read(path: path, header: header, kind: kind, slugSource: slugSource, log: &fileLog)
                } else {
                    fileLog.error("ce fichier n'appartient à aucun type de ressource déclaré", at: SourceLocation(file: path),
                                  hint: "placez-le dans un dossier déclaré sous « kinds » dans content/site.yml (\(site.kinds.map(\.id).joined(separator: ", "))), dans pages/ ou jeudis/")
                }
            }
            let unpublished = resource == nil && page == nil && editorial == nil ? header.body(of: path) : nil
            return (fileLog, resource, page, editorial, unpublished)
        }
        for (fileLog, resource, page, editorial, unpublished) in logs {
            log.append(contentsOf: fileLog)
            if let resource { resources.append(resource) }
            if let page { pages.append(page) }
            if let editorial { editorials.append(editorial) }
            if let unpublished { rejected.append(unpublished) }
        }
        let staticFiles = files.filter { !$0.hasSuffix(".md") && !["site.yml", "boussole.yml"].contains($0) }
        return LoadedContent(site: site, boussole: boussole ?? BoussoleConfig(axes: []), resources: resources, pages: pages,
                             editorials: editorials, staticFiles: staticFiles, rejected: rejected)
    }

    private static func read(_ url: URL, display: String, log: inout DiagnosticLog) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error("fichier introuvable", at: SourceLocation(file: display))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error("fichier illisible (encodage UTF-8 attendu)", at: SourceLocation(file: display))
            return nil
        }
        return text
    }
}
