import AtelierCore
import Foundation
import Hummingbird

/// Serves the preview folder, with a small script in every HTML page that reloads it after each rebuild, and a link
/// to the editing form on resource pages and kind lists.
enum PreviewRoutes {
    static func router(site: PreviewSite, edits: EditRoutes) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(BuildEvents.path)) { _, _ -> Response in
            BuildEvents.response(site: site)
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
        let live = site.output.live.path + "/"
        let (version, errorPage, editedPage) = await site.shown(file.map { $0.path.hasPrefix(live) ? String($0.path.dropFirst(live.count)) : "" } ?? "")
        if let errorPage { return html(errorPage, version: version, status: .internalServerError) }
        guard let file else {
            return html("<h1>Requête refusée</h1>", version: version, status: .badRequest)
        }
        if let editedPage {
            return html(EditLinks.add(to: editedPage, path: path, index: await site.index), version: version, status: .ok)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let notFound = FileManager.default.contents(atPath: site.output.live.appendingPathComponent("404.html").path)
            return html(notFound.map { String(decoding: $0, as: UTF8.self) } ?? "<h1>Page introuvable</h1>",
                        version: version, status: .notFound)
        }
        if file.pathExtension == "html" {
            let page = String(decoding: data, as: UTF8.self)
            return html(EditLinks.add(to: page, path: path, index: await site.index), version: version, status: .ok)
        }
        var headers = HTTPFields()
        headers[.contentType] = mediaType(file.pathExtension)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func html(_ page: String, version: Int, status: HTTPResponse.Status) -> Response {
        let script = reloadScript(version: version)
        let body = page.contains("</body>") ? page.replacingOccurrences(of: "</body>", with: script + "\n</body>") : page + script
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Reloads the page when a build other than the one it was served from is announced, including one that ended
    /// between the page and the stream's opening.
    private static func reloadScript(version: Int) -> String {
        """
        <script>new EventSource("\(BuildEvents.path)").onmessage = function (event) {
          if (event.data !== "\(version)") window.location.reload();
        };</script>
        """
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
