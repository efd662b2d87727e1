import Testing
@testable import AtelierCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("Éclairer l'engagement", "eclairer-l-engagement"),
        ("L'ODD 17 en pratique", "l-odd-17-en-pratique"),
        ("Territoire & sortie de crise", "territoire-sortie-de-crise"),
        ("Œuvre collective", "oeuvre-collective"),
        ("  --Élus   locaux-- ", "elus-locaux"),
        ("été", "ete"),
        ("Ingénieries territoriales : (ré)inventons les liens", "ingenieries-territoriales-re-inventons-les-liens"),
        ("«  faire alliance  »", "faire-alliance"),
    ])
    func slugKeepsAccentedWordsReadable(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func tagsThatDifferByCaseOrAccentsFoldToOneSlug() {
        #expect(Slug.make("Élus locaux") == Slug.make("elus Locaux"))
        #expect(Slug.make("ODD 17") == Slug.make("odd 17"))
    }

    @Test func suggestionsFindCloseKeysOnly() {
        #expect(Suggestion.closest(to: "titel", among: ["title", "date", "summary"]) == "title")
        #expect(Suggestion.closest(to: "resume", among: ["title", "date", "summary"]) == nil)
        #expect(Suggestion.closest(to: "consolidé", among: ["accompagner", "consolider"]) == "consolider")
    }
}

@Suite struct FoldTests {
    /// The character-by-character folding gives what Foundation gives for the whole text.
    @Test func foldingByCharacterEqualsFoundationFolding() {
        var random = SplitMix(seed: 3)
        let alphabet = Array("aZ09 -'«»:!?,.ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿœŒæÆñÑßøØĳŁłЖж한\u{301}ｆ’‘“”…–—\u{A0}\u{202F}\u{2009}\u{200B}\u{2060}°§©®")
        for _ in 0..<2_000 {
            let text = String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            #expect(Slug.fold(text) == Slug.foundationFold(text), "\(text)")
        }
        #expect(Slug.latinFolds.count > 100)
    }
}
