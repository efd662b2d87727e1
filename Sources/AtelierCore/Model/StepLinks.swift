/// What the steps of the published resources (fields of type `etapes`) lead to: for each step, the published
/// resources it names; for each resource, the paths whose steps name it. A name that matches no resource is an
/// error; a draft, a warning (the step leaves it out); a resource dated after the build appears from its date, and
/// a file whose header has mistakes is reported there: like the target of a link in a text.
struct StepLinks {
    /// By the URL of a path: for each of its steps, the URLs of the published resources it names.
    let targets: [String: [[String]]]
    /// By the URL of a resource: the paths that name it, in entry order.
    let memberships: [String: [PathStop]]

    /// `published` in entry order; `all` every resource read, published or not; `rejected` the files whose header
    /// has mistakes.
    init(published: [Resource], all: [Resource], rejected: Set<String>, log: inout DiagnosticLog) {
        let bySource = Dictionary(all.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let publishedURLs = Set(published.map(\.url))
        var targets: [String: [[String]]] = [:]
        var memberships: [String: [PathStop]] = [:]
        for path in published where !path.steps.isEmpty {
            targets[path.url] = path.steps.enumerated().map { index, step in
                step.resources.compactMap { reference -> String? in
                    guard let target = reference.candidateSources.lazy.compactMap({ bySource[$0] }).first else {
                        if reference.candidateSources.contains(where: rejected.contains) { return nil }
                        log.error(.ressourceIntrouvable, "« \(reference.path) » ne correspond à aucune ressource", at: reference.location,
                                  hint: "écrivez le chemin du fichier dans content/, sans « .md », par exemple kits/odd-17-en-pratique")
                        return nil
                    }
                    guard publishedURLs.contains(target.url) else {
                        if target.draft {
                            log.warning(.lienVersBrouillon, "lien vers un brouillon : « \(reference.path) »", at: reference.location,
                                        hint: "l'étape \(index + 1) ne montre pas cette ressource tant qu'elle reste un brouillon")
                        }
                        return nil
                    }
                    let stop = PathStop(url: path.url, step: index + 1)
                    if !(memberships[target.url] ?? []).contains(where: { $0.url == path.url }) {
                        memberships[target.url, default: []].append(stop)
                    }
                    return target.url
                }
            }
        }
        self.targets = targets
        self.memberships = memberships
    }
}

/// A path that names a resource, and the first of its steps that does.
public struct PathStop: Sendable, Hashable {
    public let url: String
    public let step: Int
}
