import Foundation
import Testing
import AtelierCore

/// The source line and the caret that the command line and the preview server show under a diagnostic.
@Suite struct SourceExcerptsTests {
    static let file = "content/fiches/a.md"

    func excerpt(_ text: String, line: Int, column: Int, paint: (String) -> String = { $0 }) throws -> [String]? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(Self.file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return SourceExcerpts(root: root).excerpt(for: SourceLocation(file: Self.file, line: line, column: column), paint: paint)
    }

    @Test func theCaretRunsUnderTheWordAtTheColumn() throws {
        #expect(try excerpt("---\ntitle: A\ndate: 2025-02-30\n---\n", line: 3, column: 7)
                == ["  |", "3 | date: 2025-02-30", "  |       ^^^^^^^^^^"])
    }

    @Test func onlyTheCaretIsPainted() throws {
        #expect(try excerpt("---\nboussole: { maturite: expert }\n", line: 2, column: 23, paint: { "[\($0)]" })
                == ["  |", "2 | boussole: { maturite: expert }", "  |                       [^^^^^^]"])
    }

    @Test func aLongLineIsCutAroundTheColumnWithTheCaretStillUnderItsWord() throws {
        let line = String(repeating: "a ", count: 100) + "faute" + String(repeating: " b", count: 100)
        let shown = try #require(try excerpt(line, line: 1, column: 201))
        #expect(shown[1].hasPrefix("1 | …") && shown[1].hasSuffix("…"))
        #expect(shown[1].count < 110)
        let word = try #require(shown[1].firstRange(of: "faute"))
        let caret = try #require(shown[2].firstRange(of: "^^^^^"))
        #expect(shown[1].distance(from: shown[1].startIndex, to: word.lowerBound)
                == shown[2].distance(from: shown[2].startIndex, to: caret.lowerBound))
    }

    @Test func noExcerptWithoutALineToShow() throws {
        #expect(try excerpt("---\ntitle: A\n", line: 9, column: 1) == nil)
        #expect(try excerpt("---\ntitle: A\n", line: 1, column: 1) == nil)
        #expect(SourceExcerpts(root: URL(fileURLWithPath: "/nulle-part")).excerpt(for: .option("--output")) == nil)
    }
}
