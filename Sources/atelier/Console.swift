import AtelierCore
import Foundation

/// How the command line shows diagnostics and the closing summary, in French.
struct Console {
    private let useColor = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Each diagnostic with the line it points at and a caret under its column, errors in red and warnings in
    /// yellow on a terminal, then the count per file.
    func show(_ diagnostics: [Diagnostic], root: URL) {
        let text = DiagnosticText.render(diagnostics, root: root) { severity, part in
            guard useColor else { return part }
            return "\u{1B}[1;\(severity == .error ? "31" : "33")m\(part)\u{1B}[0m"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// « Étapes : lecture 0,12 s · modèle 0,30 s · rendu 0,41 s · écriture 0,20 s · cache 0,05 s ; 220 fichiers repris »
    func show(_ report: BuildReport) {
        print("Étapes : \(report.steps) ; \(plural(report.filesCarried, "fichier repris", "fichiers repris")) de la construction précédente")
    }

    func failure(_ diagnostics: [Diagnostic], strict: Bool) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var line = "Échec : \(plural(errors, "erreur", "erreurs"))"
        if warnings > 0 { line += ", \(plural(warnings, "avertissement", "avertissements"))" }
        if errors == 0 && strict { line += " (refusés avec --strict)" }
        line += ". Le site précédent n'a pas été modifié."
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// « Site construit (2025-11-20) : 14 fiches repère, … ; 178 pages, 231 fichiers (3 modifiés) en 0,33 s. »
    func success(_ summary: BuildSummary, report: BuildReport, seconds: Double) {
        let perKind = summary.kinds.map { "\($0.count) \($0.label.lowercased())" }
        let warnings = report.diagnostics.isEmpty ? "" : ", \(plural(report.diagnostics.count, "avertissement", "avertissements"))"
        let work = report.model == nil ? "rien n'a changé depuis la dernière construction"
            : "\(report.pagesWritten) pages, \(report.filesWritten) fichiers (\(plural(report.filesChanged, "modifié", "modifiés")))"
        print("Site construit (\(summary.buildDate)) : \(perKind.joined(separator: ", "))\(leftOut(summary)) ; "
              + "\(work) en \(FrenchNumbers.seconds(seconds)) s\(warnings).")
    }

    /// « (non publiées : 2 programmées, 1 brouillon) », or nothing.
    private func leftOut(_ summary: BuildSummary) -> String {
        var parts: [String] = []
        if summary.scheduled > 0 { parts.append(plural(summary.scheduled, "programmée", "programmées")) }
        if summary.drafts > 0 { parts.append(plural(summary.drafts, "brouillon", "brouillons")) }
        return parts.isEmpty ? "" : " (non publiées : \(parts.joined(separator: ", ")))"
    }

    func checked(_ summary: BuildSummary, report: BuildReport) {
        let warnings = report.diagnostics.isEmpty ? "aucun problème" : plural(report.diagnostics.count, "avertissement", "avertissements")
        print("Vérification (\(summary.buildDate)) : \(plural(summary.published, "ressource publiée", "ressources publiées"))\(leftOut(summary)), \(warnings).")
    }

    /// On a terminal, a line that rewrites itself with how a transfer goes; nil elsewhere (a log, a timer's journal).
    static func progress(_ label: String) -> ((String) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { FileHandle.standardError.write(Data("\r\u{1B}[K\(label) : \($0)".utf8)) }
    }

    /// Clears the progress line, if one was shown.
    static func endProgress() {
        if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
