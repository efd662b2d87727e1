import Foundation

/// The words a visitor may search for, as the search finds them: lower case, accents folded the way slugs fold them
/// (« Élus » → `elus`, « cœur » → `coeur`), split on everything that is neither a letter nor a digit, two characters
/// at least. `templates/assets/recherche.js` cuts a query the same way, with the folds the index lists.
///
/// A text holds each word many times: words are kept as bytes in one buffer and told apart by a hash of their bytes,
/// so that a string is made once per distinct word.
struct SearchTerms {
    private var bytes: [UInt8] = []
    private var words: [(start: Int, count: Int, hash: UInt64)] = []
    /// Open addressing: index + 1 into `words`, 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// The distinct words, in the order they first appear.
    var all: [String] {
        words.map { String(decoding: bytes[$0.start..<($0.start + $0.count)], as: UTF8.self) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(utf8: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(utf8 text: UnsafeRawBufferPointer) {
        var start = bytes.count
        func end(_ terms: inout SearchTerms) {
            let count = terms.bytes.count - start
            if count >= 2, count <= 40 { terms.keep(start: start, count: count) } else { terms.bytes.removeLast(count) }
            start = terms.bytes.count
        }
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: end(&self)
                }
                index += 1
                continue
            }
            let (scalar, length) = Self.decode(text, at: index)
            index += length
            guard let scalar else { end(&self); continue }
            if let folded = Self.foldedLetters[scalar] {
                bytes.append(contentsOf: folded)
            } else if (0x300...0x36F).contains(scalar.value) {
                continue  // a combining accent, written apart from its letter
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                end(&self)
            }
        }
        end(&self)
    }

    /// Keeps the word just written at the end of `bytes`, unless it is already known.
    private mutating func keep(start: Int, count: Int) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes[start..<(start + count)] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var slot = Int(hash & UInt64(slots.count - 1))
        while slots[slot] != 0 {
            let word = words[Int(slots[slot]) - 1]
            if word.hash == hash, word.count == count, bytes[word.start..<(word.start + count)].elementsEqual(bytes[start..<(start + count)]) {
                bytes.removeLast(count)
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        words.append((start, count, hash))
        slots[slot] = Int32(words.count)
        if words.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (index, word) in words.enumerated() {
            var slot = Int(word.hash & UInt64(slots.count - 1))
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index + 1)
        }
    }

    /// Latin letters folded to ASCII, as `Slug.fold` folds them.
    private static let foldedLetters: [Unicode.Scalar: [UInt8]] = Slug.latinFolds.mapValues { Array($0.utf8) }

    /// Folds the index lists for the query: those where removing the accents after Unicode's decomposition (what a
    /// browser can do) gives another result than the slugs' folding (ø, đ, ł, œ, æ…).
    static let foldsForBrowsers: [String: String] = {
        var folds: [String: String] = [:]
        for (scalar, folded) in Slug.latinFolds {
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                .filter { !(0x300...0x36F).contains($0.value) }
            if String(String.UnicodeScalarView(decomposed)).lowercased() != folded { folds[String(scalar)] = folded }
        }
        return folds
    }()

    private static func decode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (Unicode.Scalar?, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value), length)
    }
}
