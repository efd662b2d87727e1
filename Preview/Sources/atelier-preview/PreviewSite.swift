import AtelierCore
import Foundation

/// The last build of the preview: its number (which open pages watch), and its diagnostics. The build cache stays
/// in memory, so that a rebuild after an edit makes only what the edit changed.
actor PreviewSite {
    let options: BuildOptions
    let output: OutputFolder
    private(set) var version = 0
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var succeeded = false
    private var lastSnapshot: [String: BuildCache.Signature] = [:]

    init(options: BuildOptions) {
        var options = options
        options.memory = BuildCache()
        self.options = options
        output = OutputFolder(options.output)
    }

    func rebuild() {
        lastSnapshot = snapshot()
        let report = Build.run(options)
        diagnostics = report.diagnostics
        succeeded = report.succeeded
        version += 1
        let status = succeeded ? "reconstruit" : "en erreur"
        let seconds = report.timings.map(\.seconds).reduce(0, +)
        say("[\(version)] Site \(status) en \(FrenchNumbers.seconds(seconds)) s : \(report.filesChanged) fichier(s) modifié(s), \(report.filesCarried) repris tels quels, \(diagnostics.count) remarque(s) (\(report.steps)).")
        for diagnostic in diagnostics { say(diagnostic.description) }
    }

    /// Polls the sources twice a second; any added, removed or modified file triggers a rebuild.
    func watch() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            if snapshot() != lastSnapshot { rebuild() }
        }
    }

    private func snapshot() -> [String: BuildCache.Signature] {
        InputScan(root: options.root).signatures
    }
}
