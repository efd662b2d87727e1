import Foundation

/// Fingerprints of what the site's files are made from, so that a rebuild makes again only the files whose inputs
/// changed. Every key is made of the global key and of what a group of files reads besides it.
struct SiteKeys: Sendable {
    /// What every group's files depend on besides what they show: the configuration, the templates, the date of the
    /// build and its options.
    let global: Fingerprint
    /// Hash of each content file's bytes, by its path in `content/`.
    let contents: [String: Fingerprint]

    init(model: SiteModel, configuration: Fingerprint, templates: Fingerprint, includeDrafts: Bool, contents: [String: Fingerprint]) {
        var hasher = FingerprintHasher()
        hasher.add(configuration)
        hasher.add(templates)
        hasher.add(model.buildDate.description)
        hasher.add(includeDrafts ? "brouillons" : "publié")
        global = hasher.finish()
        self.contents = contents
    }

    /// The hash of a content file's bytes, by its path in the project (`content/fiches/x.md`).
    func content(of source: String) -> Fingerprint { contents[source] ?? .zero }

    /// A key made of the global key, a group's name and what it reads.
    func key(_ group: GroupID, _ add: (inout FingerprintHasher) -> Void) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(global)
        hasher.add(group.stored)
        add(&hasher)
        return hasher.finish()
    }

    /// A key for a group whose files read nothing of the global key (the templates, the configuration, the date):
    /// only what `add` gives.
    func standalone(_ group: GroupID, _ add: (inout FingerprintHasher) -> Void) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(group.stored)
        add(&hasher)
        return hasher.finish()
    }

    /// The key of pages rendered through the templates: what each shows (its address, template and view).
    func pages(_ group: GroupID, _ jobs: [SiteRenderer.Job]) -> Fingerprint {
        key(group) { hasher in
            for job in jobs {
                hasher.add(job.url)
                hasher.add(FingerprintEncoder.fingerprint(of: job.view, template: job.template))
            }
        }
    }
}
