import ArgumentParser
import AtelierCore
import Foundation

/// `atelier publish`: sends the built site where visitors read it, as `publication.yml` says.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publie le site construit (public/) sur le serveur de publication.yml : une nouvelle version, puis la bascule.",
        discussion: """
            Le site doit avoir été construit (atelier build). Une seule construction ou publication à la fois. Le numéro de la \
            semaine se publie et s'envoie avec atelier jeudi --publier.
            """)

    @Option(help: "Dossier qui contient content/ et publication.yml.")
    var root: String = "."

    @Option(help: "Le site construit (par défaut : <root>/public).")
    var output: String?

    @Flag(help: "Lister ce qui serait envoyé, sans rien envoyer ni basculer.")
    var dryRun = false

    @Flag(help: "Supprimer du compartiment plus de fichiers que « suppressions_max ».")
    var force = false

    @Flag(help: "Revenir à la version précédente sur le serveur, en une étape.")
    var rollback = false

    @Flag(help: "Envoyer le bon à tirer du numéro des Jeudis (construit dans le site) à l'adresse « bat » de publication.yml seule.")
    var bat = false

    @Option(help: ArgumentHelp("Avec --bat : la date du numéro (par défaut, le prochain jeudi).", valueName: "AAAA-MM-JJ"))
    var date: String?

    @Flag(name: [.customLong("etat"), .customLong("status")],
          help: "Dire où en est la publication : version en ligne, dernier numéro envoyé, envois en suspens.")
    var etat = false

    func run() throws {
        let started = Date()
        let project = URL(fileURLWithPath: root).standardizedFileURL
        if bat { try sendProof(project) }
        let console = Console()
        var log = DiagnosticLog()
        guard let config = PublicationConfig.load(root: project, log: &log) else {
            console.show(log.sorted, root: project)
            throw ExitCode(1)
        }
        let site = OutputFolder(output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? project.appendingPathComponent("public"))
        var publisher = config.publisher(for: site, root: project)
        publisher.progress = Console.progress("Envoi vers \(publisher.destinationName)")
        if etat { return PublicationStatus(config: config, root: project, publisher: publisher).show() }
        // No build may swap the site while it is being sent.
        let lock = try BuildLock(cache: BuildOptions(root: project).cacheFolder, output: site.live) {
            FileHandle.standardError.write(Data("Attente : \($0).\n".utf8))
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            if rollback {
                let release = try publisher.rollback()
                print("Retour en arrière : \(publisher.destinationName) sert de nouveau la version \(release).")
                return
            }
            let summary = try publisher.publish(dryRun: dryRun, force: force)
            Console.endProgress()
            let seconds = FrenchNumbers.seconds(Date().timeIntervalSince(started))
            if summary.alreadyLive {
                print("Déjà en ligne : \(publisher.destinationName) sert déjà ce site (version \(summary.release)) ; rien n'a été envoyé.")
            } else if dryRun {
                for path in summary.planned { print(path) }
                for path in summary.deleted { print("supprimé : \(path)") }
                let deletions = summary.deleted.isEmpty ? "" : ", \(summary.deleted.count) supprimé(s)"
                print("Essai : \(summary.filesSent) fichier(s) seraient envoyés (\(FrenchNumbers.bytes(summary.bytesSent)))\(deletions) "
                      + "dans la version \(summary.release) ; rien n'a été envoyé ni basculé.")
            } else {
                let linked = summary.previous == nil ? "" : ", les autres repris de la version précédente"
                var removed = summary.releasesRemoved.isEmpty ? "" : " ; \(summary.releasesRemoved.count) ancienne(s) version(s) supprimée(s)"
                if !summary.deleted.isEmpty { removed += " ; \(summary.deleted.count) fichier(s) supprimé(s)" }
                print("Site publié sur \(publisher.destinationName) : version \(summary.release), \(summary.filesSent) fichier(s) envoyé(s) "
                      + "(\(FrenchNumbers.bytes(summary.bytesSent)))\(linked)\(removed), en \(seconds) s.")
            }
        } catch {
            Console.endProgress()
            FileHandle.standardError.write(Data("Échec de la publication : \(SystemReason.of(error)). \(publisher.failureNote)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The « bon à tirer » of the issue built in the site, to the editorial team only.
    private func sendProof(_ project: URL) throws -> Never {
        let today = LocalDate(Date(), in: PublicationDay.paris)
        guard let day = date.map(LocalDate.init(iso:)) ?? today.adding(days: 6) else {
            throw ValidationError("--date attend une date réelle au format AAAA-MM-JJ, pas « \(date ?? "") »")
        }
        let (config, mail) = try PublicationDay.configuration(of: project)
        let site = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? project.appendingPathComponent("public")
        let run = WeeklyRun(config: config, mail: mail, root: project, issue: Jeudis.thursday(onOrBefore: day),
                            siteAddress: SiteConfig.address(ofProjectAt: project) ?? "", say: { print($0) })
        try PublicationDay.finish(try run.sendProof(site: site))
    }
}
