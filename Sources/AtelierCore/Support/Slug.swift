import Foundation

/// URL slugs and comparison keys that keep accented words readable: "Éclairer l'engagement" → "eclairer-l-engagement".
public enum Slug {
    /// The longest slug or part of an address: each names a folder of the site, and file systems refuse names beyond
    /// 255 bytes; what is left is for the index.html beside and the copies made on other systems.
    public static let maxLength = 200

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

    /// A slug cut to at most `length` characters at a hyphen when there is one: « un-tres-long-titre » to 12 gives
    /// « un-tres-long ».
    public static func shortened(_ slug: String, to length: Int) -> String {
        guard slug.count > length else { return slug }
        let cut = slug.prefix(length + 1)
        if let hyphen = cut.lastIndex(of: "-"), hyphen > cut.startIndex { return String(cut[..<hyphen]) }
        return String(slug.prefix(length))
    }

    /// Lowercase with accents and ligatures folded to ASCII where French needs it. Text made of ASCII, the Latin
    /// letters of `latinFolds` and the signs of `signFolds` is folded a character at a time; anything else goes
    /// through Foundation whole.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                folded.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if let replacement = latinFolds[scalar] ?? signFolds[scalar] {
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
    static let latinFolds: [Unicode.Scalar: String] = foldTable { scalar, folded in
        (0xC0...0x17F).contains(scalar.value) && folded.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// The signs French text is full of (no-break spaces, « », ’, …), which Foundation folds to one sign that is not
    /// a mark, folded by Foundation itself once.
    static let signFolds: [Unicode.Scalar: String] = foldTable { scalar, folded in
        !scalar.properties.isAlphabetic && folded.unicodeScalars.count == 1
            && ![.nonspacingMark, .spacingMark, .enclosingMark, .format].contains(folded.unicodeScalars.first!.properties.generalCategory)
    }

    private static func foldTable(keeping keep: (Unicode.Scalar, String) -> Bool) -> [Unicode.Scalar: String] {
        var table: [Unicode.Scalar: String] = [:]
        for value in Array(0xA0...0x17F) + Array(0x2000...0x206F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = foundationFold(String(scalar))
            if keep(scalar, folded) { table[scalar] = folded }
        }
        return table
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}
