/// French spacing rules that cmark's "smart" option (made for English) does not apply: no line may break
/// inside « guillemets » or before « : ; ! ? ». A no-break space goes inside guillemets and before a colon,
/// a narrow one before ; ! and ?.
enum FrenchTypography {
    static let noBreakSpace = "\u{00A0}"
    static let narrowNoBreakSpace = "\u{202F}"

    static func apply(_ text: String) -> String {
        guard text.contains(where: { "«»:;!?".contains($0) }) else { return text }
        return text
            .replacingOccurrences(of: "« ", with: "«" + noBreakSpace)
            .replacingOccurrences(of: " »", with: noBreakSpace + "»")
            .replacingOccurrences(of: " :", with: noBreakSpace + ":")
            .replacingOccurrences(of: " ;", with: narrowNoBreakSpace + ";")
            .replacingOccurrences(of: " !", with: narrowNoBreakSpace + "!")
            .replacingOccurrences(of: " ?", with: narrowNoBreakSpace + "?")
    }
}
