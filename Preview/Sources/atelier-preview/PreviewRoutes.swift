import AtelierCore
import Foundation
import Hummingbird

/// Serves the preview folder, with a small script in every HTML page that reloads it after each rebuild.
enum PreviewRoutes {
    static let versionPath = "/__atelier/version"

    static let reloadScript = """
    <script>(function () {
      var seen = null;
      function poll() {
        fetch("\(versionPath)", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
          if (seen === null) seen = v; else if (v !== seen) window.location.reload();
        }).catch(function () {}).then(function () { setTimeout(poll, 700); });
      }
      poll();
    })();</script>
    """

    static func router(site: PreviewSite) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(versionPath)) { _, _ -> String in
            String(await site.version)
        }
        // `**` does not match the bare root, which is the address editors open first.
        for pattern in ["/", "**"] {
            router.get(RouterPath(pattern)) { request, _ -> Response in
                try await respond(to: request.uri.path, site: site)
            }
        }
        return router
    }

    private static func respond(to path: String, site: PreviewSite) async throws -> Response {
        if await !site.succeeded {
            return html(errorPage(await site.diagnostics), status: .internalServerError)
        }
        guard let file = site.output.file(at: path) else { return html("<h1>Requête refusée</h1>", status: .badRequest) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let notFound = FileManager.default.contents(atPath: site.output.live.appendingPathComponent("404.html").path)
            return html(notFound.map { String(decoding: $0, as: UTF8.self) } ?? "<h1>Page introuvable</h1>", status: .notFound)
        }
        if file.pathExtension == "html" {
            return html(String(decoding: data, as: UTF8.self), status: .ok)
        }
        var headers = HTTPFields()
        headers[.contentType] = mediaType(file.pathExtension)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func html(_ page: String, status: HTTPResponse.Status) -> Response {
        let body = page.contains("</body>") ? page.replacingOccurrences(of: "</body>", with: reloadScript + "\n</body>")
            : page + reloadScript
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// While the content has errors, every page lists them, as the command line would.
    static func errorPage(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let items = diagnostics.map { "<li><pre>\(escape($0.description))</pre></li>" }.joined(separator: "\n")
        return """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><title>Aperçu : \(errors) erreur(s)</title>
        <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;padding:.5rem 1rem}li{list-style:none}</style>
        </head><body>
        <h1>Le site n'a pas pu être reconstruit</h1>
        <p>Corrigez ces problèmes : la page se rechargera dès que le fichier sera enregistré.</p>
        <ul>\(items)</ul>
        </body></html>
        """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
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
