import Foundation

/// The week's issue as the e-mail `atelier jeudi` wrote it, addressed to the list (or to the editorial team, marked
/// « [BAT] », for reading before it goes out).
struct IssueMail {
    let mail: PublicationConfig.Mail
    let site: URL
    let issue: LocalDate

    func message(at moment: Date, proof: Bool = false) throws -> MailMessage {
        let folder = site.appendingPathComponent(String(JeudiIssue.url(of: issue).dropFirst()))
        guard let text = try? String(contentsOf: folder.appendingPathComponent("email.txt"), encoding: .utf8),
              let html = try? String(contentsOf: folder.appendingPathComponent("email.html"), encoding: .utf8) else {
            throw OutputError("le numéro du \(issue) manque dans le site construit (\(folder.path)) : construisez-le d'abord "
                + "(atelier jeudi --date \(issue))")
        }
        let title = text.split(separator: "\n").first.map(String.init) ?? "Les Jeudis de l’ODD 17 du \(issue)"
        let id = proof ? "bat-jeudis-\(issue)-\(Int(moment.timeIntervalSince1970))@\(mail.sender.domain)" : "jeudis-\(issue)@\(mail.sender.domain)"
        var message = MailMessage(from: mail.sender, to: proof ? mail.proofReader ?? mail.list : mail.list,
                                  subject: proof ? "[BAT] " + title : title, text: text, html: html, messageID: id, date: moment)
        if !proof {
            message.listID = mail.listID
            message.unsubscribeWeb = mail.unsubscribeWeb
            message.unsubscribeMail = mail.unsubscribeMail
        }
        return message
    }
}
