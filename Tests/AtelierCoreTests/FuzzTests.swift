import Foundation
import Testing
@testable import AtelierCore

/// Any input, no crash, no silence: seeded random mutations of the valid inputs of Tests/Fuzz/seeds and of the inputs
/// `make fuzz` once found (kept in Tests/Fuzz/regressions), then the pathological cases one by one. Every outcome must
/// keep the rule: something read, or an error that names the file.
@Suite struct FuzzTests {
    static let inputs = Fixture.repository.appendingPathComponent("Tests/Fuzz")

    /// Pieces of YAML and Markdown syntax that mutations insert, so that they reach the parsers' corners.
    static let tokens = ["---", "\n", "\r\n", ": ", "- ", "  ", "[", "]", "{", "}", "&a ", "*a", "\"", "'", "#", "|", ">",
                         "\u{FEFF}", "\u{0}", "\t", "[^1]", "](x.md#y)", "`", "~~", "**", "<script>", "\\", "%", "«", "é",
                         "2025-02-30", "9999-12-31 23:59", "? ", "!!binary ", "\u{202E}"]

    @Test(arguments: InputCheck.Target.allCases)
    func mutatedInputsKeepTheRule(target: InputCheck.Target) throws {
        let runs = Int(ProcessInfo.processInfo.environment["ATELIER_FUZZ_RUNS"] ?? "") ?? 250
        var random = SplitMix(seed: 17 + UInt64(target.rawValue))
        let pool = Self.stored(target, in: "seeds") + Self.stored(target, in: "regressions")
        for _ in 0..<runs {
            let input = Self.mutate(pool[Int(random.next() % UInt64(pool.count))], pool: pool, random: &random)
            let outcome = InputCheck.run(target, bytes: input)
            #expect(outcome.keepsTheRule, "\(target): \(String(decoding: input.prefix(300), as: UTF8.self).debugDescription)\n\(outcome.diagnostics)")
        }
    }

    @Test func storedRegressionsKeepTheRule() {
        for target in InputCheck.Target.allCases {
            for input in Self.stored(target, in: "regressions") {
                #expect(InputCheck.run(target, bytes: input).keepsTheRule, "\(target) \(input.count) bytes")
            }
        }
    }

    // MARK: The cases the robustness issue lists, each with what it must give

    private func file(_ text: String, place: UInt8 = 0) -> InputCheck.Outcome {
        InputCheck.run(.contentFile, bytes: [place] + Array(text.utf8))
    }

