import Foundation

/// URL slugs and comparison keys that keep accented words readable: "Éclairer l'engagement" → "eclairer-l-engagement".
public enum Slug {
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            if isASCIIAlphanumeric(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// Lowercase with accents and ligatures folded to ASCII where French needs it. Text made of ASCII and the Latin
    /// letters of `latinFolds` is folded a character at a time; anything else goes through Foundation whole.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                folded.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if let replacement = latinFolds[scalar] {
                folded.append(contentsOf: replacement.unicodeScalars)
            } else {
                return foundationFold(text)
            }
        }
        return String(folded)
    }

    static func foundationFold(_ text: String) -> String {
        let expanded = text
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "ae")
        return expanded.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// Latin-1 and Latin Extended-A letters whose Foundation folding is plain ASCII, folded by Foundation itself once.
    static let latinFolds: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in 0xC0...0x17F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = foundationFold(String(scalar))
            if folded.unicodeScalars.allSatisfy(\.isASCII) { table[scalar] = folded }
        }
        return table
    }()

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
