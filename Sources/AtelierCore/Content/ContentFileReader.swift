import Foundation

/// What one Markdown file of `content/` turned out to be.
struct ReadFile: Sendable {
    var log = DiagnosticLog()
    var resource: Resource?
    var page: Page?
    var editorial: Editorial?
    /// The text of a file whose header has mistakes: not published, but checked all the same.
    var rejected: MarkdownSource?

    var isRead: Bool { resource != nil || page != nil || editorial != nil }
}

/// Reads one Markdown file for what its place in `content/` makes it: the home text, a page, an editorial of the
/// Jeudis or a resource of a declared kind.
struct ContentFileReader: Sendable {
    let site: SiteConfig
    let resources: ResourceReader

    /// `relative` is the path below `content/`; `data` nil means the file could not be read, for the reason
    /// `unreadable` gives.
    func read(relative: String, data: Data?, unreadable: String? = nil) -> ReadFile {
        var file = ReadFile()
        let path = "content/" + relative
        guard let data else {
            file.log.error(.fichierIllisible, "fichier illisible : \(unreadable ?? "lecture impossible")", at: SourceLocation(file: path),
                           hint: "donnez à Atelier le droit de lire ce fichier (chmod u+r)")
            return file
        }
        guard let text = String(data: data, encoding: .utf8) else {
            file.log.error(.encodageInvalide, "fichier illisible (encodage UTF-8 attendu)", at: SourceLocation(file: path),
                           hint: "enregistrez le fichier en texte UTF-8 ; un fichier .md doit être du texte")
            return file
        }
        guard let header = FrontMatter.split(text, path: path, log: &file.log) else { return file }
        let components = relative.split(separator: "/").map(String.init)
        let name = String(components.last!.dropLast(3))
        switch components.first! {
        case "index.md" where components.count == 1:
            file.page = PageReader.readPage(path: path, header: header, slug: "", log: &file.log)
        case "pages" where components.count == 2:
            file.page = PageReader.readPage(path: path, header: header, slug: Slug.make(name), log: &file.log)
        case "jeudis" where components.count == 2:
            file.editorial = PageReader.readEditorial(path: path, header: header, name: name, log: &file.log)
        case let folder:
            if let kind = site.kind(folder), components.count >= 2 {
                let slugSource = name == "index" && components.count > 2 ? components[components.count - 2] : name
                file.resource = resources.read(path: path, header: header, kind: kind, slugSource: slugSource, log: &file.log)
            } else {
                file.log.error(.fichierHorsType, "ce fichier n'appartient à aucun type de ressource déclaré", at: SourceLocation(file: path),
                               hint: "placez-le dans un dossier déclaré sous « kinds » dans content/site.yml (\(site.kinds.map(\.id).joined(separator: ", "))), dans pages/ ou jeudis/")
            }
        }
        if !file.isRead { file.rejected = header.body(of: path) }
        return file
    }
}
