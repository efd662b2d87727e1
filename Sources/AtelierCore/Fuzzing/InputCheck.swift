import Foundation

/// One input read alone, along the build's own path: the entry point of the fuzzing harness (`make fuzz`) and of the
/// bounded fuzz test in `make test`. Whatever the bytes, the check must end, and keep `Outcome.keepsTheRule`.
public enum InputCheck {
    public enum Target: UInt8, CaseIterable, Sendable {
        /// A file of `content/`: front matter, fields, then its Markdown text.
        case contentFile
        /// A Markdown text alone, as HTML and as the plain text of the e-mail edition.
        case markdown
        case siteConfig
        case boussole
        /// `grille.yml` as read; its references to themes and resources are checked later, against the content.
        case grid
    }

    public struct Outcome: Sendable {
        public let file: String
        public let diagnostics: [Diagnostic]
        /// A resource, a page, a rendered text or a configuration came out.
        public let produced: Bool

        /// Something came out, or an error says why in the file; and every diagnostic is placed in that file.
        public var keepsTheRule: Bool {
            (produced || diagnostics.contains { $0.severity == .error && $0.location.file == file })
                && diagnostics.allSatisfy { $0.location.file == file && $0.location.line >= 1 && $0.location.column >= 1 }
        }
    }

    /// The site the content files are read against: three kinds, two with typed fields, two axes.
    static let site: SiteConfig = {
        var log = DiagnosticLog()
        return SiteConfigLoader.load(text: """
        title: Essai
        base_url: https://exemple.fr
        link_types: { pdf: PDF, site: Site web }
        kinds:
          fiches: { singular: Fiche, plural: Fiches, sort: title }
          evenements:
            singular: Événement
            plural: Événements
            sort: debut
            fields:
              debut: { type: date-heure, required: true, role: debut }
              fin: { type: date-heure, role: fin }
              lieu: { type: texte, role: lieu }
              inscription: { type: url, role: inscription }
              public: { type: liste }
          parcours:
            singular: Parcours
            plural: Parcours
            fields:
              etapes: { type: etapes, required: true }
              durees: { type: selections }
        """, log: &log)!
    }()

    static let boussole: BoussoleConfig = {
        var log = DiagnosticLog()
        return BoussoleLoader.load(text: """
        axes:
          maturite: { label: Maturité, values: { accompagner: { label: Accompagner }, consolider: { label: Consolider } } }
          profils: { label: Profil, values: { acteurs-publics: { label: Acteurs publics } } }
        """, log: &log)!
    }()

    /// The first byte chooses the place of a content file (a resource, an event, a page, an editorial, the home text, a
    /// path), the rest is the file.
    public static func run(_ target: Target, bytes: [UInt8]) -> Outcome {
        var log = DiagnosticLog()
        switch target {
        case .contentFile:
            let places = ["fiches/essai.md", "evenements/essai.md", "pages/essai.md", "jeudis/2025-11-20.md", "index.md",
                          "parcours/essai.md"]
            let relative = places[Int(bytes.first ?? 0) % places.count]
            let reader = ContentFileReader(site: site, resources: ResourceReader(site: site, boussole: boussole))
            let read = reader.read(relative: relative, data: Data(bytes.dropFirst()))
            var diagnostics = read.log.items
            // The text is checked as the model would, published or not.
            if let body = read.resource?.body ?? read.page?.body ?? read.editorial?.body ?? read.rejected {
                var bodyLog = DiagnosticLog()
                _ = renderer.render(body, log: &bodyLog)
                diagnostics += bodyLog.items
            }
            return Outcome(file: "content/" + relative, diagnostics: diagnostics, produced: read.isRead)
        case .markdown:
            let source = MarkdownSource(file: "content/fiches/texte.md", text: String(decoding: bytes, as: UTF8.self), firstLine: 3)
            _ = renderer.render(source, log: &log)
            _ = renderer.plainText(source)
            return Outcome(file: source.file, diagnostics: log.items, produced: true)
        case .siteConfig:
            let produced = SiteConfigLoader.load(text: String(decoding: bytes, as: UTF8.self), log: &log) != nil
            return Outcome(file: SiteConfigLoader.path, diagnostics: log.items, produced: produced)
        case .boussole:
            let produced = BoussoleLoader.load(text: String(decoding: bytes, as: UTF8.self), log: &log) != nil
            return Outcome(file: BoussoleLoader.path, diagnostics: log.items, produced: produced)
        case .grid:
            let produced = GridLoader.load(text: String(decoding: bytes, as: UTF8.self), log: &log) != nil
            return Outcome(file: GridLoader.path, diagnostics: log.items, produced: produced)
        }
    }

    private static let renderer = MarkdownRenderer { path in
        path == "fiches/autre.md" ? MarkdownRenderer.LinkTarget(url: "/fiches/autre/") : nil
    }
}
