import Foundation
import Testing
@testable import AtelierCore

/// `atelier new`: a new file has every field of its kind, the build refuses it until each blank is filled, and
/// nothing is ever written over an existing file.
@Suite struct NewResourceTests {
    static let title = "Été 2025 : l'atelier"
    static let day = LocalDate(iso: "2025-11-20")!

    /// The fixture's site with one more kind, whose fields have every type, required or not.
    static let customSite = Fixture.siteYAML + """

      ateliers:
        singular: Atelier
        plural: Ateliers
        fields:
          animateur: { type: texte, required: true, label: Animateur }
          jour: { type: date, required: true }
          ouverture: { type: date-heure, required: true, label: Ouverture }
          programme: { type: url, required: true, label: Programme }
          publics: { type: liste, required: true, label: Publics }
          salle: { type: texte, label: Salle }
          cloture: { type: date, label: Clôture }
          replay: { type: url }
          intervenants: { type: liste }
          deroule: { type: etapes, required: true, label: Déroulé }
          formats: { type: selections, label: Formats }
    """

    static func configuration(site: String, boussole: String) throws -> (SiteConfig, BoussoleConfig) {
        var log = DiagnosticLog()
        let config = try #require(SiteConfigLoader.load(text: site, log: &log))
        let axes = try #require(BoussoleLoader.load(text: boussole, log: &log))
        #expect(log.items.isEmpty, "\(log.items)")
        return (config, axes)
    }

