import Foundation
@testable import AtelierCore

/// A small site in a temporary folder, using the project's real templates.
struct Fixture {
    let root: URL

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let siteYAML = """
    title: "Site d'essai"
    description: "Un site pour les tests."
    base_url: "https://exemple.fr"
    language: fr
    timezone: Europe/Paris
    tag_index: themes
    page_size: 2
    link_types:
      pdf: PDF
      site: Site web
    kinds:
      fiches:
        singular: Fiche repère
        plural: Fiches repère
        sort: title
      evenements:
        singular: Événement
        plural: Événements
        sort: debut
        fields:
          debut: { type: date-heure, required: true, role: debut }
          fin: { type: date-heure, role: fin }
          lieu: { type: texte, required: true, label: Lieu, role: lieu }
          inscription: { type: url, role: inscription }
      parcours:
        singular: Parcours
        plural: Parcours
        sort: title
        fields:
          etapes: { type: etapes, required: true }
          durees: { type: selections, label: Durées }
    """

    static let boussoleYAML = """
    axes:
      maturite:
        label: Maturité
        values:
          accompagner: { label: Accompagner }
          consolider: { label: Consolider }
      profils:
        label: Profil
        values:
          acteurs-publics: { label: Acteurs publics }
          academiques: { label: Académiques }
    """

    init(files: [String: String] = [:], site: String = Fixture.siteYAML, boussole: String = Fixture.boussoleYAML) throws {
        // A folder of its own around the project, so that what happens beside the project can be checked too.
        root = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-\(UUID().uuidString)/projet")
        try FileManager.default.copyItem(at: Fixture.repository.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        try write("content/site.yml", site)
        try write("content/boussole.yml", boussole)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var output: URL { root.appendingPathComponent("public") }

    func build(date: String = "2025-11-20", drafts: Bool = false, strict: Bool = false, output: URL? = nil,
               force: Bool = false) -> BuildReport {
        Build.run(BuildOptions(root: root, output: output, date: LocalDate(iso: date)!, includeDrafts: drafts, strict: strict,
                               force: force))
    }

    /// Every file, folder and link below `folder`, hidden ones included, with its contents: what must not change.
    static func tree(_ folder: URL) -> [String: String] {
        var entries: [String: String] = [:]
        let base = folder.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            let path = base + "/" + relative
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                entries[relative] = "lien → \(target)"
            } else if let data = FileManager.default.contents(atPath: path) {
                entries[relative] = String(decoding: data, as: UTF8.self)
            } else {
                entries[relative] = "dossier"
            }
        }
        return entries
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every page of a paginated list, one after the other: `themes/odd-17/` then `themes/odd-17/page/2/`…
    func readAllPages(_ folder: String) -> String? {
        guard var text = read(folder + "index.html") else { return nil }
        var number = 2
        while let next = read(folder + "page/\(number)/index.html") {
            text += next
            number += 1
        }
        return text
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// The line and column (1-based) where `needle` is first written in `text`, after `line` if given.
    static func place(of needle: String, in text: String, after line: Int = 0) -> (line: Int, column: Int) {
        let lines = text.components(separatedBy: "\n")
        for (index, content) in lines.enumerated() where index + 1 > line {
            if let range = content.range(of: needle) {
                return (index + 1, content.distance(from: content.startIndex, to: range.lowerBound) + 1)
            }
        }
        return (0, 0)
    }

    func remove() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

    /// A resource file with sensible defaults, any field overridable.
    static func resource(title: String, date: String = "2025-11-01", tags: String = "[Co-construction, ODD 17]",
                         boussole: String = "{ maturite: accompagner, profils: [acteurs-publics] }",
                         extra: String = "", body: String = "Un texte.") -> String {
        """
        ---
        title: "\(title)"
        date: \(date)
        summary: "Résumé de \(title)."
        tags: \(tags)
        boussole: \(boussole)
        \(extra)
        ---

        \(body)
        """
    }
}
