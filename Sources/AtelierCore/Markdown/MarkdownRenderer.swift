import CCmarkGFM
import Foundation

/// Markdown turned into HTML, with what templates need besides the HTML itself.
public struct RenderedMarkdown: Sendable {
    public let html: String
    public let toc: [TocEntry]
    /// Every id a link may point to with `#…`: headings and footnotes.
    public let anchors: Set<String>
    /// Links with a fragment, to check once every document's anchors are known.
    public let anchorLinks: [AnchorLink]
    /// The distinct words of the text, for the search (`SearchTerms`).
    public let terms: [String]
    /// What each link to a content file found: the HTML depends on it, and so does what the cache may reuse.
    public let lookups: [LinkLookup]
}

public struct LinkLookup: Sendable, Hashable {
    public let path: String
    public let target: MarkdownRenderer.LinkTarget?
}

/// A link to a place in a page: `#etapes` in the same text, or `../kits/x.md#etapes` in another one.
public struct AnchorLink: Sendable, Hashable {
    /// The page's URL, or nil for the same text.
    public let targetURL: String?
    public let fragment: String
    public let raw: String
    public let location: SourceLocation
}

public struct TocEntry: Sendable, Hashable {
    public let level: Int
    public let id: String
    public let text: String
}

/// GitHub-flavoured Markdown through cmark-gfm: heading ids, a table of contents, and relative links
/// to other content files rewritten to their URLs (or reported when the target does not exist).
public struct MarkdownRenderer: Sendable {
    /// Maps a content-relative path (`kits/odd-17.md`, `kits/guide.pdf`) to its URL, or nil if nothing is there.
    public typealias LinkResolver = @Sendable (String) -> LinkTarget?

    public struct LinkTarget: Sendable, Hashable {
        public enum Availability: Sendable {
            case published
            /// Dated after the build: the link appears with the resource, on the first build on or after its date.
            case scheduled
            /// Never published as it is: the editor should know.
            case draft
            /// A file whose header has mistakes: those are reported in that file, not in every link to it.
            case rejected

            /// As the cache writes it.
            var code: Int {
                switch self {
                case .published: 0
                case .scheduled: 1
                case .draft: 2
                case .rejected: 3
                }
            }

            init?(code: Int) {
                guard let availability = [Availability.published, .scheduled, .draft, .rejected].first(where: { $0.code == code }) else { return nil }
                self = availability
            }
        }

        public let url: String
        public let availability: Availability

        public init(url: String, availability: Availability = .published) {
            self.url = url
            self.availability = availability
        }
    }

    public let allowRawHTML: Bool
    /// Levels added to every heading, for text shown under a heading of its own (an editorial under its title).
    public let headingOffset: Int
    public let resolve: LinkResolver

