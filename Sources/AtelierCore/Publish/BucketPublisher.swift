import Foundation

/// Publishes the built site to an S3-compatible bucket (OVH, Scaleway, Clever Cloud Cellar, any S3 API) with rclone.
/// What to send is decided from Atelier's own record of what it sent last time, without downloading anything: only
/// files whose bytes changed cross the network, and only files Atelier sent are ever deleted. Uploads come in three waves, so that no page is ever live before the
/// files it needs: first the files pages use (styles, scripts, images, search data), then the pages, then the home
/// page and the feeds that point at them. Deletions come last, and above `maxDeletions` only with `force`.
public struct BucketPublisher: SitePublisher {
    let bucket: PublicationConfig.Bucket
    let site: OutputFolder
    /// Atelier's record of the objects in the bucket and the fingerprint of each one's bytes.
    let record: URL
    public var progress: ((String) -> Void)?

    public init(bucket: PublicationConfig.Bucket, site: OutputFolder, root: URL) {
        self.bucket = bucket
        self.site = site
        let key = Fingerprint.of("\(bucket.endpoint) \(bucket.name) \(bucket.prefix)").description.replacingOccurrences(of: ":", with: "")
        record = root.appendingPathComponent(".atelier/compartiment-\(key.prefix(12)).txt")
    }

    public var destinationName: String { "le compartiment \(bucket.name)" }
    public var failureNote: String {
        "Les fichiers déjà envoyés l'ont été avant les pages qui les utilisent ; la prochaine publication reprendra le reste."
    }

    public func publish(dryRun: Bool, force: Bool) throws -> PublishSummary {
        guard let fingerprint = OutputMarker.fingerprint(of: site.live) else {
            throw OutputError("« \(site.requested.path) » n'est pas un site complet écrit par Atelier : construisez-le d'abord (atelier build)")
        }
        let environment = ProcessInfo.processInfo.environment
        guard environment[PublicationConfig.bucketKeyVariable] != nil, environment[PublicationConfig.bucketSecretVariable] != nil else {
            throw OutputError("clés du compartiment introuvables : définissez les variables \(PublicationConfig.bucketKeyVariable) "
                + "et \(PublicationConfig.bucketSecretVariable)")
        }
        let release = String("\(fingerprint)".replacingOccurrences(of: ":", with: "").prefix(12))
        let local = try Self.files(in: site.live)
        // Without a record (a first publication, or the cache deleted), everything is sent and nothing deleted: the
        // bucket may hold files that other tools put there.
        let remote = recorded() ?? [:]
        let changed = local.filter { remote[$0.key] != $0.value.hash }.keys.sorted()
        let doomed = remote.keys.filter { local[$0] == nil }.sorted()
        if changed.isEmpty && doomed.isEmpty {
            return PublishSummary(release: release, filesSent: 0, bytesSent: 0, releasesRemoved: [], alreadyLive: true, previous: nil,
                                  planned: [], deleted: [])
        }
        if doomed.count > bucket.maxDeletions && !force {
            throw OutputError("\(doomed.count) fichiers seraient supprimés du compartiment, plus que « suppressions_max » (\(bucket.maxDeletions)) : "
                + "rien n'a été envoyé. Vérifiez le site construit ; si ces suppressions sont voulues, relancez avec --force")
        }
        let bytes = changed.reduce(0) { $0 + local[$1]!.size }
        if dryRun {
            return PublishSummary(release: release, filesSent: changed.count, bytesSent: bytes, releasesRemoved: [], alreadyLive: false,
                                  previous: nil, planned: changed, deleted: doomed)
        }
        var sent = remote
        var done = 0
        for wave in Self.waves(changed) {
            for (cacheControl, paths) in Dictionary(grouping: wave, by: Self.cacheControl).sorted(by: { $0.key < $1.key }) {
                try withList(paths) {
                    try rclone(["copy", "--files-from-raw", $0, "--no-check-dest", "--no-traverse",
                                "--header-upload", "Cache-Control: \(cacheControl)", site.live.path, remotePath])
                }
                for path in paths { sent[path] = local[path]!.hash }
                done += paths.count
                progress?("\(done) fichiers sur \(changed.count)")
            }
            try save(sent, release: nil)  // what is in the bucket now, should the next wave fail
        }
        if !doomed.isEmpty {
            try withList(doomed) { try rclone(["delete", "--files-from-raw", $0, "--no-traverse", remotePath]) }
            for path in doomed { sent[path] = nil }
        }
        try save(sent, release: release)
        return PublishSummary(release: release, filesSent: changed.count, bytesSent: bytes, releasesRemoved: [], alreadyLive: false,
                              previous: nil, planned: [], deleted: doomed)
    }

    public func rollback() throws -> String {
        throw OutputError("un compartiment ne garde pas de versions : pour revenir en arrière, reconstruisez la version voulue et publiez-la")
    }

