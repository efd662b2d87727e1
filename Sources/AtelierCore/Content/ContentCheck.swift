import Foundation

/// Checks one content file's text as the build would read it at its path, without writing anything: what a form or
/// an editor plug-in needs to refuse a text before it reaches the disk.
public enum ContentCheck {
    /// The diagnostics of `text` read as `path` (`content/fiches/x.md`) of the project at `root`: its front matter
    /// against site.yml and boussole.yml, and its Markdown (notes, links to files of content/). Checks that need
    /// the whole site (anchors in other files, addresses taken twice, themes spelt two ways) are left to the build.
    public static func diagnostics(of text: String, at path: String, root: URL) -> [Diagnostic] {
        var log = DiagnosticLog()
        guard path.hasPrefix("content/"), let configuration = ProjectConfiguration.load(root: root, log: &log) else {
            return log.sorted
        }
        let site = configuration.site
        let reader = ContentFileReader(site: site, resources: ResourceReader(site: site, boussole: configuration.boussole))
        let file = reader.read(relative: String(path.dropFirst("content/".count)), data: Data(text.utf8))
        log.append(contentsOf: file.log)
        if let body = file.resource?.body ?? file.page?.body ?? file.editorial?.body ?? file.rejected {
            _ = MarkdownRenderer(resolve: existingFile(in: root)).render(body, log: &log)
        }
        return log.sorted
    }

    /// A link is good when its target is a file of content/; whether that file is published is the build's to say.
    private static func existingFile(in root: URL) -> MarkdownRenderer.LinkResolver {
        let content = root.appendingPathComponent("content")
        return { path in
            FileManager.default.fileExists(atPath: content.appendingPathComponent(path).path)
                ? MarkdownRenderer.LinkTarget(url: "/" + path) : nil
        }
    }
}
