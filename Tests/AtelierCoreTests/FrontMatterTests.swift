import Testing
@testable import AtelierCore

@Suite struct FrontMatterTests {
    @Test func splitsHeaderAndBodyKeepingTheBodyLine() throws {
        var log = DiagnosticLog()
        let parts = try #require(FrontMatter.split("---\ntitle: A\ndate: 2025-01-01\n---\n\nTexte\n", path: "f.md", log: &log))
        #expect(parts.yaml == "title: A\ndate: 2025-01-01")
        #expect(parts.body == "\nTexte\n")
        #expect(parts.bodyLine == 5)
        #expect(log.items.isEmpty)
    }

    @Test func windowsLineEndingsAndByteOrderMarkAreAccepted() throws {
        var log = DiagnosticLog()
        let parts = try #require(FrontMatter.split("\u{FEFF}---\r\ntitle: A\r\n---\r\nTexte\r\n", path: "f.md", log: &log))
        #expect(parts.yaml == "title: A")
        #expect(parts.body == "Texte\n")
    }

    @Test func missingOrUnclosedHeadersAreErrorsOnLineOne() {
        var log = DiagnosticLog()
        #expect(FrontMatter.split("title: A\n", path: "a.md", log: &log) == nil)
        #expect(FrontMatter.split("---\ntitle: A\n", path: "b.md", log: &log) == nil)
        #expect(log.items.map(\.location) == [SourceLocation(file: "a.md"), SourceLocation(file: "b.md")])
        #expect(log.items[0].message == "en-tête YAML manquant")
        #expect(log.items[1].message == "en-tête YAML jamais refermé")
    }
}

@Suite struct FrontMatterSplitSpecification {
    /// The first, plain version of the split, kept as the specification of the fast one.
    static func reference(_ text: String) -> (yaml: String, body: String, bodyLine: Int)? {
        let normalized = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var lines = normalized.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return nil }
        if lines.last == "" { lines.removeLast() }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = close + 1 < lines.count ? lines[(close + 1)...].joined(separator: "\n") + "\n" : ""
        return (yaml, body, close + 2)
    }

    @Test func theFastSplitGivesWhatThePlainOneGives() {
        var random = SplitMix(seed: 11)
        let pieces = ["---", " --- ", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "title: é",
                      "« x »", "\u{FEFF}", "\t---", "----", "\u{A0}---", "texte", ""]
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 14)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            var log = DiagnosticLog()
            let fast = FrontMatter.split(text, path: "x.md", log: &log)
            let plain = Self.reference(text)
            #expect(fast?.yaml == plain?.yaml && fast?.body == plain?.body && fast?.bodyLine == plain?.bodyLine,
                    "\(text.debugDescription)")
            #expect((fast == nil) == !log.items.isEmpty)
        }
    }
}
