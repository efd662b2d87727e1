import ArgumentParser
import AtelierCore
import Foundation
import Hummingbird

/// `atelier-preview`, which `atelier serve` runs: builds the site into a preview folder, serves it, rebuilds when a
/// file of content/ or templates/ changes, and reloads the open pages. While the content has errors, every page shows
/// them.
@main
struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier-preview",
        abstract: "Aperçu du site : reconstruit à chaque modification et recharge les pages ouvertes.")

    @Option(help: "Dossier qui contient content/ et templates/.")
    var root: String = "."

    @Option(help: "Port d'écoute.")
    var port: Int = 8080

    @Option(help: ArgumentHelp("Adresse d'écoute : cette machine seulement par défaut.", valueName: "adresse"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("Date du jour pour la construction.", valueName: "AAAA-MM-JJ"))
    var date: String?

    @Flag(help: "Montrer aussi les brouillons et les ressources datées après --date.")
    var drafts = false

    @Flag(help: "Regarder chaque fichier deux fois par seconde au lieu d'attendre que le système signale les modifications.")
    var poll = false

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
        let watcher = Task { [poll] in await site.watch(polling: poll) }
        defer { watcher.cancel() }
        await site.rebuild()

        let edits = EditRoutes(site: site, guardian: EditGuard(host: host, port: port), files: ContentFiles(root: rootURL))
        let app = Application(router: PreviewRoutes.router(site: site, edits: edits),
                              configuration: .init(address: .hostname(host, port: port)))
        say("Aperçu sur http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (Ctrl-C pour arrêter)")
        // An open page keeps its event stream open, which a graceful shutdown would wait for without end: Ctrl-C
        // (or the system's request to stop, or the terminal closed) writes the cache and ends the preview at once,
        // which is safe since the preview folder holds a whole site at every instant. A second Ctrl-C does not wait
        // for the cache.
        let stops = ([SIGINT, SIGTERM, SIGHUP] as [Int32]).map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler {
                Task {
                    await site.stop()
                    Foundation.exit(0)
                }
            }
            source.resume()
            return source
        }
        defer { stops.forEach { $0.cancel() } }
        try await app.runService(gracefulShutdownSignals: [])
    }
}

/// One line of the server's log, written at once (unbuffered) even when the log goes to a file.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
