import AtelierCore
import Foundation

/// The fields of the form, in the order of a resource's front matter, each typed after its declaration.
extension FormPage {
    var fields: String {
        var html = [
            input(id: Self.id(.title), name: FrontMatterKey.title.rawValue, label: "Titre", value: form.title, required: true,
                  hint: { if case .create = mode { return "Le nom du fichier vient du titre (minuscules, sans accents, des tirets)." }; return nil }()),
            dateInput(id: Self.id(.date), name: FrontMatterKey.date.rawValue, label: "Date du document", value: form.date, required: false,
                      hint: "La date que donne la source (le jour, ou seulement le mois AAAA-MM ou l'année AAAA) ; vide si aucune source ne la donne."),
            dateInput(id: Self.id(.onlineSince), name: FrontMatterKey.onlineSince.rawValue, label: "Mise en ligne", value: form.onlineSince, required: false,
                      hint: "Le jour où la ressource paraît sur la plateforme et dans les Jeudis ; vide, c'est la date du document."),
            textArea(id: Self.id(.summary), name: FrontMatterKey.summary.rawValue, label: "Résumé", value: form.summary, rows: 3, required: true,
                     hint: "Une ou deux phrases : elles s'affichent dans les listes et les flux."),
        ]
        html += kind.fields.map(kindField)
        html += [tagsField, boussoleFields,
                 textArea(id: Self.id(.partners), name: FrontMatterKey.partners.rawValue, label: "Partenaires", value: form.partners.joined(separator: "\n"),
                          rows: 3, required: false, hint: "Un partenaire par ligne."),
                 linksField, draftField, bodyField]
        return html.joined(separator: "\n")
    }

    /// The label of a field, for the list of errors above the form.
    func label(of field: String) -> String {
        let common: [FrontMatterKey: String] = [.title: "Titre", .date: "Date du document", .onlineSince: "Mise en ligne", .summary: "Résumé",
                                                .tags: "Thèmes", .partners: "Partenaires", .links: "Liens", .draft: "Brouillon"]
        if field == Self.bodyID { return "Texte" }
        if let axis = configuration.boussole.axes.first(where: { Self.axisID($0.id) == field }) { return "Boussole, \(axis.label)" }
        let key = String(field.dropFirst("champ-".count))
        return FrontMatterKey(rawValue: key).flatMap { common[$0] } ?? kind.field(key)?.label ?? key
    }

    // MARK: - One field each

    private func kindField(_ spec: FieldSpec) -> String {
        // A field of the kind is sent under its id: `champ-lieu`, which no common field's name can be.
        let id = Self.id(spec.name), name = id, value = form.fields[spec.name] ?? ""
        switch spec.type {
        case .text: return input(id: id, name: name, label: spec.label, value: value, required: spec.required)
        case .url: return input(id: id, name: name, label: spec.label, value: value, required: spec.required, type: "url",
                                hint: "Une adresse web complète : https://…")
        case .date: return dateInput(id: id, name: name, label: spec.label, value: value, required: spec.required)
        case .dateTime: return dateTimeInput(spec, id: id, name: name, value: value)
        case .list: return textArea(id: id, name: name, label: spec.label, value: value, rows: 3, required: spec.required,
                                    hint: "Un élément par ligne.")
        case .steps, .selections:
            return """
            <div class="champ"><p><strong>\(HTML.escape(spec.label))</strong> : ce champ s’écrit dans le fichier lui-même \
            (voir « Les parcours » dans le guide) ; le formulaire le laisse tel quel.</p></div>
            """
        }
    }

    /// `after`: what follows the field in its block (the box of a whole day).
    private func input(id: String, name: String, label: String, value: String, required: Bool, type: String = "text",
                       hint: String? = nil, after: String = "") -> String {
        """
        <div class="champ">\(labelTag(id, label, required: required))
        <input type="\(type)" id="\(id)" name="\(name)" value="\(HTML.escape(value))"\(required ? " required" : "")\(describedBy(id, hint: hint))>
        \(hintTag(id, hint))\(problemsTag(id))\(after)</div>
        """
    }

    /// A day in a date picker; a value the picker cannot hold (a month or a year alone, a mistake) in a text field.
    private func dateInput(id: String, name: String, label: String, value: String, required: Bool, hint: String? = nil) -> String {
        let fits = value.isEmpty || LocalDate(iso: value) != nil
        let help = fits ? hint : [hint, "Écrivez AAAA-MM-JJ, ou seulement le mois (AAAA-MM) ou l'année (AAAA)."].compactMap { $0 }.joined(separator: " ")
        return input(id: id, name: name, label: label, value: value, required: required, type: fits ? "date" : "text", hint: help)
    }

