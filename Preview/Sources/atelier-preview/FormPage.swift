import AtelierCore
import Foundation

/// The editing form of a resource, generated from its kind in site.yml and the axes of boussole.yml: every field
/// labelled in French, its hint and its problems tied to it (`aria-describedby`), the text beside its preview. It
/// works without a mouse, and without JavaScript but for adding rows and the live preview.
struct FormPage {
    enum Mode {
        /// `pageURL`: the resource's page in the preview, if it has one.
        case edit(path: String, pageURL: String?)
        case create
    }

    let mode: Mode
    let kind: KindConfig
    let configuration: ProjectConfiguration
    let form: ResourceForm
    let token: String
    /// The hash of the file the form's values were read from; empty for a new file.
    var fileHash: String
    var problems: [FieldProblem] = []
    /// The hash of the file on disk when it changed since the form was opened: nothing was saved.
    var conflict: String?
    /// Said once a save went through.
    var notice: String?
    /// The themes in use on the site, suggested while typing.
    let knownTags: [String]
    /// The body rendered by Atelier, shown beside it until the script takes over.
    let preview: String

    static let bodyID = "texte-markdown"
    static func id(_ key: String) -> String { "champ-" + key }
    static func id(_ key: FrontMatterKey) -> String { id(key.rawValue) }
    static func axisID(_ axis: String) -> String { "champ-boussole-" + axis }

    private var heading: String {
        switch mode {
        case .edit: return "Modifier « \(form.title) »"
        case .create: return "Nouvelle ressource : \(kind.singular)"
        }
    }

    func html() -> String {
        """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(heading)) — aperçu</title>
        <link rel="stylesheet" href="\(SiteAddresses.assets)style.css">
        <style>\(FormAssets.style)</style>
        </head><body>
        <nav class="formulaire-retour" aria-label="Retour"><a href="\(HTML.escape(backURL))">\(HTML.escape(backLabel))</a></nav>
        <main id="contenu">
        <h1>\(HTML.escape(heading))</h1>
        \(fileLine)
        \(noticeBlock)\(conflictBlock)\(summaryBlock)
        <form id="formulaire" method="post" action="\(action)" novalidate>
        \(hiddenFields)
        \(fields)
        <p class="actions"><button type="submit" class="button">Enregistrer</button></p>
        </form>
        </main>
        \(templates)
        <script>\(FormAssets.script)</script>
        </body></html>
        """
    }

    private var action: String {
        switch mode {
        case .edit: return EditRoutes.editPath
        case .create: return EditRoutes.createPath
        }
    }

    private var backURL: String {
        switch mode {
        case let .edit(_, pageURL): return pageURL ?? "/"
        case .create: return "/\(kind.id)/"
        }
    }

    private var backLabel: String {
        switch mode {
        case let .edit(_, pageURL): return pageURL == nil ? "Retour au site" : "Retour à la page"
        case .create: return "Retour à la liste : \(kind.plural)"
        }
    }

    private var fileLine: String {
        switch mode {
        case let .edit(path, _): return "<p class=\"fichier\">Fichier : <code>\(HTML.escape(path))</code></p>"
        case .create: return "<p class=\"fichier\">Le fichier sera écrit dans <code>content/\(HTML.escape(kind.id))/</code>, nommé d'après le titre.</p>"
        }
    }

    private var hiddenFields: String {
        var fields = [("jeton", token), ("empreinte", fileHash)]
        switch mode {
        case let .edit(path, _): fields.append(("fichier", path))
        case .create: fields.append(("type", kind.id))
        }
        return fields.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\(HTML.escape($0.1))\">" }.joined(separator: "\n")
    }

    private var noticeBlock: String {
        guard let notice else { return "" }
        return "<p class=\"enregistre\" role=\"status\">\(HTML.escape(notice))</p>\n"
    }

    /// The file changed on disk since the form was opened: the editor chooses, by a second action, between the
    /// file's version and theirs.
    private var conflictBlock: String {
        guard let conflict, case let .edit(path, _) = mode else { return "" }
        let reload = "\(EditRoutes.editPath)?fichier=\(EditRoutes.queryValue(path))"
        return """
        <div class="alerte" id="conflit" role="alert" tabindex="-1">
        <h2>Rien n'a été enregistré : le fichier a changé depuis l'ouverture du formulaire</h2>
        <p>\(HTML.escape(path)) a été modifié ailleurs (dans un éditeur de texte, ou dans un autre onglet) après que vous avez ouvert ce formulaire. Pour ne pas effacer ces modifications, Atelier n'a rien écrit. Vos saisies sont gardées ci-dessous.</p>
        <p><a href="\(HTML.escape(reload))">Recharger la version du fichier</a> (vos saisies seront perdues)</p>
        <p><button type="submit" form="formulaire" name="ecraser" value="\(HTML.escape(conflict))">Remplacer le fichier par ma version</button></p>
        </div>

        """
    }

    private var errors: [FieldProblem] { problems.filter { $0.diagnostic.severity == .error } }

    /// Every error, each linking to its field, so that the editor hears them all at once and goes to each.
    private var summaryBlock: String {
        guard !errors.isEmpty else { return "" }
        let count = errors.count == 1 ? "une erreur à corriger" : "\(errors.count) erreurs à corriger"
        let items = errors.map { problem -> String in
            let text = HTML.escape(message(problem))
            guard let field = problem.field else { return "<li>\(text)</li>" }
            return "<li><a href=\"#\(field)\">\(HTML.escape(label(of: field)))</a> : \(text)</li>"
        }
        return """
        <div class="alerte" id="erreurs" role="alert" tabindex="-1">
        <h2>Rien n'a été enregistré : \(count)</h2>
        <ul>\(items.joined())</ul>
        </div>

        """
    }

    /// The core's message, its place when it is not beside its field, and its hint.
    func message(_ problem: FieldProblem) -> String {
        let diagnostic = problem.diagnostic
        var text = diagnostic.message
        if let row = problem.row { text = "lien \(row + 1) : " + text }
        if problem.field == nil, diagnostic.location.line > 0 {
            text = "\(diagnostic.location.file), ligne \(diagnostic.location.line) : " + text
        }
        if let hint = diagnostic.hint { text += " (aide : \(hint))" }
        return text
    }

    /// Row templates for the script that adds themes and links.
    private var templates: String {
        """
        <template id="modele-theme">\(tagRow(index: "__N__", value: ""))</template>
        <template id="modele-lien">\(linkRow(index: "__N__", link: ResourceForm.Link()))</template>
        """
    }
}
