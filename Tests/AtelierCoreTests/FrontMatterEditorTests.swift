import Foundation
import Testing
@testable import AtelierCore

/// The editing form's writes: only the lines of the keys that change are rewritten, every other byte stays.
@Suite struct FrontMatterEditorTests {
    static let file = """
    ---
    # Fiche relue par l'équipe le 3 novembre.
    title: "Ancien titre"
    date: 2025-11-01
    summary: >
      Un résumé
      sur deux lignes.
    tags: [Méthode, ODD 17]
    boussole:
      maturite: accompagner   # le niveau le plus large
      # trajectoires à revoir
      profils:
        - acteurs-publics
        - academiques
    liens:
      - { label: "Le kit", url: "https://exemple.fr/kit.pdf", type: pdf }
      - label: "Le site"
        url: "https://exemple.fr"
        type: site
    draft: true   # brouillon
    ---

    Le texte, **tel quel**.\u{20}\u{20}
    Fin.

    """

    static func editor(_ text: String = file) throws -> FrontMatterEditor { try #require(FrontMatterEditor(text)) }

    static func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    @Test func valuesAreReadAsWritten() throws {
        let editor = try Self.editor()
        #expect(editor.value("title") == .text("Ancien titre"))
        #expect(editor.value("date") == .text("2025-11-01"))
        #expect(editor.value("summary") == .text("Un résumé sur deux lignes.\n"))
        #expect(editor.value("tags")?.texts == ["Méthode", "ODD 17"])
        #expect(editor.value("boussole")?["maturite"]?.texts == ["accompagner"])
        #expect(editor.value("boussole")?["profils"]?.texts == ["acteurs-publics", "academiques"])
        #expect(editor.value("liens") == .list([
            .map([.init("label", .text("Le kit")), .init("url", .text("https://exemple.fr/kit.pdf")), .init("type", .text("pdf"))]),
            .map([.init("label", .text("Le site")), .init("url", .text("https://exemple.fr")), .init("type", .text("site"))]),
        ]))
        #expect(editor.body == "\nLe texte, **tel quel**.  \nFin.\n")
    }

    @Test func editsRewriteOnlyTheirKeysLinesAndKeepCommentsAndOrder() throws {
        let edited = try Self.editor().text(applying: [
            FrontMatterEdit("summary", nil, .text("Un résumé neuf.")),
            FrontMatterEdit("title", nil, .text("Nouveau titre : l'atelier")),
            FrontMatterEdit("tags", nil, .list([.text("Méthode"), .text("Élus locaux")])),
        ])
        var expected = Self.lines(Self.file)
        expected[2] = #"title: "Nouveau titre : l'atelier""#
        expected[4...6] = ["summary: Un résumé neuf."]
        expected[5] = "tags: [Méthode, Élus locaux]"
        #expect(Self.lines(edited) == expected)
    }

    @Test func anEditToTheSameValueChangesNothing() throws {
        let editor = try Self.editor()
        let same = editor.text(applying: [
            FrontMatterEdit("title", nil, .text("Ancien titre")),
            FrontMatterEdit("boussole", "maturite", .text("accompagner")),
            FrontMatterEdit("liens", nil, editor.value("liens")),
        ])
        #expect(same == Self.file)
    }

    @Test func aSubkeyIsEditedInItsBlockAndTheOthersStay() throws {
        let edited = try Self.editor().text(applying: [
            FrontMatterEdit("boussole", "profils", .list([.text("academiques")])),
            FrontMatterEdit("boussole", "trajectoires", .list([.text("confiance"), .text("innovation")])),
        ])
        let lines = Self.lines(edited)
        #expect(Array(lines[8...13]) == [
            "boussole:", "  maturite: accompagner   # le niveau le plus large", "  # trajectoires à revoir",
            "  profils: [academiques]", "  trajectoires: [confiance, innovation]", "liens:",
        ])
    }

    @Test func aMappingWrittenOnOneLineIsWrittenAgainAsABlock() throws {
        let editor = try Self.editor("---\ntitle: A\nboussole: { maturite: accompagner, profils: [academiques] }\ndraft: true\n---\nTexte\n")
        let edited = editor.text(applying: [FrontMatterEdit("boussole", "maturite", .text("consolider"))])
        #expect(edited == "---\ntitle: A\nboussole:\n  maturite: consolider\n  profils: [academiques]\ndraft: true\n---\nTexte\n")
    }

    @Test func newKeysGoBeforeTheClosingLineAndRemovedKeysTakeTheirLinesAway() throws {
        let edited = try Self.editor().text(applying: [
            FrontMatterEdit("partenaires", nil, .list([.text("Le RAMEAU"), .text("ANCT")])),
            FrontMatterEdit("liens", nil, nil),
            FrontMatterEdit("boussole", "profils", nil),
        ])
        let lines = Self.lines(edited)
        #expect(Array(lines[8...13]) == [
            "boussole:", "  maturite: accompagner   # le niveau le plus large", "  # trajectoires à revoir",
            "draft: true   # brouillon", "partenaires: [Le RAMEAU, ANCT]", "---",
        ])
    }

    @Test func subkeysOfAMissingKeyComeWithItBeforeNewKeys() throws {
        let editor = try Self.editor("---\ntitle: A\n---\n")
        let edited = editor.text(applying: [
            FrontMatterEdit("draft", nil, .text("false")),
            FrontMatterEdit("boussole", "maturite", .text("accompagner")),
            FrontMatterEdit("boussole", "profils", .text("")),
        ])
        #expect(edited == "---\ntitle: A\ndraft: false\nboussole:\n  maturite: accompagner\n  profils: \"\"\n---\n")
    }

    @Test func theBodyIsKeptByteForByteUnlessANewOneIsGiven() throws {
        let editor = try Self.editor()
        #expect(editor.text(applying: [FrontMatterEdit("draft", nil, .text("false"))]).hasSuffix("---\n" + editor.body))
        let rewritten = editor.text(applying: [], body: "\nUn autre texte.\n")
        #expect(rewritten == Self.file.replacingOccurrences(of: editor.body, with: "\nUn autre texte.\n"))
    }

    @Test func windowsLineBreaksStayAndNewLinesFollowThem() throws {
        let editor = try Self.editor("---\r\ntitle: A\r\n# note\r\n---\r\nTexte\r\n")
        let edited = editor.text(applying: [FrontMatterEdit("title", nil, .text("B")), FrontMatterEdit("draft", nil, .text("true"))])
        #expect(edited == "---\r\ntitle: B\r\n# note\r\ndraft: true\r\n---\r\nTexte\r\n")
    }

    @Test func longListsAndListsOfMappingsTakeOneLineAnItem() throws {
        let long = (1...12).map { FrontMatterValue.text("Partenaire numéro \($0)") }
        #expect(FrontMatterValue.list(long).lines(key: "partenaires", indent: "").count == 13)
        let links = FrontMatterValue.list([.map([.init("label", .text("Kit, version 2")), .init("url", .text("https://x.fr/a")),
                                                 .init("type", .text("pdf"))])])
        #expect(links.lines(key: "liens", indent: "") == ["liens:", #"  - { label: "Kit, version 2", url: "https://x.fr/a", type: pdf }"#])
    }

    /// Whatever an editor types reads back as the same text.
    @Test(arguments: ["Été 2025 : l'atelier", "# pas un commentaire", "- pas une liste", "a: b", "texte #1", "\"citation\"",
                      "null", "~", "  espaces  ", "deux\nlignes", "true", "2025-11-20 13:00", "[crochets]", "{ accolades }",
                      "@arobase", "a,b", "tab\tulation", "50 %", "\\ antislash"])
    func textsReadBackAsWritten(_ text: String) throws {
        let written = try Self.editor("---\ntitle: A\n---\n").text(applying: [
            FrontMatterEdit("title", nil, .text(text)), FrontMatterEdit("tags", nil, .list([.text(text), .text("b")])),
        ])
        let editor = try Self.editor(written)
        #expect(editor.value("title") == .text(text), "\(written)")
        #expect(editor.value("tags") == .list([.text(text), .text("b")]), "\(written)")
    }

    @Test func linesArePlacedInTheirKeysSubkeysAndItems() throws {
        let editor = try Self.editor()
        #expect(editor.place(ofLine: 2) == .other)
        #expect(editor.place(ofLine: 3) == .key("title", subkey: nil, item: nil))
        #expect(editor.place(ofLine: 6) == .key("summary", subkey: nil, item: nil))
        #expect(editor.place(ofLine: 10) == .key("boussole", subkey: "maturite", item: nil))
        #expect(editor.place(ofLine: 13) == .key("boussole", subkey: "profils", item: nil))
        #expect(editor.place(ofLine: 16) == .key("liens", subkey: nil, item: 0))
        #expect(editor.place(ofLine: 19) == .key("liens", subkey: nil, item: 1))
        #expect(editor.place(ofLine: 21) == .other)
        #expect(editor.place(ofLine: 23) == .body)
    }

    @Test func aFileWithoutFrontMatterOrWithBrokenYAMLIsSaidSo() throws {
        #expect(FrontMatterEditor("title: A\n") == nil)
        #expect(FrontMatterEditor("---\ntitle: A\n") == nil)
        #expect(try Self.editor("---\ntitle: [A\n---\n").values == nil)
    }
}

