import AtelierCore

/// A diagnostic of the text a form would save, shown beside the field it is about.
struct FieldProblem: Sendable {
    /// The id of the field; nil for those shown above the form (another file, a key the form does not show).
    let field: String?
    /// The row of a link, from 0.
    let row: Int?
    let diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic, field: String?, row: Int? = nil) {
        self.diagnostic = diagnostic
        self.field = field
        self.row = row
    }

    /// Each diagnostic placed by the line it points at: the key of the front matter written there (a boussole axis, a
    /// link of `liens`), or the body.
    static func place(_ diagnostics: [Diagnostic], in editor: FrontMatterEditor, path: String, kind: KindConfig,
                      axes: [Axis]) -> [FieldProblem] {
        let keys = [FrontMatterKey.title, .date, .onlineSince, .summary, .tags, .partners, .draft].map(\.rawValue) + kind.fields.map(\.name)
        return diagnostics.map { diagnostic in
            guard diagnostic.location.file == path, diagnostic.location.line > 0 else { return FieldProblem(diagnostic, field: nil) }
            switch editor.place(ofLine: diagnostic.location.line) {
            case .body:
                return FieldProblem(diagnostic, field: FormPage.bodyID)
            case let .key(FrontMatterKey.boussole.rawValue, axis?, _) where axes.contains { $0.id == axis }:
                return FieldProblem(diagnostic, field: FormPage.axisID(axis))
            case let .key(FrontMatterKey.links.rawValue, _, item):
                return FieldProblem(diagnostic, field: FormPage.id(.links), row: item)
            case let .key(key, _, _) where keys.contains(key):
                return FieldProblem(diagnostic, field: FormPage.id(key))
            default:
                return FieldProblem(diagnostic, field: nil)
            }
        }
    }
}
