/// `/boussole/donnees.json`: what the boussole's filters need, loaded only once a visitor uses them. For each listed
/// resource, in listing order: its number in the search index (whose chunks hold the cards), its kind, its boussole
/// values as bits in groups of 30 (a browser's numbers are exact to 53 bits only), and its themes; as
/// `CompactNumbers`. `templates/assets/boussole.js` reads it.
struct BoussoleData {
    static let path = "boussole/donnees.json"
    static let bitsPerGroup = 30

    let model: SiteModel

    /// What the data reads besides the configuration, for its group's key: each listed resource's address, kind,
    /// boussole values and themes, in listing order, and the order of the themes.
    func fingerprint(into hasher: inout FingerprintHasher) {
        for entry in model.entries where !entry.isArchived {
            let r = entry.resource
            hasher.add(r.url)
            hasher.add(r.kind)
            for axis in model.boussole.axes {
                let values = r.boussole[axis.id] ?? []
                hasher.add(values.count)
                values.forEach { hasher.add($0) }
            }
            hasher.add(entry.tags.count)
            entry.tags.forEach { hasher.add($0.slug) }
        }
        model.tags.forEach { hasher.add($0.slug) }
    }

    func json() -> String {
        let listed = model.entries.filter { !$0.isArchived }
        let numbers = Dictionary(listed.map(\.resource.url).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let values = model.boussole.axes.flatMap { axis in axis.values.map { "\(axis.id):\($0.id)" } }
        let bits = model.boussole.places
        let groups = max(1, (values.count + Self.bitsPerGroup - 1) / Self.bitsPerGroup)
        let kinds = model.site.kinds.map(\.id)
        let themes = model.tags.map(\.slug)
        let themeNumbers = Dictionary(themes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var items: [UInt8] = []
        for entry in listed {
            let r = entry.resource
            CompactNumbers.append(numbers[r.url]!, to: &items)
            CompactNumbers.append(kinds.firstIndex(of: r.kind) ?? 0, to: &items)
            var masks = [Int](repeating: 0, count: groups)
            for (axis, chosen) in r.boussole {
                for value in chosen {
                    guard let bit = bits[axis]?[value] else { continue }
                    masks[bit / Self.bitsPerGroup] |= 1 << (bit % Self.bitsPerGroup)
                }
            }
            masks.forEach { CompactNumbers.append($0, to: &items) }
            CompactNumbers.append(entry.tags.count, to: &items)
            entry.tags.forEach { CompactNumbers.append(themeNumbers[$0.slug] ?? 0, to: &items) }
        }
        return JSONText.object([
            ("version", "1"), ("index", JSONText.quoted("/\(SearchIndex.folder)/")), ("chunk", "\(SearchIndex.chunkSize)"),
            ("page", "\(model.site.pageSize)"), ("groups", "\(groups)"),
            ("values", JSONText.array(values.map(JSONText.quoted))), ("kinds", JSONText.array(kinds.map(JSONText.quoted))),
            ("themes", JSONText.array(themes.map(JSONText.quoted))),
            ("items", "\"" + String(decoding: items, as: UTF8.self) + "\""),
        ]) + "\n"
    }
}
