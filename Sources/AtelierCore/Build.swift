import Foundation

/// What `atelier build` is asked to do.
public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL
    /// How messages name the output folder: as the editor wrote it.
    public var outputLabel: String
    /// "Today" for the build; nil means `SOURCE_DATE_EPOCH`, else the clock, in the site's time zone.
    public var date: LocalDate?
    public var includeDrafts: Bool
    public var strict: Bool
    /// False to check content and templates only, without rendering or writing anything.
    public var write: Bool
    /// Take over an output folder holding files that Atelier did not write.
    public var force: Bool
    /// The cache kept in memory between builds (the preview server); nil to read and write the one on disk.
    public var memory: BuildCache?
    /// Where the cache is kept on disk: Atelier's own working files, beside content/.
    public var cacheFolder: URL
    /// Whether a build that finds nothing changed stops at once, without a model: the preview's first build needs one
    /// to show saved pages at once.
    public var stopIfUnchanged = true
    /// Told, before it waits, that another build of the same project or output folder runs and which.
    public var waiting: @Sendable (String) -> Void = { _ in }

    public init(root: URL, output: URL? = nil, outputLabel: String? = nil, date: LocalDate? = nil,
                includeDrafts: Bool = false, strict: Bool = false, write: Bool = true, force: Bool = false,
                memory: BuildCache? = nil) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("public")
        self.outputLabel = outputLabel ?? output?.path ?? "public"
        self.force = force
        self.date = date
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.write = write
        self.memory = memory
        cacheFolder = root.appendingPathComponent(".atelier/cache")
    }
}

/// What a build did, in a few numbers: what the command line says at its end.
public struct BuildSummary: Sendable, Equatable {
    public struct KindCount: Sendable, Equatable {
        public let label: String
        public let count: Int
    }

    public let buildDate: LocalDate
    /// Each kind's plural label and its number of published resources, in the order of site.yml.
    public let kinds: [KindCount]
    /// Resources left out of this build: dated after it, or drafts.
    public let scheduled: Int
    public let drafts: Int
    /// The Thursdays of the Jeudis' issues, newest first.
    public let jeudis: [LocalDate]

    public var published: Int { kinds.map(\.count).reduce(0, +) }
}

public struct BuildReport: Sendable {
    public let diagnostics: [Diagnostic]
    /// Nil when the build failed and nothing was written.
    public let summary: BuildSummary?
    /// The model of a build that made it; nil when the cache showed that nothing changed, or when the build failed.
    public let model: SiteModel?
    public let filesWritten: Int
    public let pagesWritten: Int
    /// Files whose bytes changed (the others kept their modification time).
    public let filesChanged: Int
    /// Files carried over from the previous site because nothing they are made from changed.
    public let filesCarried: Int
    /// How long each step took, in order.
    public let timings: [StepTiming]
    /// The pages of edited resources, made from this build's model until the next build: nil unless it made the site.
    public var editedPages: EditedPages? = nil
    /// The files of the site whose bytes changed or that are gone, when the build made the site over a known one
    /// (empty when nothing changed, nil when that is not known): which open pages the preview must reload.
    public var changedFiles: [String]? = []

    public var succeeded: Bool { summary != nil }

    /// « lecture 0,12 s · modèle 0,30 s · rendu 0,41 s · écriture 0,20 s · cache 0,05 s »
    public var steps: String {
        timings.map { "\($0.step) \(FrenchNumbers.seconds($0.seconds)) s" }.joined(separator: " · ")
    }
}

public struct StepTiming: Sendable {
    public let step: String
    public let seconds: Double
}

