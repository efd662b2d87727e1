import Foundation
import Yams

/// Where the site is published and to whom the Jeudis are sent, from `publication.yml` beside `content/`: committed,
/// since it holds no secret. The key that opens the server and the mail password stay outside the repository, and a
/// file that holds one is refused when others may read it.
public struct PublicationConfig: Sendable {
    public static let path = "publication.yml"
    /// The environment variable that holds the mail password, when no file is named.
    public static let mailPasswordVariable = "ATELIER_SMTP_MOT_DE_PASSE"

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

    /// An S3-compatible bucket, served to visitors by the provider or a CDN; its keys come from the environment.
    public struct Bucket: Sendable {
        /// rclone's name for the provider: Scaleway, Minio, SeaweedFS, Other (OVH, Clever Cloud Cellar and most others).
        public let provider: String
        public let endpoint: String
        public let region: String?
        public let name: String
        /// A folder of the bucket the site goes into, without slashes at its ends; empty for the whole bucket.
        public let prefix: String
        /// Deletions allowed in one publication without --force.
        public let maxDeletions: Int
    }

    /// The mail server the week's issue is handed to, and who receives it.
    public struct Mail: Sendable {
        public enum Security: String, Sendable, CaseIterable {
            case starttls, tls, aucune
        }

        /// `Les Jeudis de l'ODD 17 <jeudis@exemple.org>`, as written.
        public let sender: MailAddress
        /// The list's address (Sympa, Mailman) or a provider's relay: the issue is submitted there, once.
        public let list: String
        /// The editorial team's address, for the « bon à tirer ».
        public let proofReader: String?
        /// `jeudis.listes.exemple.org`, for the List-Id header.
        public let listID: String?
        /// An https address for one-click unsubscription (RFC 8058) and a mailto: address, as the list offers.
        public let unsubscribeWeb: String?
        public let unsubscribeMail: String?
        public let host: String
        public let port: Int
        public let security: Security
        public let user: String?
        /// A file outside the project that holds the password; nil to read ATELIER_SMTP_MOT_DE_PASSE.
        public let passwordFile: String?
        /// The certificate authorities to trust, for a server whose certificate the system does not know.
        public let trustFile: String?
        /// Submissions tried in one run when the server answers « try later », and the seconds between them.
        public let attempts: Int
        public let pause: Int
        /// The journal of the issues sent, relative to the project.
        public let journal: String
    }

    /// The environment variables that hold the bucket's access key and secret key.
    public static let bucketKeyVariable = "ATELIER_S3_CLE_ACCES"
    public static let bucketSecretVariable = "ATELIER_S3_CLE_SECRETE"