    public func liveRelease() throws -> String? {
        guard let bytes = FileDescriptor.readAll(record.path) else { return nil }
        let header = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix(Self.releaseLine) }
        return header.map { String($0.dropFirst(Self.releaseLine.count)) }
    }

    // MARK: Waves and headers

    /// Files pages use, then pages, then the pages that point at the others (the home page, feeds, sitemaps).
    static func waves(_ paths: [String]) -> [[String]] {
        func wave(_ path: String) -> Int {
            if path == "index.html" || path.hasSuffix(".xml") || path.hasSuffix(".xsl") { return 2 }
            return path.hasSuffix(".html") ? 1 : 0
        }
        let grouped = Dictionary(grouping: paths, by: wave)
        return (0...2).compactMap { grouped[$0] }
    }

    /// Pages and data change under the same name: a short life in caches. A file whose name carries a fingerprint of
    /// its bytes never changes: a year. Other files (styles, scripts, images): an hour.
    static func cacheControl(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        if name.range(of: #"\.[0-9a-f]{8,}\.[a-z0-9]+$"#, options: .regularExpression) != nil { return "public, max-age=31536000, immutable" }
        let pageTypes = ["html", "xml", "json", "txt", "ics", "webmanifest"]
        return pageTypes.contains((name as NSString).pathExtension) ? "public, max-age=300" : "public, max-age=3600"
    }

    // MARK: The site and the record

    /// The site's files (Atelier's marker aside), each with the fingerprint of its bytes and its size.
    static func files(in folder: URL) throws -> [String: (hash: Fingerprint, size: Int)] {
        var files: [String: (hash: Fingerprint, size: Int)] = [:]
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { throw OutputError("site illisible : \(folder.path)") }
        while let relative = walker.nextObject() as? String {
            guard relative != OutputMarker.fileName, let bytes = FileDescriptor.readAll(base + relative),
                  walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            files[relative] = (Fingerprint.of(bytes), bytes.count)
        }
        return files
    }

    private func recorded() -> [String: Fingerprint]? {
        guard let bytes = FileDescriptor.readAll(record.path) else { return nil }
        var objects: [String: Fingerprint] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2, let hash = Fingerprint(fields[0]) else { return nil }
            objects[String(fields[1])] = hash
        }
        return objects
    }

    private static let releaseLine = "# version : "

    /// The record; `release` is the site now whole in the bucket, nil while a publication is under way.
    private func save(_ objects: [String: Fingerprint], release: String?) throws {
        let lines = objects.sorted { $0.key < $1.key }.map { "\($0.value)\t\($0.key)" }
        let text = "# Ce qu'Atelier a envoyé dans \(destinationName) (\(bucket.endpoint)), fichier par fichier\n"
            + Self.releaseLine + (release ?? "inachevée (une publication s'est interrompue)") + "\n" + lines.joined(separator: "\n") + "\n"
        try FileManager.default.createDirectory(at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(text, to: record)
    }

    // MARK: rclone

    private var remotePath: String { "atelier:" + bucket.name + (bucket.prefix.isEmpty ? "" : "/" + bucket.prefix) }

    /// Runs `work` with the path of a file listing `paths`, for `--files-from-raw`.
    private func withList(_ paths: [String], _ work: (String) throws -> Void) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-envoi-\(getpid())-\(UUID().uuidString).txt")
        try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try work(file.path)
    }

    /// rclone with the remote `atelier:` described by its environment alone: no configuration file, and the keys never
    /// on its command line.
    @discardableResult
    private func rclone(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_CA_BUNDLE"] = nil  // Debian's rclone 1.60 refuses to start when it is set
        environment["RCLONE_CONFIG"] = "/dev/null"
        let settings = ["TYPE": "s3", "PROVIDER": bucket.provider, "ENDPOINT": bucket.endpoint, "REGION": bucket.region ?? "",
                        "ACCESS_KEY_ID": environment[PublicationConfig.bucketKeyVariable] ?? "",
                        "SECRET_ACCESS_KEY": environment[PublicationConfig.bucketSecretVariable] ?? ""]
        for (key, value) in settings where !value.isEmpty { environment["RCLONE_CONFIG_ATELIER_" + key] = value }
        // rclone tries every file even when the store is gone, each after a growing pause: the first file it gives up
        // on stops it, since Atelier sends again whatever its record does not show as sent.
        let result = try ExternalCommand.run("rclone", ["--quiet", "--retries", "1", "--low-level-retries", "3"] + arguments,
                                             environment: environment, stopWhen: { $0.contains(" ERROR : ") })
        guard result.status == 0 else {
            throw OutputError("envoi impossible vers \(destinationName) (rclone, code \(result.status)) : \(Self.reason(result.errors))")
        }
        return result.output
    }

    /// What rclone said, in French when it is one of the usual refusals.
    static func reason(_ errors: String) -> String {
        ExternalCommand.reason(errors, known: [
            ("SignatureDoesNotMatch", "clés refusées : la clé d'accès ou la clé secrète est fausse"),
            ("InvalidAccessKeyId", "clés refusées : cette clé d'accès est inconnue du service"),
            ("AccessDenied", "accès refusé : ces clés n'ont pas le droit d'écrire dans ce compartiment"),
            ("NoSuchBucket", "ce compartiment n'existe pas"),
            ("connection refused", "connexion refusée (le service ne répond pas à cette adresse)"),
            ("no such host", "nom de serveur inconnu"),
        ], speaker: "le service")
    }
}
