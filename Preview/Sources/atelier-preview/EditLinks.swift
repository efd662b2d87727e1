import AtelierCore

/// The preview's way into the editing form: « Modifier cette page » on a resource's page, « Nouvelle ressource » on
/// a kind's list, at the top of the page's main content. Only the preview adds them; a built site never has them.
enum EditLinks {
    static func add(to page: String, path: String, index: SiteIndex) -> String {
        let link: String
        if let source = index.source(ofPage: path) {
            link = "<a class=\"button\" href=\"\(EditRoutes.editPath)?fichier=\(HTML.escape(EditRoutes.queryValue(source)))\">Modifier cette page</a>"
        } else if let kind = index.kind(ofList: path) {
            link = "<a class=\"button\" href=\"\(EditRoutes.createPath)?type=\(HTML.escape(EditRoutes.queryValue(kind)))\">Nouvelle ressource</a>"
        } else {
            return page
        }
        let block = "<p class=\"atelier-edition\">\(link)</p>"
        guard let main = page.range(of: "<main"), let end = page[main.upperBound...].firstIndex(of: ">") else {
            return page.replacingOccurrences(of: "</body>", with: block + "\n</body>")
        }
        let after = page.index(after: end)
        return String(page[..<after]) + "\n" + block + String(page[after...])
    }
}