    /// One destination: a server or a bucket.
    public let server: Server?
    public let bucket: Bucket?
    public let mail: Mail?
    /// The public address checked after a publication; nil for the site's base_url.
    public let liveAddress: String?

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
              let map = YAMLMapping(document, file: file, what: path, log: &log) else { return nil }
        map.rejectUnknownKeys(allowed: ["serveur", "compartiment", "lettre", "verification"], context: "dans \(path)", log: &log)
        let before = log.items.count
        if (map["serveur"] == nil) == (map["compartiment"] == nil) {
            log.error(.champManquant, "une destination, une seule : « serveur » (SSH) ou « compartiment » (S3)", at: map.location,
                      hint: "voir le README, « Publier le site »")
        }
        let server = map["serveur"].flatMap { readServer($0, file: file, root: root, log: &log) }
        let bucket = map["compartiment"].flatMap { readBucket($0, file: file, log: &log) }
        let mail = map["lettre"].flatMap { readMail($0, file: file, root: root, log: &log) }
        var liveAddress: String?
        if let node = map["verification"], var check = YAMLMapping(node, file: file, what: "« verification »", log: &log) {
            check.rejectUnknownKeys(allowed: ["adresse"], context: "sous « verification »", log: &log)
            check.require(["adresse"], context: "sous « verification »", log: &log)
            liveAddress = check["adresse"].flatMap { file.url($0, field: "adresse", log: &log) }.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        }
        guard log.items.count == before, server != nil || bucket != nil else { return nil }
        return PublicationConfig(server: server, bucket: bucket, mail: mail, liveAddress: liveAddress)
    }

    /// What sends `site` where this configuration says.
    public func publisher(for site: OutputFolder, root: URL) -> any SitePublisher {
        if let server { return ServerPublisher(server: server, site: site) }
        return BucketPublisher(bucket: bucket!, site: site, root: root)
    }

    private static func readBucket(_ node: Node, file: YAMLFile, log: inout DiagnosticLog) -> Bucket? {
        guard var bucket = YAMLMapping(node, file: file, what: "« compartiment »", log: &log) else { return nil }
        bucket.rejectUnknownKeys(allowed: ["fournisseur", "point_d_acces", "region", "nom", "prefixe", "suppressions_max"],
                                 context: "sous « compartiment »", log: &log)
        bucket.require(["point_d_acces", "nom"], context: "sous « compartiment »", log: &log)
        let provider = bucket["fournisseur"].flatMap { file.text($0, field: "fournisseur", log: &log) } ?? "Other"
        let endpoint = bucket["point_d_acces"].flatMap { file.url($0, field: "point_d_acces", log: &log) }
        let region = bucket["region"].flatMap { file.text($0, field: "region", log: &log) }
        let name = bucket["nom"].flatMap { file.text($0, field: "nom", log: &log) }
        let prefix = bucket["prefixe"].flatMap { file.text($0, field: "prefixe", log: &log) }?
            .trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? ""
        let maxDeletions = bucket["suppressions_max"].flatMap { file.positiveInt($0, field: "suppressions_max", log: &log) } ?? 256
        guard let endpoint, let name else { return nil }
        return Bucket(provider: provider, endpoint: endpoint, region: region, name: name, prefix: prefix, maxDeletions: maxDeletions)
    }

    private static func readServer(_ node: Node, file: YAMLFile, root: URL, log: inout DiagnosticLog) -> Server? {
        guard var server = YAMLMapping(node, file: file, what: "« serveur »", log: &log) else { return nil }
        server.rejectUnknownKeys(allowed: ["hote", "port", "utilisateur", "dossier", "versions_gardees", "cle", "hotes_connus"],
                                 context: "sous « serveur »", log: &log)
        server.require(["hote", "dossier"], context: "sous « serveur »", log: &log)
        let host = server["hote"].flatMap { file.text($0, field: "hote", log: &log) }
        let port = server["port"].flatMap { file.positiveInt($0, field: "port", log: &log) } ?? 22
        let user = server["utilisateur"].flatMap { file.text($0, field: "utilisateur", log: &log) }
        let folder = server["dossier"].flatMap { file.text($0, field: "dossier", log: &log) }
        let kept = server["versions_gardees"].flatMap { file.positiveInt($0, field: "versions_gardees", log: &log) } ?? 5
        let identity = secretFile(server, "cle", file: file, root: root, what: "la clé", log: &log)
        let knownHosts = server["hotes_connus"].flatMap { file.text($0, field: "hotes_connus", log: &log) }.map(expandingHome)
        if let node = server["dossier"], let folder, !folder.hasPrefix("/") {
            log.error(.valeurInconnue, "« dossier » doit être un chemin absolu sur le serveur : « \(folder) »", at: file.location(node),
                      hint: "par exemple /srv/innovationterritoriale")
        }
        if let node = server["versions_gardees"], kept < 2 {
            log.error(.entierAttendu, "« versions_gardees » vaut au moins 2 : la version en ligne et celle d'avant, pour revenir en arrière",
                      at: file.location(node))
        }
        guard let host, let folder else { return nil }
        return Server(host: host, port: port, user: user, folder: folder, releasesKept: kept, identity: identity, knownHosts: knownHosts)
    }

    private static func readMail(_ node: Node, file: YAMLFile, root: URL, log: inout DiagnosticLog) -> Mail? {
        guard var mail = YAMLMapping(node, file: file, what: "« lettre »", log: &log) else { return nil }
        mail.rejectUnknownKeys(allowed: ["expediteur", "liste", "bat", "identifiant_liste", "desabonnement_web", "desabonnement_courriel",
                                         "journal", "smtp"], context: "sous « lettre »", log: &log)
        mail.require(["expediteur", "liste", "smtp"], context: "sous « lettre »", log: &log)
        let sender = mail["expediteur"].flatMap { node in
            file.text(node, field: "expediteur", log: &log).flatMap { address(MailAddress(parsing: $0), node, file: file, log: &log) }
        }
        let list = mail["liste"].flatMap { node in
            file.text(node, field: "liste", log: &log).flatMap { address(MailAddress(parsing: $0), node, file: file, log: &log)?.address }
        }
        let proofReader = mail["bat"].flatMap { node in
            file.text(node, field: "bat", log: &log).flatMap { address(MailAddress(parsing: $0), node, file: file, log: &log)?.address }
        }
        let listID = mail["identifiant_liste"].flatMap { file.text($0, field: "identifiant_liste", log: &log) }
        let web = mail["desabonnement_web"].flatMap { file.url($0, field: "desabonnement_web", log: &log) }
        let unsubscribeMail = mail["desabonnement_courriel"].flatMap { node in
            file.text(node, field: "desabonnement_courriel", log: &log).flatMap { address(MailAddress(parsing: $0), node, file: file, log: &log)?.address }
        }
        let journal = mail["journal"].flatMap { file.text($0, field: "journal", log: &log) } ?? "journal-des-envois.txt"
        guard let smtpNode = mail["smtp"], var smtp = YAMLMapping(smtpNode, file: file, what: "« smtp »", log: &log) else { return nil }
        smtp.rejectUnknownKeys(allowed: ["hote", "port", "securite", "utilisateur", "mot_de_passe_fichier", "autorite", "tentatives", "pause"],
                               context: "sous « smtp »", log: &log)
        smtp.require(["hote"], context: "sous « smtp »", log: &log)
        let host = smtp["hote"].flatMap { file.text($0, field: "hote", log: &log) }
        var security = Mail.Security.starttls
        if let node = smtp["securite"], let word = file.text(node, field: "securite", log: &log) {
            if let known = Mail.Security(rawValue: word) {
                security = known
            } else {
                log.error(.valeurInconnue, "« securite » vaut starttls, tls ou aucune, pas « \(word) »", at: file.location(node))
            }
        }
        let port = smtp["port"].flatMap { file.positiveInt($0, field: "port", log: &log) } ?? (security == .tls ? 465 : 587)
        let user = smtp["utilisateur"].flatMap { file.text($0, field: "utilisateur", log: &log) }
        let passwordFile = secretFile(smtp, "mot_de_passe_fichier", file: file, root: root, what: "le fichier du mot de passe", log: &log)
        let trustFile = smtp["autorite"].flatMap { file.text($0, field: "autorite", log: &log) }.map(expandingHome)
        let attempts = smtp["tentatives"].flatMap { file.positiveInt($0, field: "tentatives", log: &log) } ?? 3
        let pause = smtp["pause"].flatMap { node -> Int? in
            if case .scalar = node, let value = node.int, value >= 0 { return value }
            log.error(.entierAttendu, "« pause » doit être un nombre de secondes", at: file.location(node))
            return nil
        } ?? 60
        guard let sender, let list, let host else { return nil }
        return Mail(sender: sender, list: list, proofReader: proofReader, listID: listID, unsubscribeWeb: web,
                    unsubscribeMail: unsubscribeMail, host: host, port: port, security: security, user: user, passwordFile: passwordFile,
                    trustFile: trustFile, attempts: attempts, pause: pause, journal: journal)
    }

    private static func address(_ parsed: MailAddress?, _ node: Node, file: YAMLFile, log: inout DiagnosticLog) -> MailAddress? {
        if parsed == nil {
            log.error(.adresseInvalide, "adresse électronique invalide : « \(node.string ?? "") »", at: file.location(node),
                      hint: "par exemple jeudis@exemple.org, ou « Les Jeudis de l'ODD 17 <jeudis@exemple.org> »")
        }
        return parsed
    }

    /// A path to a file holding a secret, refused when it is missing, in the project or readable by others.
    private static func secretFile(_ map: YAMLMapping, _ key: String, file: YAMLFile, root: URL, what: String,
                                   log: inout DiagnosticLog) -> String? {
        guard let node = map[key], let path = file.text(node, field: key, log: &log).map(expandingHome) else { return nil }
        if let problem = Secrets.problem(withFileAt: path, what: what, root: root) {
            log.error(.secretExpose, problem, at: file.location(node), hint: "gardez-le hors du dépôt, lisible par vous seul : chmod 600 \(path)")
        }
        return path
    }

    private static func expandingHome(_ path: String) -> String { (path as NSString).expandingTildeInPath }
}

/// Secrets stay out of the repository and out of others' reach.
enum Secrets {
    /// Why the secret file at `path` may not be used, or nil: missing, inside the project, or readable by others.
    static func problem(withFileAt path: String, what: String, root: URL) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return "\(what) « \(path) » est introuvable : \(SystemReason.current)" }
        if PhysicalPath.isInside(PhysicalPath.resolve(URL(fileURLWithPath: path)), PhysicalPath.resolve(root)) {
            return "\(what) « \(path) » est dans le projet : ce secret finirait dans le dépôt"
        }
        if status.st_mode & 0o077 != 0 {
            return "\(what) « \(path) » est lisible par d'autres que vous (droits \(String(status.st_mode & 0o777, radix: 8)))"
        }
        return nil
    }
}
