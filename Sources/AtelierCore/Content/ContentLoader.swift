import Foundation

/// Everything read from `content/`: configuration, the grid, resources, pages, editorials and files to copy.
public struct LoadedContent: Sendable {
    public let site: SiteConfig
    public let boussole: BoussoleConfig
    /// The self-assessment grid, when `content/grille.yml` exists.
    public let grid: GridConfig?
    public let resources: [Resource]
    public let pages: [Page]
    public let editorials: [Editorial]
    /// Files copied as they are, relative to `content/` (`kits/guide.pdf`).
    public let staticFiles: [String]
    /// Texts of Markdown files whose header has mistakes: not published, but their links are checked all the same.
    public let rejected: [MarkdownSource]
    /// Fingerprint of site.yml and boussole.yml: what every file is read against.
    let configuration: Fingerprint
    /// Hash of each Markdown file's bytes, by its path (`content/kits/x.md`).
    let hashes: [String: Fingerprint]
    /// What each Markdown file gave, for the next build's cache, by its path in `content/`.
    let reads: [String: BuildCache.CachedRead]
    /// Whether the Markdown files are those of the last build, read under the same configuration, and each one that
    /// changed is a resource whose header reads as before: what changed, if anything, is only resources' texts.
    let headersKept: Bool
}

/// Walks `content/`, reads every file it knows and reports every file it does not. A Markdown file whose signature
/// is the one the cache knows, under the same configuration, is not read again.
enum ContentLoader {
    static func load(root: URL, listing: FileTree.Listing, previous: BuildCache, log: inout DiagnosticLog) -> LoadedContent? {
        let content = root.appendingPathComponent("content")
        let siteText = read(content.appendingPathComponent("site.yml"), display: SiteConfigLoader.path, log: &log)
        let boussoleText = read(content.appendingPathComponent("boussole.yml"), display: BoussoleLoader.path, log: &log)
        let site = siteText.flatMap { SiteConfigLoader.load(text: $0, log: &log) }
        let boussole = boussoleText.flatMap { BoussoleLoader.load(text: $0, log: &log) }
        let grid = listing.files.contains(GridLoader.fileName)
            ? read(content.appendingPathComponent(GridLoader.fileName), display: GridLoader.path, log: &log)
                .flatMap { GridLoader.load(text: $0, log: &log) }
            : nil
        // Without the kinds of site.yml no file can be read for what it is.
        guard let site else { return nil }
        let configuration = Fingerprint.of((siteText ?? "") + "\u{0}" + (boussoleText ?? ""))

        listing.reportRefused(in: "content", log: &log)
        let reader = ContentFileReader(site: site, resources: ResourceReader(site: site, boussole: boussole))
        let known = previous.configuration == configuration ? previous.reads : [:]
        let markdown = listing.files.filter { $0.hasSuffix(".md") }
        for file in listing.files where !file.hasSuffix(".md") && file.lowercased().hasSuffix(".md") {
            let name = (file as NSString).lastPathComponent
            log.error(.extensionEnMajuscules, "ce fichier n'est ni lu ni copié : l'extension d'un texte s'écrit .md, en minuscules",
                      at: SourceLocation(file: "content/" + file), hint: "renommez-le « \(name.dropLast(3)).md »")
        }
        let reads = ParallelMap.map(markdown) { relative -> (String, BuildCache.CachedRead, headerKept: Bool) in
            let signature = listing.signatures[relative]
            let cached = known[relative]
            if let cached, cached.signature == signature { return (relative, cached, true) }
            let path = content.appendingPathComponent(relative).path
            let data = FileManager.default.contents(atPath: path)
            let read = reader.read(relative: relative, data: data, unreadable: data == nil ? unreadable(path) : nil)
            let hash = data.map { Fingerprint.of($0) } ?? .zero
            let headerKept = cached.map {
                $0.hash == hash || $0.read.resource != nil && read.resource != nil && $0.read.encoded == read.encoded
            }
            return (relative, BuildCache.CachedRead(signature: signature ?? BuildCache.Signature(size: -1, modified: 0, changed: 0, inode: 0),
                                                    hash: hash, read: read), headerKept ?? false)
        }
        let read = reads.map(\.1.read)
        for file in read { log.append(contentsOf: file.log) }
        let staticFiles = listing.files.filter { !$0.lowercased().hasSuffix(".md") && !["site.yml", "boussole.yml", GridLoader.fileName].contains($0) }
        return LoadedContent(site: site, boussole: boussole ?? BoussoleConfig(axes: []), grid: grid, resources: read.compactMap(\.resource),
                             pages: read.compactMap(\.page), editorials: read.compactMap(\.editorial),
                             staticFiles: staticFiles, rejected: read.compactMap(\.rejected), configuration: configuration,
                             hashes: Dictionary(reads.map { ("content/" + $0.0, $0.1.hash) }, uniquingKeysWith: { first, _ in first }),
                             reads: Dictionary(reads.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }),
                             headersKept: known.count == markdown.count && reads.allSatisfy(\.headerKept))
    }

    static func read(_ url: URL, display: String, log: inout DiagnosticLog) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if let reason = unreadable(url.path) {
                log.error(.fichierIllisible, "fichier illisible : \(reason)", at: SourceLocation(file: display))
            } else {
                log.error(.fichierIntrouvable, "fichier introuvable", at: SourceLocation(file: display))
            }
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(.encodageInvalide, "fichier illisible (encodage UTF-8 attendu)", at: SourceLocation(file: display))
            return nil
        }
        return text
    }

    /// Why a file that exists cannot be read (permissions, most often); nil when there is no such file.
    static func unreadable(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor < 0 else {
            close(descriptor)
            return "lecture impossible"
        }
        return SystemReason.current
    }
}
