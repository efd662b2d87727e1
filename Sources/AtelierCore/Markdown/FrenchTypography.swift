/// French spacing rules that cmark's "smart" option (made for English) does not apply: no line may break
/// inside « guillemets », before « : ; ! ? » or between a number and « % ». A no-break space goes inside
/// guillemets, before a colon and before %, a narrow one before ; ! and ?.
enum FrenchTypography {
    static let noBreakSpace = "\u{00A0}"
    static let narrowNoBreakSpace = "\u{202F}"

    static func apply(_ text: String) -> String {
        guard text.contains(where: { "«»:;!?%".contains($0) }) else { return text }
        return text
            .replacingOccurrences(of: "« ", with: "«" + noBreakSpace)
            .replacingOccurrences(of: " »", with: noBreakSpace + "»")
            .replacingOccurrences(of: " :", with: noBreakSpace + ":")
            .replacingOccurrences(of: " %", with: noBreakSpace + "%")
            .replacingOccurrences(of: " ;", with: narrowNoBreakSpace + ";")
            .replacingOccurrences(of: " !", with: narrowNoBreakSpace + "!")
            .replacingOccurrences(of: " ?", with: narrowNoBreakSpace + "?")
    }
}
