import Foundation
import Testing
@testable import AtelierCore

@Suite struct MarkdownTests {
    let known: [String: String] = ["kits/odd-17.md": "/kits/odd-17/", "fiches/repere.md": "/fiches/repere/",
                                   "kits/guide.pdf": "/kits/guide.pdf"]

    func render(_ text: String, file: String = "content/fiches/essai.md", firstLine: Int = 5,
                raw: Bool = false) -> (RenderedMarkdown, [Diagnostic]) {
        let table = known
        let renderer = MarkdownRenderer(allowRawHTML: raw) { path in
            table[path].map { MarkdownRenderer.LinkTarget(url: $0) }
        }
        var log = DiagnosticLog()
        let result = renderer.render(MarkdownSource(file: file, text: text, firstLine: firstLine), log: &log)
        return (result, log.items)
    }

    @Test func githubExtensions() {
        let (out, _) = render("""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~barré~~ et www.exemple.fr

        - [x] fait
        - [ ] à faire

        Une note[^1].

        [^1]: Le texte de la note.
        """)
        #expect(out.html.contains("<table>"))
        #expect(out.html.contains("<del>barré</del>"))
        #expect(out.html.contains("<a href=\"http://www.exemple.fr\">www.exemple.fr</a>"))
        #expect(out.html.contains("type=\"checkbox\""))
        #expect(out.html.contains("Le texte de la note."))
        #expect(out.html.contains("class=\"footnote"))
    }

    @Test func rawHTMLIsOmittedUnlessAllowed() {
        let text = "<script>alert(1)</script>\n\nTexte <b onclick=\"x\">gras</b> [lien](javascript:alert(1))\n"
        let (safe, _) = render(text)
        #expect(!safe.html.contains("<script>"))
        #expect(!safe.html.contains("onclick"))
        #expect(!safe.html.contains("javascript:"))
        let (unsafe, _) = render(text, raw: true)
        #expect(unsafe.html.contains("<b onclick"))
    }

    @Test func headingsGetFoldedUniqueIDsAndATableOfContents() {
        let (out, _) = render("""
        ## Éclairer l'engagement

        ### Les *chiffres* clés

        ## Éclairer l'engagement

        #### Détail
        """)
        #expect(out.html.contains("<h2 id=\"eclairer-l-engagement\">Éclairer l’engagement</h2>"))
        #expect(out.html.contains("<h3 id=\"les-chiffres-cles\">Les <em>chiffres</em> clés</h3>"))
        #expect(out.html.contains("<h2 id=\"eclairer-l-engagement-1\">"))
        #expect(out.toc.map(\.id) == ["eclairer-l-engagement", "les-chiffres-cles", "eclairer-l-engagement-1"])
        #expect(out.toc.map(\.level) == [2, 3, 2])
        #expect(out.toc[1].text == "Les chiffres clés")
    }

    @Test func relativeMarkdownLinksBecomePageURLs() {
        let (out, diagnostics) = render("""
        Voir [le kit](../kits/odd-17.md#etapes), [la fiche](repere.md), [le guide](../kits/guide.pdf),
        [ailleurs](https://exemple.fr/a.md) et [ici](#haut).
        """)
        #expect(diagnostics.isEmpty)
        #expect(out.html.contains("href=\"/kits/odd-17/#etapes\""))
        #expect(out.html.contains("href=\"/fiches/repere/\""))
        #expect(out.html.contains("href=\"/kits/guide.pdf\""))
        #expect(out.html.contains("href=\"https://exemple.fr/a.md\""))
        #expect(out.html.contains("href=\"#haut\""))
    }

    @Test func linksToUnpublishedResourcesKeepTheirTextOnly() {
        let renderer = MarkdownRenderer { path in
            MarkdownRenderer.LinkTarget(url: "/x/", availability: path.hasPrefix("futur") ? .scheduled : .draft)
        }
        var log = DiagnosticLog()
        let html = renderer.render(MarkdownSource(file: "content/a.md", text: "Voir [bientôt](futur.md) et [jamais](brouillon.md).\n", firstLine: 1), log: &log).html
        #expect(html == "<p>Voir bientôt et jamais.</p>\n")
        #expect(log.items.count == 1)
        #expect(log.items.first?.message == "lien vers un brouillon : « brouillon.md »")
        #expect(log.items.first?.location == SourceLocation(file: "content/a.md", line: 1, column: 29))
    }

