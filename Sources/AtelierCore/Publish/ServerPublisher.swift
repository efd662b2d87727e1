import Foundation

/// What a publication did, for the line that ends it.
public struct PublishSummary: Sendable {
    /// The release now live, or that would be (dry run).
    public let release: String
    public let filesSent: Int
    public let bytesSent: Int
    /// The releases removed beyond those kept.
    public let releasesRemoved: [String]
    /// True when the live release already was this site: nothing was sent.
    public let alreadyLive: Bool
    /// The release that was live before, whose unchanged files the new one links to.
    public let previous: String?
    /// What a dry run would send.
    public let planned: [String]
    /// The files removed from a bucket (or that a dry run would remove).
    public let deleted: [String]
}

/// Where the built site goes: a server over SSH, or an S3-compatible bucket.
public protocol SitePublisher {
    /// How messages name it: « 127.0.0.1 », « le compartiment jeudis ».
    var destinationName: String { get }
    /// Sends the site; with `dryRun`, only says what would be sent. `force` allows deletions beyond the set limit.
    func publish(dryRun: Bool, force: Bool) throws -> PublishSummary
    /// Returns to the previous release; returns its name.
    func rollback() throws -> String
    /// What is live, as a sentence's subject; nil when nothing was published.
    func liveRelease() throws -> String?
    /// What a failed publication left live, for its message.
    var failureNote: String { get }
    /// Told how a long transfer goes, when someone watches: « 45 % (12,3 Mo) ».
    var progress: ((String) -> Void)? { get set }
}

/// Publishes the built site on a server over SSH, as releases: rsync copies it into a new folder of `releases/`,
/// hard-linking from the live release every file that did not change, then one rename points `current` at it. A
/// visitor of `current` sees the previous release or the new one, never a mix; `rollback` points `current` back.
/// OpenSSH and rsync do the work: Atelier only names the folders.
public struct ServerPublisher: SitePublisher {
    let server: PublicationConfig.Server
    /// The built site: a complete folder written by Atelier.
    let site: OutputFolder
    public var progress: ((String) -> Void)?

    public init(server: PublicationConfig.Server, site: OutputFolder) {
        self.server = server
        self.site = site
    }

    /// Sends the site, switches `current` to it and removes the releases beyond those kept; with `dryRun`, only lists
    /// what would be sent.
    public var destinationName: String { server.host }
    public var failureNote: String { "La version en ligne n'a pas changé." }

    public func publish(dryRun: Bool, force: Bool) throws -> PublishSummary { try publish(dryRun: dryRun, at: Date()) }

    func publish(dryRun: Bool, at moment: Date) throws -> PublishSummary {
        guard let fingerprint = OutputMarker.fingerprint(of: site.live) else {
            throw OutputError("« \(site.requested.path) » n'est pas un site complet écrit par Atelier : construisez-le d'abord (atelier build)")
        }
        let state = try remoteState()
        let stamp = "\(fingerprint)".prefix(12)
        if let live = state.live, live.hasSuffix("-" + stamp) {
            return PublishSummary(release: live, filesSent: 0, bytesSent: 0, releasesRemoved: [], alreadyLive: true, previous: live,
                                  planned: [], deleted: [])
        }
        let release = Self.releaseName(at: moment) + "-" + stamp
        var arguments = ["--archive", "--delete", "--stats", "--protect-args", "--exclude=/\(OutputMarker.fileName)",
                         "--rsh=" + sshCommand.map(Self.rsyncQuoted).joined(separator: " ")]
        if let live = state.live { arguments.append("--link-dest=\(server.folder)/releases/\(live)") }
        if dryRun { arguments += ["--dry-run", "--itemize-changes"] }
        if progress != nil && !dryRun { arguments.append("--info=progress2") }
        // Sent under a name no release has, then renamed: a transfer cut short never looks like a release.
        arguments += [site.live.path + "/", "\(destination):\(server.folder)/releases/\(release)\(Self.partial)/"]
        let transfer = try ExternalCommand.run("rsync", arguments, watch: progress.map { say in { Self.progressLine($0).map(say) } })
        guard transfer.status == 0 else {
            throw OutputError("envoi impossible vers \(server.host) (rsync, code \(transfer.status)) : \(Self.reason(transfer.errors))")
        }
        let stats = Self.statistics(transfer.output)
        if dryRun {
            let planned = transfer.output.split(separator: "\n").filter { $0.hasPrefix("<f") }
                .map { String($0.split(separator: " ", maxSplits: 1).last ?? "") }
            return PublishSummary(release: release, filesSent: stats.files, bytesSent: stats.bytes, releasesRemoved: [],
                                  alreadyLive: false, previous: state.live, planned: planned, deleted: [])
        }
        try switchCurrent(to: release, completing: true)
        let removed = try prune(keeping: release, previous: state.live, among: state.releases + [release])
        return PublishSummary(release: release, filesSent: stats.files, bytesSent: stats.bytes, releasesRemoved: removed,
                              alreadyLive: false, previous: state.live, planned: [], deleted: [])
    }

    /// Points `current` back at the release before the live one; returns its name.
    public func rollback() throws -> String {
        let state = try remoteState()
        guard let live = state.live, let index = state.releases.firstIndex(of: live) else {
            throw OutputError("aucune version en ligne sur \(server.host) : rien à annuler")
        }
        guard index > 0 else { throw OutputError("la version en ligne, \(live), est la plus ancienne gardée : pas de version précédente") }
        let previous = state.releases[index - 1]
        try switchCurrent(to: previous)
        return previous
    }

    /// The release `current` points at, or nil when none is live.
    public func liveRelease() throws -> String? { try remoteState().live }

