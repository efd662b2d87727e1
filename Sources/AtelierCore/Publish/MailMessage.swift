import Foundation

/// `Les Jeudis de l'ODD 17 <jeudis@exemple.org>` or `jeudis@exemple.org`.
public struct MailAddress: Sendable, Equatable {
    public let name: String?
    public let address: String

    public init?(parsing text: String) {
        var name: String?
        var address = text.trimmingCharacters(in: .whitespaces)
        if address.hasSuffix(">"), let open = address.lastIndex(of: "<") {
            let shown = address[..<open].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            name = shown.isEmpty ? nil : shown
            address = String(address[address.index(after: open)..<address.index(before: address.endIndex)])
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              address.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>(),;:\"[]\\".contains($0) }) else { return nil }
        self.name = name
        self.address = address
    }

    var domain: String { String(address.split(separator: "@")[1]) }

    /// The header form: the name encoded when it is not plain ASCII, quoted otherwise.
    var header: String {
        guard let name else { return address }
        let shown = name.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" } ? "\"\(name)\"" : MailMessage.encodedWords(name)
        return "\(shown) <\(address)>"
    }
}

/// An issue as mail (RFC 5322 and MIME): `multipart/alternative` with the text first and the HTML last, both UTF-8 in
/// quoted-printable (so no line exceeds 76 characters), the subject in RFC 2047 encoded words, and the list headers
/// (RFC 2369, RFC 2919, RFC 8058). The same inputs give the same bytes.
public struct MailMessage: Sendable {
    public let from: MailAddress
    public let to: String
    public let subject: String
    public let text: String
    public let html: String
    /// Without the angle brackets: `jeudis-2025-11-20@exemple.org`.
    public let messageID: String
    public let date: Date
    public var listID: String?
    public var unsubscribeWeb: String?
    public var unsubscribeMail: String?

    public init(from: MailAddress, to: String, subject: String, text: String, html: String, messageID: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.date = date
    }

    public var rendered: Data {
        let boundary = "=_atelier_" + Fingerprint.of(Data(messageID.utf8)).description.prefix(16)
        var headers = [
            "From: \(from.header)",
            "To: \(to)",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.dateHeader(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        if let listID { headers.append("List-Id: <\(listID)>") }
        let unsubscribe = [unsubscribeWeb, unsubscribeMail.map { "mailto:\($0)" }].compactMap { $0 }
        if !unsubscribe.isEmpty { headers.append("List-Unsubscribe: " + unsubscribe.map { "<\($0)>" }.joined(separator: ",\r\n ")) }
        if unsubscribeWeb != nil { headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click") }
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        var lines = headers + [""]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--" + boundary, "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                      Self.quotedPrintable(body)]
        }
        lines += ["--" + boundary + "--", ""]
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// RFC 2047 `B` encoded words of 60 characters at most, each on a line of its own, so that a header's first line
    /// stays within 78 characters; plain ASCII stays as is.
    static func encodedWords(_ text: String) -> String {
        guard text.contains(where: { !$0.isASCII }) else { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if chunk.utf8.count + String(character).utf8.count > 36 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        words.append(chunk)
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks marked by a final `=`, CRLF line ends.
    static func quotedPrintable(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "\r\n", with: "\n")
        var output: [String] = []
        for line in plain.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var current = ""
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                // A soft break leaves room for its `=`; an encoded byte is never split.
                if current.count + piece.count > (isLast ? 76 : 75) {
                    output.append(current + "=")
                    current = ""
                }
                current += piece
            }
            output.append(current)
        }
        return output.joined(separator: "\r\n")
    }

    static func dateHeader(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
