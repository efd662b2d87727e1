/// Numbers as French readers expect them: « 10 000 », thousands set apart by a narrow no-break space.
public enum FrenchNumbers {
    /// « 0,33 » : a duration in seconds, two decimals after a comma.
    public static func seconds(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// « 12 345 octets », « 1,2 Mo »: a size as a person reads it.
    public static func bytes(_ count: Int) -> String {
        switch count {
        case ..<10_000: return "\(format(count)) octets"
        case ..<1_000_000: return String(format: "%.0f", Double(count) / 1_000) + " ko"
        default: return String(format: "%.1f", Double(count) / 1_000_000).replacingOccurrences(of: ".", with: ",") + " Mo"
        }
    }

    static func format(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(digit)
        }
        return number < 0 ? "-" + grouped : grouped
    }
}
