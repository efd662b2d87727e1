import Foundation
import Yams

/// YAML text from one file, with positions mapped back to that file's lines
/// (front matter starts on the file's second line).
struct YAMLFile {
    let path: String
    let lineOffset: Int

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: path, line: 1 + lineOffset) }
        return SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column)
    }

    var start: SourceLocation { SourceLocation(file: path, line: max(1, lineOffset)) }

    /// With n aliases, a text can stand for up to about e^(n/e) nodes (an « alias bomb »), which Yams would walk
    /// whole when it compares keys. Thirty keep that below 60,000; no real header needs more than a few.
    static let aliasLimit = 30

    /// Parses the text; a syntax error becomes a diagnostic at its line and column.
    func parse(_ text: String, log: inout DiagnosticLog) -> Node? {
        if let excess = YAMLFile.aliases(in: text).dropFirst(YAMLFile.aliasLimit).first {
            log.error(.yamlTropDAlias, "trop d'alias YAML (*nom) : plus de \(YAMLFile.aliasLimit)",
                      at: SourceLocation(file: path, line: excess.line + lineOffset, column: excess.column),
                      hint: "répétez plutôt les valeurs : des alias imbriqués peuvent démultiplier un texte à l'infini")
            return nil
        }
        do {
            // An empty header is an empty mapping: the missing required fields get reported.
            return try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                log.error(.yamlIllisible, "YAML illisible : \(YAMLFile.french(problem))",
                          at: SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column),
                          hint: "vérifiez l'indentation, les deux-points et les guillemets autour des textes qui contiennent « : » ou « # »")
            case let .reader(problem, offset, _, yaml):
                log.error(.yamlIllisible, "YAML illisible : \(YAMLFile.french(problem))", at: location(ofByte: offset ?? 0, in: yaml),
                          hint: "retirez les caractères invisibles (copiés d'un traitement de texte ?) ; le fichier doit être du texte")
            case let .duplicatedKeysInMapping(duplicates, context):
                log.error(.cleEnDouble, "clé en double : \(Suggestion.list(duplicates))",
                          at: SourceLocation(file: path, line: context.mark.line + lineOffset, column: context.mark.column),
                          hint: "chaque clé ne peut apparaître qu'une fois")
            default:
                log.error(.yamlIllisible, "YAML illisible : \(error)", at: start)
            }
            return nil
        } catch {
            log.error(.yamlIllisible, "YAML illisible : \(error)", at: start)
            return nil
        }
    }

    /// Places (line and column, 1-based) of the aliases `*nom` outside quotes and comments.
    static func aliases(in text: String) -> [(line: Int, column: Int)] {
        var found: [(Int, Int)] = []
        var line = 1, column = 0
        var quote: Character?
        var inComment = false
        var previous: Character = "\n"
        var pendingStar: (Int, Int)?
        for character in text {
            column += 1
            if let star = pendingStar {
                if character.isLetter || character.isNumber || character == "_" || character == "-" { found.append(star) }
                pendingStar = nil
            }
            if character.isNewline {
                line += 1
                column = 0
                inComment = false
                if quote == "'" || quote == "\"" { previous = character; continue }
            } else if inComment {
                continue
            } else if let open = quote {
                if character == open && previous != "\\" { quote = nil }
            } else if character == "\"" || character == "'" {
                if previous.isWhitespace || "[{,:-?".contains(previous) { quote = character }
            } else if character == "#", previous.isWhitespace {
                inComment = true
            } else if character == "*", previous.isWhitespace || "[{,:-?".contains(previous) {
                pendingStar = (line, column)
            }
            previous = character
        }
        return found
    }

    /// libyaml's reader counts bytes from the start of the text.
    private func location(ofByte offset: Int, in text: String) -> SourceLocation {
        let before = text.utf8.prefix(offset)
        let line = before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return SourceLocation(file: path, line: line + 1 + lineOffset, column: column)
    }

    private static func french(_ problem: String) -> String {
        if problem.hasPrefix("Maximum nesting level reached") {
            return "imbrication trop profonde (des listes ou des clés les unes dans les autres, sur des centaines de niveaux)"
        }
        let known = [
            "mapping values are not allowed in this context": "deux-points inattendu (un texte contenant « : » doit être entre guillemets)",
            "did not find expected key": "clé attendue introuvable (indentation incohérente ?)",
            "did not find expected '-' indicator": "élément de liste attendu, commençant par « - » (indentation incohérente ?)",
            "found character that cannot start any token": "caractère qui ne peut pas commencer une valeur (tabulation ou « @ » ?)",
            "did not find expected ',' or ']'": "liste entre crochets mal fermée",
            "did not find expected ',' or '}'": "dictionnaire entre accolades mal fermé",
            "found unexpected end of stream": "fin de texte inattendue (guillemet non fermé ?)",
            "found undefined tag handle": "étiquette YAML inconnue",
            "did not find expected node content": "valeur attendue introuvable",
            "control characters are not allowed": "caractère de contrôle interdit (caractère invisible, ou fichier qui n'est pas du texte ?)",
        ]
        return known[problem] ?? problem
    }
}

