import Foundation

/// After a publication, before anyone is told: the public addresses of the week's issue, the home page and the feeds
/// must answer 200 with the bytes this build wrote. curl does the fetching.
public struct LiveCheck {
    /// The site's public address, without a trailing slash.
    let address: String
    /// The built site the answers are compared with.
    let site: URL
    /// Tries per address, and the seconds between them.
    private let attempts = 3
    private let pause: UInt32 = 5

    public init(address: String, site: URL) {
        self.address = address
        self.site = site
    }

    /// The site paths to check for the issue of `thursday`.
    public static func paths(issue thursday: LocalDate) -> [String] {
        [SiteAddresses.home, JeudiIssue.url(of: thursday), SiteAddresses.feed, SiteAddresses.jeudisFeed]
    }

    /// What answered wrong, one sentence per address; empty when every address serves this build. A server or a
    /// cache in front of it may lag a little: the addresses that answered wrong are asked again a few times.
    public func problems(paths: [String]) throws -> [String] {
        var wrong = paths
        var said: [String] = []
        for attempt in 1...attempts {
            if attempt > 1 { sleep(pause) }
            said = []
            var stillWrong: [String] = []
            for path in wrong {
                if let problem = try check(path) {
                    stillWrong.append(path)
                    said.append(problem)
                }
            }
            wrong = stillWrong
            if wrong.isEmpty { return [] }
        }
        return said
    }

    private func check(_ path: String) throws -> String? {
        let url = address + path
        let local = site.appendingPathComponent(path.hasSuffix("/") ? String(path.dropFirst()) + "index.html" : String(path.dropFirst()))
        guard let expected = FileManager.default.contents(atPath: local.path) else {
            return "\(path) manque dans le site construit"
        }
        let received = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-verification-\(getpid())")
        defer { try? FileManager.default.removeItem(at: received) }
        let result = try ExternalCommand.run("curl", ["--silent", "--show-error", "--max-time", "30", "--header", "Cache-Control: no-cache",
                                                       "--output", received.path, "--write-out", "%{http_code}", url])
        guard result.status == 0 else {
            let reason = result.errors.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "curl: ", with: "")
            return "\(url) ne répond pas (\(reason))"
        }
        guard result.output == "200" else { return "\(url) répond \(result.output) au lieu de 200" }
        guard FileManager.default.contents(atPath: received.path) == expected else {
            return "\(url) répond 200, mais pas avec la page de cette construction"
        }
        return nil
    }
}
