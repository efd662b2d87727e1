import Foundation

/// Where the site is published, from `publication.yml` beside `content/`: committed, since it holds no secret. The
/// key that opens the server stays outside the repository (`cle:`, a path), and is refused when others may read it.
public struct PublicationConfig: Sendable {
    public static let path = "publication.yml"

    /// A server reached over SSH: each publication is a new folder of `releases/`, then `current` is switched to it.
    public struct Server: Sendable {
        public let host: String
        public let port: Int
        public let user: String?
        /// The folder that holds `releases/` and the `current` link, on the server.
        public let folder: String
        public let releasesKept: Int
        /// The private key to connect with; nil for ssh's own choice (its agent, ~/.ssh).
        public let identity: String?
        /// A known_hosts file of the project's; nil for the user's own.
        public let knownHosts: String?
    }

    public let server: Server

    /// The configuration of the project at `root`, or nil with every mistake in `log`.
    public static func load(root: URL, log: inout DiagnosticLog) -> PublicationConfig? {
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error(.fichierIntrouvable, "fichier introuvable : Atelier ne sait pas où publier le site", at: SourceLocation(file: path),
                      hint: "créez publication.yml à côté de content/, avec une section « serveur » (voir le README, « Publier le site »)")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(.encodageInvalide, "fichier illisible (encodage UTF-8 attendu)", at: SourceLocation(file: path))
            return nil
        }
        let file = YAMLFile(path: path, lineOffset: 0)
        guard let document = file.parse(text, log: &log),
              var map = YAMLMapping(document, file: file, what: path, log: &log) else { return nil }
        map.rejectUnknownKeys(allowed: ["serveur"], context: "dans \(path)", log: &log)
        map.require(["serveur"], context: "dans \(path)", log: &log)
        let before = log.items.count
        guard let node = map["serveur"], var server = YAMLMapping(node, file: file, what: "« serveur »", log: &log) else { return nil }
        server.rejectUnknownKeys(allowed: ["hote", "port", "utilisateur", "dossier", "versions_gardees", "cle", "hotes_connus"],
                                 context: "sous « serveur »", log: &log)
        server.require(["hote", "dossier"], context: "sous « serveur »", log: &log)
        let host = server["hote"].flatMap { file.text($0, field: "hote", log: &log) }
        let port = server["port"].flatMap { file.positiveInt($0, field: "port", log: &log) } ?? 22
        let user = server["utilisateur"].flatMap { file.text($0, field: "utilisateur", log: &log) }
        let folder = server["dossier"].flatMap { file.text($0, field: "dossier", log: &log) }
        let kept = server["versions_gardees"].flatMap { file.positiveInt($0, field: "versions_gardees", log: &log) } ?? 5
        let identity = server["cle"].flatMap { file.text($0, field: "cle", log: &log) }.map(expandingHome)
        let knownHosts = server["hotes_connus"].flatMap { file.text($0, field: "hotes_connus", log: &log) }.map(expandingHome)
        if let node = server["dossier"], let folder, !folder.hasPrefix("/") {
            log.error(.valeurInconnue, "« dossier » doit être un chemin absolu sur le serveur : « \(folder) »", at: file.location(node),
                      hint: "par exemple /srv/innovationterritoriale")
        }
        if let node = server["versions_gardees"], kept < 2 {
            log.error(.entierAttendu, "« versions_gardees » vaut au moins 2 : la version en ligne et celle d'avant, pour revenir en arrière",
                      at: file.location(node))
        }
        if let node = server["cle"], let identity {
            if let problem = Secrets.problem(withKeyAt: identity, root: root) {
                log.error(.secretExpose, problem, at: file.location(node),
                          hint: "gardez la clé hors du dépôt, lisible par vous seul : chmod 600 \(identity)")
            }
        }
        guard log.items.count == before, let host, let folder else { return nil }
        return PublicationConfig(server: Server(host: host, port: port, user: user, folder: folder, releasesKept: kept,
                                                identity: identity, knownHosts: knownHosts))
    }

    private static func expandingHome(_ path: String) -> String { (path as NSString).expandingTildeInPath }
}

/// Secrets stay out of the repository and out of others' reach.
enum Secrets {
    /// Why the private key at `path` may not be used, or nil: missing, inside the project, or readable by others.
    static func problem(withKeyAt path: String, root: URL) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return "la clé « \(path) » est introuvable : \(SystemReason.current)" }
        if PhysicalPath.isInside(PhysicalPath.resolve(URL(fileURLWithPath: path)), PhysicalPath.resolve(root)) {
            return "la clé « \(path) » est dans le projet : elle finirait dans le dépôt"
        }
        if status.st_mode & 0o077 != 0 {
            return "la clé « \(path) » est lisible par d'autres que vous (droits \(String(status.st_mode & 0o777, radix: 8)))"
        }
        return nil
    }
}
