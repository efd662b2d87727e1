import AtelierCore

/// What the last build that made the site says about it: the file each resource page comes from, the kinds the form
/// can start, the themes in use, and the Markdown renderer with the links of that build. Kept when a build fails.
struct SiteIndex: Sendable {
    private var sources: [String: String] = [:]
    private var urls: [String: String] = [:]
    private(set) var kinds: [String] = []
    private(set) var tags: [String] = []
    private(set) var markdown: MarkdownRenderer?

    init() {}

    init(_ model: SiteModel) {
        for entry in model.entries {
            sources[entry.resource.url] = entry.resource.source
            urls[entry.resource.source] = entry.resource.url
        }
        kinds = model.site.kinds.filter(\.isStartedInTheForm).map(\.id)
        tags = model.tags.map(\.label)
        markdown = model.markdown
    }

    /// The file (`content/fiches/x.md`) of the resource page at `path` (`/fiches/x/`, `/fiches/x/index.html`).
    func source(ofPage path: String) -> String? { sources[Self.folder(path)] }

    func url(ofSource source: String) -> String? { urls[source] }

    /// The kind whose list `path` is (`/fiches/`, `/fiches/page/2/`), when the form can start one of its resources.
    func kind(ofList path: String) -> String? {
        let parts = Self.folder(path).split(separator: "/")
        guard let first = parts.first, kinds.contains(String(first)) else { return nil }
        let isList = parts.count == 1 || (parts.count == 3 && parts[1] == "page" && Int(parts[2]) != nil)
        return isList ? String(first) : nil
    }

    private static func folder(_ path: String) -> String {
        path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
    }
}
