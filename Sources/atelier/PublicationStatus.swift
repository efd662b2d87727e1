import AtelierCore
import Foundation

/// `atelier publish --etat`: the live release and when it went out, the last issue delivered, and anything pending or
/// half-done, from the server and the journal.
struct PublicationStatus {
    let config: PublicationConfig
    let root: URL
    let publisher: any SitePublisher

    func show() {
        do {
            let place = publisher.destinationName
            if let live = try publisher.liveRelease() {
                let when = ServerPublisher.isRelease(live) ? ", mise en ligne le \(Self.moment(ofRelease: live))" : ""
                print("En ligne sur \(place) : version \(live)\(when).")
            } else {
                print("En ligne sur \(place) : aucune version publiée.")
            }
        } catch {
            print("En ligne sur \(publisher.destinationName) : état inconnu, \(SystemReason.of(error)).")
        }
        guard let mail = config.mail else { return print("Lettre : pas de section « lettre » dans publication.yml.") }
        let journal = DeliveryJournal(url: root.appendingPathComponent(mail.journal))
        guard let entries = try? journal.entries() else { return print("Lettre : journal des envois illisible (\(mail.journal)).") }
        let issues = entries.filter { $0.state != .proof }
        if let sent = issues.last(where: { $0.state == .sent || $0.state == .confirmed }) {
            print("Dernier numéro envoyé : celui du \(sent.issue), le \(DeliveryJournal.timestamp(sent.moment)) (Message-ID <\(sent.messageID)>).")
        } else {
            print("Dernier numéro envoyé : aucun.")
        }
        if let proof = entries.last(where: { $0.state == .proof }) {
            print("Dernier bon à tirer : numéro du \(proof.issue), le \(DeliveryJournal.timestamp(proof.moment)) (\(proof.detail)).")
        }
        let latest = Dictionary(issues.map { ($0.issue, $0) }, uniquingKeysWith: { _, newer in newer })
        let open = latest.values.filter { $0.state == .sending || $0.state == .failed }.sorted { $0.issue < $1.issue }
        for entry in open {
            if entry.state == .sending {
                print("En suspens : le numéro du \(entry.issue) est « en cours » depuis le \(DeliveryJournal.timestamp(entry.moment)) ; "
                      + "nul ne sait s'il est parti : vérifiez, puis atelier jeudi --publier --date \(entry.issue) --envoi-confirme ou --renvoyer.")
            } else {
                print("À refaire : le numéro du \(entry.issue) n'est pas parti (\(entry.detail)) ; le prochain passage réessaiera.")
            }
        }
        if open.isEmpty { print("Rien en suspens.") }
    }

    /// `20251120-070003123-…` → « 2025-11-20 à 07:00:03 UTC ».
    static func moment(ofRelease name: String) -> String {
        let digits = Array(name.prefix(15))
        guard digits.count == 15 else { return "?" }
        let s = String(digits)
        func part(_ from: Int, _ length: Int) -> Substring { s.dropFirst(from).prefix(length) }
        return "\(part(0, 4))-\(part(4, 2))-\(part(6, 2)) à \(part(9, 2)):\(part(11, 2)):\(part(13, 2)) UTC"
    }
}
