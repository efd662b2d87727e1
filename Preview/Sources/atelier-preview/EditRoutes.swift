import AtelierCore
import Foundation
import Hummingbird

/// The editing form: `GET /_atelier/modifier?fichier=content/…` and `GET /_atelier/nouveau?type=<kind>` show it,
/// a POST to the same address saves it, `POST /_atelier/rendu` renders a text for its preview. A save runs the
/// build's own checks on the file's new text and writes nothing while they find an error; it is refused when the
/// file changed on disk since the form was opened, unless the editor chooses to replace it.
struct EditRoutes: Sendable {
    static let editPath = "/_atelier/modifier"
    static let createPath = "/_atelier/nouveau"
    static let renderPath = "/_atelier/rendu"
    /// A text longer than this is not a resource.
    private static let maximumBody = 8 << 20

    let site: PreviewSite
    let guardian: EditGuard
    let files: ContentFiles

    func add(to router: Router<BasicRequestContext>) {
        router.get(RouterPath(Self.editPath)) { request, _ in await showEdit(request) }
        router.post(RouterPath(Self.editPath)) { request, _ in try await post(request, then: saveEdit) }
        router.get(RouterPath(Self.createPath)) { request, _ in await showCreate(request) }
        router.post(RouterPath(Self.createPath)) { request, _ in try await post(request, then: saveNew) }
        router.post(RouterPath(Self.renderPath)) { request, _ in try await post(request, then: render) }
    }

