import ArgumentParser
import AtelierCore
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Crée une ressource à remplir (content/<type>/<titre>.md), ou l'éditorial d'un jeudi (content/jeudis/AAAA-MM-JJ.md).",
        discussion: "Le fichier n'est jamais remplacé s'il existe. Ses champs obligatoires sont vides : la construction le refuse tant qu'ils ne sont pas remplis.")

    @Argument(help: ArgumentHelp("Un type déclaré sous kinds dans content/site.yml (fiches, evenements…), ou jeudi.", valueName: "type"))
    var kind: String

    @Argument(help: ArgumentHelp("Le titre de la ressource ; pour jeudi, la date du jeudi (AAAA-MM-JJ).", valueName: "titre"))
    var title: String

    @Option(help: "Dossier qui contient content/.")
    var root: String = "."

    @Option(help: ArgumentHelp("Date de la ressource. Par défaut : SOURCE_DATE_EPOCH, sinon aujourd'hui.", valueName: "AAAA-MM-JJ"))
    var date: String?

    func validate() throws {
        if let date, LocalDate(iso: date) == nil {
            throw ValidationError("--date attend une date réelle au format AAAA-MM-JJ, pas « \(date) »")
        }
        if date != nil, kind == NewResource.editorial {
            throw ValidationError("--date ne sert pas à \(NewResource.editorial) : écrivez la date du jeudi après « \(NewResource.editorial) »")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: root).standardizedFileURL
        do {
            let file = try NewResource.make(root: folder, kind: kind, title: title, date: date.flatMap(LocalDate.init(iso:)))
            try NewResource.write(file, root: folder)
            print(file.path)
            print(file.nextStep)
        } catch {
            Console().show(error.diagnostics, root: folder)
            throw ExitCode(1)
        }
    }
}
