import ArgumentParser
import AtelierCore
import Foundation

@main
struct Atelier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: "Génère le site « L'innovation territoriale en actions » à partir de content/ et templates/.",
        subcommands: [BuildCommand.self, CheckCommand.self, JeudiCommand.self, NewCommand.self, PublishCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self)
}

/// Options shared by every command that builds the site.
struct BuildArguments: ParsableArguments {
    @Option(help: "Dossier qui contient content/ et templates/.")
    var root: String = "."

    @Option(help: "Dossier où écrire le site (par défaut : <root>/public).")
    var output: String?

    @Option(help: ArgumentHelp("Date du jour pour la construction. Par défaut : SOURCE_DATE_EPOCH, sinon aujourd'hui.", valueName: "AAAA-MM-JJ"))
    var date: String?

    @Flag(help: "Inclure les brouillons et les ressources datées après --date.")
    var drafts = false

    @Flag(help: "Échouer aussi sur les avertissements.")
    var strict = false

    @Flag(help: "Afficher la durée de chaque étape (lecture, modèle, rendu, écriture).")
    var timings = false

    @Flag(help: "Écrire dans --output même s'il contient des fichiers qu'Atelier n'a pas écrits (ils disparaîtront).")
    var force = false

    /// Builds the site, prints the diagnostics and the summary line (or, with `json`, only the diagnostics, as JSON
    /// on the standard output); exits 1 when the build fails.
    func build(write: Bool = true, json: Bool = false) throws -> BuildSummary {
        let started = Date()
        var buildDate: LocalDate?
        if let date {
            guard let parsed = LocalDate(iso: date) else {
                throw ValidationError("--date attend une date réelle au format AAAA-MM-JJ, pas « \(date) »")
            }
            buildDate = parsed
        }
        var options = BuildOptions(root: URL(fileURLWithPath: root).standardizedFileURL,
                                   output: output.map { URL(fileURLWithPath: $0).standardizedFileURL }, outputLabel: output,
                                   date: buildDate, includeDrafts: drafts, strict: strict, write: write, force: force)
        options.waiting = { FileHandle.standardError.write(Data("Attente : \($0).\n".utf8)) }
        let report = Build.run(options)
        if json {
            print(DiagnosticsJSON.text(report.diagnostics, root: options.root), terminator: "")
            guard let summary = report.summary else { throw ExitCode(1) }
            return summary
        }
        let console = Console()
        console.show(report.diagnostics, root: options.root)
        defer { if timings { console.show(report) } }
        guard let summary = report.summary else {
            console.failure(report.diagnostics, strict: strict)
            throw ExitCode(1)
        }
        if write {
            console.success(summary, report: report, seconds: Date().timeIntervalSince(started))
        } else {
            console.checked(summary, report: report)
        }
        return summary
    }

    var outputPath: String { output ?? (root as NSString).appendingPathComponent("public") }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Construit le site dans public/ (ou --output).")

    @OptionGroup var arguments: BuildArguments

    func run() throws {
        _ = try arguments.build()
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie le contenu et les gabarits sans rien écrire : toutes les erreurs en une fois.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case texte, json
    }

    @OptionGroup var arguments: BuildArguments

    @Option(help: "texte : messages lisibles, avec la ligne en cause ; json : un tableau JSON pour un éditeur ou une CI.")
    var format: Format = .texte

    func run() throws {
        _ = try arguments.build(write: false, json: format == .json)
    }
}