    private func errors(_ outcome: InputCheck.Outcome) -> [String] {
        outcome.diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    @Test func byteOrderMarkAndWindowsLineEndingsAreRead() {
        let text = "\u{FEFF}" + Fixture.resource(title: "Alpha", boussole: "{ maturite: accompagner, profils: acteurs-publics }")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let outcome = file(text)
        #expect(outcome.produced && outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    }

    @Test func invalidUTF8AndBinaryFilesAreUnreadable() {
        for bytes in [Array(Fixture.resource(title: "A").utf8) + [0xFF, 0xFE, 0xC3, 0x28], Array(0...255).map(UInt8.init)] {
            let outcome = InputCheck.run(.contentFile, bytes: [0] + bytes)
            #expect(errors(outcome) == ["fichier illisible (encodage UTF-8 attendu)"])
        }
    }

    @Test func nulBytesAreRefusedInTheHeaderAndHarmlessInTheText() {
        #expect(errors(file(Fixture.resource(title: "A\u{0}B"))).first?.contains("caractère de contrôle interdit") == true)
        let body = file(Fixture.resource(title: "A", boussole: "{ maturite: accompagner, profils: acteurs-publics }", body: "un\u{0}deux"))
        #expect(body.produced && body.keepsTheRule)
    }

    @Test func aTwentyMegabyteTextIsRendered() {
        let paragraph = String(repeating: "Un paragraphe avec [un lien](autre.md) et du texte. ", count: 20) + "\n\n"
        let outcome = InputCheck.run(.markdown, bytes: Array(String(repeating: paragraph, count: 20_000).utf8))
        #expect(outcome.produced && outcome.diagnostics.isEmpty)
    }

    @Test func deepNestingInMarkdownEnds() {
        for text in [String(repeating: "> ", count: 100_000) + "x\n", String(repeating: "[", count: 100_000) + "x\n",
                     String(repeating: "[", count: 50_000) + "x" + String(repeating: "](autre.md)", count: 50_000),
                     String(repeating: "- ", count: 20_000) + "x\n", String(repeating: "*a ", count: 50_000)] {
            #expect(InputCheck.run(.markdown, bytes: Array(text.utf8)).keepsTheRule)
        }
    }

    @Test func yamlAliasBombsAreNeverExpanded() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        for text in ["---\n\(bomb)title: T\ntags: *i\n---\nx\n", "---\n\(bomb)? *h\n: x\n---\nx\n"] {
            #expect(errors(file(text)) == ["trop d'alias YAML (*nom) : plus de 30"])
        }
        #expect(InputCheck.run(.siteConfig, bytes: Array("\(bomb)title: *i\nkinds: *i\n".utf8)).keepsTheRule)
        // A few aliases are ordinary YAML; one used as a key is refused without being expanded.
        let small = file("---\nt: &t [Co-construction, ODD 17]\n? *t\n: x\n---\nx\n")
        #expect(errors(small).contains("une clé doit être un simple texte, pas une liste ni un dictionnaire"))
        #expect(YAMLFile.aliases(in: "a: *x\nb: \"*pas un alias\"\nc: [*y, *z] # *commentaire\nd: 3*4\n").map(\.line) == [1, 3, 3])
    }

    @Test func tenThousandNestingLevelsAreRefused() {
        let flow = file("---\ntitle: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\nx\n")
        #expect(errors(flow).contains { $0.contains("imbrication trop profonde") })
        let block = (0..<10_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(InputCheck.run(.boussole, bytes: Array(block.utf8)).diagnostics.contains { $0.message.contains("imbrication trop profonde") })
    }

    @Test func duplicateKeysAreReported() {
        #expect(errors(file(Fixture.resource(title: "A", extra: "title: B"))) == ["clé en double : « title »"])
    }

    @Test func yearZeroIsRefusedAndYear9999Accepted() {
        let boussole = "{ maturite: accompagner, profils: acteurs-publics }"
        #expect(errors(file(Fixture.resource(title: "A", date: "0000-01-01", boussole: boussole))) == ["date impossible : « 0000-01-01 »"])
        #expect(file(Fixture.resource(title: "A", date: "9999-12-31", boussole: boussole)).diagnostics.isEmpty)
        let event = file(Fixture.resource(title: "E", boussole: boussole, extra: "debut: 9999-12-31 23:59"), place: 1)
        #expect(event.produced && event.diagnostics.isEmpty)
    }

    @Test func aTimeSkippedByTheClockChangeIsRefused() {
        let boussole = "{ maturite: accompagner, profils: acteurs-publics }"
        let gap = file(Fixture.resource(title: "E", boussole: boussole, extra: "debut: 2025-03-30 02:30"), place: 1)
        #expect(errors(gap) == ["« debut » : 02:30 n'existe pas ce jour-là (l'horloge avance d'une heure pour l'heure d'été)"])
        // The hour that happens twice in October, and an explicit offset, are accepted.
        #expect(file(Fixture.resource(title: "E", boussole: boussole, extra: "debut: 2025-10-26 02:30"), place: 1).produced)
        #expect(file(Fixture.resource(title: "E", boussole: boussole, extra: "debut: 2025-03-30T02:30+02:00"), place: 1).produced)
    }

    @Test func aThemeWithoutLetterOrDigitIsRefused() {
        let outcome = file(Fixture.resource(title: "A", tags: "['!!!', Essai]", boussole: "{ maturite: accompagner, profils: acteurs-publics }"))
        #expect(errors(outcome) == ["le thème « !!! » ne contient ni lettre ni chiffre"])
        #expect(outcome.diagnostics.first?.location == SourceLocation(file: "content/fiches/essai.md", line: 5, column: 8))
    }

    /// Bytes of `Tests/Fuzz/<kind>/<target>/`: the seeds, or inputs `make fuzz` found, kept once fixed.
    static func stored(_ target: InputCheck.Target, in kind: String) -> [[UInt8]] {
        let folder = inputs.appendingPathComponent("\(kind)/\(target)")
        return FileTree.files(in: folder).compactMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
            .map { Array($0) }
    }

    static func mutate(_ input: [UInt8], pool: [[UInt8]], random: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0...(random.next() % 4) {
            let at = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 7 {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << (random.next() % 8))
            case 1: bytes.insert(contentsOf: Array(tokens[Int(random.next() % UInt64(tokens.count))].utf8), at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int(random.next() % 16) + 1)
                bytes.removeSubrange(min(at, end)..<end)
            case 3:
                let token = Array(tokens[Int(random.next() % UInt64(tokens.count))].utf8)
                bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: Int(random.next() % 2_000)).joined()), at: at)
            case 4:
                let other = pool[Int(random.next() % UInt64(pool.count))]
                let from = other.isEmpty ? 0 : Int(random.next() % UInt64(other.count))
                bytes.insert(contentsOf: other[from...].prefix(Int(random.next() % 200)), at: at)
            case 5: bytes = Array(bytes.prefix(at))
            default: bytes.insert(UInt8(random.next() % 256), at: at)
            }
        }
        return bytes
    }
}

/// A small seeded generator (SplitMix64): the same runs on every machine.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