/// The build, top to bottom: configuration and content → checks → model → pages → output → cache.
/// A rebuild does only the work its changes require (`BuildCache`, `SiteRenderer`); its result is the same, byte
/// for byte, as a build from nothing.
public enum Build {
    public static func run(_ options: BuildOptions) -> BuildReport {
        var log = DiagnosticLog()
        var clock = StepClock()
        let folder = OutputFolder(options.output)
        guard let claim = claim(folder, options, log: &log) else { return failed(log, clock) }
        defer { withExtendedLifetime(claim) {} }

        // What the last build left: enough, when nothing changed since, to stop there.
        let previous = options.memory ?? BuildCache.load(from: options.cacheFolder, root: options.root)
        let inputs = InputScan(root: options.root)
        if options.write, options.stopIfUnchanged,
           let report = unchanged(options, inputs: inputs, previous: previous, folder: folder, clock: clock) {
            return report
        }
        previous.loadAll()

        let content = ContentLoader.load(root: options.root, listing: inputs.content, previous: previous, log: &log)
        let templates = TemplateSet.load(root: options.root, listing: inputs.templates, needsGrid: content?.grid != nil, log: &log)
        clock.lap("lecture")
        guard let content else { return failed(log, clock) }

        // The model is built even when the templates have mistakes: its checks report the content's own.
        let today = options.date ?? defaultDate(environment: ProcessInfo.processInfo.environment, timeZone: content.site.timeZone)
        let model = SiteModelBuilder(content: content, buildDate: today, includeDrafts: options.includeDrafts,
                                     templateAnchors: templates?.staticIDs ?? [], previousRelated: previous.related)
            .build(log: &log)
        clock.lap("modèle")
        previous.finishLoading()
        let groupsKept = previous.trustGroups(ifLive: OutputMarker.fingerprint(of: folder.live))
        let blocking = { log.hasErrors || (options.strict && !log.items.isEmpty) }

        // Pages are written only when the build can succeed; the texts are checked in any case.
        guard options.write, !blocking(), let templates else {
            let facts = TextFacts.of(model, previous: previous, hashes: content.hashes)
            log.append(contentsOf: TextFacts.diagnostics(facts, model: model))
            guard !blocking() else { return failed(log, clock) }
            return BuildReport(diagnostics: log.sorted, summary: summary(model), model: model, filesWritten: 0,
                               pagesWritten: 0, filesChanged: 0, filesCarried: 0, timings: clock.laps)
        }

        let live = previous.tree(OutputMarker.fingerprint(of: folder.live))
        let writer: OutputWriter
        do {
            writer = try OutputWriter(folder: folder, live: live, twin: previous.tree(OutputMarker.fingerprint(of: folder.twin)))
        } catch {
            log.error(.ecritureImpossible, SystemReason.of(error), at: .option(options.outputLabel))
            return failed(log, clock)
        }
        let renderer = SiteRenderer(model: model, templates: templates, root: options.root, configuration: content.configuration,
                                    includeDrafts: options.includeDrafts, contents: content.hashes, previous: previous,
                                    textsOnly: groupsKept && content.headersKept && inputs.onlyMarkdownChanged(since: previous.inputs)
                                        && previous.optionsKey == optionsKey(today, options))
        let resources = renderer.renderResources(into: writer)
        log.append(contentsOf: TextFacts.diagnostics(resources.facts, model: model))
        guard !blocking() else { return failed(log, clock) }
        let made = renderer.renderSite(after: resources, into: writer)
        clock.lap("rendu")
        let manifest: OutputManifest
        do {
            manifest = try writer.finish()
        } catch {
            log.error(.ecritureImpossible, SystemReason.of(error), at: .option(options.outputLabel))
            return failed(log, clock)
        }
        clock.lap("écriture")

        // The cache is written before the new site goes live: a build stopped at any moment leaves a cache that knows
        // the live site, whichever of the two it is (`trustGroups`).
        let cache = options.memory ?? BuildCache()
        cache.replace(project: options.root, inputs: inputs.signatures, optionsKey: optionsKey(today, options), summary: summary(model),
                      timeZone: content.site.timeZone, configuration: content.configuration, warnings: log.sorted,
                      reads: content.reads, links: model.links, related: model.related, made: made,
                      live: manifest, previous: live)
        if options.memory == nil {
            do {
                try cache.save(to: options.cacheFolder, over: previous)
            } catch {
                log.warning(.cacheNonEnregistre, SystemReason.of(error), at: .option(options.cacheFolder.path))
            }
        }
        clock.lap("cache")
        guard !blocking() else { return failed(log, clock) }
        do {
            try folder.swapIn()
        } catch {
            log.error(.ecritureImpossible, SystemReason.of(error), at: .option(options.outputLabel))
            return failed(log, clock)
        }
        let report = BuildReport(diagnostics: log.sorted, summary: summary(model), model: model, filesWritten: writer.filesWritten,
                                 pagesWritten: writer.pagesWritten, filesChanged: writer.filesRewritten,
                                 filesCarried: writer.filesCarried, timings: clock.laps,
                                 editedPages: EditedPages(maker: renderer.maker, includeDrafts: options.includeDrafts),
                                 changedFiles: writer.changedFiles)
        BackgroundRelease.release([consume previous, consume content, consume renderer, consume writer, consume cache,
                                   consume resources, consume made])
        return report
    }

    /// The output folder, taken for this build: locked against another, when the build writes.
    private struct Claim {
        let lock: BuildLock?
    }