/// One file checked against the project as the build would read it.
@Suite struct ContentCheckTests {
    static let valid = """
    ---
    title: "Une fiche"
    date: 2025-11-01
    summary: "Résumé."
    tags: [Méthode]
    boussole: { maturite: accompagner, profils: academiques }
    ---

    Voir [l'autre](autre.md).

    """

    @Test func aValidTextHasNoDiagnostics() throws {
        let fixture = try Fixture(files: ["content/fiches/autre.md": Self.valid])
        #expect(ContentCheck.diagnostics(of: Self.valid, at: "content/fiches/a.md", root: fixture.root).isEmpty)
    }

    @Test func mistakesAreTheBuildsOwnAtTheirLines() throws {
        let fixture = try Fixture()
        let text = Self.valid.replacingOccurrences(of: "2025-11-01", with: "2025-02-30")
            .replacingOccurrences(of: "summary: \"Résumé.\"", with: "summary:")
        let found = ContentCheck.diagnostics(of: text, at: "content/fiches/a.md", root: fixture.root)
        #expect(found.map(\.code) == [.dateInvalide, .champARemplir, .lienCasse])
        #expect(found.map(\.location.line) == [3, 4, 9])
    }

    @Test func aMistakeInTheConfigurationComesFirst() throws {
        let fixture = try Fixture(boussole: "axes: [\n")
        let found = ContentCheck.diagnostics(of: Self.valid, at: "content/fiches/a.md", root: fixture.root)
        #expect(found.map(\.location.file) == ["content/boussole.yml"])
    }
}