    @Test func brokenLinksAreReportedWhereTheyAreWritten() {
        let (_, diagnostics) = render("Premier paragraphe.\n\nUn lien [cassé](../kits/absent.md) ici.\n", firstLine: 7)
        #expect(diagnostics.count == 1)
        let d = try! #require(diagnostics.first)
        #expect(d.location == SourceLocation(file: "content/fiches/essai.md", line: 9, column: 9))
        #expect(d.message.contains("../kits/absent.md"))
        #expect(d.severity == .error)
    }

    @Test func linksCannotClimbOutOfContent() {
        let (_, diagnostics) = render("[x](../../secret.md)\n")
        #expect(diagnostics.first?.message.contains("hors du dossier content") == true)
    }

    /// cmark-gfm's inline parser is not thread-safe: rendering in parallel must give the same HTML as in series.
    @Test func parallelRenderingMatchesSerialRendering() {
        let documents = (0..<300).map { "## Titre \($0)\n\n~~ancien~~ texte www.site\($0).fr et `code`\n\n| a |\n|---|\n| \($0) |\n" }
        let renderer = MarkdownRenderer { _ in nil }
        let serial = documents.map { text -> String in
            var log = DiagnosticLog()
            return renderer.render(MarkdownSource(file: "f", text: text, firstLine: 1), log: &log).html
        }
        let parallel = ParallelMap.map(documents) { text -> String in
            var log = DiagnosticLog()
            return renderer.render(MarkdownSource(file: "f", text: text, firstLine: 1), log: &log).html
        }
        #expect(parallel == serial)
        #expect(serial.allSatisfy { $0.contains("<del>ancien</del>") && $0.contains("<a href=\"http://www.site") })
    }
}

@Suite struct FrenchTypographyTests {
    @Test func noLineBreaksInsideGuillemetsOrBeforeHighPunctuation() {
        let text = FrenchTypography.apply("Le « faire alliance » : 92 % des maires ; pourquoi ? Agissons !")
        #expect(text == "Le «\u{a0}faire alliance\u{a0}»\u{a0}: 92\u{a0}% des maires\u{202f}; pourquoi\u{202f}? Agissons\u{202f}!")
    }

    @Test func codeKeepsItsSpaces() {
        var log = DiagnosticLog()
        let html = MarkdownRenderer { _ in nil }
            .render(MarkdownSource(file: "f", text: "Texte : `a : b`\n", firstLine: 1), log: &log).html
        #expect(html == "<p>Texte\u{a0}: <code>a : b</code></p>\n")
    }

    func html(_ markdown: String) -> String {
        var log = DiagnosticLog()
        return MarkdownRenderer { _ in nil }.render(MarkdownSource(file: "f", text: markdown, firstLine: 1), log: &log).html
    }

    @Test func theApostropheAfterALetterIsTypographic() {
        #expect(FrenchTypography.apply("L'innovation, aujourd'hui") == "L’innovation, aujourd’hui")
        // Not a quotation mark, nor after a digit or a space: only the elided letter's apostrophe.
        #expect(FrenchTypography.apply("'citation' et les années 80'") == "'citation’ et les années 80'")
        #expect(FrenchTypography.apply("Sans rien à changer") == "Sans rien à changer")
    }

