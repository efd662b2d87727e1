import ArgumentParser
import AtelierCore
import Foundation

@main
struct Atelier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: "Génère le site « L'innovation territoriale en actions » à partir de content/ et templates/.",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self)
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Construit le site dans public/ (ou --output).")

    @Option(help: "Dossier qui contient content/ et templates/.")
    var root: String = "."

    @Option(help: "Dossier où écrire le site (par défaut : <root>/public).")
    var output: String?

    @Option(help: ArgumentHelp("Date du jour pour la construction (AAAA-MM-JJ). Par défaut : SOURCE_DATE_EPOCH, sinon aujourd'hui.", valueName: "AAAA-MM-JJ"))
    var date: String?

    @Flag(help: "Inclure les brouillons et les ressources datées après --date.")
    var drafts = false

    @Flag(help: "Échouer aussi sur les avertissements.")
    var strict = false

    func run() throws {
        let started = Date()
        var buildDate: LocalDate?
        if let date {
            guard let parsed = LocalDate(iso: date) else {
                throw ValidationError("--date attend une date réelle au format AAAA-MM-JJ, pas « \(date) »")
            }
            buildDate = parsed
        }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let options = BuildOptions(root: rootURL, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
                                   date: buildDate, includeDrafts: drafts, strict: strict)
        let report = Build.run(options)
        let console = Console()
        console.show(report.diagnostics)
        guard let model = report.model else {
            console.failure(report.diagnostics, strict: strict)
            throw ExitCode(1)
        }
        console.success(model: model, report: report, seconds: Date().timeIntervalSince(started))
    }
}
