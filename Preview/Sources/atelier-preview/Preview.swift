import ArgumentParser
import AtelierCore
import Foundation
import Hummingbird

/// `atelier-preview`: builds the site into a preview folder, serves it on this machine, rebuilds when a file of
/// content/ or templates/ changes, and reloads the open pages. While the content has errors, every page shows them.
@main
struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier-preview",
        abstract: "Aperçu du site : reconstruit à chaque modification et recharge les pages ouvertes.")

    @Option(help: "Dossier qui contient content/ et templates/.")
    var root: String = "."

    @Option(help: "Port d'écoute, sur cette machine seulement (127.0.0.1).")
    var port: Int = 8080

    @Option(help: ArgumentHelp("Date du jour pour la construction.", valueName: "AAAA-MM-JJ"))
    var date: String?

    @Flag(help: "Montrer aussi les brouillons et les ressources datées après --date.")
    var drafts = false

    func run() async throws {
        var buildDate: LocalDate?
        if let date {
            guard let parsed = LocalDate(iso: date) else {
                throw ValidationError("--date attend une date réelle au format AAAA-MM-JJ, pas « \(date) »")
            }
            buildDate = parsed
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let options = BuildOptions(root: rootURL, output: rootURL.appendingPathComponent(".atelier/apercu"),
                                   outputLabel: ".atelier/apercu", date: buildDate, includeDrafts: drafts)
        let site = PreviewSite(options: options)
        await site.rebuild()
        let watcher = Task { await site.watch() }
        defer { watcher.cancel() }

        let app = Application(router: PreviewRoutes.router(site: site),
                              configuration: .init(address: .hostname("127.0.0.1", port: port)))
        say("Aperçu sur http://127.0.0.1:\(port)/ (Ctrl-C pour arrêter)")
        try await app.runService()
    }
}

/// One line of the server's log, written at once (unbuffered) even when the log goes to a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
