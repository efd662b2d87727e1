import ArgumentParser
import AtelierCore
import Foundation

/// `atelier serve` runs the preview server, which lives in its own package (Preview/) so that Hummingbird stays out of
/// the core: it finds the `atelier-preview` executable and becomes it, options passed through.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Aperçu du site pendant l'écriture : reconstruit à chaque enregistrement et recharge les pages ouvertes.",
        discussion: "S'il y a une erreur, la page ouverte l'affiche, avec la ligne en cause. Le serveur d'aperçu se construit avec make preview.")

    @Option(help: "Dossier qui contient content/ et templates/.")
    var root: String = "."

    @Option(help: ArgumentHelp("Date du jour pour la construction. Par défaut : SOURCE_DATE_EPOCH, sinon aujourd'hui.", valueName: "AAAA-MM-JJ"))
    var date: String?

    @Flag(help: "Montrer aussi les brouillons et les ressources datées après --date.")
    var drafts = false

    @Option(help: "Port d'écoute.")
    var port: Int = 8080

    @Option(help: ArgumentHelp("Adresse d'écoute : cette machine seulement par défaut.", valueName: "adresse"))
    var host: String = "127.0.0.1"

    @Flag(help: "Regarder chaque fichier deux fois par seconde au lieu d'attendre que le système signale les modifications : pour un dossier partagé (réseau, conteneur, machine virtuelle) où elles ne le sont pas.")
    var poll = false

    func run() throws {
        let candidates = PreviewExecutable.candidates(root: URL(fileURLWithPath: root))
        guard let preview = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw failure("""
            atelier serve a besoin du serveur d'aperçu (atelier-preview), introuvable à côté d'atelier, dans \
            Preview/.build et dans le PATH. Construisez-le avec « make preview » (quelques minutes la première fois), \
            puis relancez atelier serve.
            """)
        }
        var arguments = [preview, "--root", root, "--port", String(port), "--host", host]
        if let date { arguments += ["--date", date] }
        if drafts { arguments.append("--drafts") }
        if poll { arguments.append("--poll") }
        execv(preview, arguments.map { strdup($0) } + [nil])
        throw failure("impossible de lancer \(preview) : \(SystemReason.current)")
    }

    private func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(1)
    }
}

/// Where `atelier-preview` may be, in order: beside this executable (an install, or one build folder for both), in the
/// project's Preview/.build (`make preview`; the newer of its release and debug builds, so that an old build is not
/// run over a fresh one), then on the PATH.
enum PreviewExecutable {
    private static let name = "atelier-preview"

    static func candidates(root: URL) -> [String] {
        let beside = Bundle.main.executableURL.map { [$0.resolvingSymlinksInPath().deletingLastPathComponent()] } ?? []
        let project = ["release", "debug"].map { root.appendingPathComponent("Preview/.build/\($0)") }
            .sorted { modified($0) > modified($1) }
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return (beside + project + path).map { $0.appendingPathComponent(name).standardizedFileURL.path }
    }

    private static func modified(_ folder: URL) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
        return attributes?[.modificationDate] as? Date ?? .distantPast
    }
}
