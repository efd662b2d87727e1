/// French typography that cmark's "smart" option (made for English) does not apply: no line may break
/// inside « guillemets », before « : ; ! ? » or between a number and « % ». A no-break space goes inside
/// guillemets, before a colon and before %, a narrow one before ; ! and ?. The apostrophe after a letter is the
/// typographic one (« l’innovation »); ordinals (« 1er », « 107e ») are found for the HTML to raise their letters.
enum FrenchTypography {
    /// The bytes that may call for a change: the five signs, the apostrophe, and 0xC2, which « and » start with.
    private static let triggers: [Bool] = (0...255).map { ":;!?%'".utf8.contains(UInt8($0)) || $0 == 0xC2 }
    private static let noBreakSpace: [UInt8] = Array("\u{00A0}".utf8)
    private static let narrowNoBreakSpace: [UInt8] = Array("\u{202F}".utf8)
    private static let apostrophe: [UInt8] = Array("\u{2019}".utf8)

    /// One pass over the text's bytes: each ordinary space and each straight apostrophe is checked against its
    /// neighbours. Most text nodes of a French text hold an apostrophe, so this runs over nearly all of them.
    static func apply(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { triggers[Int($0)] }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "'") where index > 0 && endsWithLetter(bytes, before: index):
                result += apostrophe
            case UInt8(ascii: " "):
                let afterGuillemet = index >= 2 && bytes[index - 2] == 0xC2 && bytes[index - 1] == 0xAB
                let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
                let beforeGuillemet = next == 0xC2 && index + 2 < bytes.count && bytes[index + 2] == 0xBB
                switch next {
                case _ where afterGuillemet || beforeGuillemet: result += noBreakSpace
                case UInt8(ascii: ":"), UInt8(ascii: "%"): result += noBreakSpace
                case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): result += narrowNoBreakSpace
                default: result.append(byte)
                }
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether the character just before `index` is a letter (« l' », « aujourd' », « jusqu' », « é' »).
    private static func endsWithLetter(_ bytes: [UInt8], before index: Int) -> Bool {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let scalar = String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.first
        return scalar?.properties.isAlphabetic ?? false
    }

    /// A piece of text, and whether it is the letters of an ordinal, to be raised.
    struct Piece: Equatable {
        let text: String
        let isOrdinalSuffix: Bool
    }

    static let ordinalSuffixes: Set<String> = ["er", "ers", "re", "res", "e", "es"]

    /// The text cut around the letters of its ordinals: « le 1er et le 107e » gives « le 1 », « er », « et le 107 »,
    /// « e ». Nil when it has none. A number must stand alone (« A1e » is a reference, « 2e3 » a number).
    static func ordinals(in text: String) -> [Piece]? {
        let scalars = Array(text.unicodeScalars)
        let isWordScalar = { (scalar: Unicode.Scalar) in scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        var pieces: [Piece] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            guard ("0"..."9").contains(scalars[index]), index == 0 || !isWordScalar(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
            var after = end
            while after < scalars.count, scalars[after].properties.isAlphabetic { after += 1 }
            let suffix = String(String.UnicodeScalarView(scalars[end..<after]))
            if ordinalSuffixes.contains(suffix), after == scalars.count || !isWordScalar(scalars[after]) {
                pieces.append(Piece(text: String(String.UnicodeScalarView(scalars[start..<end])), isOrdinalSuffix: false))
                pieces.append(Piece(text: suffix, isOrdinalSuffix: true))
                start = after
            }
            index = max(after, index + 1)
        }
        guard !pieces.isEmpty else { return nil }
        if start < scalars.count { pieces.append(Piece(text: String(String.UnicodeScalarView(scalars[start...])), isOrdinalSuffix: false)) }
        return pieces
    }
}
