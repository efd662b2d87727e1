import Foundation

/// Hands a message to the mail server with msmtp, which speaks SMTP, STARTTLS and authentication; Atelier only reads
/// what came of it. The password never appears on a command line: msmtp reads it from the environment or its file.
struct MailSender {
    enum Outcome: Equatable {
        case accepted
        /// « Try later », or no server reached: the message did not leave.
        case temporary(String)
        /// The server said no for good: the message did not leave.
        case refused(String)
        /// The connection failed once the message may have been handed over: nobody knows whether it left.
        case uncertain(String)
    }

    let mail: PublicationConfig.Mail

    /// Why msmtp cannot be given the password, or nil.
    var passwordProblem: String? {
        guard mail.user != nil, mail.passwordFile == nil,
              ProcessInfo.processInfo.environment[PublicationConfig.mailPasswordVariable] == nil else { return nil }
        return "mot de passe du serveur de courrier introuvable : définissez la variable \(PublicationConfig.mailPasswordVariable), "
            + "ou « mot_de_passe_fichier » sous « smtp » dans publication.yml"
    }

    /// One submission, retried in the run while the server answers « try later ».
    func submit(_ message: MailMessage, to recipient: String) throws -> Outcome {
        var outcome = Outcome.temporary("aucun essai")
        for attempt in 1...mail.attempts {
            if attempt > 1 { sleep(UInt32(mail.pause)) }
            outcome = try submitOnce(message, to: recipient)
            guard case .temporary = outcome else { return outcome }
        }
        return outcome
    }

    private func submitOnce(_ message: MailMessage, to recipient: String) throws -> Outcome {
        var arguments = ["--host=\(mail.host)", "--port=\(mail.port)", "--timeout=60", "--from=\(message.from.address)"]
        switch mail.security {
        case .starttls: arguments += ["--tls=on", "--tls-starttls=on"]
        case .tls: arguments += ["--tls=on", "--tls-starttls=off"]
        case .aucune: arguments += ["--tls=off"]
        }
        if let trust = mail.trustFile { arguments.append("--tls-trust-file=\(trust)") }
        if let user = mail.user {
            let reader = mail.passwordFile.map { "cat " + ExternalCommand.quoted($0) } ?? "printenv \(PublicationConfig.mailPasswordVariable)"
            arguments += ["--auth=on", "--user=\(user)", "--passwordeval=\(reader)"]
        }
        arguments += ["--", recipient]
        let result = try ExternalCommand.run("msmtp", arguments, input: message.rendered)
        return Self.outcome(status: result.status, errors: result.errors, host: mail.host)
    }

    /// What msmtp's exit status and words mean: its status alone does not tell a 4xx from a 5xx, the server's reply does.
    static func outcome(status: Int32, errors: String, host: String) -> Outcome {
        guard status != 0 else { return .accepted }
        let lines = errors.split(separator: "\n").map { $0.replacingOccurrences(of: "msmtp: ", with: "") }
        let reply = lines.last { $0.hasPrefix("server message: ") }.map { String($0.dropFirst("server message: ".count)) }
        if let reply, reply.hasPrefix("4") { return .temporary("le serveur \(host) demande de réessayer plus tard : « \(reply) »") }
        if let reply, reply.hasPrefix("5") { return .refused("le serveur \(host) refuse le message : « \(reply) »") }
        let said = lines.first { !$0.isEmpty && $0 != "could not send mail" } ?? "code \(status)"
        switch status {
        case 75: return .temporary("le serveur de courrier \(host) est injoignable (\(said))")
        case 74, 76: return .uncertain("la connexion avec \(host) s'est interrompue pendant l'envoi (\(said))")
        default: return .refused("envoi impossible vers \(host) (msmtp, code \(status) : \(said))")
        }
    }
}
