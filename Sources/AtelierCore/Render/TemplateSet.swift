import Foundation
import Mustache

/// The Mustache templates of `templates/`, parsed once, with every parse error and every missing partial reported.
public struct TemplateSet: Sendable {
    public static let required = ["home", "resource", "list", "tags", "tag", "page", "404", "redirect",
                                  "boussole", "boussole-value", "jeudis",
                                  "jeudi", "jeudi-email", "jeudi-email-text", "recherche"]
    /// Needed only by a project with a `content/grille.yml`: templates made before the grid existed still build.
    public static let grid = "grille"

    let library: MustacheLibrary
    /// Ids written as they are in the templates (`id="contenu"`), which a text may link to.
    let staticIDs: Set<String>
    /// Fingerprint of every file of `templates/`, assets included: pages are made from them.
    let fingerprint: Fingerprint

    /// Selects `HTMLEscaping` for a template; put on a line of its own before each one's text (a standalone tag
    /// leaves no trace), so that the template's lines are counted one too many.
    private static let escapingPragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: "HTML")
        return "{{%CONTENT_TYPE:HTML}}\n"
    }()

    static func load(root: URL, listing: FileTree.Listing, needsGrid: Bool, log: inout DiagnosticLog) -> TemplateSet? {
        let folder = root.appendingPathComponent("templates")
        let names = listing.files.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let before = log.items.count
        listing.reportRefused(in: "templates", log: &log)
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            let display = "templates/\(file)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                let reason = ContentLoader.unreadable(folder.appendingPathComponent(file).path) ?? "lecture impossible"
                log.error(.gabaritIllisible, "gabarit illisible : \(reason)", at: SourceLocation(file: display))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                log.error(.gabaritIllisible, "gabarit illisible (encodage UTF-8 attendu)", at: SourceLocation(file: display))
                continue
            }
            // swift-mustache parses by recursion: a text nested too deep would overflow its stack.
            if let problem = TemplateStructure.excessiveNesting(in: text, template: name) {
                report(problem, log: &log)
                sources[name] = text
                continue
            }
            do {
                library.register(try MustacheTemplate(string: escapingPragma + text), named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                log.error(.gabaritInvalide, "gabarit invalide : \(describe(error.error))",
                          at: SourceLocation(file: display, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                log.error(.gabaritInvalide, "gabarit invalide : \(error)", at: SourceLocation(file: display))
            }
        }
        for name in required + (needsGrid ? [grid] : []) where sources[name] == nil && !names.contains("\(name).mustache") {
            log.error(.gabaritManquant, "gabarit manquant", at: SourceLocation(file: "templates/\(name).mustache"),
                      hint: "Atelier a besoin de ce gabarit pour écrire le site")
        }
        checkReferences(sources, log: &log)
        for problem in TemplateStructure.problems(in: sources) { report(problem, log: &log) }
        var hasher = FingerprintHasher()
        for file in listing.files {
            hasher.add(file)
            hasher.add(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path).map { Fingerprint.of($0) }
                ?? .zero)
        }
        return log.items.count == before
            ? TemplateSet(library: library, staticIDs: staticIDs(in: sources.values), fingerprint: hasher.finish()) : nil
    }

    private static func report(_ problem: TemplateStructureProblem, log: inout DiagnosticLog) {
        let place = SourceLocation(file: "templates/\(problem.template).mustache", line: problem.line, column: problem.column)
        switch problem.kind {
        case .recursion:
            log.error(.gabaritRecursif, problem.message, at: place,
                      hint: "un gabarit ne peut pas s'inclure lui-même : l'affichage ne finirait jamais ; retirez cette inclusion")
        case .nesting:
            log.error(.gabaritTropImbrique, problem.message, at: place,
                      hint: "au-delà de \(TemplateStructure.nestingLimit) niveaux, Atelier ne peut pas afficher le gabarit sans risque")
        }
    }

    /// A partial or parent that does not exist would render as nothing, silently: refuse it.
    private static func checkReferences(_ sources: [String: String], log: inout DiagnosticLog) {
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*[<>]\s*([^\s}]+)\s*\}\}"#)
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let lines = text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                for match in pattern.matches(in: line, range: range) {
                    let target = (line as NSString).substring(with: match.range(at: 1))
                    guard sources[target] == nil else { continue }
                    let column = Range(match.range, in: line).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 1 } ?? 1
                    log.error(.gabaritInclusIntrouvable, "gabarit inclus introuvable : « \(target) »",
                              at: SourceLocation(file: "templates/\(name).mustache", line: index + 1, column: column),
                              hint: "les gabarits disponibles sont : \(sources.keys.sorted().joined(separator: ", "))")
                }
            }
        }
    }

    private static func staticIDs(in sources: some Sequence<String>) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\bid="([A-Za-z][\w-]*)""#)
        return Set(sources.flatMap { text in
            pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range(at: 1)) }
        })
    }

    private static func describe(_ error: Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": return "la section fermée ne correspond pas à la dernière ouverte"
        case "unfinishedName": return "balise {{…}} non refermée"
        case "expectedSectionEnd": return "section jamais refermée ({{/…}} manquant)"
        case "invalidSetDelimiter": return "changement de délimiteurs invalide"
        default: return "\(error)"
        }
    }

    func render(_ view: Any, with name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
