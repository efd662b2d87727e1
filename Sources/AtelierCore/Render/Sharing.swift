/// What a page tells the outside world about itself: the Open Graph and Twitter card tags that give a shared link
/// its title card, and the schema.org JSON-LD that search engines read (events as events, resources as articles,
/// the path to the page, and the site's search).
struct Sharing: Sendable, Encodable {
    /// `website`, or `article` for a resource.
    let type: String
    /// The page's own title, without the site's name after it.
    let title: String
    let image: String
    let imageAlt: String
    /// `2025-11-20`, `2025-11` or `2025` for a resource; nil elsewhere.
    let publishedTime: String?
    /// JSON-LD, safe to put between `<script>` tags as it is; nil for a page that describes nothing. A resource's is
    /// made from its file alone: before its text is parsed, the file's fingerprint stands for it.
    let structuredData: FromText<String?>

    /// The picture every shared link shows: shipped in `templates/assets/`, 1200 × 630 as the networks want it.
    static let imagePath = SiteAddresses.assets + "partage.png"
}

/// The schema.org descriptions of the site's pages, as JSON-LD.
struct StructuredData {
    let site: SiteConfig

    /// The site itself and its search: `/recherche/?q=…`.
    func website() -> String {
        object([("@type", quoted("WebSite")), ("name", quoted(site.title)), ("description", quoted(site.description)),
                ("url", quoted(site.absoluteURL(SiteAddresses.home))), ("inLanguage", quoted(site.language)),
                ("potentialAction", JSONText.object([
                    ("@type", quoted("SearchAction")),
                    ("target", JSONText.object([("@type", quoted("EntryPoint")),
                                       ("urlTemplate", quoted(site.absoluteURL(SiteAddresses.search) + "?q={search_term_string}"))])),
                    ("query-input", quoted("required name=search_term_string"))]))])
    }

    /// « Accueil › Événements › Le dîner des élus »: each step a name and an address, the last one the page itself.
    func breadcrumbs(_ steps: [(name: String, url: String)]) -> String {
        let items = steps.enumerated().map { index, step in
            JSONText.object([("@type", quoted("ListItem")), ("position", String(index + 1)), ("name", quoted(step.name)),
                             ("item", quoted(site.absoluteURL(step.url)))])
        }
        return object([("@type", quoted("BreadcrumbList")), ("itemListElement", JSONText.array(items))])
    }

    /// An event with its start and end (with their offset from UTC, or the day alone), its place or, when it is
    /// online, a virtual location, its organiser and where to register; any other resource as an article.
    func resource(_ resource: Resource, kindLabel: String) -> String {
        var fields: [(String, String)] = [("name", quoted(resource.title)), ("description", quoted(resource.summary)),
                                          ("url", quoted(site.absoluteURL(resource.url))), ("inLanguage", quoted(site.language)),
                                          ("image", quoted(site.absoluteURL(Sharing.imagePath)))]
        guard let start = resource.startTime else {
            return object([("@type", quoted("Article")), ("headline", quoted(String(resource.title.prefix(110))))] + fields
                + (resource.date.map { [("datePublished", quoted($0.iso(resource.datePrecision)))] } ?? []) + [
                ("genre", quoted(kindLabel)),
                ("keywords", quoted(resource.tags.joined(separator: ", "))),
                ("publisher", organization(site.title, url: site.absoluteURL(SiteAddresses.home)))])
        }
        fields += [("startDate", quoted(Self.iso(start))), ("eventStatus", quoted("https://schema.org/EventScheduled"))]
        if let end = resource.endTime { fields.append(("endDate", quoted(Self.iso(end)))) }
        if let place = resource.place {
            if Self.isOnline(place) {
                fields += [("eventAttendanceMode", quoted("https://schema.org/OnlineEventAttendanceMode")),
                           ("location", JSONText.object([("@type", quoted("VirtualLocation")), ("url", quoted(registration(resource) ?? site.absoluteURL(resource.url)))]))]
            } else {
                fields += [("eventAttendanceMode", quoted("https://schema.org/OfflineEventAttendanceMode")),
                           ("location", JSONText.object([("@type", quoted("Place")), ("name", quoted(place)), ("address", quoted(place))]))]
            }
        }
        if let organiser = resource.organiser {
            fields.append(("organizer", organization(organiser, url: nil)))
        }
        if let registration = registration(resource) {
            fields.append(("offers", JSONText.object([("@type", quoted("Offer")), ("url", quoted(registration))])))
        }
        return object([("@type", quoted("Event"))] + fields)
    }

    /// The page's descriptions in one script: `<` and `>` written as escapes so that no text can close it.
    static func script(_ items: [String]) -> String {
        let json = items.count == 1 ? items[0] : JSONText.array(items)
        guard json.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }) else {
            return json
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.utf8.count + 32)
        for byte in json.utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): bytes += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): bytes += Array("\\u0026".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `2025-11-20T13:00:00+01:00`, or `2025-11-18` for an all-day date.
    static func iso(_ time: EventTime) -> String {
        guard let minutes = time.minutes else { return time.day.description }
        let offset = abs(time.utcOffset) / 60
        let sign = time.utcOffset < 0 ? "-" : "+"
        return "\(time.day)T\(two(minutes / 60)):\(two(minutes % 60)):00\(sign)\(two(offset / 60)):\(two(offset % 60))"
    }

    /// « En ligne », « Webinaire en ligne »: the places editors write for an online event.
    static func isOnline(_ place: String) -> Bool {
        Slug.fold(place).contains("en ligne")
    }

    private func registration(_ resource: Resource) -> String? {
        guard let url = resource.registration else { return nil }
        return url.hasPrefix("/") ? site.absoluteURL(url) : url
    }

    private func organization(_ name: String, url: String?) -> String {
        JSONText.object([("@type", quoted("Organization")), ("name", quoted(name))] + (url.map { [("url", quoted($0))] } ?? []))
    }

    /// A description of its own, at the top of the script.
    private func object(_ fields: [(String, String)]) -> String {
        JSONText.object([("@context", quoted("https://schema.org"))] + fields)
    }

    private func quoted(_ text: String) -> String { JSONText.quoted(text) }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
