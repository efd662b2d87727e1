import Foundation

/// What Atelier keeps of its last build, in `.atelier/cache/` beside `content/`, so that a rebuild does only the work
/// its changes require. Safe to delete at any time. A cache that another version of Atelier wrote, that does not
/// belong to this project or that is damaged is set aside whole, never trusted: the build then starts afresh.
///
/// It is kept in files, each with the checksum of its bytes: `etat.bin`, small, with what a build that finds nothing
/// changed needs (and the checksums of the others); the reads' part, what each content file gave (which the model
/// needs first); the pages' part, what each text gave and each group of files was made from; the search's part, the
/// index's words. Each of these three is a chain: a whole base (`lectures.bin`, `pages.bin`, `recherche.bin`) and,
/// after it, one link per build with only what that build changed (`pages.1.bin`…), so that a rebuild writes
/// kilobytes, not the whole cache. When the links weigh more than a quarter of their base (and more than
/// `linksFloor`), or number `maxLinks`, the base is written whole again. The chains are read only when something
/// changed; the pages' and the search's while the model is made.
/// Entries are written in no particular order: the site must be reproducible, the cache need not be.
public final class BuildCache: @unchecked Sendable {
    static let maxLinks = 16
    static let linksFloor = 256 * 1024
    enum Part: String, Sendable {
        case state = "etat.bin"
        case reads = "lectures.bin"
        case pages = "pages.bin"
        case search = "recherche.bin"

        /// The parts kept as chains, in the order the state names them.
        static let chained: [Part] = [.reads, .pages, .search]
    }
    /// The Cache Directory Tagging convention: backup tools skip the folder; Atelier knows it as its own.
    static let tagName = "CACHEDIR.TAG"
    static let tag = """
    Signature: 8a477f597d28d172789f06886806bc55
    # Cache d'Atelier : ce dossier peut être supprimé, la prochaine construction le refera.

    """

    /// A file's identity without reading it: if any of these changes, so may its bytes.
    public struct Signature: Hashable, Sendable {
        let size: Int
        let modified: Int
        let changed: Int
        let inode: UInt64
    }

    /// What a content file gave when it was last read, and the hash of its bytes.
    struct CachedRead {
        let signature: Signature
        let hash: Fingerprint
        let read: ReadFile
    }

    /// What a resource's text gave when it was last parsed, and what its links found then.
    struct CachedText {
        let hash: Fingerprint
        let facts: TextFacts
        let lookups: [LinkLookup]
    }

    /// A group of files made together (a resource's page and calendar, a kind's list…) and the key it was made from.
    struct CachedGroup: Equatable {
        let key: Fingerprint
        let files: [String]
        /// Whether the group reads resources' texts, not only what their headers say: when nothing but texts changed,
        /// every other group keeps its key.
        let readsTexts: Bool
    }

    // The state (etat.bin).
    var project = ""
    var inputs: [String: Signature] = [:]
    var optionsKey = ""
    var summary: BuildSummary?
    /// The site's time zone, in which the date of a build without `--date` is read.
    var timeZone = ""
    /// Fingerprint of site.yml and boussole.yml, under which the files were read.
    var configuration = Fingerprint.zero
    var warnings: [Diagnostic] = []
    var trees: [OutputManifest] = []
    /// What every link could find (`SiteModel.links`).
    var links: Fingerprint?
    // What files gave and groups were made from (pages.bin).
    var reads: [String: CachedRead] = [:]
    var texts: [String: CachedText] = [:]
    var groups: [GroupID: CachedGroup] = [:]
    var related: RelatedLists?
    /// The sources of the texts this build parsed (the others are the cache's own).
    var parsedTexts: Set<String> = []
    // The search index's words (recherche.bin).
    var search: SearchIndex.State?