/// A YAML mapping read key by key, remembering where each key is written.
struct YAMLMapping {
    let file: YAMLFile
    let location: SourceLocation
    private(set) var entries: [(key: String, keyNode: Node, value: Node)] = []

    /// Returns nil (with an error) when `node` is not a mapping.
    init?(_ node: Node, file: YAMLFile, what: String, log: inout DiagnosticLog) {
        self.file = file
        location = file.location(node)
        guard case let .mapping(mapping) = node else {
            log.error(.dictionnaireAttendu, "\(what) doit être une liste de clés et de valeurs (« clé: valeur »)", at: location)
            return nil
        }
        for (key, value) in mapping {
            // A key must be plain text; a list or an alias used as a key is never expanded.
            guard case let .scalar(scalar) = key else {
                log.error(.cleInvalide, "une clé doit être un simple texte, pas une liste ni un dictionnaire", at: file.location(key))
                continue
            }
            entries.append((scalar.string, key, value))
        }
    }

    var keys: [String] { entries.map(\.key) }

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func keyLocation(_ key: String) -> SourceLocation {
        entries.first { $0.key == key }.map { file.location($0.keyNode) } ?? location
    }

    /// Unknown keys are mistakes: say which, and suggest the closest known one.
    func rejectUnknownKeys(allowed: [String], context: String, log: inout DiagnosticLog) {
        for entry in entries where !allowed.contains(entry.key) {
            let suggestion = Suggestion.closest(to: entry.key, among: allowed)
            let message = "clé inconnue « \(entry.key) »" + (suggestion.map { " ; vouliez-vous dire « \($0) » ?" } ?? "")
            log.error(.cleInconnue, message, at: file.location(entry.keyNode),
                      hint: "clés possibles \(context) : \(allowed.joined(separator: ", "))")
        }
    }

    /// A required key left blank (`summary:` with nothing after it, or only a comment) is reported at the key, then
    /// read as absent: its readers would report it a second time, less clearly.
    mutating func require(_ keys: [String], context: String, log: inout DiagnosticLog) {
        for key in keys {
            guard let entry = entries.first(where: { $0.key == key }) else {
                log.error(.champManquant, "champ obligatoire manquant : « \(key) »", at: location, hint: "ajoutez « \(key): … » \(context)")
                continue
            }
            if YAMLFile.isBlank(entry.value) {
                log.error(.champARemplir, "« \(key) » est à remplir", at: file.location(entry.keyNode),
                          hint: "écrivez sa valeur après « \(key): » (ce qui suit « # » est un commentaire et ne compte pas)")
                entries.removeAll { $0.key == key }
            }
        }
    }
}

