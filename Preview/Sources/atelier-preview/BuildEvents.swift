import Hummingbird

/// `/_atelier/events`, a stream of Server-Sent Events: the current build number at once, then each new one after a
/// rebuild. The script of every page reloads it when a number is not the build it shows; the browser's EventSource
/// reconnects by itself (after the second `retry` asks for) when the server restarts.
enum BuildEvents {
    static let path = "/_atelier/events"
    /// A closed tab is noticed only when a write to it fails, the first write after it closed or the second: a comment
    /// line every 15 s makes those writes, so that its stream ends within half a minute rather than never.
    static let heartbeat = Duration.seconds(15)

    /// `since` and `run`: the number and run of the server that served the page (`?depuis=12&serveur=3fa2c1`).
    static func response(site: PreviewSite, since: Int?, run: String?) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (messages, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
            let listener = await site.listen(since: since, run: run) { continuation.yield("data: \($0)\n\n") }
            let beats = Task {
                while (try? await Task.sleep(for: heartbeat)) != nil { continuation.yield(":\n\n") }
            }
            defer {
                beats.cancel()
                Task { await site.stopListening(listener) }
            }
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await message in messages { try await writer.write(ByteBuffer(string: message)) }
            try await writer.finish(nil)
        })
    }
}
