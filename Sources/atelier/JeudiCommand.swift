import ArgumentParser
import AtelierCore
import Foundation

/// `atelier jeudi`: builds the site for a date and names that week's issue; with `--publier`, the Thursday run: build,
/// publish, check live, deliver the issue once, record.
struct JeudiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jeudi",
        abstract: "Construit le site à la date donnée et indique le numéro des Jeudis de la semaine et ses fichiers e-mail.",
        discussion: """
            Avec --publier : construit, publie sur le serveur, vérifie le site en ligne, remet le numéro à la liste une seule fois \
            et le note dans le journal des envois (publication.yml). Sans --date, la date du jour à Paris. Codes de sortie : \
            0 fait (ou déjà fait), 1 construction ou configuration en erreur, 3 publication impossible, 4 site en ligne non \
            conforme, 5 envoi reporté (réessayé au prochain passage), 6 envoi refusé par le serveur de courrier, 7 envoi en \
            suspens : une personne décide (--envoi-confirme ou --renvoyer).
            """)

    @OptionGroup var arguments: BuildArguments

    @Flag(help: "Puis publier le site, le vérifier en ligne et remettre le numéro à la liste, une seule fois.")
    var publier = false

    @Flag(help: "Avec --publier, pour un numéro resté « en cours » : il est parti ; le noter envoyé, sans le renvoyer.")
    var envoiConfirme = false

    @Flag(help: "Avec --publier, pour un numéro resté « en cours » : il n'est pas parti ; l'envoyer.")
    var renvoyer = false

    func validate() throws {
        if (envoiConfirme || renvoyer) && !publier { throw ValidationError("--envoi-confirme et --renvoyer vont avec --publier") }
        if envoiConfirme && renvoyer { throw ValidationError("--envoi-confirme ou --renvoyer : l'un ou l'autre") }
    }

    func run() throws {
        guard publier else {
            let thursday = try build(arguments)
            let folder = (arguments.outputPath as NSString).appendingPathComponent(String(JeudiIssue.url(of: thursday).dropFirst()))
            for file in ["index.html", "email.html", "email.txt"] {
                print((folder as NSString).appendingPathComponent(file))
            }
            return
        }
        let project = URL(fileURLWithPath: arguments.root).standardizedFileURL
        var dated = arguments
        dated.date = arguments.date ?? LocalDate(Date(), in: PublicationDay.paris).description
        guard let day = dated.date.flatMap(LocalDate.init(iso:)) else {
            throw ValidationError("--date attend une date réelle au format AAAA-MM-JJ, pas « \(dated.date ?? "") »")
        }
        let (config, mail) = try PublicationDay.configuration(of: project)
        let lock = try RunLock(root: project) { FileHandle.standardError.write(Data("Attente : \($0).\n".utf8)) }
        defer { withExtendedLifetime(lock) {} }
        let run = WeeklyRun(config: config, mail: mail, root: project, issue: Jeudis.thursday(onOrBefore: day),
                            siteAddress: SiteConfig.address(ofProjectAt: project) ?? "", say: {
                                Console.endProgress()
                                print($0)
                            })
        let decision: WeeklyRun.Decision = envoiConfirme ? .confirmSent : renvoyer ? .sendAgain : .undecided
        if let end = try run.settlePending(decision) { try PublicationDay.finish(end) }
        _ = try build(dated)
        let site = OutputFolder(URL(fileURLWithPath: dated.outputPath).standardizedFileURL)
        let outcome = try run.run(site: site, root: project, progress: Console.progress("Envoi du site")) {
            try BuildLock(cache: BuildOptions(root: project).cacheFolder, output: site.live) {
                FileHandle.standardError.write(Data("Attente : \($0).\n".utf8))
            }
        }
        Console.endProgress()
        try PublicationDay.finish(outcome)
    }

    /// Builds the site; returns the Thursday of its week, which must have an issue.
    private func build(_ arguments: BuildArguments) throws -> LocalDate {
        let summary = try arguments.build()
        let thursday = Jeudis.thursday(onOrBefore: summary.buildDate)
        guard summary.jeudis.contains(thursday) else {
            FileHandle.standardError.write(Data("Pas de numéro des Jeudis le \(FrenchDates.withWeekday(thursday)) : rien de nouveau cette semaine et pas d'éditorial (content/jeudis/\(thursday).md).\n".utf8))
            throw ExitCode(1)
        }
        return thursday
    }
}

/// What the Thursday run and the « bon à tirer » share on the command line: their configuration and how they end.
enum PublicationDay {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    /// publication.yml with its « lettre » section, and a password msmtp can read; exits 1 with every mistake otherwise.
    static func configuration(of project: URL) throws -> (PublicationConfig, PublicationConfig.Mail) {
        var log = DiagnosticLog()
        guard let config = PublicationConfig.load(root: project, log: &log) else {
            Console().show(log.sorted, root: project)
            throw ExitCode(1)
        }
        guard let mail = config.mail else {
            fail("publication.yml n'a pas de section « lettre » : Atelier ne sait pas à qui envoyer les Jeudis (voir le README, « Publier le site »)")
            throw ExitCode(1)
        }
        if let problem = WeeklyRun.passwordProblem(mail) {
            fail(problem)
            throw ExitCode(1)
        }
        return (config, mail)
    }

    /// Says how the run ended, on the standard output when it went well and the error output otherwise, and exits with
    /// the outcome's code.
    static func finish(_ outcome: WeeklyRun.Outcome) throws -> Never {
        switch outcome {
        case .delivered(let what): print("Envoyé : \(what).")
        case .alreadyDelivered(let what): print("Rien à envoyer : \(what).")
        case .publicationFailed(let reason): fail("Échec de la publication : \(reason) ; rien n'a été envoyé.")
        case .liveCheckFailed(let problems):
            fail("Échec de la vérification en ligne : le site public ne sert pas cette construction ; rien n'a été envoyé.\n"
                 + problems.map { "  - \($0)" }.joined(separator: "\n"))
        case .mailTemporary(let reason): fail("Envoi reporté : \(reason).")
        case .mailRefused(let reason): fail("Envoi refusé : \(reason).")
        case .pending(let reason): fail("Envoi en suspens : \(reason).")
        }
        throw ExitCode(outcome.exitCode)
    }

    static func fail(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