    /// The project's folder checked, and the output folder claimed: refused before anything is written, the lock's
    /// file included. Nil when the build cannot go on (said in `log`).
    private static func claim(_ folder: OutputFolder, _ options: BuildOptions, log: inout DiagnosticLog) -> Claim? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.root.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.error(.projetIntrouvable, "le dossier du projet « \(options.root.path) » n'existe pas", at: .option("--root"),
                      hint: "donnez à --root le dossier qui contient content/ et templates/")
            return nil
        }
        guard options.write else { return Claim(lock: nil) }
        let refusals = OutputGuard(root: options.root, label: options.outputLabel, force: options.force, cache: options.cacheFolder)
            .check(folder)
        guard refusals.isEmpty else {
            log.append(contentsOf: DiagnosticLog(refusals))
            return nil
        }
        do {
            return Claim(lock: try BuildLock(cache: options.cacheFolder, output: folder.live, waiting: options.waiting))
        } catch {
            log.error(.ecritureImpossible, SystemReason.of(error), at: .option(options.outputLabel))
            return nil
        }
    }

    /// Nothing to do when every input file, the options, the date and Atelier itself are those of the last build,
    /// and the live site is intact: its warnings are said again.
    private static func unchanged(_ options: BuildOptions, inputs: InputScan, previous: BuildCache, folder: OutputFolder,
                                  clock: StepClock) -> BuildReport? {
        guard let summary = previous.summary, let zone = TimeZone(identifier: previous.timeZone), previous.inputs == inputs.signatures,
              previous.optionsKey == optionsKey(options.date ?? defaultDate(environment: ProcessInfo.processInfo.environment, timeZone: zone), options),
              let live = previous.trees.first, OutputMarker.fingerprint(of: folder.live) == live.fingerprint,
              case let opened = OpenFolder(folder.live.path), live.files.allSatisfy({ $0.value.isIntact(at: $0.key, in: opened) }) else { return nil }
        let blocking = options.strict && !previous.warnings.isEmpty
        var clock = clock
        clock.lap("lecture")
        return BuildReport(diagnostics: previous.warnings, summary: blocking ? nil : summary, model: nil, filesWritten: 0,
                           pagesWritten: 0, filesChanged: 0, filesCarried: 0, timings: clock.laps)
    }

    private static func optionsKey(_ date: LocalDate, _ options: BuildOptions) -> String {
        "\(date) \(options.includeDrafts ? "brouillons" : "publié")"
    }

    private static func summary(_ model: SiteModel) -> BuildSummary {
        BuildSummary(buildDate: model.buildDate,
                     kinds: model.site.kinds.map { BuildSummary.KindCount(label: $0.plural, count: model.entries(ofKind: $0.id).count) },
                     scheduled: model.scheduledCount, drafts: model.draftCount, jeudis: model.jeudis.map(\.thursday))
    }

    private static func failed(_ log: DiagnosticLog, _ clock: StepClock) -> BuildReport {
        BuildReport(diagnostics: log.sorted, summary: nil, model: nil, filesWritten: 0, pagesWritten: 0, filesChanged: 0, filesCarried: 0,
                    timings: clock.laps)
    }

    public static func defaultDate(environment: [String: String], timeZone: TimeZone) -> LocalDate {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return LocalDate(Date(timeIntervalSince1970: epoch), in: timeZone)
        }
        return LocalDate(Date(), in: timeZone)
    }
}

/// The files of `content/` and `templates/`, each with its signature, listed once per build (and by the preview,
/// to notice a change).
public struct InputScan: Sendable {
    let content: FileTree.Listing
    let templates: FileTree.Listing
    /// Every file's signature, by its path in the project (`content/fiches/x.md`).
    public let signatures: [String: BuildCache.Signature]

    public init(root: URL) {
        content = FileTree.list(root.appendingPathComponent("content"), within: root)
        templates = FileTree.list(root.appendingPathComponent("templates"), within: root)
        var all: [String: BuildCache.Signature] = [:]
        let refused = BuildCache.Signature(size: -1, modified: 0, changed: 0, inode: 0)
        for (folder, listing) in [("content/", content), ("templates/", templates)] {
            for (path, signature) in listing.signatures { all[folder + path] = signature }
            for item in listing.refused { all[folder + item.path] = refused }
        }
        signatures = all
    }

    /// Whether every file but the Markdown ones of `content/` has the signature it had in `previous`, and no other
    /// file came or went, when the Markdown files are those of `previous`.
    func onlyMarkdownChanged(since previous: [String: BuildCache.Signature]) -> Bool {
        signatures.count == previous.count
            && signatures.allSatisfy { path, signature in
                path.hasPrefix("content/") && path.hasSuffix(".md") || previous[path] == signature
            }
    }
}

/// Times the steps of a build, one lap per step.
private struct StepClock {
    private var last = Date()
    private(set) var laps: [StepTiming] = []

    mutating func lap(_ step: String) {
        let now = Date()
        laps.append(StepTiming(step: step, seconds: now.timeIntervalSince(last)))
        last = now
    }
}