    // MARK: The server

    /// The live release (where `current` points) and the releases on the server, oldest first. What a transfer cut
    /// short left behind is removed first.
    private func remoteState() throws -> (live: String?, releases: [String]) {
        let folder = ExternalCommand.quoted(server.folder)
        let script = "mkdir -p \(folder)/releases && cd \(folder) && rm -rf releases/*\(Self.partial) && ls -1 releases && echo '--' "
            + "&& (readlink current || true)"
        let listing = try ssh(script)
        let parts = listing.components(separatedBy: "--\n")
        let releases = parts[0].split(separator: "\n").map(String.init).filter(Self.isRelease).sorted()
        let live = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return (live.isEmpty ? nil : String(live.dropFirst("releases/".count)), releases)
    }

    /// `ln -sfn` then `mv -T`: the rename is the one step in which `current` changes. A release just sent is first
    /// given its name.
    private func switchCurrent(to release: String, completing: Bool = false) throws {
        let folder = ExternalCommand.quoted(server.folder)
        let target = ExternalCommand.quoted("releases/" + release)
        let naming = completing ? "mv -T \(ExternalCommand.quoted("releases/" + release + Self.partial)) \(target) && " : ""
        _ = try ssh("cd \(folder) && \(naming)test -d \(target) && ln -sfn \(target) current.atelier-tmp && mv -T current.atelier-tmp current")
    }

    private static let partial = ".partiel"

    /// Removes the oldest releases beyond `releasesKept`, never the live one or the one before it.
    private func prune(keeping live: String, previous: String?, among releases: [String]) throws -> [String] {
        let sorted = Set(releases).sorted()
        let doomed = sorted.dropLast(server.releasesKept).filter { $0 != live && $0 != previous }
        guard !doomed.isEmpty else { return [] }
        let folder = ExternalCommand.quoted(server.folder + "/releases")
        _ = try ssh("cd \(folder) && rm -rf -- " + doomed.map(ExternalCommand.quoted).joined(separator: " "))
        return Array(doomed)
    }

    private func ssh(_ script: String) throws -> String {
        let result = try ExternalCommand.run("ssh", Array(sshCommand.dropFirst()) + [destination, script])
        guard result.status == 0 else {
            throw OutputError("commande refusée par \(server.host) (ssh, code \(result.status)) : \(Self.reason(result.errors))")
        }
        return result.output
    }

    private var destination: String { server.user.map { "\($0)@\(server.host)" } ?? server.host }

    /// `ssh` and its options: never a question asked (no password prompt, no unknown host accepted in silence).
    private var sshCommand: [String] {
        var command = ["ssh", "-p", String(server.port), "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
        if let identity = server.identity { command += ["-i", identity, "-o", "IdentitiesOnly=yes"] }
        if let knownHosts = server.knownHosts { command += ["-o", "UserKnownHostsFile=\(knownHosts)", "-o", "StrictHostKeyChecking=yes"] }
        return command
    }

    // MARK: Words

    /// `20251120-130000123` (UTC, to the millisecond): releases sort by name in the order they were made.
    static func releaseName(at moment: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: moment)
        return String(format: "%04d%02d%02d-%02d%02d%02d%03d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                      c.nanosecond! / 1_000_000)
    }

    public static func isRelease(_ name: String) -> Bool {
        name.range(of: #"^\d{8}-\d{9}-[0-9a-f]+$"#, options: .regularExpression) != nil
    }

    /// rsync reads `--rsh` as words split at spaces, with quotes.
    private static func rsyncQuoted(_ word: String) -> String {
        word.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" }) ? "\"" + word.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : word
    }

    /// rsync's `--info=progress2` line, « 12,345,678  45%  1.23MB/s  0:00:09 … », as « 45 % (12,3 Mo) ».
    static func progressLine(_ chunk: String) -> String? {
        let pieces = chunk.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).reversed()
        for piece in pieces {
            let words = piece.split(separator: " ")
            guard words.count >= 2, words[1].hasSuffix("%"), let bytes = Int(words[0].filter(\.isNumber)) else { continue }
            return "\(words[1].dropLast()) % (\(FrenchNumbers.bytes(bytes)))"
        }
        return nil
    }

    /// « Number of regular files transferred: 12 », « Total transferred file size: 34,567 bytes ».
    static func statistics(_ output: String) -> (files: Int, bytes: Int) {
        func number(after label: String) -> Int {
            guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else { return 0 }
            return Int(line.dropFirst(label.count).prefix { $0 != "b" }.filter(\.isNumber)) ?? 0
        }
        return (number(after: "Number of regular files transferred:"), number(after: "Total transferred file size:"))
    }

    /// What ssh or rsync said, in French when it is one of the usual refusals; their own words otherwise.
    static func reason(_ errors: String) -> String {
        ExternalCommand.reason(errors, known: [
            ("Connection refused", "connexion refusée (le serveur SSH n'écoute pas sur ce port)"),
            ("Permission denied", "accès refusé : le serveur n'accepte pas cette clé pour ce compte"),
            ("Host key verification failed", "l'identité du serveur n'est pas celle attendue (hotes_connus)"),
            ("Could not resolve hostname", "nom de serveur inconnu"),
            ("Connection timed out", "le serveur ne répond pas"),
            ("No route to host", "le serveur est injoignable"),
            ("No space left on device", "plus de place sur le disque du serveur"),
            ("connection unexpectedly closed", "la connexion avec le serveur s'est interrompue pendant l'envoi"),
            ("unexplained error (code 255)", "la connexion avec le serveur s'est interrompue pendant l'envoi"),
        ], speaker: "le serveur")
    }
}
