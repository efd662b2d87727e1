import Foundation

/// The Thursday run after its build: the site sent to the server, checked live, then the week's issue handed to the
/// list once, each step recorded in the journal before the next starts. A step that fails stops the run and nothing
/// after it happens: a site that is not live is never announced, an issue is never sent twice.
public struct WeeklyRun {
    /// What a person decided about an issue found « en cours » (the previous run died while handing it over).
    public enum Decision: Sendable {
        case undecided
        /// It did leave: record it sent, send nothing.
        case confirmSent
        /// It did not: send it again.
        case sendAgain
    }

    /// How a run ended; each has its exit code, documented in the README.
    public enum Outcome: Equatable, Sendable {
        case delivered(String)
        case alreadyDelivered(String)
        case publicationFailed(String)
        case liveCheckFailed([String])
        case mailTemporary(String)
        case mailRefused(String)
        /// Found « en cours », or left so: a person decides.
        case pending(String)

        public var exitCode: Int32 {
            switch self {
            case .delivered, .alreadyDelivered: return 0
            case .publicationFailed: return 3
            case .liveCheckFailed: return 4
            case .mailTemporary: return 5
            case .mailRefused: return 6
            case .pending: return 7
            }
        }
    }

    let config: PublicationConfig
    let mail: PublicationConfig.Mail
    let journal: DeliveryJournal
    let issue: LocalDate
    /// The site's public address, without a trailing slash.
    let address: String
    let say: (String) -> Void

    public init(config: PublicationConfig, mail: PublicationConfig.Mail, root: URL, issue: LocalDate, siteAddress: String,
                say: @escaping (String) -> Void) {
        self.config = config
        self.mail = mail
        journal = DeliveryJournal(url: root.appendingPathComponent(mail.journal))
        self.issue = issue
        address = config.liveAddress ?? siteAddress
        self.say = say
    }

    /// Why msmtp could not be given the mail password, or nil.
    public static func passwordProblem(_ mail: PublicationConfig.Mail) -> String? { MailSender(mail: mail).passwordProblem }

    /// Before anything is built: an issue found « en cours » stops the run unless a person decided; returns the
    /// outcome that ends the run now, or nil to go on.
    public func settlePending(_ decision: Decision) throws -> Outcome? {
        guard let state = try journal.state(of: issue), state.state == .sending else {
            if decision != .undecided {
                return .pending("le numéro du \(issue) n'est pas « en cours » dans le journal (\(journal.url.lastPathComponent)) : "
                    + "il n'y a rien à décider, relancez sans --envoi-confirme ni --renvoyer")
            }
            return nil
        }
        switch decision {
        case .undecided:
            return .pending("le numéro du \(issue) est « en cours » dans le journal depuis le \(DeliveryJournal.timestamp(state.moment)) : "
                + "l'envoi précédent s'est interrompu et nul ne sait s'il est parti. Vérifiez auprès de la liste (archives, "
                + "abonnés), puis relancez avec --envoi-confirme s'il est parti, ou --renvoyer s'il ne l'est pas")
        case .confirmSent:
            try journal.record(.confirmed, issue: issue, messageID: state.messageID, detail: "décision d'une personne")
            say("Journal : le numéro du \(issue) est noté envoyé, sans nouvel envoi.")
        case .sendAgain:
            try journal.record(.failed, issue: issue, messageID: state.messageID, detail: "non parti, selon une personne : à renvoyer")
        }
        return nil
    }

    /// Publishes `site`, checks it live, then delivers the issue unless the journal says it already left.
    public func run(site: OutputFolder, root: URL, progress: ((String) -> Void)? = nil, lock: () throws -> BuildLock) throws -> Outcome {
        do {
            let held = try lock()
            defer { withExtendedLifetime(held) {} }
            var publisher = config.publisher(for: site, root: root)
            publisher.progress = progress
            let summary = try publisher.publish(dryRun: false, force: false)
            say(summary.alreadyLive ? "Site déjà en ligne (version \(summary.release))."
                : "Site publié : version \(summary.release), \(summary.filesSent) fichier(s) envoyé(s).")
        } catch {
            return .publicationFailed(SystemReason.of(error))
        }
        let problems = try LiveCheck(address: address, site: site.live).problems(paths: LiveCheck.paths(issue: issue))
        guard problems.isEmpty else { return .liveCheckFailed(problems) }
        say("En ligne : \(address) sert cette construction (accueil, numéro du \(issue), flux).")

        let state = try journal.state(of: issue)
        if let state, state.state == .sent || state.state == .confirmed {
            return .alreadyDelivered("le numéro du \(issue) est déjà parti (\(DeliveryJournal.timestamp(state.moment))) : il n'est pas renvoyé")
        }
        let message = try IssueMail(mail: mail, site: site.live, issue: issue).message(at: Date())
        try journal.record(.sending, issue: issue, messageID: message.messageID, detail: "remis à \(mail.host) pour \(mail.list)")
        switch try MailSender(mail: mail).submit(message, to: mail.list) {
        case .accepted:
            try journal.record(.sent, issue: issue, messageID: message.messageID, detail: "accepté par \(mail.host)")
            return .delivered("numéro du \(issue) remis à \(mail.list) (Message-ID <\(message.messageID)>)")
        case .temporary(let reason):
            try journal.record(.failed, issue: issue, messageID: message.messageID, detail: reason)
            return .mailTemporary(reason + " ; le prochain passage réessaiera")
        case .refused(let reason):
            try journal.record(.failed, issue: issue, messageID: message.messageID, detail: reason)
            return .mailRefused(reason)
        case .uncertain(let reason):
            return .pending(reason + " : le journal garde le numéro « en cours » ; vérifiez auprès de la liste, puis relancez avec "
                + "--envoi-confirme ou --renvoyer")
        }
    }

    /// The « bon à tirer »: the issue as built in `site`, marked « [BAT] », to the editorial team only. Recorded in the
    /// journal, where it never counts as the issue.
    public func sendProof(site: URL) throws -> Outcome {
        guard let proofReader = mail.proofReader else {
            return .mailRefused("pas d'adresse pour le bon à tirer : ajoutez « bat: redaction@… » sous « lettre » dans publication.yml")
        }
        let message = try IssueMail(mail: mail, site: site, issue: issue).message(at: Date(), proof: true)
        switch try MailSender(mail: mail).submit(message, to: proofReader) {
        case .accepted:
            try journal.record(.proof, issue: issue, messageID: message.messageID, detail: "envoyé à \(proofReader)")
            return .delivered("bon à tirer du numéro du \(issue) envoyé à \(proofReader)")
        case .temporary(let reason), .uncertain(let reason):
            return .mailTemporary(reason)
        case .refused(let reason):
            return .mailRefused(reason)
        }
    }
}
