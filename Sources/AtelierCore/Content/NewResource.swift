import Foundation

/// A content file to create: its path from the project folder, its text, and what the editor does next.
public struct NewFile: Sendable {
    /// `content/fiches/ete-2025-l-atelier.md`
    public let path: String
    public let text: String
    /// One French sentence, shown once the file is written.
    public let nextStep: String

    public init(path: String, text: String, nextStep: String) {
        self.path = path
        self.text = text
        self.nextStep = nextStep
    }
}

/// Why `atelier new` wrote nothing, as diagnostics for the command line to show.
public struct NewFileError: Error, Sendable {
    public let diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    init(_ code: DiagnosticCode, _ message: String, about subject: String = "atelier new", hint: String? = nil) {
        diagnostics = [Diagnostic(.error, code, message, at: .option(subject), hint: hint)]
    }
}

/// New content files shaped for what they are: a resource of a kind declared in site.yml, with every field of that
/// kind, or the editorial of a Thursday's issue. What the editor must write is left blank, with a comment saying
/// what it is, so that the build rejects the file until it is filled.
public enum NewResource {
    /// The word that asks for an editorial of the Jeudis rather than a resource.
    public static let editorial = "jeudi"

    /// The file `atelier new <kind> <title>` writes in the project at `root`. For an editorial, `title` is the
    /// Thursday's date. Without `date`, a resource goes on the platform today (`SOURCE_DATE_EPOCH` if set), in the site's
    /// time zone; its own date is left for the editor to give, if a source gives one.
    public static func make(root: URL, kind: String, title: String, date: LocalDate?) throws(NewFileError) -> NewFile {
        let (site, boussole) = try configuration(root: root)
        if kind == editorial { return try editorialFile(thursday: title) }
        guard let kindConfig = site.kind(kind) else { throw unknownKind(kind, site: site) }
        let day = date ?? Build.defaultDate(environment: ProcessInfo.processInfo.environment, timeZone: site.timeZone)
        return try resourceFile(kind: kindConfig, site: site, boussole: boussole, title: title, date: day)
    }

