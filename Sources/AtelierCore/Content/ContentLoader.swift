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
        let reader = ContentFileReader(site: site, resources: ResourceReader(site: site, boussole: boussole))
        let read = ParallelMap.map(files.filter { $0.hasSuffix(".md") }) { relative in
            reader.read(relative: relative, data: FileManager.default.contents(atPath: content.appendingPathComponent(relative).path))
        }
        for file in read { log.append(contentsOf: file.log) }
        let staticFiles = files.filter { !$0.hasSuffix(".md") && !["site.yml", "boussole.yml"].contains($0) }
        return LoadedContent(site: site, boussole: boussole ?? BoussoleConfig(axes: []), resources: read.compactMap(\.resource),
                             pages: read.compactMap(\.page), editorials: read.compactMap(\.editorial),
                             staticFiles: staticFiles, rejected: read.compactMap(\.rejected))
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