    /// The lines left for the editor: (line number in the file, key, indentation).
    static func blanks(in text: String) -> [(line: Int, key: String, indent: Int)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard line.contains("# À remplir"), !line.hasPrefix("#") else { return nil }
            let indent = line.prefix { $0 == " " }.count
            return (index + 1, String(line.dropFirst(indent).prefix { $0 != ":" }), indent)
        }
    }

    /// What an editor would write on each blank line.
    static func filled(_ text: String, kind: KindConfig, boussole: BoussoleConfig) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let byLine = Dictionary(uniqueKeysWithValues: blanks(in: text).map { ($0.line, $0) })
        return lines.enumerated().map { index, line in
            guard let blank = byLine[index + 1] else { return line }
            let value: String
            if blank.indent > 0 {
                value = boussole.axes.first { $0.id == blank.key }!.values[0].id
            } else if let field = kind.field(blank.key) {
                value = ["texte": "Lyon", "date": "2025-11-20", "date-heure": "2025-11-20 13:00",
                         "url": "https://exemple.fr/atelier", "liste": "[élus, agents]",
                         "etapes": "[{ titre: Accueil, texte: \"Se présenter.\" }, { titre: Atelier, texte: \"Travailler.\" }]",
                         "selections": "[{ label: Court, etapes: [1] }]"][field.type.rawValue]!
            } else {
                value = ["summary": "Un résumé.", "title": "Un titre"][blank.key] ?? "[Essai]"
            }
            return String(repeating: " ", count: blank.indent) + blank.key + ": " + value
        }.joined(separator: "\n")
    }

    /// Each kind's new file, written in a fixture project: one error per blank, at its line; once filled, the
    /// resource is built (as a draft), and published once `draft` is false.
    static func checkEveryKind(site: String, boussole: String) throws {
        let (config, axes) = try Self.configuration(site: site, boussole: boussole)
        for kind in config.kinds {
            let file = try NewResource.resourceFile(kind: kind, site: config, boussole: axes, title: Self.title, date: Self.day)
            #expect(file.path == "content/\(kind.id)/ete-2025-l-atelier.md")
            let project = try Fixture(files: [file.path: file.text], site: site, boussole: boussole)
            defer { project.remove() }

            let refused = project.build(drafts: true)
            #expect(!refused.succeeded)
            let errors = refused.diagnostics.filter { $0.severity == .error }
            let blanks = Self.blanks(in: file.text)
            #expect(blanks.count == 2 + axes.axes.count + kind.fields.filter(\.required).count, "\(kind.id)")
            #expect(errors.count == blanks.count, "\(kind.id): \(errors.map(\.description).joined(separator: "\n"))")
            for blank in blanks {
                let name = blank.indent > 0 ? "boussole.\(blank.key)" : blank.key
                #expect(errors.contains {
                    $0.location == SourceLocation(file: file.path, line: blank.line, column: blank.indent + 1)
                        && $0.message == "« \(name) » est à remplir"
                }, "\(kind.id): \(name) at line \(blank.line)\n\(errors.map(\.description).joined(separator: "\n"))")
            }

            let text = Self.filled(file.text, kind: kind, boussole: axes)
            try project.write(file.path, text)
            let draft = project.build(drafts: true)
            #expect(draft.succeeded, "\(kind.id): \(draft.diagnostics)")
            #expect(draft.model?.entries(ofKind: kind.id).map(\.resource.title) == [FrenchTypography.apply(Self.title)])
            #expect(project.build().model?.entries(ofKind: kind.id).isEmpty == true, "a draft is not published")

            try project.write(file.path, text.replacingOccurrences(of: "draft: true", with: "draft: false"))
            #expect(project.build().succeeded)
            #expect(project.exists("\(kind.id)/ete-2025-l-atelier/index.html"))
        }
    }

    @Test func aKindWithFieldsOfEveryTypeIsRefusedUntilFilledThenBuilt() throws {
        try Self.checkEveryKind(site: Self.customSite, boussole: Fixture.boussoleYAML)
    }

    @Test func everyFieldIsThereInOrderTheOptionalOnesCommentedOut() throws {
        let (config, axes) = try Self.configuration(site: Self.customSite, boussole: Fixture.boussoleYAML)
        let kind = try #require(config.kind("ateliers"))
        let text = try NewResource.resourceFile(kind: kind, site: config, boussole: axes, title: Self.title, date: Self.day).text
        let header = text.components(separatedBy: "---\n")[1].split(separator: "\n").map(String.init)
        let keys = header.filter { !$0.hasPrefix(" ") }.map { String($0.replacingOccurrences(of: "# ", with: "").prefix { $0 != ":" }) }
        #expect(Set(keys) == Set(FrontMatterKey.allCases.map(\.rawValue) + kind.fields.map(\.name)))
        #expect(Array(keys.prefix(6)) == ["title", "date", "mise_en_ligne", "summary", "tags", "boussole"])
        #expect(Array(keys[6..<(6 + kind.fields.count)]) == kind.fields.map(\.name))
        #expect(keys.last == "draft")
        #expect(header.contains("title: \"Été 2025 : l'atelier\""))
        // The day it goes on the platform is today's; the document's own date is left to the editor, if a source gives it.
        #expect(header.contains("mise_en_ligne: 2025-11-20   # le jour où la ressource paraît sur la plateforme (et dans les Jeudis de cette semaine)"))
        #expect(header.contains { $0.hasPrefix("# date: AAAA-MM-JJ   # facultatif : la date du document ou de l'événement") })
        #expect(header.contains("  maturite:   # À remplir : Maturité : accompagner ou consolider (une valeur, ou une liste : [a, b])"))
        #expect(header.contains("# salle: \"\"   # facultatif : Salle, un texte"))
        #expect(header.contains("draft: true   # brouillon, jamais publié : écrivez false pour publier"))
        for field in kind.fields where !field.required {
            #expect(header.contains { $0.hasPrefix("# \(field.name): ") && $0.contains("# facultatif : \(field.label)") })
        }
        #expect(text.hasSuffix("---\n\nÉcrivez ici le texte de la ressource, en Markdown : des intertitres ##, des listes, des liens. "
                               + "Pas de titre # : celui de la page vient de « title ».\n"))
    }

    @Test func aTitleWithQuotesAndLineBreaksStaysOneLineOfYAML() throws {
        let (config, axes) = try Self.configuration(site: Fixture.siteYAML, boussole: Fixture.boussoleYAML)
        let kind = try #require(config.kind("fiches"))
        let file = try NewResource.resourceFile(kind: kind, site: config, boussole: axes,
                                                title: "Le \"kit\" \\ des\nélus\u{2028}locaux\u{7}", date: Self.day)
        #expect(file.path == "content/fiches/le-kit-des-elus-locaux.md")
        let project = try Fixture(files: [file.path: Self.filled(file.text, kind: kind, boussole: axes)])
        defer { project.remove() }
        let report = project.build(drafts: true)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.model?.entries.map(\.resource.title) == [FrenchTypography.apply("Le \"kit\" \\ des élus locaux")])
    }

    @Test func neverWritesOverAnExistingFile() throws {
        let project = try Fixture()
        defer { project.remove() }
        let first = try NewResource.make(root: project.root, kind: "fiches", title: Self.title, date: Self.day)
        try NewResource.write(first, root: project.root)
        let edited = Data((first.text + "Un texte déjà commencé.\n").utf8)
        let url = project.root.appendingPathComponent(first.path)
        try edited.write(to: url)

        let second = try NewResource.make(root: project.root, kind: "fiches", title: Self.title, date: LocalDate(iso: "2025-12-01")!)
        #expect(second.path == first.path)
        let error = try #require(throws: NewFileError.self) { try NewResource.write(second, root: project.root) }
        #expect(error.diagnostics.map(\.location) == [.option(first.path)])
        #expect(error.diagnostics.first?.message.contains("existe déjà") == true)
        #expect(try Data(contentsOf: url) == edited)
    }

    @Test func anUnknownKindOrATitleWithoutLettersIsRefused() throws {
        let project = try Fixture()
        defer { project.remove() }
        let unknown = try #require(throws: NewFileError.self) {
            try NewResource.make(root: project.root, kind: "fiche", title: Self.title, date: Self.day)
        }
        #expect(unknown.diagnostics.first?.message == "type inconnu : « fiche » ; vouliez-vous dire « fiches » ?")
        #expect(unknown.diagnostics.first?.hint?.contains("fiches, evenements") == true)
        let empty = try #require(throws: NewFileError.self) {
            try NewResource.make(root: project.root, kind: "fiches", title: " « ! » ", date: Self.day)
        }
        #expect(empty.diagnostics.first?.message.contains("ni lettre ni chiffre") == true)
        #expect(FileTree.files(in: project.root.appendingPathComponent("content")).sorted() == ["boussole.yml", "site.yml"])
    }

    @Test func aMistakeInTheConfigurationStopsBeforeAnythingIsWritten() throws {
        let project = try Fixture(boussole: "axes: [maturite]")
        defer { project.remove() }
        let error = try #require(throws: NewFileError.self) {
            try NewResource.make(root: project.root, kind: "fiches", title: Self.title, date: Self.day)
        }
        #expect(error.diagnostics.first?.location.file == "content/boussole.yml")
    }

    @Test func anEditorialIsForAThursdayOnly() throws {
        let project = try Fixture(files: ["content/fiches/une.md": Fixture.resource(title: "Une", date: "2025-11-01")])
        defer { project.remove() }
        let wednesday = try #require(throws: NewFileError.self) {
            try NewResource.make(root: project.root, kind: "jeudi", title: "2025-11-26", date: nil)
        }
        #expect(wednesday.diagnostics.first?.message == "le 2025-11-26 est un mercredi : les Jeudis paraissent le jeudi")
        #expect(wednesday.diagnostics.first?.hint == "le jeudi d'avant est le 2025-11-20, celui d'après le 2025-11-27")
        #expect(throws: NewFileError.self) { try NewResource.make(root: project.root, kind: "jeudi", title: "27/11/2025", date: nil) }

        let file = try NewResource.make(root: project.root, kind: "jeudi", title: "2025-11-27", date: nil)
        #expect(file.path == "content/jeudis/2025-11-27.md")
        try NewResource.write(file, root: project.root)
        let errors = project.build(date: "2025-11-27").diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location) == [SourceLocation(file: file.path, line: 2, column: 1)])
        #expect(errors.map(\.message) == ["« title » est à remplir"])

        try project.write(file.path, file.text.replacingOccurrences(of: #"title:   # À remplir[^\n]*"#, with: "title: Spécial",
                                                                     options: .regularExpression))
        let report = project.build(date: "2025-11-27")
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.model?.jeudis.first { $0.thursday == LocalDate(iso: "2025-11-27") }?.editorial != nil)
        #expect(throws: NewFileError.self) { try NewResource.write(file, root: project.root) }
    }
}
