/// Tags folded by slug: "Élus locaux" and "elus locaux" are one tag, shown with its most used spelling.
struct TagIndex {
    private var labels: [String: String] = [:]
    private var counts: [String: Int] = [:]
    /// Each spelling's slug, worked out once: thousands of resources share a few dozen spellings.
    private var slugs: [String: String] = [:]

    init(resources: [Resource], log: inout DiagnosticLog) {
        var spellings: [String: [String: [String]]] = [:]
        for resource in resources {
            for label in Set(resource.tags) {
                let slug = slugs[label] ?? Slug.make(label)
                slugs[label] = slug
                spellings[slug, default: [:]][label, default: []].append(resource.source)
            }
        }
        for (slug, variants) in spellings {
            let best = variants.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
            labels[slug] = best
            counts[slug] = variants.values.reduce(0) { $0 + $1.count }
            for (label, files) in variants where label != best {
                for file in files.sorted() {
                    log.warning(.themeOrthographe, "le thème « \(label) » s'écrit ailleurs « \(best) »", at: SourceLocation(file: file),
                                hint: "écrivez les thèmes toujours de la même façon")
                }
            }
            if counts[slug] == 1, let file = variants.values.first?.first {
                log.warning(.themeIsole, "le thème « \(best) » n'est utilisé que par cette ressource", at: SourceLocation(file: file),
                            hint: "un thème sert à regrouper des ressources : réutilisez un thème existant")
            }
        }
    }

    func refs(for resource: Resource) -> [TagRef] {
        Self.refs(resource.tags, slug: { slugs[$0] ?? Slug.make($0) }, shown: { slug, _ in labels[slug] })
    }

    /// Themes as written, each once by slug, with the label `shown` gives for a slug and a spelling (none: left out).
    static func refs(_ written: [String], slug: (String) -> String = Slug.make,
                     shown: (_ slug: String, _ spelling: String) -> String?) -> [TagRef] {
        var seen = Set<String>()
        return written.compactMap { spelling in
            let slug = slug(spelling)
            guard seen.insert(slug).inserted, let label = shown(slug, spelling) else { return nil }
            return TagRef(slug: slug, label: label)
        }
    }

    func tags(orderedLike entries: [Entry]) -> [Tag] {
        var members: [String: [String]] = [:]
        for entry in entries {
            for tag in entry.tags { members[tag.slug, default: []].append(entry.resource.url) }
        }
        let folded = labels.mapValues(Slug.fold)
        return labels.keys.sorted { (folded[$0]!, $0) < (folded[$1]!, $1) }.map { slug in
            Tag(slug: slug, label: labels[slug]!, entryURLs: members[slug] ?? [])
        }
    }
}
