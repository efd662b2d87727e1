import AtelierCore
import Foundation

/// The last build of the preview: its number, which open pages listen for, and the error page while it failed. The
/// build cache stays in memory, so that a rebuild after an edit makes only what the edit changed.
actor PreviewSite {
    let options: BuildOptions
    let output: OutputFolder
    private var version = 0
    /// What every address shows while the last build failed.
    private var errorPage: String?
    /// What the last build that made the site says of it, for the editing form.
    private(set) var index = SiteIndex()
    private var lastSnapshot: [String: BuildCache.Signature] = [:]
    private var listeners: [Int: @Sendable (Int) -> Void] = [:]
    private var nextListener = 0

    init(options: BuildOptions) {
        var options = options
        options.memory = BuildCache()
        self.options = options
        output = OutputFolder(options.output)
    }

    func rebuild() {
        lastSnapshot = snapshot()
        let report = Build.run(options)
        version += 1
        errorPage = report.succeeded ? nil : ErrorPage.html(report.diagnostics, root: options.root)
        if let model = report.model { index = SiteIndex(model) }
        let status = report.succeeded ? "reconstruit" : "en erreur"
        let seconds = report.timings.map(\.seconds).reduce(0, +)
        say("[\(version)] Site \(status) en \(FrenchNumbers.seconds(seconds)) s : \(report.filesChanged) fichier(s) modifié(s), \(report.filesCarried) repris tels quels, \(report.diagnostics.count) remarque(s) (\(report.steps)).")
        if !report.diagnostics.isEmpty { say(String(DiagnosticText.render(report.diagnostics, root: options.root).dropLast())) }
        for listener in listeners.values { listener(version) }
    }

    /// Polls the sources twice a second; any added, removed or modified file triggers a rebuild.
    func watch() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            if snapshot() != lastSnapshot { rebuild() }
        }
    }

    /// The number of the last build, and its error page if it failed.
    var shown: (version: Int, errorPage: String?) { (version, errorPage) }

    /// Calls `listener` with the current build number at once, then with each new one; returns what stops it.
    func listen(_ listener: @escaping @Sendable (Int) -> Void) -> Int {
        nextListener += 1
        listeners[nextListener] = listener
        listener(version)
        return nextListener
    }

    func stopListening(_ id: Int) {
        listeners[id] = nil
    }

    private func snapshot() -> [String: BuildCache.Signature] {
        InputScan(root: options.root).signatures
    }
}