    /// A file of a chain: its checksum and its size.
    struct Link: Equatable {
        let checksum: Fingerprint
        let size: Int
    }
    /// The files of the pages' and the search's chains on disk, base first: empty until read whole.
    private var chains: [Part: [Link]] = [:]
    /// Where the state was read from, and the chains it names, until they are read.
    private var pending: (folder: URL, root: URL, chains: [Part: [Link]])?
    /// The pages' and the search's chains, being read.
    private var pendingParts: Eventual<(pages: PagesPart, search: SearchIndex.State?)?>?

    public init() {}

    /// What a resource's text gave, when its bytes (`hash`) are those the cache kept and each of its links still finds
    /// the same thing (looked up again only when what links may find changed).
    func text(of source: String, hash: Fingerprint?, in model: SiteModel) -> CachedText? {
        guard let text = texts[source], text.hash == hash else { return nil }
        return links == model.links || text.lookups.allSatisfy({ model.markdown.resolve($0.path) == $0.target }) ? text : nil
    }

    /// The groups name the files of the site this cache was written with, which goes live just after: when the live
    /// folder holds another (a build stopped between the two, or another output), no group is carried. Whether they are.
    func trustGroups(ifLive fingerprint: Fingerprint?) -> Bool {
        guard let fingerprint, fingerprint == trees.first?.fingerprint else {
            groups = [:]
            return false
        }
        return true
    }

    func tree(_ fingerprint: Fingerprint?) -> OutputManifest? {
        fingerprint.flatMap { fingerprint in trees.first { $0.fingerprint == fingerprint } }
    }

    /// Becomes the memory of the build that just succeeded. The manifests kept are the new site's and the one of
    /// the site it replaced: the two trees on disk.
    func replace(project root: URL, inputs: [String: Signature], optionsKey: String, summary: BuildSummary, timeZone: TimeZone,
                 configuration: Fingerprint, warnings: [Diagnostic], reads: [String: CachedRead], links: Fingerprint, related: RelatedLists, made: MadeSite,
                 live: OutputManifest, previous: OutputManifest?) {
        project = PhysicalPath.resolve(root)
        self.inputs = inputs
        self.optionsKey = optionsKey
        self.summary = summary
        self.timeZone = timeZone.identifier
        self.configuration = configuration
        self.warnings = warnings
        self.reads = reads
        self.links = links
        self.related = related
        texts = made.texts
        parsedTexts = made.parsedTexts
        groups = made.groups
        trees = [live] + (previous.map { [$0] } ?? [])
        search = made.search
        pending = nil
    }

    // MARK: Reading and writing

    /// The state kept in `folder` for the project at `root`, or an empty cache if there is none to trust. The rest is
    /// read by `loadAll()`, when the build needs it.
    public static func load(from folder: URL, root: URL) -> BuildCache {
        let cache = BuildCache()
        guard isOwnFolder(folder), var reader = open(folder.appendingPathComponent(Part.state.rawValue), checksum: nil) else { return cache }
        do {
            let chains = try cache.readState(&reader)
            guard reader.isAtEnd, cache.project == PhysicalPath.resolve(root), chains.count == Part.chained.count,
                  chains.allSatisfy({ !$0.isEmpty })
            else { return BuildCache() }
            cache.pending = (folder, root, Dictionary(uniqueKeysWithValues: zip(Part.chained, chains)))
            return cache
        } catch {
            return BuildCache()
        }
    }

    /// Reads the chain of what files gave, which the build needs first, and starts reading the pages' and the
    /// search's chains on another thread: the build needs them only once its model is made (`finishLoading()`).
    func loadAll() {
        guard let (folder, root, chains) = pending else { return }
        pending = nil
        // One thread for both, one after the other: the model, meanwhile, keeps a core of its own.
        let rest = Eventual<(pages: PagesPart, search: SearchIndex.State?)?> {
            var pages = PagesPart()
            var search: SearchIndex.State? = nil
            guard Self.read(.pages, chains, in: folder, { try pages.apply(&$0) }),
                  Self.read(.search, chains, in: folder, { try SearchIndex.State.apply(&$0, to: &search) }) else { return nil }
            return (pages, search)
        }
        var readsPart = ReadsPart()
        guard Self.read(.reads, chains, in: folder, { try readsPart.apply(&$0, root: root) }) else {
            _ = rest.value
            return forget()
        }
        (reads, related) = (readsPart.reads, readsPart.related)
        self.chains = chains
        pendingParts = rest
    }