    /// `content/fiches/x.md` as a query value.
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))) ?? text
    }

    // MARK: - Showing the form

    private func showEdit(_ request: Request) async -> Response {
        guard guardian.isAddressedToUs(request) else { return Self.refusal(.forbidden) }
        let query = FormData(request.uri.query ?? "")
        return await withProject { configuration in
            guard let path = files.resource(query.first("fichier") ?? "", kinds: configuration.site.kinds.map(\.id)) else {
                return Self.refusal(.notFound, "Ce fichier ne peut pas être modifié ici : seules les ressources de content/ ont un formulaire.")
            }
            guard let data = files.read(path), let text = String(data: data, encoding: .utf8) else {
                return Self.refusal(.notFound, "Ce fichier ne peut pas être lu.")
            }
            guard let editor = FrontMatterEditor(text), editor.values != nil else { return unreadable(path, text: text) }
            let kind = kindOf(path, configuration)
            var page = await formPage(.edit(path: path, pageURL: await site.index.url(ofSource: path)), kind: kind,
                                      configuration: configuration, form: ResourceForm(file: editor, kind: kind),
                                      fileHash: ContentFiles.hash(data), path: path)
            if query.first("enregistre") == "1" {
                page.notice = "Enregistré. Cette ressource n'a pas de page dans l'aperçu : c'est un brouillon ou elle est datée après aujourd'hui (atelier serve --drafts les montre), ou bien le site a une erreur à corriger."
            }
            return Self.html(page.html())
        }
    }

    private func showCreate(_ request: Request) async -> Response {
        guard guardian.isAddressedToUs(request) else { return Self.refusal(.forbidden) }
        let query = FormData(request.uri.query ?? "")
        return await withProject { configuration in
            guard let kind = configuration.site.kind(query.first("type") ?? ""), files.acceptsNew(ofKind: kind.id) else {
                return Self.refusal(.notFound, "Type de ressource inconnu : les types sont déclarés dans content/site.yml.")
            }
            guard kind.isStartedInTheForm else {
                return Self.refusal(.notFound, "Un nouveau « \(kind.singular) » se commence avec la commande atelier new \(kind.id) \"Titre\" : "
                                    + "ses étapes s’écrivent dans le fichier. Il se modifie ensuite ici, sauf ses étapes.")
            }
            let today = site.options.date
                ?? Build.defaultDate(environment: ProcessInfo.processInfo.environment, timeZone: configuration.site.timeZone)
            let page = await formPage(.create, kind: kind, configuration: configuration, form: ResourceForm(onlineSince: "\(today)", draft: true),
                                      fileHash: "", path: "content/\(kind.id)/nouvelle.md")
            return Self.html(page.html())
        }
    }

    // MARK: - Saving

    /// Reads the form sent, and hands it on only when it comes from one of our pages with the token.
    private func post(_ request: Request, then handle: (FormData) async -> Response) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: Self.maximumBody)
        let sent = FormData(String(buffer: body))
        guard guardian.allowsPost(request, token: sent.first("jeton")) else {
            return Self.refusal(.forbidden, "Requête refusée : elle ne vient pas d'un formulaire de cet aperçu.")
        }
        return await handle(sent)
    }

    private func saveEdit(_ sent: FormData) async -> Response {
        await withProject { configuration in
            guard let path = files.resource(sent.first("fichier") ?? "", kinds: configuration.site.kinds.map(\.id)) else {
                return Self.refusal(.notFound, "Ce fichier ne peut pas être modifié ici : seules les ressources de content/ ont un formulaire.")
            }
            let kind = kindOf(path, configuration)
            let form = ResourceForm(sent: sent, kind: kind, boussole: configuration.boussole.axes)
            guard let data = files.read(path), let text = String(data: data, encoding: .utf8) else {
                return Self.refusal(.notFound, "Ce fichier n'existe plus, ou ne peut pas être lu.")
            }
            let hash = ContentFiles.hash(data)
            let pageURL = await site.index.url(ofSource: path)
            let opened = sent.first("empreinte") ?? ""
            // The form goes on with the hash it was opened with until the editor chooses to replace the file.
            var page = await formPage(.edit(path: path, pageURL: pageURL), kind: kind, configuration: configuration, form: form,
                                      fileHash: opened, path: path)
            guard opened == hash || sent.first("ecraser") == hash else {
                page.conflict = hash
                return Self.html(page.html(), status: .conflict)
            }
            page.fileHash = hash
            guard let editor = FrontMatterEditor(text), editor.values != nil else { return unreadable(path, text: text) }
            let old = ResourceForm(file: editor, kind: kind)
            let newText = editor.text(applying: form.edits(from: old, file: editor, kind: kind, boussole: configuration.boussole.axes),
                                      body: form.body(replacing: old, file: editor))
            page.problems = problems(of: newText, path: path, kind: kind, configuration: configuration)
            if page.problems.contains(where: { $0.diagnostic.severity == .error }) {
                return Self.html(page.html(), status: .unprocessableContent)
            }
            if newText != text {
                do throws(ContentFiles.WriteError) {
                    try files.replace(path, with: newText)
                } catch {
                    page.problems = [FieldProblem(Diagnostic(.error, .ecritureImpossible, "écriture impossible de \(path) : \(error.reason)",
                                                             at: SourceLocation(file: path, line: 0)), field: nil)]
                    return Self.html(page.html(), status: .internalServerError)
                }
            }
            return await saved(path)
        }
    }

    private func saveNew(_ sent: FormData) async -> Response {
        await withProject { configuration in
            guard let kind = configuration.site.kind(sent.first("type") ?? ""), files.acceptsNew(ofKind: kind.id),
                  kind.isStartedInTheForm else {
                return Self.refusal(.notFound, "Type de ressource inconnu : les types sont déclarés dans content/site.yml.")
            }
            let form = ResourceForm(sent: sent, kind: kind, boussole: configuration.boussole.axes)
            var page = await formPage(.create, kind: kind, configuration: configuration, form: form, fileHash: "",
                                      path: "content/\(kind.id)/nouvelle.md")
            // A title that cannot name a file is said beside it; the other fields are checked all the same.
            var titleProblems: [FieldProblem] = []
            let file: NewFile
            do throws(NewFileError) {
                file = try NewResource.make(root: files.root, kind: kind.id, title: form.title, date: site.options.date)
            } catch {
                titleProblems = error.diagnostics.map { FieldProblem($0, field: FormPage.id(.title)) }
                guard let standIn = try? NewResource.make(root: files.root, kind: kind.id, title: "sans titre", date: site.options.date) else {
                    page.problems = titleProblems
                    return Self.html(page.html(), status: .unprocessableContent)
                }
                file = standIn
            }
            let editor = FrontMatterEditor(file.text)!
            let old = ResourceForm(file: editor, kind: kind)
            let text = editor.text(applying: form.edits(from: old, file: editor, kind: kind, boussole: configuration.boussole.axes),
                                   body: form.body(replacing: old, file: editor))
            let problems = problems(of: text, path: file.path, kind: kind, configuration: configuration)
            if !titleProblems.isEmpty || problems.contains(where: { $0.diagnostic.severity == .error }) {
                page.problems = titleProblems + problems.filter { titleProblems.isEmpty || $0.field != FormPage.id(.title) }
                return Self.html(page.html(), status: .unprocessableContent)
            }
            do throws(NewFileError) {
                try NewResource.write(NewFile(path: file.path, text: text, nextStep: file.nextStep), root: files.root)
            } catch {
                page.problems = error.diagnostics.map { FieldProblem($0, field: FormPage.id(.title)) }
                return Self.html(page.html(), status: .conflict)
            }
            return await saved(file.path)
        }
    }

    /// The build's own checks on the text to save, each beside its field: nothing is written while one is an error.
    private func problems(of text: String, path: String, kind: KindConfig, configuration: ProjectConfiguration) -> [FieldProblem] {
        FieldProblem.place(ContentCheck.diagnostics(of: text, at: path, root: files.root), in: FrontMatterEditor(text)!, path: path,
                           kind: kind, axes: configuration.boussole.axes)
    }

    /// Rebuilds at once, then shows the resource's page, or the form again when the preview has no page for it.
    private func saved(_ path: String) async -> Response {
        await site.rebuild()
        if let url = await site.index.url(ofSource: path) { return .redirect(to: url) }
        return .redirect(to: "\(Self.editPath)?fichier=\(Self.queryValue(path))&enregistre=1")
    }

    // MARK: - The text's preview

    private func render(_ sent: FormData) async -> Response {
        var file = sent.first("fichier") ?? ""
        if !file.hasPrefix("content/") { file = "content/nouvelle.md" }
        let renderer = await site.index.markdown ?? MarkdownRenderer(resolve: { _ in nil })
        var log = DiagnosticLog()
        let html = renderer.render(MarkdownSource(file: file, text: sent.first("texte") ?? "", firstLine: 1), log: &log).html
        let remarks = log.sorted.map { "<li>\(HTML.escape($0.message))</li>" }
        return Self.html(html + (remarks.isEmpty ? "" : "<ul class=\"remarques\">\(remarks.joined())</ul>"))
    }

    // MARK: - Helpers

    /// `path`: the file whose text the form shows, which the links of its preview are relative to.
    private func formPage(_ mode: FormPage.Mode, kind: KindConfig, configuration: ProjectConfiguration, form: ResourceForm,
                          fileHash: String, path: String) async -> FormPage {
        let index = await site.index
        var log = DiagnosticLog()
        let renderer = index.markdown ?? MarkdownRenderer(resolve: { _ in nil })
        let preview = renderer.render(MarkdownSource(file: path, text: form.body, firstLine: 1), log: &log).html
        return FormPage(mode: mode, kind: kind, configuration: configuration, form: form, token: guardian.token, fileHash: fileHash,
                        knownTags: index.tags, preview: preview)
    }

    /// site.yml and boussole.yml, which the form is made from; their mistakes instead of the form.
    private func withProject(_ handle: (ProjectConfiguration) async -> Response) async -> Response {
        var log = DiagnosticLog()
        guard let configuration = ProjectConfiguration.load(root: files.root, log: &log) else {
            return Self.html(ErrorPage.html(log.sorted, root: files.root, heading: "Le formulaire ne peut pas être affiché",
                                            lead: "Corrigez d'abord ces erreurs de la configuration dans votre éditeur de texte, puis rechargez cette page."),
                             status: .internalServerError)
        }
        return await handle(configuration)
    }

    private func kindOf(_ path: String, _ configuration: ProjectConfiguration) -> KindConfig {
        configuration.site.kind(String(path.split(separator: "/")[1]))!
    }

    /// A front matter the form cannot read: the build's messages about it, to fix in a text editor.
    private func unreadable(_ path: String, text: String) -> Response {
        let diagnostics = ContentCheck.diagnostics(of: text, at: path, root: files.root)
        return Self.html(ErrorPage.html(diagnostics, root: files.root, heading: "Le formulaire ne peut pas lire ce fichier",
                                        lead: "Corrigez ces erreurs de l'en-tête dans votre éditeur de texte, puis rechargez cette page."),
                         status: .unprocessableContent)
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    private static func refusal(_ status: HTTPResponse.Status, _ message: String = "Requête refusée.") -> Response {
        html("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Requête refusée</title></head><body><main><h1>Requête refusée</h1><p>\(HTML.escape(message))</p></main></body></html>",
             status: status)
    }
}
