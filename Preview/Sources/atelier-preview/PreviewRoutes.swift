import AtelierCore
import Foundation
import Hummingbird

/// Serves the preview folder, with a small script in every HTML page that reloads it after each rebuild, and a link
/// to the editing form on resource pages and kind lists.
enum PreviewRoutes {
    static func router(site: PreviewSite, edits: EditRoutes) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(BuildEvents.path)) { request, _ -> Response in
            BuildEvents.response(site: site, since: request.uri.queryParameters["depuis"].flatMap { Int(String($0)) },
                                 run: request.uri.queryParameters["serveur"].map(String.init))
        }
        edits.add(to: router)
        // `**` does not match the bare root, which is the address editors open first.
        for pattern in ["/", "**"] {
            router.get(RouterPath(pattern)) { request, _ -> Response in
                try await respond(to: request.uri.path, site: site)
            }
        }
        return router
    }

    private static func respond(to path: String, site: PreviewSite) async throws -> Response {
        let file = site.output.file(at: path)
        let shown = file.map { relative($0, in: site.output.live) } ?? ""
        let (version, errorPage, editedPage) = await site.shown(shown)
        let reload = ReloadScript(version: version, run: site.run, file: shown)
        if let errorPage { return html(errorPage, reload, status: .internalServerError) }
        guard let file else { return html("<h1>Requête refusée</h1>", reload, status: .badRequest) }
        if let editedPage {
            return html(EditLinks.add(to: editedPage, path: path, index: await site.index), reload, status: .ok)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let notFound = FileManager.default.contents(atPath: site.output.live.appendingPathComponent("404.html").path)
            return html(notFound.map { String(decoding: $0, as: UTF8.self) } ?? "<h1>Page introuvable</h1>", reload, status: .notFound)
        }
        if file.pathExtension == "html" {
            let page = String(decoding: data, as: UTF8.self)
            return html(EditLinks.add(to: page, path: path, index: await site.index), reload, status: .ok)
        }
        var headers = HTTPFields()
        headers[.contentType] = mediaType(file.pathExtension)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The file's path in the site, as announcements name it: a page not yet made (`/fiches/x/`) by the file it
    /// will be (`fiches/x/index.html`).
    private static func relative(_ file: URL, in live: URL) -> String {
        let prefix = live.path + "/"
        guard file.path.hasPrefix(prefix) else { return "" }
        let path = String(file.path.dropFirst(prefix.count))
        return file.pathExtension.isEmpty && !path.isEmpty ? path + "/index.html" : path
    }

    private static func html(_ page: String, _ reload: ReloadScript, status: HTTPResponse.Status) -> Response {
        let script = reload.html
        let body = page.contains("</body>") ? page.replacingOccurrences(of: "</body>", with: script + "\n</body>") : page + script
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Reloads the page when an announcement names its file or `*`, from a build other than the one it was served
    /// from (including one that ended between the page and the stream's opening, announced with `*`); a build that
    /// did not change it becomes the one it shows.
    struct ReloadScript {
        let version: Int
        let run: String
        let file: String

        var html: String {
            // A path that needs escaping in a script is never announced as such: such a page reloads on `*` only.
            let safe = file.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || "._/-".unicodeScalars.contains($0) }
            return """
            <script>(function () {
              var shown = "\(version)", file = "\(safe ? file : "")";
              new EventSource("\(BuildEvents.path)?depuis=\(version)&serveur=\(run)").onmessage = function (event) {
                var words = event.data.split(" ");
                if (words[0] === shown) return;
                if (words.indexOf("*") > 0 || (file && words.indexOf(file) > 0)) window.location.reload();
                else shown = words[0];
              };
            })();</script>
            """
        }
    }

    private static func mediaType(_ fileExtension: String) -> String {
        switch fileExtension {
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
