import Foundation

/// The project's record of the issues handed to the mail server, one line per step, appended and flushed to disk
/// before the next step starts: « en cours » before the message is handed over, « envoyé » once the server took it.
/// Over SMTP the connection can drop after the message and before the answer, so a leftover « en cours » means that
/// nobody knows whether the issue left: it is never sent again on its own.
public struct DeliveryJournal: Sendable {
    public enum State: String, Sendable {
        case sending = "en cours"
        case sent = "envoyé"
        /// The server said no, or could not be reached: the issue did not leave, a later run may send it.
        case failed = "échec"
        /// A person said that an issue found « en cours » did leave.
        case confirmed = "envoi confirmé"
        /// A « bon à tirer » sent to the editorial team; it does not count as the issue.
        case proof = "bat envoyé"
    }

    public struct Entry: Sendable, Equatable {
        public let moment: Date
        public let issue: LocalDate
        public let state: State
        public let messageID: String
        public let detail: String
    }

    public let url: URL

    public init(url: URL) { self.url = url }

    public func entries() throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        guard let bytes = FileDescriptor.readAll(url.path) else {
            throw OutputError("journal des envois illisible (\(url.path)) : \(SystemReason.current)")
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap(Self.entry)
    }

    /// Where the issue stands, from its last line that is not a « bon à tirer »; nil when it was never handed over.
    public func state(of issue: LocalDate) throws -> Entry? {
        try entries().last { $0.issue == issue && $0.state != .proof }
    }

    /// Appends one line and waits until it is on the disk.
    public func record(_ state: State, issue: LocalDate, messageID: String, detail: String = "", at moment: Date = Date()) throws {
        let isNew = !FileManager.default.fileExists(atPath: url.path)
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("journal des envois impossible à écrire (\(url.path)) : \(SystemReason.current)") }
        defer { close(descriptor) }
        var text = isNew ? "# Journal des envois des Jeudis de l'ODD 17, écrit par Atelier : moment (UTC)\tnuméro\tétat\tMessage-ID\tdétail\n" : ""
        let cleanDetail = detail.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        text += [Self.timestamp(moment), issue.description, state.rawValue, messageID, cleanDetail].joined(separator: "\t") + "\n"
        guard FileDescriptor.writeAll(text, to: descriptor), fsync(descriptor) == 0 else {
            throw OutputError("journal des envois impossible à écrire (\(url.path)) : \(SystemReason.current)")
        }
        if isNew {
            let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 { fsync(folder); close(folder) }
        }
    }

    private static func entry(_ line: Substring) -> Entry? {
        guard !line.hasPrefix("#") else { return nil }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 4, let moment = ISO8601DateFormatter().date(from: fields[0]), let issue = LocalDate(iso: fields[1]),
              let state = State(rawValue: fields[2]) else { return nil }
        return Entry(moment: moment, issue: issue, state: state, messageID: fields[3], detail: fields.count > 4 ? fields[4] : "")
    }

    public static func timestamp(_ moment: Date) -> String {
        ISO8601DateFormatter().string(from: moment)
    }
}