    public init(allowRawHTML: Bool = false, headingOffset: Int = 0, resolve: @escaping LinkResolver) {
        self.allowRawHTML = allowRawHTML
        self.headingOffset = headingOffset
        self.resolve = resolve
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm's inline parser flips process-wide tables: only one document may be parsed at a time.
    private static let parseLock = NSLock()
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public func render(_ source: MarkdownSource, log: inout DiagnosticLog) -> RenderedMarkdown {
        let options = CMARK_OPT_FOOTNOTES | (allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
        let (parser, document) = Self.parse(source.text, options: options)
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let lines = SourceLines(source)
        let terms = Self.terms(of: document)
        let footnotes = Footnotes.check(document, lines: lines, log: &log)
        Self.applyTypography(document)
        let (toc, headingIDs) = addHeadingIDs(document)
        Self.raiseOrdinals(document)
        var lookups: [LinkLookup] = []
        let anchorLinks = rewriteLinks(document, lines: lines, lookups: &lookups, log: &log)
        let anchors = headingIDs.union(footnotes)
        let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        defer { free(html) }
        return RenderedMarkdown(html: html.map { Footnotes.frenchLabels($0) } ?? "", toc: toc, anchors: anchors,
                                anchorLinks: anchorLinks, terms: terms, lookups: lookups)
    }

    /// Words of the text nodes, code included, read straight from cmark's bytes.
    private static func terms(of document: OpaquePointer) -> [String] {
        var terms = SearchTerms()
        for node in nodes(in: document, where: {
            let type = cmark_node_get_type($0)
            return type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK
        }) {
            guard let literal = cmark_node_get_literal(node) else { continue }
            terms.add(utf8: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
        }
        return terms.all
    }

    /// Plain text wrapped at `width` columns, for e-mail editions; link targets are dropped.
    public func plainText(_ source: MarkdownSource, width: Int = 72) -> String {
        let (parser, document) = Self.parse(source.text, options: CMARK_OPT_FOOTNOTES)
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        Self.applyTypography(document)
        guard let text = cmark_render_plaintext(document, CMARK_OPT_DEFAULT, Int32(width)) else { return "" }
        defer { free(text) }
        return String(cString: text)
    }

    private static func parse(_ text: String, options: Int32) -> (OpaquePointer, OpaquePointer) {
        parseLock.withLock {
            _ = extensionsRegistered
            let parser = cmark_parser_new(options)!
            for name in extensionNames {
                if let syntax = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntax)
                }
            }
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
            return (parser, cmark_parser_finish(parser))
        }
    }

    private static let typographyBytes: [CChar] = ":;!?%'".utf8.map { CChar(bitPattern: $0) } + [CChar(bitPattern: 0xC2), 0]

    /// Text nodes only: code spans and blocks keep their spaces and quotes, and so does the text of a link that
    /// shows its own address. A quick look at the bytes skips the many nodes with none of the characters concerned
    /// (« and » both start with the byte 0xC2).
    private static func applyTypography(_ document: OpaquePointer) {
        for node in nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_TEXT && !showsAnAddress($0) }) {
            guard let literal = cmark_node_get_literal(node), strpbrk(literal, typographyBytes) != nil else { continue }
            let text = String(cString: literal)
            let typeset = FrenchTypography.apply(text)
            if typeset != text { cmark_node_set_literal(node, typeset) }
        }
    }

    /// The text of an autolink (`<https://…>`, `www.…`, an e-mail address) is its address.
    private static func showsAnAddress(_ node: OpaquePointer) -> Bool {
        guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_LINK,
              let url = cmark_node_get_url(parent), let literal = cmark_node_get_literal(node) else { return false }
        let text = String(cString: literal)
        return String(cString: url).hasSuffix(text) || text.contains("://")
    }

    private static let digitBytes: [CChar] = "0123456789".utf8.map { CChar(bitPattern: $0) } + [0]

    /// « 1er », « 107e »: the letters of an ordinal written as `<sup>`, in the HTML only (plain text keeps « 1er »).
    private static func raiseOrdinals(_ document: OpaquePointer) {
        for node in nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_TEXT && !showsAnAddress($0) }) {
            guard let literal = cmark_node_get_literal(node), strpbrk(literal, digitBytes) != nil,
                  let pieces = FrenchTypography.ordinals(in: String(cString: literal)) else { continue }
            for piece in pieces where !piece.text.isEmpty {
                let text = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(text, piece.text)
                guard piece.isOrdinalSuffix else {
                    cmark_node_insert_before(node, text)
                    continue
                }
                let raised = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(raised, "<sup>")
                cmark_node_set_on_exit(raised, "</sup>")
                cmark_node_append_child(raised, text)
                cmark_node_insert_before(node, raised)
            }
            cmark_node_free(node)
        }
    }

    // MARK: Headings

    /// Replaces each heading by a custom block that writes `<hN id="…">`, since cmark-gfm gives headings no ids.
    /// Returns the table of contents (levels 1 to 3) and every heading's id.
    private func addHeadingIDs(_ document: OpaquePointer) -> ([TocEntry], Set<String>) {
        let headings = Self.nodes(in: document) { cmark_node_get_type($0) == CMARK_NODE_HEADING }
        var used: [String: Int] = [:]
        var toc: [TocEntry] = []
        var ids = Set<String>()
        for heading in headings {
            let level = min(6, Int(cmark_node_get_heading_level(heading)) + headingOffset)
            let text = Self.plainText(of: heading)
            let base = Slug.make(text).isEmpty ? "section" : Slug.make(text)
            let count = used[base, default: 0]
            used[base] = count + 1
            let id = count == 0 ? base : "\(base)-\(count)"
            ids.insert(id)
            if level <= 3 { toc.append(TocEntry(level: level, id: id, text: text)) }

            // A custom inline inside an empty custom block keeps the heading on one line, as cmark writes it.
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            let tag = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)!
            cmark_node_set_on_enter(tag, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(tag, "</h\(level)>")
            cmark_node_append_child(block, tag)
            while let child = cmark_node_first_child(heading) {
                cmark_node_append_child(tag, child)
            }
            cmark_node_replace(heading, block)
            cmark_node_free(heading)
        }
        return (toc, ids)
    }

    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        for child in nodes(in: node, where: { _ in true }) {
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    // MARK: Links

    /// Rewrites links to content files as site URLs, reports those that lead nowhere, and returns the links that
    /// point to a place in a page.
    private func rewriteLinks(_ document: OpaquePointer, lines: SourceLines, lookups: inout [LinkLookup],
                              log: inout DiagnosticLog) -> [AnchorLink] {
        let links = Self.nodes(in: document) {
            let type = cmark_node_get_type($0)
            return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
        }
        let folder = lines.source.file.split(separator: "/").dropFirst().dropLast().map(String.init)
        var anchorLinks: [AnchorLink] = []
        for link in links {
            guard let raw = cmark_node_get_url(link).map({ String(cString: $0) }) else { continue }
            // Placing a node costs a walk along its line: done only for the links that need a place.
            var location: SourceLocation { lines.location(of: link) }
            if raw.hasPrefix("#"), raw.count > 1 {
                let fragment = String(raw.dropFirst()).removingPercentEncoding ?? String(raw.dropFirst())
                anchorLinks.append(AnchorLink(targetURL: nil, fragment: fragment, raw: raw, location: location))
                continue
            }
            guard let local = LocalLink(raw) else { continue }
            guard let contentPath = local.contentPath(from: folder) else {
                log.error(.lienHorsContenu, "lien hors du dossier content : « \(raw) »", at: location)
                continue
            }
            let found = resolve(contentPath)
            lookups.append(LinkLookup(path: contentPath, target: found))
            guard let target = found else {
                let isPage = contentPath.hasSuffix(".md")
                log.error(.lienCasse, "lien vers un \(isPage ? "fichier Markdown" : "fichier") qui n'existe pas : « \(raw) »", at: location,
                          hint: "le lien est relatif au fichier ; la cible serait content/\(contentPath)")
                continue
            }
            switch target.availability {
            case .published:
                cmark_node_set_url(link, target.url + local.suffix)
                if let fragment = local.fragment, contentPath.hasSuffix(".md") {
                    anchorLinks.append(AnchorLink(targetURL: target.url, fragment: fragment, raw: raw, location: location))
                }
            case .scheduled, .rejected:
                Self.unwrap(link)
            case .draft:
                log.warning(.lienVersBrouillon, "lien vers un brouillon : « \(raw) »", at: location,
                            hint: "le texte du lien est affiché sans lien tant que la ressource reste un brouillon")
                Self.unwrap(link)
            }
        }
        return anchorLinks
    }

    /// Keeps a link's text and drops the link, so no page points to an address that does not exist yet.
    private static func unwrap(_ link: OpaquePointer) {
        while let child = cmark_node_first_child(link) {
            cmark_node_insert_before(link, child)
        }
        cmark_node_free(link)
    }

    /// Collects matching nodes first: the tree must not change while an iterator walks it.
    static func nodes(in root: OpaquePointer,
                              where matches: (OpaquePointer) -> Bool) -> [OpaquePointer] {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var found: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != root, matches(node) {
                found.append(node)
            }
        }
        return found
    }
}

/// A relative link to a file of the site (`../kits/x.md#etapes`): absolute URLs, anchors and mail links are left alone.
struct LocalLink {
    let path: String
    /// `#fragment` or `?query` kept after rewriting.
    let suffix: String

    /// What follows `#`, decoded.
    var fragment: String? {
        guard let hash = suffix.firstIndex(of: "#") else { return nil }
        let text = String(suffix[suffix.index(after: hash)...])
        return text.isEmpty ? nil : text.removingPercentEncoding ?? text
    }

    init?(_ raw: String) {
        guard !raw.isEmpty, !raw.hasPrefix("#"), !raw.hasPrefix("/"), !raw.hasPrefix("//") else { return nil }
        if let colon = raw.firstIndex(of: ":"), !raw[..<colon].contains("/") { return nil }
        let cut = raw.firstIndex { $0 == "#" || $0 == "?" } ?? raw.endIndex
        path = String(raw[..<cut]).removingPercentEncoding ?? String(raw[..<cut])
        suffix = String(raw[cut...])
        guard !path.isEmpty else { return nil }
    }

    /// The path relative to `content/`, or nil if `..` climbs out of it.
    func contentPath(from folder: [String]) -> String? {
        var parts = folder
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
