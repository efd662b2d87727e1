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
}

/// Walks `content/`, reads every file it knows and reports every file it does not.
enum ContentLoader {
    static func load(root: URL, log: inout DiagnosticLog) -> LoadedContent? {
        let content = root.appendingPathComponent("content")
        guard let siteText = read(content.appendingPathComponent("site.yml"), display: SiteConfigLoader.path, log: &log),
              let site = SiteConfigLoader.load(text: siteText, log: &log) else { return nil }
        guard let boussoleText = read(content.appendingPathComponent("boussole.yml"), display: BoussoleLoader.path, log: &log),
              let boussole = BoussoleLoader.load(text: boussoleText, log: &log) else { return nil }

        let files = FileTree.files(in: content)
        let markdown = files.filter { $0.hasSuffix(".md") }
        let texts = ParallelMap.map(markdown) { relative in
            (relative, try? String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8))
        }
        let reader = ResourceReader(site: site, boussole: boussole)
        var resources: [Resource] = []
        var pages: [Page] = []
        var editorials: [Editorial] = []
        let logs = ParallelMap.map(texts) { relative, text -> (DiagnosticLog, Resource?, Page?, Editorial?) in
            var fileLog = DiagnosticLog()
            let path = "content/" + relative
            guard let text else {
                fileLog.error("fichier illisible (encodage UTF-8 attendu)", at: SourceLocation(file: path))
                return (fileLog, nil, nil, nil)
            }
            let components = relative.split(separator: "/").map(String.init)
            let name = String(components.last!.dropLast(3))
            var resource: Resource?, page: Page?, editorial: Editorial?
            switch components.first! {
            case "index.md" where components.count == 1:
                page = PageReader.readPage(path: path, text: text, slug: "", log: &fileLog)
            case "pages" where components.count == 2:
                page = PageReader.readPage(path: path, text: text, slug: Slug.make(name), log: &fileLog)
            case "jeudis" where components.count == 2:
                editorial = PageReader.readEditorial(path: path, text: text, name: name, log: &fileLog)
            case let folder:
                if let kind = site.kind(folder), components.count >= 2 {
                    let slugSource = name == "index" && components.count > 2 ? components[components.count - 2] : name
                    resource = reader.read(path: path, text: text, kind: kind, slug: Slug.make(slugSource), log: &fileLog)
                } else {
                    fileLog.error("ce fichier n'appartient à aucun type de ressource déclaré", at: SourceLocation(file: path),
                                  hint: "placez-le dans un dossier déclaré sous « kinds » dans content/site.yml (\(site.kinds.map(\.id).joined(separator: ", "))), dans pages/ ou jeudis/")
                }
            }
            return (fileLog, resource, page, editorial)
        }
        for (fileLog, resource, page, editorial) in logs {
            log.append(contentsOf: fileLog)
            if let resource { resources.append(resource) }
            if let page { pages.append(page) }
            if let editorial { editorials.append(editorial) }
        }
        let staticFiles = files.filter { !$0.hasSuffix(".md") && !["site.yml", "boussole.yml"].contains($0) }
        return LoadedContent(site: site, boussole: boussole, resources: resources, pages: pages,
                             editorials: editorials, staticFiles: staticFiles)
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