/// Typed reads of YAML values; each failed read is reported where the value is written.
extension YAMLFile {
    /// Nothing written after the key: `summary:`, `summary: ~`, `summary: ""`.
    static func isBlank(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node else { return false }
        return node.null != nil || scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    func text(_ node: Node, field: String, log: inout DiagnosticLog) -> String? {
        guard case let .scalar(scalar) = node, node.null == nil else {
            log.error(.texteAttendu, "« \(field) » doit être un texte", at: location(node))
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            log.error(.champVide, "« \(field) » est vide", at: location(node))
            return nil
        }
        return value
    }

    func bool(_ node: Node, field: String, log: inout DiagnosticLog) -> Bool? {
        if case .scalar = node, let value = node.bool { return value }
        log.error(.booleenAttendu, "« \(field) » doit valoir true ou false", at: location(node))
        return nil
    }

    func positiveInt(_ node: Node, field: String, log: inout DiagnosticLog) -> Int? {
        if case .scalar = node, let value = node.int, value > 0 { return value }
        log.error(.entierAttendu, "« \(field) » doit être un nombre entier positif", at: location(node))
        return nil
    }

    /// A list of texts; with `allowSingle`, one bare value counts as a one-item list.
    func textList(_ node: Node, field: String, allowSingle: Bool = false, log: inout DiagnosticLog) -> [(String, Node)]? {
        switch node {
        case let .sequence(sequence):
            var items: [(String, Node)] = []
            for item in sequence {
                if let value = text(item, field: "\(field) (élément)", log: &log) { items.append((value, item)) }
            }
            return items
        case .scalar where allowSingle:
            return text(node, field: field, log: &log).map { [($0, node)] }
        default:
            log.error(.listeAttendue, "« \(field) » doit être une liste, par exemple [a, b]", at: location(node))
            return nil
        }
    }

    func date(_ node: Node, field: String, log: inout DiagnosticLog) -> LocalDate? {
        guard let value = text(node, field: field, log: &log) else { return nil }
        if let date = LocalDate(iso: value) { return date }
        let looksLikeDate = value.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        log.error(.dateInvalide, looksLikeDate ? "date impossible : « \(value) »" : "« \(field) » n'est pas une date : « \(value) »",
                  at: location(node), hint: "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2025-11-20")
        return nil
    }

    /// A resource's date: a day, or only the month or the year when that is all its source gives.
    func period(_ node: Node, field: String, log: inout DiagnosticLog) -> (first: LocalDate, precision: DatePrecision)? {
        guard let value = text(node, field: field, log: &log) else { return nil }
        if let period = LocalDate.period(iso: value) { return period }
        let looksLikeDate = value.range(of: #"^\d{4}(-\d{2}){0,2}$"#, options: .regularExpression) != nil
        log.error(.dateInvalide, looksLikeDate ? "date impossible : « \(value) »" : "« \(field) » n'est pas une date : « \(value) »",
                  at: location(node), hint: "écrivez la date sous la forme AAAA-MM-JJ (2025-11-20), ou seulement le mois (2025-11) "
                      + "ou l'année (2025) quand la source n'en dit pas plus")
        return nil
    }

    func eventTime(_ node: Node, field: String, timeZone: TimeZone, log: inout DiagnosticLog) -> EventTime? {
        guard let value = text(node, field: field, log: &log) else { return nil }
        switch EventTime.parse(value, timeZone: timeZone) {
        case let .success(time): return time
        case .failure(.skippedByClockChange):
            log.error(.heureInexistante, "« \(field) » : \(value.suffix(5)) n'existe pas ce jour-là (l'horloge avance d'une heure pour l'heure d'été)",
                      at: location(node), hint: "écrivez l'heure telle que les montres l'afficheront, une heure plus tard")
        case .failure(.malformed):
            log.error(.dateHeureInvalide, "« \(field) » n'est pas une date et heure valide : « \(value) »", at: location(node),
                      hint: "écrivez AAAA-MM-JJ HH:MM (heure de Paris), par exemple 2025-11-20 13:00, ou la date seule pour une journée entière")
        }
        return nil
    }

    func url(_ node: Node, field: String, log: inout DiagnosticLog) -> String? {
        guard let value = text(node, field: field, log: &log) else { return nil }
        if YAMLFile.isURL(value) { return value }
        log.error(.adresseWebInvalide, "« \(field) » n'est pas une adresse web valide : « \(value) »", at: location(node),
                  hint: "une adresse commence par https://, http://, mailto: ou /")
        return nil
    }

    static func isURL(_ value: String) -> Bool {
        guard !value.contains(" ") else { return false }
        if value.hasPrefix("/") { return true }
        if value.hasPrefix("mailto:") { return value.count > 7 }
        guard let components = URLComponents(string: value), let scheme = components.scheme,
              ["http", "https"].contains(scheme), let host = components.host else { return false }
        return host.contains(".")
    }

    /// What an old address may contain: it becomes a folder of the site, and is written into HTML.
    static let aliasCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%/")

    /// Old URLs that must keep working: each becomes a redirect page.
    func aliases(_ node: Node, log: inout DiagnosticLog) -> [String] {
        guard let items = textList(node, field: "aliases", allowSingle: true, log: &log) else { return [] }
        return items.compactMap { value, itemNode in
            guard value.hasPrefix("/"), !value.contains("//"), !value.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  value.unicodeScalars.allSatisfy(YAMLFile.aliasCharacters.contains) else {
                log.error(.ancienneAdresseInvalide, "ancienne adresse invalide : « \(value) »", at: location(itemNode),
                          hint: "une ancienne adresse commence par « / » et ne contient que des lettres sans accents, des chiffres et « - _ . ~ % / », par exemple /ressources/mon-kit/")
                return nil
            }
            if let long = value.split(separator: "/").first(where: { $0.utf8.count > Slug.maxLength }) {
                log.error(.nomTropLong, "ancienne adresse trop longue : « \(long.prefix(40))… » compte \(long.utf8.count) caractères entre deux « / », \(Slug.maxLength) au plus",
                          at: location(itemNode), hint: "chaque partie de l'adresse nomme un dossier du site, que le système de fichiers refuserait : raccourcissez-la")
                return nil
            }
            return value.hasSuffix("/") || value.hasSuffix(".html") ? value : value + "/"
        }
    }
}
