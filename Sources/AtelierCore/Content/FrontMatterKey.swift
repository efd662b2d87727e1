/// The keys of the front matter that every resource has, whatever its kind, in the order a file writes them: read by
/// the build, written by `atelier new` and by the preview's form. A kind's own fields are declared in site.yml.
public enum FrontMatterKey: String, Sendable, CaseIterable {
    case title, date
    case onlineSince = "mise_en_ligne"
    case summary, tags, boussole
    case partners = "partenaires"
    case links = "liens"
    case draft, slug, aliases, expiration

    /// The keys a resource cannot go without.
    public static let required: [FrontMatterKey] = [.title, .summary, .tags, .boussole]
}
