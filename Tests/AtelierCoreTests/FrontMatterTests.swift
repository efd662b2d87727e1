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
