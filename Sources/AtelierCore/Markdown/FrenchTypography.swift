/// French spacing rules that cmark's "smart" option (made for English) does not apply: no line may break
/// inside « guillemets », before « : ; ! ? » or between a number and « % ». A no-break space goes inside
/// guillemets, before a colon and before %, a narrow one before ; ! and ?.
enum FrenchTypography {
    static let noBreakSpace: Unicode.Scalar = "\u{00A0}"
    static let narrowNoBreakSpace: Unicode.Scalar = "\u{202F}"

    /// One pass over the text: each ordinary space is checked against its neighbours.
    static func apply(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { "«»:;!?%".unicodeScalars.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard scalar == " " else {
                result.append(scalar)
                continue
            }
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch (previous, next) {
            case ("«"?, _), (_, "»"?), (_, ":"?), (_, "%"?): result.append(noBreakSpace)
            case (_, ";"?), (_, "!"?), (_, "?"?): result.append(narrowNoBreakSpace)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
