import AtelierCore
import Foundation

/// How the command line shows diagnostics and the closing summary, in French.
struct Console {
    private let useColor = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func show(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let color = diagnostic.severity == .error ? "31" : "33"
            let text = useColor ? "\u{1B}[\(color)m\(diagnostic)\u{1B}[0m" : diagnostic.description
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// « Étapes : lecture 0,12 s · modèle 0,30 s · rendu 0,41 s · écriture 0,20 s »
    func show(_ timings: [StepTiming]) {
        let steps = timings.map { "\($0.step) \(seconds($0.seconds)) s" }.joined(separator: " · ")
        print("Étapes : \(steps)")
    }

    private func seconds(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
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

    func success(model: SiteModel, report: BuildReport, seconds: Double) {
        let perKind = model.site.kinds.map { kind in
            "\(model.entries(ofKind: kind.id).count) \(kind.plural.lowercased())"
        }
        let warnings = report.diagnostics.isEmpty ? "" : ", \(plural(report.diagnostics.count, "avertissement", "avertissements"))"
        let time = self.seconds(seconds)
        print("Site construit (\(model.buildDate)) : \(perKind.joined(separator: ", "))\(leftOut(model)) ; "
              + "\(report.pagesWritten) pages, \(report.filesWritten) fichiers en \(time) s\(warnings).")
    }

    /// « (non publiées : 2 programmées, 1 brouillon) », or nothing.
    private func leftOut(_ model: SiteModel) -> String {
        var parts: [String] = []
        if model.scheduledCount > 0 { parts.append(plural(model.scheduledCount, "programmée", "programmées")) }
        if model.draftCount > 0 { parts.append(plural(model.draftCount, "brouillon", "brouillons")) }
        return parts.isEmpty ? "" : " (non publiées : \(parts.joined(separator: ", ")))"
    }

    func checked(model: SiteModel, report: BuildReport) {
        let warnings = report.diagnostics.isEmpty ? "aucun problème" : plural(report.diagnostics.count, "avertissement", "avertissements")
        print("Vérification (\(model.buildDate)) : \(plural(model.entries.count, "ressource publiée", "ressources publiées"))\(leftOut(model)), \(warnings).")
    }

    private func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