    /// A date and time picker, or a date picker for a whole day; the script switches them with the box.
    private func dateTimeInput(_ spec: FieldSpec, id: String, name: String, value: String) -> String {
        let wholeDay = form.wholeDays.contains(spec.name)
        let timed = value.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"#, options: .regularExpression) != nil
        let type = wholeDay ? "date" : timed || value.isEmpty ? "datetime-local" : "text"
        let box = "\(id)-journee"
        return input(id: id, name: name, label: spec.label, value: timed ? value.replacingOccurrences(of: " ", with: "T") : value,
                     required: spec.required, type: type, hint: "À l'heure du site ; cochez « Journée entière » pour une date sans heure.",
                     after: """
                     <p class="case"><input type="checkbox" id="\(box)" name="\(name)-journee" value="oui" data-journee="\(id)"\(wholeDay ? " checked" : "")> \
                     <label for="\(box)">Journée entière (sans heure)</label></p>
                     """)
    }

    private func textArea(id: String, name: String, label: String, value: String, rows: Int, required: Bool, hint: String?) -> String {
        // The line break after the tag is dropped by the HTML parser: a text that opens with one keeps it.
        """
        <div class="champ">\(labelTag(id, label, required: required))
        <textarea id="\(id)" name="\(name)" rows="\(rows)"\(required ? " required" : "")\(describedBy(id, hint: hint))>
        \(HTML.escape(value))</textarea>
        \(hintTag(id, hint))\(problemsTag(id))</div>
        """
    }

    /// One row per theme, suggestions from the themes in use, and a warning when a theme is spelt otherwise elsewhere.
    private var tagsField: String {
        let id = Self.id(.tags)
        let rows = (form.tags + [""]).enumerated().map { tagRow(index: String($0.offset + 1), value: $0.element) }
        let suggestions = knownTags.map { "<option value=\"\(HTML.escape($0))\" data-cle=\"\(HTML.escape(Slug.make($0)))\"></option>" }
        let warning = spellingWarnings.joined(separator: " ")
        let hint = "Un thème par ligne. Réutilisez les thèmes existants : ils sont proposés pendant la saisie."
        return """
        <fieldset class="champ" id="\(id)"\(describedBy(id, hint: hint, warning: true))>
        <legend>Thèmes <span class="obligatoire">(obligatoire)</span></legend>
        \(hintTag(id, hint))
        <ul class="lignes" id="liste-themes">\(rows.joined())</ul>
        <button type="button" class="ajouter" data-modele="modele-theme" data-liste="liste-themes">Ajouter un thème</button>
        <p class="avertissement" id="avertissement-\(id)" aria-live="polite">\(HTML.escape(warning))</p>
        \(problemsTag(id))</fieldset>
        <datalist id="themes-existants">\(suggestions.joined())</datalist>
        """
    }

    func tagRow(index: String, value: String) -> String {
        """
        <li><label for="theme-\(index)">Thème \(index)</label> <input type="text" id="theme-\(index)" name="\(FrontMatterKey.tags.rawValue)" list="themes-existants" value="\(HTML.escape(value))"> <button type="button" class="retirer">Retirer le thème \(index)</button></li>
        """
    }

    /// « le thème « elus locaux » s'écrit ailleurs « Élus locaux » », as the build says it.
    private var spellingWarnings: [String] {
        let known = Dictionary(knownTags.map { (Slug.make($0), $0) }, uniquingKeysWith: { first, _ in first })
        return form.tags.compactMap { tag in
            known[Slug.make(tag)].flatMap { $0 == tag ? nil : "Le thème « \(tag) » s'écrit ailleurs « \($0) »." }
        }
    }

    /// One group of boxes per axis, the values with their labels.
    private var boussoleFields: String {
        let axes = configuration.boussole.axes.map { axis -> String in
            let id = Self.axisID(axis.id)
            let chosen = form.boussole[axis.id] ?? []
            let boxes = axis.values.map { value -> String in
                let box = "boussole-\(axis.id)-\(value.id)"
                return """
                <li><input type="checkbox" id="\(box)" name="boussole-\(axis.id)" value="\(HTML.escape(value.id))"\(chosen.contains(value.id) ? " checked" : "")> <label for="\(box)">\(HTML.escape(value.label))</label></li>
                """
            }
            let question = axis.question.isEmpty ? "" : " — \(HTML.escape(axis.question))"
            return """
            <fieldset class="champ" id="\(id)"\(describedBy(id, hint: nil))>
            <legend>\(HTML.escape(axis.label))\(question) <span class="obligatoire">(au moins une valeur)</span></legend>
            <ul class="cases">\(boxes.joined())</ul>
            \(problemsTag(id))</fieldset>
            """
        }
        return "<section aria-labelledby=\"titre-boussole\"><h2 id=\"titre-boussole\">Boussole</h2>\n\(axes.joined(separator: "\n"))</section>"
    }

