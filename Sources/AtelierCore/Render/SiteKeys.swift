import Foundation

/// Fingerprints of what the site's files are made from, so that a rebuild makes again only the files whose inputs
/// changed. Every key is made of the global key and of what a group of files reads besides it.
struct SiteKeys: Sendable {
    /// Everything every page depends on: the version of the cache, the configuration, the templates, the date of
    /// the build and its options, the menu.
    let global: Fingerprint
    /// Hash of each content file's bytes, by its path in `content/`.
    let contents: [String: Fingerprint]
    /// What each resource's card shows (its URL included), by entry: all of them, unless `everyCard` was false.
    private let cards: [ObjectIdentifier: Fingerprint]
    private let card: @Sendable (Entry) -> Fingerprint

    /// `card` gives the fingerprint of what a resource's card shows; `everyCard`, whether to work them all out at once
    /// (when most keys are made) or one by one as keys need them.
    init(model: SiteModel, configuration: Fingerprint, templates: Fingerprint, includeDrafts: Bool, contents: [String: Fingerprint],
         everyCard: Bool, card: @escaping @Sendable (Entry) -> Fingerprint) {
        var hasher = FingerprintHasher()
        hasher.add("atelier \(BuildCache.formatVersion)")
        hasher.add(configuration)
        hasher.add(templates)
        hasher.add(model.buildDate.description)
        hasher.add(includeDrafts ? "brouillons" : "publié")
        // The menu lists the pages that ask for it, with their titles.
        for page in model.pages where page.page.menu != nil {
            hasher.add(page.page.url)
            hasher.add(page.page.title)
            hasher.add(page.page.menu!)
        }
        global = hasher.finish()
        self.contents = contents
        self.card = card
        let fingerprints = everyCard ? ParallelMap.map(model.entries) { (entry: ObjectIdentifier($0), card: card($0)) } : []
        cards = Dictionary(fingerprints.map { ($0.entry, $0.card) }, uniquingKeysWith: { first, _ in first })
    }

    /// The hash of a content file's bytes, by its path in the project (`content/fiches/x.md`).
    func content(of source: String) -> Fingerprint { contents[source] ?? .zero }

    /// A key made of the global key, a group's name and what it reads.
    func key(_ group: String, _ add: (inout FingerprintHasher) -> Void) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(global)
        hasher.add(group)
        add(&hasher)
        return hasher.finish()
    }

    /// A key for a group whose files read nothing of the global key (the templates, the configuration, the date):
    /// only what `add` gives, under the cache's format.
    func standalone(_ group: String, _ add: (inout FingerprintHasher) -> Void) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add("atelier \(BuildCache.formatVersion)")
        hasher.add(group)
        add(&hasher)
        return hasher.finish()
    }

    /// A list of resources as cards, in their order.
    func cards(_ entries: some Sequence<Entry>, into hasher: inout FingerprintHasher) {
        for entry in entries { hasher.add(cards[ObjectIdentifier(entry)] ?? card(entry)) }
    }
}
