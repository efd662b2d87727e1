/// French typography that cmark's "smart" option (made for English) does not apply: no line may break
/// inside « guillemets », before « : ; ! ? » or between a number and « % ». A no-break space goes inside
/// guillemets, before a colon and before %, a narrow one before ; ! and ?. The apostrophe after a letter is the
/// typographic one (« l’innovation »); ordinals (« 1er », « 107e ») are found for the HTML to raise their letters.
enum FrenchTypography {
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"
    static let apostrophe: Unicode.Scalar = "\u{2019}"

    /// One pass over the text: each ordinary space and each straight apostrophe is checked against its neighbours.
    static func apply(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { "«»:;!?%'".unicodeScalars.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            if scalar == "'", let previous, previous.properties.isAlphabetic {
                result.append(apostrophe)
                continue
            }
            guard scalar == " " else {
                result.append(scalar)
                continue
            }
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch (previous, next) {
            case ("«"?, _), (_, "»"?), (_, ":"?), (_, "%"?): result.append(noBreakSpace)
            case (_, ";"?), (_, "!"?), (_, "?"?): result.append(narrowNoBreakSpace)
            default: result.append(scalar)
            }
        }
        return String(result)
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
