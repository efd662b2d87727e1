import Foundation

/// `content/site.yml` and `content/boussole.yml` of a project, read as the build reads them: what new files are
/// shaped after and single files are checked against.
public struct ProjectConfiguration: Sendable {
    public let site: SiteConfig
    public let boussole: BoussoleConfig

    /// Nil, with the diagnostics in `log`, when either file is missing or has a mistake.
    public static func load(root: URL, log: inout DiagnosticLog) -> ProjectConfiguration? {
        let content = root.appendingPathComponent("content")
        var own = DiagnosticLog()
        let site = ContentLoader.read(content.appendingPathComponent("site.yml"), display: SiteConfigLoader.path, log: &own)
            .flatMap { SiteConfigLoader.load(text: $0, log: &own) }
        let boussole = ContentLoader.read(content.appendingPathComponent("boussole.yml"), display: BoussoleLoader.path, log: &own)
            .flatMap { BoussoleLoader.load(text: $0, log: &own) }
        log.append(contentsOf: own)
        guard !own.hasErrors, let site, let boussole else { return nil }
        return ProjectConfiguration(site: site, boussole: boussole)
    }
}
