/// "Did you mean" for mistyped keys and values.
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(Slug.fold(word))
        let scored = candidates.map { ($0, distance(target, Array(Slug.fold($0)))) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        let tolerance = max(2, target.count / 3)
        return best.1 <= tolerance ? best.0 : nil
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// « a », « b » et « c »
    static func list(_ words: [String]) -> String {
        let quoted = words.map { "« \($0) »" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " et " + quoted.last!
    }
}
