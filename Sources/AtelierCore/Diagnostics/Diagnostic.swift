/// A place in a source file, 1-based, as editors see it in their text editor.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A command-line option rather than a place in a file (line 0): `--output`.
    public static func option(_ text: String) -> SourceLocation { SourceLocation(file: text, line: 0, column: 0) }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in the input. The pipeline collects them; only the command line prints them.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: Sendable, Hashable {
        case error, warning
    }

    public let location: SourceLocation
    public let severity: Severity
    public let code: DiagnosticCode
    public let message: String
    public let hint: String?

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                hint: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// `content/kits/x.md:7:3: erreur[date-invalide]: …` (the code, to look up in the README), then the hint on its
    /// own indented line.
    public var description: String {
        let label = severity == .error ? "erreur" : "avertissement"
        let place = location.line == 0 ? location.file : "\(location.file):\(location.line):\(location.column)"
        var text = "\(place): \(label)[\(code.rawValue)]: \(message)"
        if let hint { text += "\n    aide : \(hint)" }
        return text
    }
}

/// Diagnostics gathered by one step of the build.
public struct DiagnosticLog: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    init(_ items: [Diagnostic]) { self.items = items }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    public mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil) {
        items.append(Diagnostic(.error, code, message, at: location, hint: hint))
    }

    public mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                                 hint: String? = nil) {
        items.append(Diagnostic(.warning, code, message, at: location, hint: hint))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        items.append(contentsOf: other.items)
    }

    /// Errors first is not what editors want: they fix files top to bottom.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
