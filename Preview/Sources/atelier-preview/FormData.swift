import Foundation

/// The fields of a query string or of a form sent as `application/x-www-form-urlencoded`, in their order, a name
/// possibly repeated (one theme per field). Line breaks of text areas, sent as CRLF, become LF.
struct FormData: Sendable {
    private let fields: [(name: String, value: String)]

    init(_ encoded: String) {
        fields = encoded.split(separator: "&").map { field in
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    func first(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// A field's text, spaces trimmed.
    func text(_ name: String) -> String { (first(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The lines of a text area that hold something, each trimmed.
    func lines(_ name: String) -> [String] {
        text(name).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func decode(_ text: Substring) -> String {
        let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
        return decoded.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
