/// What a resource's text gives the rest of the site besides its page: the anchors other texts may link to, its own
/// links to places in pages, and the mistakes found in it.
struct TextFacts: Sendable {
    let anchors: Set<String>
    let anchorLinks: [AnchorLink]
    let diagnostics: [Diagnostic]
}

enum AnchorCheck {
    /// `#etapes` must name a heading or a note of the text (or an id of the page's layout), `x.md#etapes` one of x.
    static func check(_ links: [AnchorLink], ownAnchors: Set<String>, anchorsByURL: [String: Set<String>],
                      templateAnchors: Set<String>, log: inout DiagnosticLog) {
        for link in links {
            let known = link.targetURL.map { anchorsByURL[$0] ?? [] } ?? ownAnchors.union(templateAnchors)
            guard !known.contains(link.fragment) else { continue }
            let suggestion = Suggestion.closest(to: link.fragment, among: Array(known))
            log.error(.ancreIntrouvable, "ancre introuvable : « \(link.raw) »" + (suggestion.map { " ; vouliez-vous dire « #\($0) » ?" } ?? ""),
                      at: link.location,
                      hint: link.targetURL == nil ? "le texte n'a pas de titre ni de note dont l'identifiant est « \(link.fragment) »"
                          : "la page visée n'a pas de titre ni de note dont l'identifiant est « \(link.fragment) »")
        }
    }
}

extension TextFacts {
    /// What every resource's text gives, in entry order: as the cache kept it when the text and what its links find
    /// are unchanged, parsed again otherwise. For a check, which writes nothing.
    static func of(_ model: SiteModel, previous: BuildCache, hashes: [String: Fingerprint]) -> [TextFacts] {
        ParallelMap.map(model.entries) { entry in
            if let cached = previous.text(of: entry.resource.source, hash: hashes[entry.resource.source], in: model) {
                return cached.facts
            }
            var log = DiagnosticLog()
            let body = model.markdown.render(entry.resource.body, log: &log)
            return TextFacts(anchors: body.anchors, anchorLinks: body.anchorLinks, diagnostics: log.items)
        }
    }

    /// The mistakes of every text, anchor links included, once every text's anchors are known. A path's page has
    /// an anchor for each of its steps too (`#etape-3`).
    static func diagnostics(_ facts: [TextFacts], model: SiteModel) -> DiagnosticLog {
        var log = DiagnosticLog()
        let entryAnchors = zip(model.entries, facts).map { entry, fact in
            let steps = entry.resource.steps.count
            return steps == 0 ? fact.anchors : fact.anchors.union((1...steps).map(Step.anchor))
        }
        let anchorsByURL = Dictionary(Array(zip(model.entries.map(\.resource.url), entryAnchors))
            + model.pages.map { ($0.page.url, $0.body.anchors) }, uniquingKeysWith: { a, _ in a })
        for (fact, anchors) in zip(facts, entryAnchors) {
            fact.diagnostics.forEach { log.append($0) }
            AnchorCheck.check(fact.anchorLinks, ownAnchors: anchors, anchorsByURL: anchorsByURL,
                              templateAnchors: model.templateAnchors, log: &log)
        }
        for text in model.otherTexts {
            AnchorCheck.check(text.anchorLinks, ownAnchors: text.anchors, anchorsByURL: anchorsByURL,
                              templateAnchors: model.templateAnchors, log: &log)
        }
        return log
    }
}
