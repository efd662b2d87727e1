import AtelierCore
import Foundation

/// The last build of the preview: its number (which open pages watch), and its diagnostics.
actor PreviewSite {
    let options: BuildOptions
    let output: OutputFolder
    private(set) var version = 0
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var succeeded = false
    private var lastSnapshot: [String: Date] = [:]

    init(options: BuildOptions) {
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
        print("[\(version)] Site \(status) : \(report.pagesWritten) pages, \(diagnostics.count) remarque(s).")
        for diagnostic in diagnostics { print(diagnostic) }
    }

    /// Polls the sources twice a second; any added, removed or modified file triggers a rebuild.
    func watch() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            if snapshot() != lastSnapshot { rebuild() }
        }
    }


    private func snapshot() -> [String: Date] {
        var files: [String: Date] = [:]
        for folder in ["content", "templates"] {
            let base = options.root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(
                at: base, includingPropertiesForKeys: [.contentModificationDateKey], options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                files[url.path] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            }
        }
        return files
    }
}
