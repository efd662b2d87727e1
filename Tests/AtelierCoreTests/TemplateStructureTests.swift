import Foundation
import Testing
@testable import AtelierCore

/// Templates that would overflow the stack or loop forever in swift-mustache are caught before it reads them.
@Suite struct TemplateStructureTests {
    /// `depth` sections around `inner`, one tag per line.
    private func nested(_ depth: Int, around inner: String) -> String {
        String(repeating: "{{#s}}\n", count: depth) + inner + "\n" + String(repeating: "{{/s}}\n", count: depth)
    }

    @Test func aPartialThatIncludesItselfIsRefused() {
        let problems = TemplateStructure.problems(in: ["partials/card": "<p>{{> partials/card }}</p>\n"])
        #expect(problems == [TemplateStructureProblem(
            template: "partials/card", line: 1, column: 4,
            message: "le gabarit « partials/card » s'inclut lui-même (partials/card → partials/card)", kind: .recursion)])
    }

    @Test func aSelfIncludeInsideASectionIsRefusedToo() {
        let problems = TemplateStructure.problems(in: ["list": "{{#items}}\n  {{>list}}\n{{/items}}\n"])
        #expect(problems.map { [$0.template, "\($0.line):\($0.column)"] } == [["list", "2:3"]])
    }

    @Test func aCycleOfTwoPartialsIsReportedOnce() {
        let problems = TemplateStructure.problems(in: ["a": "{{>b}}\n{{>b}}\n", "b": "texte\n{{> a}}\n"])
        #expect(problems == [TemplateStructureProblem(
            template: "b", line: 2, column: 1,
            message: "le gabarit « b » s'inclut lui-même en passant par d'autres gabarits (b → a → b)", kind: .recursion)])
    }

    @Test func aCycleThroughAParentIsRefused() {
        let sources = ["base": "<main>{{$content}}{{/content}}</main>\n{{>partials/footer}}\n",
                       "partials/footer": "<footer>\n{{<base}}{{$content}}pied{{/content}}{{/base}}\n</footer>\n"]
        let problems = TemplateStructure.problems(in: sources)
        #expect(problems.count == 1)
        #expect(problems.first?.template == "partials/footer")
        #expect(problems.first.map { [$0.line, $0.column] } == [2, 1])
        #expect(problems.first?.message.contains("partials/footer → base → partials/footer") == true)
    }

    @Test func tenThousandNestedSectionsAreReportedAtTheFirstTagPastTheLimit() {
        let text = String(repeating: "  {{#s}}\n", count: 10_000) + String(repeating: "{{/s}}", count: 10_000)
        let problem = TemplateStructure.excessiveNesting(in: text, template: "page")
        #expect(problem == TemplateStructureProblem(
            template: "page", line: 101, column: 3,
            message: "les sections s'emboîtent sur plus de 100 niveaux : simplifiez ce gabarit", kind: .nesting))
        #expect(TemplateStructure.excessiveNesting(in: nested(100, around: "x"), template: "page") == nil)
        // Unclosed, or closed under another name: no crash, no loop.
        #expect(TemplateStructure.excessiveNesting(in: String(repeating: "{{#a}}", count: 100_000), template: "t") != nil)
        #expect(TemplateStructure.excessiveNesting(in: "{{#a}}{{/b}}{{/a}}{{/a}}{{", template: "t") == nil)
    }

    @Test func inclusionsAddTheirDepth() {
        let sources = ["a": nested(30, around: "{{>b}}"), "b": nested(30, around: "{{>c}}"), "c": nested(50, around: "x")]
        let problems = TemplateStructure.problems(in: sources)
        // 30 + 30 + 50 levels: only the include that goes past the limit is reported, not the one within it.
        #expect(problems == [TemplateStructureProblem(
            template: "a", line: 31, column: 1,
            message: "les sections s'emboîtent sur plus de 100 niveaux (en comptant les gabarits inclus) : simplifiez ce gabarit", kind: .nesting)])
        #expect(TemplateStructure.problems(in: sources.merging(["c": nested(40, around: "x")]) { $1 }).isEmpty)
        // A parent's own level is not counted at its tag: only what encloses it.
        #expect(TemplateStructure.problems(in: ["p": nested(50, around: "{{<q}}{{/q}}"), "q": nested(51, around: "")]).count == 1)
        #expect(TemplateStructure.problems(in: ["p": nested(50, around: "{{<q}}{{/q}}"), "q": nested(50, around: "")]).isEmpty)
    }

    @Test func includesAreFoundWithTheDelimitersInForce() {
        #expect(TemplateStructure.problems(in: ["t": "{{=<% %>=}}\n<%> t %>\n"]).map(\.line) == [2])
        #expect(TemplateStructure.problems(in: ["t": "{{=<% %>=}}\n{{> t}}\n"]).isEmpty)
        // As in swift-mustache, delimiters set inside a section last until its end.
        #expect(TemplateStructure.problems(in: ["t": "{{#s}}{{=<% %>=}}<%/s%>{{> t}}"]).map(\.column) == [24])
        let deep = "{{=<% %>=}}" + String(repeating: "<%#s%>", count: 101)
        #expect(TemplateStructure.excessiveNesting(in: deep, template: "t")?.column == 12 + 6 * 100)
    }

    @Test func commentsAndTripleMustachesAreNotTags() {
        // Only the include after the comments counts: the one on line 1 is commented out.
        let comment = "{{! désactivé : {{> t }}\n{{!\n" + String(repeating: "{{#s\n", count: 200) + "}}\n{{> t}}\n"
        #expect(TemplateStructure.problems(in: ["t": comment]).map(\.line) == [204])
        let triple = String(repeating: "{{{html}}}", count: 200) + "{{& x}}{{> t}}"
        #expect(TemplateStructure.excessiveNesting(in: triple, template: "t") == nil)
        #expect(TemplateStructure.problems(in: ["t": triple]).map(\.column) == [2008])
    }

    @Test func dynamicAndUnknownNamesAreNotFollowed() {
        let sources = ["t": "{{>*t}}{{> *name}}{{<*t}}{{/*t}}{{>ailleurs}}"]
        #expect(TemplateStructure.problems(in: sources).isEmpty)
    }

    @Test func theProjectsTemplatesHaveNoProblem() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        let files = try #require(FileManager.default.subpaths(atPath: folder.path))
        var sources: [String: String] = [:]
        for file in files where file.hasSuffix(".mustache") && !file.hasPrefix("assets/") {
            sources[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file),
                                                                           encoding: .utf8)
        }
        #expect(sources["base"] != nil && sources["partials/card"] != nil)
        for (name, text) in sources {
            #expect(TemplateStructure.excessiveNesting(in: text, template: name) == nil)
        }
        #expect(TemplateStructure.problems(in: sources) == [])
    }

    @Test func placesCountLinesAndCharacters() {
        let text = "é\r\nligne deux\r\n🙂🙂🙂 {{>t}}\n"
        #expect(TemplateStructure.problems(in: ["t": text]).map { [$0.line, $0.column] } == [[3, 5]])
        let deep = "{{#a}}{{#b}}\n\n" + "    {{#c}}"
        #expect(TemplateStructure.excessiveNesting(in: deep, template: "t", limit: 2).map { [$0.line, $0.column] } == [3, 5])
    }
}