    @Test func apostrophesStayStraightInCodeAddressesAndAttributes() {
        #expect(html("L'atelier `l'exemple` <https://exemple.fr/l'a>\n")
            == "<p>L’atelier <code>l'exemple</code> <a href=\"https://exemple.fr/l&#x27;a\">https://exemple.fr/l'a</a></p>\n")
        #expect(html("[l'étude](https://exemple.fr/l'etude)\n") == "<p><a href=\"https://exemple.fr/l&#x27;etude\">l’étude</a></p>\n")
        #expect(html("```\nl'exemple\n```\n") == "<pre><code>l'exemple\n</code></pre>\n")
    }

    @Test func ordinalsAreRaised() {
        #expect(html("Le 1er dîner, la 1re fois, le 107e Congrès, les 2es rencontres.\n")
            == "<p>Le 1<sup>er</sup> dîner, la 1<sup>re</sup> fois, le 107<sup>e</sup> Congrès, les 2<sup>es</sup> rencontres.</p>\n")
        // Neither references nor numbers nor words that merely start with a number.
        #expect(html("A1e, 2e3, 3ème, 12 euros, 1erement, 4 e\n") == "<p>A1e, 2e3, 3ème, 12 euros, 1erement, 4 e</p>\n")
        #expect(html("`le 1er`\n") == "<p><code>le 1er</code></p>\n")
    }

    @Test func aHeadingKeepsItsAddressWithTheTypographicApostropheAndARaisedOrdinal() {
        var log = DiagnosticLog()
        let out = MarkdownRenderer { _ in nil }
            .render(MarkdownSource(file: "f", text: "## L'ODD 17 au 8e dîner\n", firstLine: 1), log: &log)
        #expect(out.html == "<h2 id=\"l-odd-17-au-8e-diner\">L’ODD 17 au 8<sup>e</sup> dîner</h2>\n")
        #expect(Slug.make("L’ODD") == Slug.make("L'ODD"))
    }
}

@Suite struct HeadingOffsetTests {
    @Test func headingsMoveDownUnderATitleOfTheirOwn() {
        var log = DiagnosticLog()
        let out = MarkdownRenderer(headingOffset: 1) { _ in nil }
            .render(MarkdownSource(file: "f", text: "## Écouter\n\n###### Fin\n", firstLine: 1), log: &log)
        #expect(out.html == "<h3 id=\"ecouter\">Écouter</h3>\n<h6 id=\"fin\">Fin</h6>\n")
        #expect(out.toc.map(\.level) == [3])
    }
}

@Suite struct AnchorAndFootnoteTests {
    func render(_ text: String) -> (RenderedMarkdown, [Diagnostic]) {
        var log = DiagnosticLog()
        let renderer = MarkdownRenderer { $0 == "kits/odd-17.md" ? MarkdownRenderer.LinkTarget(url: "/kits/odd-17/") : nil }
        let result = renderer.render(MarkdownSource(file: "content/fiches/essai.md", text: text, firstLine: 5), log: &log)
        return (result, log.items)
    }

    @Test func headingsAndNotesAreAnchorsAndLinksToThemAreListed() {
        let (out, problems) = render("## Les étapes\n\nVoir [plus haut](#les-etapes), [le kit](../kits/odd-17.md#reperes) et une note[^1].\n\n[^1]: Elle.\n")
        #expect(problems.isEmpty)
        #expect(out.anchors == ["les-etapes", "fn-1", "fnref-1"])
        #expect(out.anchorLinks.map(\.fragment) == ["les-etapes", "reperes"])
        #expect(out.anchorLinks.map(\.targetURL) == [nil, "/kits/odd-17/"])
        #expect(out.anchorLinks[0].location == SourceLocation(file: "content/fiches/essai.md", line: 7, column: 6))
    }

    @Test func aNoteWithoutDefinitionIsAnErrorAtItsCharacterColumn() {
        let (_, problems) = render("Élan, été[^x] et [^y].\n")
        #expect(problems.map(\.severity) == [.error, .error])
        #expect(problems.map(\.location.column) == [10, 18])
        #expect(problems[0].message == "la note « [^x] » n'a pas de définition")
    }

    @Test func anUnusedNoteIsAWarningButNotInsideCode() {
        let (_, problems) = render("Texte.\n\n[^seule]: Jamais appelée.\n\n```\n[^code]: pas une note\n```\n")
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.location.line == 7)
    }

    @Test func theWayBackFromANoteIsLabelledInFrench() {
        let (out, _) = render("Une note[^1].\n\n[^1]: Elle.\n")
        #expect(out.html.contains("aria-label=\"Revenir au texte\""))
        #expect(!out.html.contains("Back to content"))
    }
}
