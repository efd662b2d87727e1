import AtelierCore
import Foundation

/// The last build of the preview: its number, which open pages listen for, and the error page while it failed. The
/// build cache stays in memory, so that a rebuild after an edit makes only what the edit changed; it is read from
/// `.atelier/cache-apercu` at the start and written there when the preview stops, and a few seconds after a rebuild
/// that no other followed, so that the next start makes only what changed meanwhile, even after a preview killed.
///
/// Each new number is announced with the files whose bytes changed (`12 fiches/x/index.html recherche/index/t/co.json`),
/// or `*` when any page may have: an open page reloads only when it is among them, so that a page shown at once after
/// a save is not reloaded again when the rebuild writes the same bytes. A stream opened by a page served from an
/// earlier number starts with what changed since (the last announcements are kept), or `*`.
actor PreviewSite {
    let options: BuildOptions
    let output: OutputFolder
    private var version = 0
    /// What every address shows while the last build failed.
    private var errorPage: String?
    /// Pages of resources just saved, by their file in the site, and their mistakes: shown until a rebuild that
    /// started after them ends. Each with the number of its batch of changes.
    private var editedPages: [String: (html: String, batch: Int)] = [:]
    private var editedMistakes: [String: (page: String, batch: Int)] = [:]
    private var batches = 0
    /// What the last build that made the site says of it, for the editing form.
    private(set) var index = SiteIndex()
    /// What makes the page of a saved resource at once, from the last build that made the site.
    private var pageMaker: EditedPages?
    private var listeners: [Int: @Sendable (String) -> Void] = [:]
    /// Names this run of the server: a page served by another run reloads on any announcement.
    let run = String(UInt32.random(in: .min ... .max), radix: 16)
    /// The last announcements: each number and the files it named (nil for `*`).
    private var announced: [(version: Int, files: [String]?)] = []
    private var nextListener = 0
    /// The last rebuild asked for: each one starts when the one before it ends, since they share the cache.
    private var lastRebuild: Task<Void, Never>?
    /// A rebuild asked for that has not started: later requests join it, since it will see their changes too.
    private var queuedRebuild: Task<Void, Never>?
    private var stopping = false
    /// Builds made so far, and the number of the one whose cache is on disk.
    private var builds = 0
    private var savedBuild = 0
    private static let quietBeforeSave = Duration.seconds(5)

    init(options: BuildOptions) {
        var options = options
        options.cacheFolder = options.root.appendingPathComponent(".atelier/cache-apercu")
        options.memory = BuildCache.load(from: options.cacheFolder, root: options.root)
        options.waiting = { say("Attente : \($0).") }
        self.options = options
        output = OutputFolder(options.output)
    }

    /// Rebuilds the site, after any rebuild under way, off this actor, so that pages are served meanwhile.
    func rebuild() async {
        guard !stopping else { return }
        if let queuedRebuild {
            await queuedRebuild.value
            return
        }
        let previous = lastRebuild
        let next = Task {
            await previous?.value
            queuedRebuild = nil
            await build()
        }
        (lastRebuild, queuedRebuild) = (next, next)
        await next.value
    }

    private func build() async {
        var options = options
        // Until a build gave what shows saved pages at once, one that finds nothing changed goes on all the same.
        options.stopIfUnchanged = pageMaker != nil
        let seen = batches
        let report = await Task.detached { Build.run(options) }.value
        version += 1
        builds += 1
        let wasShowingErrors = errorPage != nil || !editedMistakes.isEmpty
        // A page shown at once needs no reload when the rebuild wrote the same bytes.
        let alreadyShown = Set(editedPages.filter { file, edited in
            edited.batch <= seen && FileManager.default.contents(atPath: output.live.appendingPathComponent(file).path) == Data(edited.html.utf8)
        }.keys)
        editedPages = editedPages.filter { $0.value.batch > seen }
        editedMistakes = editedMistakes.filter { $0.value.batch > seen }
        errorPage = report.succeeded ? nil : ErrorPage.html(report.diagnostics, root: options.root)
        if let model = report.model { index = SiteIndex(model) }
        if let maker = report.editedPages { pageMaker = maker }
        let status = report.succeeded ? "reconstruit" : "en erreur"
        let seconds = report.timings.map(\.seconds).reduce(0, +)
        say("[\(version)] Site \(status) en \(FrenchNumbers.seconds(seconds)) s : \(report.filesChanged) fichier(s) modifié(s), \(report.filesCarried) repris tels quels, \(report.diagnostics.count) remarque(s) (\(report.steps)).")
        if !report.diagnostics.isEmpty { say(String(DiagnosticText.render(report.diagnostics, root: options.root).dropLast())) }
        let changed = wasShowingErrors || errorPage != nil ? nil : report.changedFiles?.filter { !alreadyShown.contains($0) }
        announce(changed)
        saveWhenQuiet(builds)
    }

    /// Writes the cache once `quietBeforeSave` has passed without a rebuild after `build`, in turn with the rebuilds.
    private func saveWhenQuiet(_ build: Int) {
        Task {
            try? await Task.sleep(for: Self.quietBeforeSave)
            guard build == builds, !stopping else { return }
            let previous = lastRebuild
            let save = Task {
                await previous?.value
                if let error = await saveCache() { say("Cache de l'aperçu non enregistré : \(SystemReason.of(error))") }
            }
            lastRebuild = save
            await save.value
        }
    }

    /// Writes the cache unless it is on disk already; only a cache that a build of this run made whole (the one that
    /// gave what shows saved pages) is written. Returns what stopped it.
    private func saveCache() async -> (any Error)? {
        guard pageMaker != nil, let cache = options.memory, savedBuild != builds else { return nil }
        let (build, folder, output, waiting) = (builds, options.cacheFolder, output.live, options.waiting)
        do {
            try await Task.detached {
                let lock = try BuildLock(cache: folder, output: output, waiting: waiting)
                try withExtendedLifetime(lock) { try cache.save(to: folder, over: BuildCache()) }
            }.value
            savedBuild = build
            return nil
        } catch {
            return error
        }
    }

    /// Writes the cache for the next start once the rebuild under way, if any, has ended; no rebuild starts after.
    func stop() async {
        guard !stopping else { return }
        stopping = true
        await lastRebuild?.value
        guard pageMaker != nil else { return }
        if let error = await saveCache() {
            say("Aperçu arrêté ; cache non enregistré : \(SystemReason.of(error))")
        } else {
            say("Aperçu arrêté ; son cache est enregistré pour le prochain démarrage.")
        }
    }

    /// Follows the sources: each batch of changes shows the pages of the resources saved at once, then rebuilds.
    /// Asked to poll, or without a system watcher, looks at every file twice a second.
    func watch(polling: Bool) async {
        #if canImport(Glibc)
        if !polling, let watcher = FileWatcher(root: options.root, folders: ["content", "templates"]) {
            for await paths in watcher.changes() {
                showEditedPages(paths)
                Task { await rebuild() }
            }
        }
        #endif
        say("L'aperçu regarde chaque fichier deux fois par seconde (\(polling ? "--poll" : "le système ne peut pas suivre tous les dossiers")).")
        var seen = InputScan(root: options.root).signatures
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            let now = InputScan(root: options.root).signatures
            if now != seen {
                showEditedPages(Set(now.keys).union(seen.keys).filter { now[$0] != seen[$0] }.sorted())
                seen = now
                await rebuild()
            }
        }
    }

    /// The pages of the resources among `paths` (or their mistakes), made from the last build's model.
    private func showEditedPages(_ paths: [String]) {
        guard errorPage == nil, let pageMaker else { return }
        let start = ContinuousClock.now
        batches += 1
        var shown: [String] = []
        var files: [String]? = []
        for path in paths where index.url(ofSource: path) != nil {
            let data = FileManager.default.contents(atPath: options.root.appendingPathComponent(path).path)
            switch pageMaker.page(source: path, data: data) {
            case let .page(file, html):
                editedPages[file] = (html, batches)
                editedMistakes[path] = nil
                shown.append(path)
                files?.append(file)
            case let .mistakes(diagnostics):
                editedMistakes[path] = (ErrorPage.html(diagnostics, root: options.root), batches)
                shown.append(path)
                files = nil
            case .rebuild:
                continue
            }
        }
        guard !shown.isEmpty else { return }
        version += 1
        let milliseconds = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
        say("[\(version)] Page de \(shown.joined(separator: ", ")) montrée en \(milliseconds) ms ; le reste du site suit.")
        announce(editedMistakes.isEmpty ? files : nil)
    }

    /// The number of the last build, its error page if it failed, and the page just made for a saved resource at
    /// `file` (`fiches/x/index.html`) if there is one.
    func shown(_ file: String = "") -> (version: Int, errorPage: String?, editedPage: String?) {
        (version, editedMistakes.values.max { $0.batch < $1.batch }?.page ?? errorPage, editedPages[file]?.html)
    }

    /// Calls `listener` at once with the current number and what changed since `since` of this run (`run`), then
    /// with each announcement; returns what stops it.
    func listen(since: Int?, run: String?, _ listener: @escaping @Sendable (String) -> Void) -> Int {
        nextListener += 1
        listeners[nextListener] = listener
        let newer = announced.filter { $0.version > since ?? .max }
        var files: [String]? = run == self.run && since.map { newer.count == version - $0 } == true ? [] : nil
        for item in newer {
            guard let named = item.files else { files = nil; break }
            files?.append(contentsOf: named)
        }
        listener(Self.message(version, files))
        return nextListener
    }

    func stopListening(_ id: Int) {
        listeners[id] = nil
    }

    /// A new number, with the files that changed (nil: any may have).
    private func announce(_ changed: [String]?) {
        announced = announced.suffix(Self.announcementsKept - 1) + [(version, changed)]
        let message = Self.message(version, changed)
        for listener in listeners.values { listener(message) }
    }

    /// `12`, `12 fiches/x/index.html …` or `12 *`; more than a hundred files are announced as `*`.
    private static func message(_ version: Int, _ files: [String]?) -> String {
        guard let files = files.map(Set.init), files.count <= 100 else { return "\(version) *" }
        return ([String(version)] + files.sorted()).joined(separator: " ")
    }

    private static let announcementsKept = 50
}
