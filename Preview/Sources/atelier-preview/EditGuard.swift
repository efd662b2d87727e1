import Foundation
import Hummingbird

/// What every request of the editing form must show before it reads or writes anything: that it is addressed to
/// this server by its own name (no other site's name resolved to loopback), and for a POST, that it comes from a
/// page of this server (its Origin) holding the token this server put into its forms (random, one per start).
struct EditGuard: Sendable {
    let token: String
    /// The Host values this server answers to: `127.0.0.1:8080`, and `localhost:8080` on loopback.
    private let hosts: Set<String>

    init(host: String, port: Int) {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        token = bytes.map { String(format: "%02x", $0) }.joined()
        let named = host.contains(":") ? "[\(host)]" : host
        var hosts = ["\(named):\(port)"]
        if ["127.0.0.1", "::1", "localhost"].contains(host) { hosts += ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"] }
        self.hosts = Set(hosts)
    }

    func isAddressedToUs(_ request: Request) -> Bool {
        request.head.authority.map(hosts.contains) ?? false
    }

    /// A POST must come from one of our pages, and carry the token.
    func allowsPost(_ request: Request, token sent: String?) -> Bool {
        guard isAddressedToUs(request), let host = request.head.authority,
              request.headers[.origin] == "http://\(host)", let sent else { return false }
        return Self.equal(Array(sent.utf8), Array(token.utf8))
    }

    /// Compares every byte whatever the first difference, so that the time taken says nothing of the token.
    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
