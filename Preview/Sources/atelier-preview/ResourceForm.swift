import AtelierCore
import Foundation

/// What the editing form shows of a resource, read from its file or from what the browser sent, and the edits that
/// turn one into the other. Values are compared as the form shows them, so that a key is written again only when
/// the editor changed it.
struct ResourceForm {
    struct Link: Equatable {
        var label = "", url = "", type = ""
    }

    var title = ""
    /// The date of the document or the event: a day, a month or a year, or blank when no source gives one.
    var date = ""
    /// The day the resource goes on the platform.
    var onlineSince = ""
    var summary = ""
    var tags: [String] = []
    /// The chosen values of each axis, by axis id.
    var boussole: [String: [String]] = [:]
    /// The kind's own fields, by name: a list one item a line, a date and time as `AAAA-MM-JJ HH:MM` or the day alone.
    var fields: [String: String] = [:]
    /// The date and time fields given as a whole day, even before their day is written.
    var wholeDays: Set<String> = []
    var partners: [String] = []
    var links: [Link] = []
    var draft = false
    /// The text below the front matter, without the blank lines that open it.
    var body = ""

    /// A new resource's: on the platform from today, a draft, its own date left for the editor to give.
    init(onlineSince: String, draft: Bool) {
        self.onlineSince = onlineSince
        self.draft = draft
    }

    init(file editor: FrontMatterEditor, kind: KindConfig) {
        title = Self.text(editor.value(.title))
        date = Self.text(editor.value(.date))
        onlineSince = Self.text(editor.value(.onlineSince))
        summary = Self.text(editor.value(.summary))
        tags = editor.value(.tags)?.texts ?? []
        if case let .map(axes)? = editor.value(.boussole) {
            for axis in axes { boussole[axis.key] = axis.value.texts }
        }
        for field in kind.fields {
            let value = editor.value(field.name)
            fields[field.name] = field.type == .list ? (value?.texts ?? []).joined(separator: "\n") : Self.text(value)
            if field.type == .dateTime, LocalDate(iso: fields[field.name]!) != nil { wholeDays.insert(field.name) }
        }
        partners = editor.value(.partners)?.texts ?? []
        if case let .list(items)? = editor.value(.links) {
            links = items.map { Link(label: Self.text($0["label"]), url: Self.text($0["url"]), type: Self.text($0["type"])) }
        }
        draft = ["true", "yes", "on"].contains(Self.text(editor.value(.draft)).lowercased())
        body = Self.withoutOpeningBlankLines(editor.body)
    }

    init(sent form: FormData, kind: KindConfig, boussole axes: [Axis]) {
        title = form.text(FrontMatterKey.title.rawValue)
        date = form.text(FrontMatterKey.date.rawValue)
        onlineSince = form.text(FrontMatterKey.onlineSince.rawValue)
        summary = form.text(FrontMatterKey.summary.rawValue)
        tags = form.all(FrontMatterKey.tags.rawValue).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for axis in axes { boussole[axis.id] = form.all("boussole-\(axis.id)") }
        for field in kind.fields {
            let name = FormPage.id(field.name)
            switch field.type {
            case .list: fields[field.name] = form.lines(name).joined(separator: "\n")
            case .dateTime:
                let value = form.text(name).replacingOccurrences(of: "T", with: " ")
                let wholeDay = form.first(name + "-journee") == "oui"
                if wholeDay { wholeDays.insert(field.name) }
                fields[field.name] = wholeDay ? String(value.prefix(10)) : value
            default: fields[field.name] = form.text(name)
            }
        }
        partners = form.lines(FrontMatterKey.partners.rawValue)
        links = zip(form.all("lien-label"), zip(form.all("lien-url"), form.all("lien-type"))).map {
            Link(label: $0.0.trimmingCharacters(in: .whitespaces), url: $0.1.0.trimmingCharacters(in: .whitespaces), type: $0.1.1)
        }.filter { !$0.label.isEmpty || !$0.url.isEmpty }
        draft = form.first(FrontMatterKey.draft.rawValue) == "oui"
        body = Self.withoutOpeningBlankLines(form.first("body") ?? "")
    }