    /// Waits for the pages' and the search's chains. If any file of the three chains is missing, damaged or not the
    /// one the state names, the whole cache is forgotten (what the build already took from a sound chain is only not
    /// used further).
    func finishLoading() {
        guard let pending = pendingParts else { return }
        pendingParts = nil
        guard let (pages, search) = pending.value else { return forget() }
        (texts, groups, self.search) = (pages.texts, pages.groups, search)
    }

    /// Applies each file of a part's chain in turn; false if one is missing or damaged.
    private static func read(_ part: Part, _ chains: [Part: [Link]], in folder: URL,
                             _ apply: (inout BinaryReader) throws -> Void) -> Bool {
        for (number, link) in chains[part, default: []].enumerated() {
            guard var reader = open(file(part, link: number, in: folder), checksum: link.checksum) else { return false }
            guard (try? apply(&reader)) != nil, reader.isAtEnd else { return false }
        }
        return true
    }

    private func forget() {
        let empty = BuildCache()
        (project, inputs, optionsKey, summary, timeZone) = (empty.project, empty.inputs, empty.optionsKey, empty.summary, empty.timeZone)
        (configuration, warnings, trees, links) = (empty.configuration, empty.warnings, empty.trees, empty.links)
        (reads, texts, groups, related, search, chains) = (empty.reads, empty.texts, empty.groups, empty.related, empty.search, [:])
    }