    /// One row per link (label, address, type), which the script adds and removes.
    private var linksField: String {
        let id = Self.id(.links)
        let rows = (form.links + [ResourceForm.Link()]).enumerated().map { linkRow(index: String($0.offset + 1), link: $0.element) }
        return """
        <fieldset class="champ" id="\(id)"\(describedBy(id, hint: nil))>
        <legend>Liens : documents et sites</legend>
        <ol class="lignes liens" id="liste-liens">\(rows.joined())</ol>
        <button type="button" class="ajouter" data-modele="modele-lien" data-liste="liste-liens">Ajouter un lien</button>
        \(problemsTag(id))</fieldset>
        """
    }

    func linkRow(index: String, link: ResourceForm.Link) -> String {
        let known = configuration.site.linkTypes.map(\.id)
        let types = [("", "(type)")] + configuration.site.linkTypes.map { ($0.id, $0.label) }
            + (link.type.isEmpty || known.contains(link.type) ? [] : [(link.type, link.type)])
        let options = types.map { "<option value=\"\(HTML.escape($0.0))\"\($0.0 == link.type ? " selected" : "")>\(HTML.escape($0.1))</option>" }
        return """
        <li><span class="ligne-lien"><label for="lien-\(index)-label">Libellé du lien \(index)</label> <input type="text" id="lien-\(index)-label" name="lien-label" value="\(HTML.escape(link.label))"></span> \
        <span class="ligne-lien"><label for="lien-\(index)-url">Adresse du lien \(index)</label> <input type="url" id="lien-\(index)-url" name="lien-url" value="\(HTML.escape(link.url))"></span> \
        <span class="ligne-lien"><label for="lien-\(index)-type">Type du lien \(index)</label> <select id="lien-\(index)-type" name="lien-type">\(options.joined())</select></span> \
        <button type="button" class="retirer">Retirer le lien \(index)</button></li>
        """
    }

    private var draftField: String {
        let id = Self.id(.draft)
        let hint = "Un brouillon n'apparaît dans l'aperçu qu'avec atelier serve --drafts (make serve)."
        return """
        <div class="champ case"><input type="checkbox" id="\(id)" name="\(FrontMatterKey.draft.rawValue)" value="oui"\(form.draft ? " checked" : "")\(describedBy(id, hint: hint))> \
        <label for="\(id)">Brouillon : jamais publié</label>
        \(hintTag(id, hint))\(problemsTag(id))</div>
        """
    }

    /// The Markdown text beside its preview, which Atelier renders as the site will.
    private var bodyField: String {
        let id = Self.bodyID
        return """
        <div class="texte">
        \(textArea(id: id, name: "body", label: "Texte", value: form.body, rows: 18, required: false,
                   hint: "En Markdown : intertitres ##, listes, liens. Pas de titre # : celui de la page vient du titre."))
        <section class="apercu-texte" aria-labelledby="titre-apercu"><h2 id="titre-apercu">Aperçu du texte</h2>
        <div id="apercu-texte" class="body">\(preview)</div></section>
        </div>
        """
    }

    // MARK: - Labels, hints and problems

    private func labelTag(_ id: String, _ label: String, required: Bool) -> String {
        "<label for=\"\(id)\">\(HTML.escape(label))\(required ? " <span class=\"obligatoire\">(obligatoire)</span>" : "")</label>"
    }

    private func hintTag(_ id: String, _ hint: String?) -> String {
        guard let hint, !hint.isEmpty else { return "" }
        return "<p class=\"aide\" id=\"aide-\(id)\">\(HTML.escape(hint))</p>\n"
    }

    /// `aria-describedby` naming the hint (when there is one), the warning and the problems of a field, and
    /// `aria-invalid` when it has an error.
    private func describedBy(_ id: String, hint: String?, warning: Bool = false) -> String {
        var ids: [String] = []
        if !(hint ?? "").isEmpty { ids.append("aide-\(id)") }
        if warning { ids.append("avertissement-\(id)") }
        let own = problems.filter { $0.field == id }
        if !own.isEmpty { ids.append("erreur-\(id)") }
        var attributes = ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\""
        if own.contains(where: { $0.diagnostic.severity == .error }) { attributes += " aria-invalid=\"true\"" }
        return attributes
    }

    private func problemsTag(_ id: String) -> String {
        let own = problems.filter { $0.field == id }
        guard !own.isEmpty else { return "" }
        let items = own.map { problem in
            let isError = problem.diagnostic.severity == .error
            return "<p class=\"\(isError ? "erreur" : "avertissement")\"><strong>\(isError ? "Erreur" : "Attention")</strong> : \(HTML.escape(message(problem)))</p>"
        }
        return "<div class=\"problemes\" id=\"erreur-\(id)\">\(items.joined())</div>\n"
    }
}