    /// The edits that make the file read as `self`, from `old` as the file's own values; a required key the file lacks
    /// is written even blank, so that the build's message about it points at its own line.
    func edits(from old: ResourceForm, file editor: FrontMatterEditor, kind: KindConfig, boussole axes: [Axis]) -> [FrontMatterEdit] {
        var edits: [FrontMatterEdit] = []
        func write(_ key: String, _ changed: Bool, required: Bool, _ value: @autoclosure () -> FrontMatterValue?) {
            if changed || (required && editor.value(key) == nil) { edits.append(FrontMatterEdit(key, nil, value())) }
        }
        func write(_ key: FrontMatterKey, _ changed: Bool, required: Bool, _ value: @autoclosure () -> FrontMatterValue?) {
            write(key.rawValue, changed, required: required, value())
        }
        write(.title, title != old.title, required: true, .text(title))
        write(.date, date != old.date, required: false, date.isEmpty ? nil : .text(date))
        write(.onlineSince, onlineSince != old.onlineSince, required: false, onlineSince.isEmpty ? nil : .text(onlineSince))
        write(.summary, summary != old.summary, required: true, .text(summary))
        write(.tags, tags != old.tags, required: true, .list(tags.map(FrontMatterValue.text)))
        for axis in axes {
            let chosen = boussole[axis.id] ?? []
            if Set(chosen) != Set(old.boussole[axis.id] ?? []) || editor.value(.boussole)?[axis.id] == nil {
                edits.append(FrontMatterEdit(.boussole, axis.id, chosen.count == 1 ? .text(chosen[0]) : chosen.isEmpty ? .text("") : .list(chosen.map(FrontMatterValue.text))))
            }
        }
        for field in kind.fields where field.type.isInTheForm {
            let value = fields[field.name] ?? ""
            let written: FrontMatterValue? = value.isEmpty ? (field.required ? .text("") : nil)
                : field.type == .list ? .list(value.split(separator: "\n").map { .text(String($0)) }) : .text(value)
            write(field.name, value != (old.fields[field.name] ?? ""), required: field.required, written)
        }
        write(.partners, partners != old.partners, required: false, partners.isEmpty ? nil : .list(partners.map(FrontMatterValue.text)))
        write(.links, links != old.links, required: false, links.isEmpty ? nil : .list(links.map {
            .map([.init("label", .text($0.label)), .init("url", .text($0.url)), .init("type", .text($0.type))])
        }))
        write(.draft, draft != old.draft, required: false, .text(draft ? "true" : "false"))
        return edits
    }

    /// The file's body when the text was edited, opened by the blank lines that opened the old one; nil when unchanged.
    func body(replacing old: ResourceForm, file editor: FrontMatterEditor) -> String? {
        guard body != old.body else { return nil }
        let opening = editor.body.prefix { $0 == "\n" || $0 == "\r\n" }
        guard !body.isEmpty else { return "" }
        return (opening.isEmpty ? "\n" : String(opening)) + body + (body.hasSuffix("\n") ? "" : "\n")
    }

    private static func text(_ value: FrontMatterValue?) -> String {
        (value?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func withoutOpeningBlankLines(_ text: String) -> String {
        String(text.drop { $0 == "\n" || $0 == "\r\n" }).replacingOccurrences(of: "\r\n", with: "\n")
    }
}

extension FieldSpec.FieldType {
    /// Steps and choices are lists of records, written in the file by hand: the form shows a note and never rewrites
    /// them.
    var isInTheForm: Bool { self != .steps && self != .selections }
}

extension KindConfig {
    /// A kind whose required fields the form can fill; one that requires steps is started with `atelier new`.
    var isStartedInTheForm: Bool { fields.allSatisfy { $0.type.isInTheForm || !$0.required } }
}