    /// Creates the file, never over another: a file already at its path is left as it is.
    public static func write(_ file: NewFile, root: URL) throws(NewFileError) {
        let url = root.appendingPathComponent(file.path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw NewFileError(.ecritureImpossible, "impossible de créer le dossier : \(SystemReason.of(error))", about: file.path)
        }
        // O_EXCL: the check that the file does not exist and its creation are one step, so nothing is ever replaced.
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw NewFileError(.fichierExistant, "ce fichier existe déjà : Atelier ne le remplace pas", about: file.path,
                                   hint: "ouvrez-le pour le compléter")
            }
            throw NewFileError(.ecritureImpossible, "impossible de créer le fichier : \(SystemReason.current)", about: file.path)
        }
        defer { close(descriptor) }
        guard FileDescriptor.writeAll(file.text, to: descriptor) else {
            let reason = SystemReason.current
            unlink(url.path)
            throw NewFileError(.ecritureImpossible, "impossible d'écrire le fichier : \(reason)", about: file.path)
        }
    }

    // MARK: - A resource

    /// A long title gives a file name cut at a word, well within what file systems and editors' tabs take.
    static let fileNameLength = 80

    /// `content/<kind>/<slug of the title>.md`: the common required fields, the kind's own, the optional ones
    /// commented out, and `draft: true`.
    static func resourceFile(kind: KindConfig, site: SiteConfig, boussole: BoussoleConfig, title: String,
                             date: LocalDate) throws(NewFileError) -> NewFile {
        let title = oneLine(title)
        let slug = Slug.shortened(Slug.make(title), to: fileNameLength)
        guard !slug.isEmpty else {
            throw NewFileError(.titreSansLettre, "le titre « \(title) » ne contient ni lettre ni chiffre : il ne peut pas donner de nom de fichier",
                               hint: "le nom du fichier est fait des lettres et des chiffres du titre")
        }
        // JSON's quoted strings are YAML's double-quoted scalars: quotes and backslashes in the title stay text.
        let header = ["\(FrontMatterKey.title.rawValue): \(JSONText.quoted(title))",
                      commentedOut(FrontMatterKey.date.rawValue, "AAAA-MM-JJ", "la date du document ou de l'événement, si une source la donne : "
                                   + "le jour, ou seulement le mois (AAAA-MM) ou l'année (AAAA) ; sans elle, la page dit « date non précisée »"),
                      "\(FrontMatterKey.onlineSince.rawValue): \(date)   # le jour où la ressource paraît sur la plateforme (et dans les Jeudis de cette semaine)"]
            + blanks(boussole: boussole)
            + kind.fields.map(kindLine) + optionalLines(site: site, slug: slug)
            + ["\(FrontMatterKey.draft.rawValue): true   # brouillon, jamais publié : écrivez false pour publier"]
        let lines = ["---"] + header + ["---", "", "Écrivez ici le texte de la ressource, en Markdown : des intertitres ##, des listes, des liens. "
                                        + "Pas de titre # : celui de la page vient de « title ».", ""]
        return NewFile(path: "content/\(kind.id)/\(slug).md", text: lines.joined(separator: "\n"),
                       nextStep: "Remplissez les champs marqués « À remplir » et écrivez le texte ; la ressource reste un brouillon tant que draft vaut true.")
    }

    /// The common fields the editor must fill: summary, tags and every axis of the boussole.
    private static func blanks(boussole: BoussoleConfig) -> [String] {
        [toFill(FrontMatterKey.summary.rawValue, "une ou deux phrases qui résument la ressource (elles s'affichent dans les listes et les flux)"),
         toFill(FrontMatterKey.tags.rawValue, "les thèmes, en liste : [ODD 17, Méthode] (la page /themes/ montre ceux qui existent)"),
         FrontMatterKey.boussole.rawValue + ":"]
            + boussole.axes.map { axis in
                "  " + toFill(axis.id, "\(axis.label) : \(alternatives(axis.values.map(\.id))) (une valeur, ou une liste : [a, b])")
            }
    }

    private static func kindLine(_ field: FieldSpec) -> String {
        let what = "\(field.label), \(describe(field.type))"
        return field.required ? toFill(field.name, what) : commentedOut(field.name, example(field.type), what)
    }

    /// The common optional fields but `draft`, each with an example.
    private static func optionalLines(site: SiteConfig, slug: String) -> [String] {
        [commentedOut(FrontMatterKey.partners.rawValue, "[]", "la liste des partenaires : [Le RAMEAU, ANCT]"),
         commentedOut(FrontMatterKey.links.rawValue, "[]", "documents et sites : [{ label: \"Télécharger le kit\", url: \"https://…\", type: pdf }] ; "
                      + "types : \(site.linkTypes.map(\.id).joined(separator: ", "))"),
         commentedOut(FrontMatterKey.expiration.rawValue, "AAAA-MM-JJ", "à partir de ce jour, la ressource quitte les listes et les flux (sa page reste, marquée « archivée »)"),
         commentedOut(FrontMatterKey.slug.rawValue, slug, "remplace le nom du fichier dans l'adresse"),
         commentedOut(FrontMatterKey.aliases.rawValue, "[]", "anciennes adresses qui doivent mener à cette page : [/ancienne/adresse/]")]
    }

    /// A field left blank for the editor: `summary:   # À remplir : …`.
    private static func toFill(_ name: String, _ what: String) -> String { "\(name):   # À remplir : \(oneLine(what))" }

    /// An optional field, commented out with an example value: `# lieu: ""   # facultatif : …`.
    private static func commentedOut(_ name: String, _ example: String, _ what: String) -> String {
        "# \(name): \(example)   # facultatif : \(oneLine(what))"
    }

    private static func describe(_ type: FieldSpec.FieldType) -> String {
        switch type {
        case .text: return "un texte"
        case .date: return "une date AAAA-MM-JJ"
        case .dateTime: return "AAAA-MM-JJ HH:MM, ou la date seule pour une journée entière"
        case .url: return "une adresse web (https://…)"
        case .list: return "une liste : [a, b]"
        case .steps: return "une liste d'étapes : [{ titre: \"…\", texte: \"…\", ressources: [kits/mon-kit] }]"
        case .selections: return "des choix d'étapes : [{ label: \"2 h\", etapes: [1, 2] }]"
        }
    }

    /// Example values that the build rejects until they are replaced, except the empty list, which is harmless.
    private static func example(_ type: FieldSpec.FieldType) -> String {
        switch type {
        case .text: return "\"\""
        case .date: return "AAAA-MM-JJ"
        case .dateTime: return "AAAA-MM-JJ HH:MM"
        case .url: return "https://…"
        case .list, .selections: return "[]"
        case .steps: return "[{ titre: \"\", texte: \"\" }]"
        }
    }

    /// « a, b ou c »
    private static func alternatives(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " ou " + words.last!
    }

    /// A title pasted with line breaks, tabs or invisible control characters would break the header: they become spaces.
    static func oneLine(_ text: String) -> String {
        let breaks: Set<Unicode.GeneralCategory> = [.control, .lineSeparator, .paragraphSeparator]
        let scalars = text.unicodeScalars.map { breaks.contains($0.properties.generalCategory) || $0 == "\u{FEFF}" ? " " : $0 }
        return String(String.UnicodeScalarView(scalars)).split(separator: " ").joined(separator: " ")
    }

    // MARK: - An editorial of the Jeudis

    /// `content/jeudis/AAAA-MM-JJ.md`, whose title is left blank: an editorial is published with its issue, it has
    /// no draft state.
    static func editorialFile(thursday text: String) throws(NewFileError) -> NewFile {
        guard let thursday = LocalDate(iso: text) else {
            throw NewFileError(.dateInvalide, "« \(text) » n'est pas une date", hint: "écrivez la date du jeudi sous la forme AAAA-MM-JJ, par exemple 2025-11-27")
        }
        guard thursday.weekday == 4 else {
            let before = Jeudis.thursday(onOrBefore: thursday), after = Jeudis.thursday(onOrAfter: thursday)
            throw NewFileError(.pasUnJeudi, "le \(thursday) est un \(FrenchDates.weekdays[thursday.weekday - 1]) : les Jeudis paraissent le jeudi",
                               hint: "le jeudi d'avant est le \(before), celui d'après le \(after)")
        }
        let lines = [
            "---",
            toFill("title", "le titre de l'éditorial du \(FrenchDates.withWeekday(thursday))"),
            commentedOut("summary", "\"\"", "une ou deux phrases qui présentent le numéro, dans l'archive des Jeudis"),
            commentedOut("a_la_une", "[]", "les ressources mises en avant, par leur chemin dans content/ sans .md : [kits/mon-kit]"),
            "---", "", "Écrivez ici l'éditorial du numéro, en Markdown.", "",
        ]
        return NewFile(path: "content/jeudis/\(thursday).md", text: lines.joined(separator: "\n"),
                       nextStep: "Écrivez le titre et le texte de l'éditorial : il paraîtra dans le numéro du \(FrenchDates.withWeekday(thursday)).")
    }

    // MARK: - The project

    /// site.yml and boussole.yml, read as the build reads them; a mistake in either stops here, since the new file
    /// is shaped after them.
    private static func configuration(root: URL) throws(NewFileError) -> (SiteConfig, BoussoleConfig) {
        let content = root.appendingPathComponent("content")
        guard FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yml").path) else {
            throw NewFileError(.fichierIntrouvable, "pas de content/site.yml dans « \(root.path) » : ce n'est pas le dossier d'un projet Atelier", about: "--root",
                               hint: "lancez la commande dans le dossier du projet, ou indiquez-le avec --root")
        }
        var log = DiagnosticLog()
        guard let configuration = ProjectConfiguration.load(root: root, log: &log) else { throw NewFileError(log.sorted) }
        return (configuration.site, configuration.boussole)
    }

    private static func unknownKind(_ kind: String, site: SiteConfig) -> NewFileError {
        let known = site.kinds.map(\.id) + [editorial]
        let suggestion = Suggestion.closest(to: kind, among: known)
        return NewFileError(.typeInconnu, "type inconnu : « \(kind) »" + (suggestion.map { " ; vouliez-vous dire « \($0) » ?" } ?? ""),
                            hint: "types déclarés dans content/site.yml : \(site.kinds.map(\.id).joined(separator: ", ")) ; "
                                + "ou \(editorial) suivi de la date, pour l'éditorial d'un numéro des Jeudis")
    }
}
