import ArgumentParser
import AtelierCore
import Foundation

/// `atelier publish`: sends the built site where visitors read it, as `publication.yml` says.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publie le site construit (public/) sur le serveur de publication.yml : une nouvelle version, puis la bascule.",
        discussion: "Le site doit avoir été construit (atelier build). Une seule construction ou publication à la fois.")

    @Option(help: "Dossier qui contient content/ et publication.yml.")
    var root: String = "."

    @Option(help: "Le site construit (par défaut : <root>/public).")
    var output: String?

    @Flag(help: "Lister ce qui serait envoyé, sans rien envoyer ni basculer.")
    var dryRun = false

    @Flag(help: "Revenir à la version précédente sur le serveur, en une étape.")
    var rollback = false

    func run() throws {
        let started = Date()
        let project = URL(fileURLWithPath: root).standardizedFileURL
        let console = Console()
        var log = DiagnosticLog()
        guard let config = PublicationConfig.load(root: project, log: &log) else {
            console.show(log.sorted, root: project)
            throw ExitCode(1)
        }
        let site = OutputFolder(output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? project.appendingPathComponent("public"))
        // No build may swap the site while it is being sent.
        let lock = try BuildLock(cache: BuildOptions(root: project).cacheFolder, output: site.live) {
            FileHandle.standardError.write(Data("Attente : \($0).\n".utf8))
        }
        defer { withExtendedLifetime(lock) {} }
        let publisher = ServerPublisher(server: config.server, site: site)
        do {
            if rollback {
                let release = try publisher.rollback()
                print("Retour en arrière : \(config.server.host) sert de nouveau la version \(release).")
                return
            }
            let summary = try publisher.publish(dryRun: dryRun)
            let seconds = FrenchNumbers.seconds(Date().timeIntervalSince(started))
            if summary.alreadyLive {
                print("Déjà en ligne : \(config.server.host) sert déjà ce site (version \(summary.release)) ; rien n'a été envoyé.")
            } else if dryRun {
                for path in summary.planned { print(path) }
                print("Essai : \(summary.filesSent) fichier(s) seraient envoyés (\(FrenchNumbers.bytes(summary.bytesSent))) "
                      + "dans la version \(summary.release) ; rien n'a été envoyé ni basculé.")
            } else {
                let linked = summary.previous == nil ? "" : ", les autres repris de la version précédente"
                let removed = summary.releasesRemoved.isEmpty ? "" : " ; \(summary.releasesRemoved.count) ancienne(s) version(s) supprimée(s)"
                print("Site publié sur \(config.server.host) : version \(summary.release), \(summary.filesSent) fichier(s) envoyé(s) "
                      + "(\(FrenchNumbers.bytes(summary.bytesSent)))\(linked)\(removed), en \(seconds) s.")
            }
        } catch {
            FileHandle.standardError.write(Data("Échec de la publication : \(SystemReason.of(error)). La version en ligne n'a pas changé.\n".utf8))
            throw ExitCode(1)
        }
    }
}