    /// Writes what changed since `previous` (the cache this build started from, read whole) as one more link of each
    /// chain, or the part whole when there is no chain to extend or it has grown long; each file in one step (a new file
    /// renamed over the old one), the state last, then the links it no longer names are removed. The folder is
    /// Atelier's alone: a folder there that does not carry Atelier's tag is never written into.
    public func save(to folder: URL, over previous: BuildCache) throws {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        if fm.fileExists(atPath: folder.path), !Self.isOwnFolder(folder) {
            throw OutputError("le dossier \(folder.path) contient des fichiers qu'Atelier n'a pas écrits : le cache n'y est pas enregistré (supprimez-le ou déplacez-le)")
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let tagFile = folder.appendingPathComponent(Self.tagName)
        if fm.contents(atPath: tagFile.path) != Data(Self.tag.utf8) { try AtomicFile.write(Self.tag, to: tagFile) }
        for entry in entries where AtomicFile.isTemporary(entry) {
            try? fm.removeItem(at: folder.appendingPathComponent(entry))
        }
        let sameReads = previous.configuration == configuration
        let written = ParallelMap.map(Part.chained) { part -> (link: Link, bytes: [UInt8], whole: Bool) in
            let chain = previous.chains[part, default: []]
            let write = { (writer: inout BinaryWriter, base: BuildCache?) in
                switch part {
                case .reads: self.writeReads(&writer, over: base)
                case .pages: self.writePages(&writer, over: base)
                default: SearchIndex.State.write(self.search, over: base?.search, to: &writer)
                }
            }
            let extensible = switch part {
            case .reads: sameReads
            case .search: SearchIndex.State.canExtend(previous.search, with: search)
            default: true
            }
            if !chain.isEmpty, chain.count < Self.maxLinks, extensible {
                let link = Self.encode { write(&$0, previous) }
                if chain.dropFirst().map(\.size).reduce(0, +) + link.bytes.count <= max(chain[0].size / 4, Self.linksFloor) {
                    return (Link(checksum: link.checksum, size: link.bytes.count), link.bytes, false)
                }
            }
            let base = Self.encode { write(&$0, nil) }
            return (Link(checksum: base.checksum, size: base.bytes.count), base.bytes, true)
        }
        for (part, file) in zip(Part.chained, written) {
            let chain = file.whole ? [file.link] : previous.chains[part, default: []] + [file.link]
            try AtomicFile.write(file.bytes, to: Self.file(part, link: chain.count - 1, in: folder))
            chains[part] = chain
        }
        let state = Self.encode { writeState(&$0) }
        try AtomicFile.write(state.bytes, to: folder.appendingPathComponent(Part.state.rawValue))
        for part in Part.chained {
            let named = Set(chains[part, default: []].indices.map { Self.file(part, link: $0, in: folder).lastPathComponent })
            for entry in entries where Self.isLink(entry, of: part) && !named.contains(entry) {
                try? fm.removeItem(at: folder.appendingPathComponent(entry))
            }
        }
    }

    /// Whether the folder is Atelier's cache: its tag, or, if the tag is damaged or missing, nothing in it but the
    /// files Atelier writes there (a tag repaired by the next save, not a folder taken for another's).
    static func isOwnFolder(_ folder: URL) -> Bool {
        let fm = FileManager.default
        if fm.contents(atPath: folder.appendingPathComponent(tagName).path) == Data(tag.utf8) { return true }
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.allSatisfy { name in
            name == tagName || name == Part.state.rawValue || AtomicFile.isTemporary(name)
                || Part.chained.contains { name == $0.rawValue || isLink(name, of: $0) }
        }
    }

    /// The base of a chain is the part's own file; its links are numbered after it.
    private static func file(_ part: Part, link number: Int, in folder: URL) -> URL {
        let name = part.rawValue
        return folder.appendingPathComponent(number == 0 ? name : name.dropLast(".bin".count) + ".\(number).bin")
    }

    /// Whether a file of the cache's folder is a link of a part's chain, by its name: `pages.3.bin`.
    private static func isLink(_ name: String, of part: Part) -> Bool {
        let stem = part.rawValue.dropLast(".bin".count) + "."
        guard name.hasPrefix(stem), name.hasSuffix(".bin") else { return false }
        let number = name.dropFirst(stem.count).dropLast(".bin".count)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    /// The executable that writes the cache: another build of Atelier may render differently or keep its cache in
    /// another form, so its cache is not trusted (no format version to bump by hand). Its size and modification time
    /// stand for it.
    static let toolIdentity: String = {
        let path = PhysicalPath.resolve(URL(fileURLWithPath: CommandLine.arguments[0]))
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 || stat(path, &status) == 0 else { return "?" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()

    /// A part's bytes: a header naming the tool, the contents, then the checksum of all before it.
    private static func encode(_ contents: (inout BinaryWriter) -> Void) -> (bytes: [UInt8], checksum: Fingerprint) {
        var writer = BinaryWriter()
        writer.string("Atelier cache")
        writer.string(toolIdentity)
        contents(&writer)
        let checksum = Fingerprint.of(writer.bytes)
        writer.fingerprint(checksum)
        return (writer.bytes, checksum)
    }

    /// A file's contents, if its checksum holds (and is `checksum`, when given) and this version of Atelier wrote it.
    private static func open(_ file: URL, checksum expected: Fingerprint?) -> BinaryReader? {
        guard let bytes = FileDescriptor.readAll(file.path), bytes.count > 16 else { return nil }
        let contents = bytes.count - 16
        var trailer = BinaryReader(bytes, from: contents)
        let checksum = bytes.withUnsafeBytes { Fingerprint.of(UnsafeRawBufferPointer(rebasing: $0[..<contents])) }
        guard (try? trailer.fingerprint()) == checksum, expected == nil || expected == checksum else { return nil }
        var reader = BinaryReader(bytes, to: contents)
        guard (try? reader.string()) == "Atelier cache", (try? reader.string()) == toolIdentity else {
            return nil
        }
        return reader
    }

    private func writeState(_ writer: inout BinaryWriter) {
        writer.string(project)
        writer.array(Array(inputs)) { $0.string($1.key); $0.signature($1.value) }
        writer.string(optionsKey)
        writer.optional(summary) { $0.summary($1) }
        writer.string(timeZone)
        writer.fingerprint(configuration)
        writer.array(warnings) { $0.diagnostic($1) }
        writer.array(trees) { $1.write(to: &$0) }
        writer.optional(links) { $0.fingerprint($1) }
        writer.array(Part.chained) { writer, part in
            writer.array(chains[part, default: []]) { $0.fingerprint($1.checksum); $0.int($1.size) }
        }
    }

    private func readState(_ reader: inout BinaryReader) throws -> [[Link]] {
        project = try reader.string()
        for (path, signature) in try reader.array({ (try $0.string(), try $0.signature()) }) { inputs[path] = signature }
        optionsKey = try reader.string()
        summary = try reader.optional { try $0.summary() }
        timeZone = try reader.string()
        configuration = try reader.fingerprint()
        warnings = try reader.array { try $0.diagnostic() }
        trees = try reader.array { try OutputManifest.read(from: &$0) }
        links = try reader.optional { try $0.fingerprint() }
        return try reader.array { reader in try reader.array { Link(checksum: try $0.fingerprint(), size: try $0.int()) } }
    }

    /// What changed since `base` (everything, without it): entries new or changed, then the keys of those gone; the
    /// related lists when they changed.
    private func writeReads(_ writer: inout BinaryWriter, over base: BuildCache?) {
        let reads = base.map { base in
            self.reads.filter { path, read in base.reads[path].map { $0.signature != read.signature || $0.hash != read.hash } ?? true }
        } ?? self.reads
        writer.array(Array(reads)) { writer, entry in
            writer.string(entry.key)
            writer.signature(entry.value.signature)
            writer.fingerprint(entry.value.hash)
            writer.readFile(entry.value.read)
        }
        writer.strings(base.map { $0.reads.keys.filter { self.reads[$0] == nil } } ?? [])
        writer.optional(base != nil && base?.related == related ? nil : related) { writer, related in
            writer.fingerprint(related.key)
            writer.fingerprint(related.order)
            writer.array(related.features) { $0.fingerprint($1) }
            writer.array(related.lists) { writer, list in writer.array(list) { $0.int(Int($1)) } }
        }
    }

    /// What changed since `base` (everything, without it), for texts and for groups: entries new or changed, then the
    /// keys of those gone.
    private func writePages(_ writer: inout BinaryWriter, over base: BuildCache?) {
        let texts = base.map { base in self.texts.filter { parsedTexts.contains($0.key) || base.texts[$0.key] == nil } } ?? self.texts
        writer.array(Array(texts)) { writer, entry in
            writer.string(entry.key)
            writer.fingerprint(entry.value.hash)
            writer.textFacts(entry.value.facts)
            writer.array(entry.value.lookups) { $0.lookup($1) }
        }
        writer.strings(base.map { $0.texts.keys.filter { self.texts[$0] == nil } } ?? [])
        let groups = base.map { base in self.groups.filter { base.groups[$0.key] != $0.value } } ?? self.groups
        writer.array(Array(groups)) { writer, entry in
            writer.string(entry.key.stored)
            writer.fingerprint(entry.value.key)
            writer.strings(entry.value.files)
            writer.bool(entry.value.readsTexts)
        }
        writer.strings(base.map { $0.groups.keys.filter { self.groups[$0] == nil }.map(\.stored) } ?? [])
    }

    /// What files gave, as a chain's files give it, each applied over those before it.
    private struct ReadsPart {
        var reads: [String: CachedRead] = [:]
        var related: RelatedLists?

        mutating func apply(_ reader: inout BinaryReader, root: URL) throws {
            for (path, read) in try reader.array({ reader in
                (try reader.string(), CachedRead(signature: try reader.signature(), hash: try reader.fingerprint(), read: try reader.readFile(root: root)))
            }) { reads[path] = read }
            for path in try reader.strings() { reads[path] = nil }
            if let lists = try reader.optional({ reader in
                RelatedLists(key: try reader.fingerprint(), order: try reader.fingerprint(), features: try reader.array { try $0.fingerprint() },
                             lists: try reader.array { reader in try reader.array { Int32(truncatingIfNeeded: try $0.int()) } })
            }) { related = lists }
        }
    }

    /// What texts gave and groups were made from, as a chain's files give it, each applied over those before it.
    private struct PagesPart: Sendable {
        var texts: [String: CachedText] = [:]
        var groups: [GroupID: CachedGroup] = [:]

        mutating func apply(_ reader: inout BinaryReader) throws {
            for (source, text) in try reader.array({ reader in
                (try reader.string(), CachedText(hash: try reader.fingerprint(), facts: try reader.textFacts(), lookups: try reader.array { try $0.lookup() }))
            }) { texts[source] = text }
            for source in try reader.strings() { texts[source] = nil }
            for (id, group) in try reader.array({ (GroupID(stored: try $0.string()), CachedGroup(key: try $0.fingerprint(), files: try $0.strings(),
                                                                                  readsTexts: try $0.bool())) }) {
                groups[id] = group
            }
            for id in try reader.strings() { groups[GroupID(stored: id)] = nil }
        }
    }
}

extension BinaryWriter {
    mutating func signature(_ signature: BuildCache.Signature) {
        int(signature.size); int(signature.modified); int(signature.changed); int(Int(Int64(bitPattern: signature.inode)))
    }

    mutating func summary(_ summary: BuildSummary) {
        date(summary.buildDate)
        array(summary.kinds) { $0.string($1.label); $0.int($1.count) }
        int(summary.scheduled); int(summary.drafts)
        array(summary.jeudis) { $0.date($1) }
    }

    mutating func textFacts(_ facts: TextFacts) {
        strings(facts.anchors.sorted())
        array(facts.anchorLinks) { writer, link in
            writer.optional(link.targetURL) { $0.string($1) }
            writer.string(link.fragment); writer.string(link.raw); writer.location(link.location)
        }
        array(facts.diagnostics) { $0.diagnostic($1) }
    }

    mutating func lookup(_ lookup: LinkLookup) {
        string(lookup.path)
        optional(lookup.target) { writer, target in
            writer.string(target.url)
            writer.int(target.availability.code)
        }
    }
}

extension BinaryReader {
    mutating func signature() throws -> BuildCache.Signature {
        BuildCache.Signature(size: try int(), modified: try int(), changed: try int(), inode: UInt64(bitPattern: Int64(try int())))
    }

    mutating func summary() throws -> BuildSummary {
        BuildSummary(buildDate: try date(), kinds: try array { BuildSummary.KindCount(label: try $0.string(), count: try $0.int()) },
                     scheduled: try int(), drafts: try int(), jeudis: try array { try $0.date() })
    }

    mutating func textFacts() throws -> TextFacts {
        TextFacts(anchors: Set(try strings()),
                  anchorLinks: try array { AnchorLink(targetURL: try $0.optional { try $0.string() }, fragment: try $0.string(),
                                                       raw: try $0.string(), location: try $0.location()) },
                  diagnostics: try array { try $0.diagnostic() })
    }

    mutating func lookup() throws -> LinkLookup {
        LinkLookup(path: try string(), target: try optional { reader in
            let url = try reader.string()
            guard let availability = MarkdownRenderer.LinkTarget.Availability(code: try reader.int()) else { throw Damaged() }
            return MarkdownRenderer.LinkTarget(url: url, availability: availability)
        })
    }
}
