/// The machine-read files: Atom feed, sitemap, robots.txt.
struct Feeds {
    let model: SiteModel

    private var site: SiteConfig { model.site }

    /// The newest listed resources, newest first by the day they went on the platform: those the feed shows. A
    /// resource with no such day was never news.
    func atomEntries() -> [Entry] {
        let newer = { (a: Entry, b: Entry) in (a.resource.platformDay!, b.resource.url) > (b.resource.platformDay!, a.resource.url) }
        var newest: [Entry] = []
        for entry in model.entries where !entry.isArchived && entry.resource.platformDay != nil {
            guard newest.count < site.feedSize || newer(entry, newest[newest.count - 1]) else { continue }
            newest.insert(entry, at: newest.firstIndex { newer(entry, $0) } ?? newest.count)
            if newest.count > site.feedSize { newest.removeLast() }
        }
        return newest
    }

    /// The newest resources, newest first; dates only, so the feed changes only when content does.
    func atom() -> String {
        let entries = atomEntries()
        let updated = entries.first?.resource.platformDay ?? model.buildDate
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.language))">
          <title>\(XML.escape(site.title))</title>
          <subtitle>\(XML.escape(site.description))</subtitle>
          <link href="\(XML.escape(site.absoluteURL("/")))"/>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(site.absoluteURL(SiteAddresses.feed)))"/>
          <id>\(XML.escape(site.absoluteURL("/")))</id>
          <updated>\(Self.timestamp(updated))</updated>
          <generator>Atelier</generator>

        """
        for entry in entries {
            let r = entry.resource
            let url = XML.escape(site.absoluteURL(r.url))
            var author = site.title
            if case let .text(name) = r.fields["auteur"] { author = name }
            xml += """
              <entry>
                <title>\(XML.escape(r.title))</title>
                <link href="\(url)"/>
                <id>\(url)</id>
                <published>\(Self.timestamp(r.platformDay!))</published>
                <updated>\(Self.timestamp(r.platformDay!))</updated>
                <author><name>\(XML.escape(author))</name></author>
                <summary>\(XML.escape(r.summary))</summary>
            \(entry.tags.map { "    <category term=\"\(XML.escape($0.slug))\" label=\"\(XML.escape($0.label))\"/>\n" }.joined())\
                <content type="html">\(XML.escape(site.absoluteLinks(html(of: entry))))</content>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// The newest issues of the weekly digest, as many as the feed shows resources: the archive at `/jeudis/` holds
    /// them all, and a feed reader need not download years of them at each visit.
    var feedIssues: ArraySlice<JeudiIssue> { model.jeudis.prefix(site.feedSize) }

    /// One entry per issue of the weekly digest (the newest), newest first.
    func jeudisAtom() -> String {
        let updated = model.jeudis.first?.thursday ?? model.buildDate
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(site.language))">
          <title>\(XML.escape(site.jeudis.title))</title>
          <link href="\(XML.escape(site.absoluteURL(SiteAddresses.jeudis)))"/>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(site.absoluteURL(SiteAddresses.jeudisFeed)))"/>
          <id>\(XML.escape(site.absoluteURL(SiteAddresses.jeudis)))</id>
          <updated>\(Self.timestamp(updated))</updated>
          <author><name>\(XML.escape(site.title))</name></author>

        """
        for issue in feedIssues {
            let url = XML.escape(site.absoluteURL(issue.url))
            let items = issue.newEntryURLs.compactMap { model.entry(url: $0) }.map {
                "<li><a href=\"\(site.absoluteURL($0.resource.url))\">\(XML.escape($0.resource.title))</a></li>"
            }
            let content = site.absoluteLinks(issue.editorial?.body.html ?? "") + (items.isEmpty ? "" : "<ul>\(items.joined())</ul>")
            xml += """
              <entry>
                <title>\(XML.escape(issue.editorial?.editorial.title ?? site.jeudis.title(of: issue.thursday)))</title>
                <link href="\(url)"/>
                <id>\(url)</id>
                <updated>\(Self.timestamp(issue.thursday))</updated>
                <content type="html">\(XML.escape(content))</content>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// The feed shows a few texts whole: they are parsed again here (their mistakes were reported with their pages).
    private func html(of entry: Entry) -> String {
        var ignored = DiagnosticLog()
        return model.markdown.render(entry.resource.body, log: &ignored).html
    }

    /// A page of the sitemap and the date it last changed, when it is a resource's.
    struct SitemapPage: Sendable {
        let url: String
        let lastChange: String?
    }

    /// The sitemap's pages in order of address, each part at most `sitemap_size` long: one part, `/sitemap.xml`,
    /// unless the site outgrows it (search engines read at most 50,000 addresses from one file).
    func sitemapParts(urls: [String]) -> [ArraySlice<SitemapPage>] {
        let pages = urls.sorted().map { url in
            SitemapPage(url: url, lastChange: model.entry(url: url).flatMap(\.resource.platformDayISO))
        }
        return stride(from: 0, to: max(pages.count, 1), by: site.sitemapSize).map { pages[$0..<min(pages.count, $0 + site.sitemapSize)] }
    }

    /// Where a part of the sitemap goes: `sitemap.xml` when there is one, `sitemap1.xml`… when it is split.
    static func sitemapPath(part: Int, of count: Int) -> String { count == 1 ? "sitemap.xml" : "sitemap\(part + 1).xml" }

    func sitemap(_ pages: ArraySlice<SitemapPage>) -> String {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for page in pages {
            xml += "  <url><loc>\(XML.escape(site.absoluteURL(page.url)))</loc>"
            if let date = page.lastChange { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// A split sitemap's `/sitemap.xml`: the list of its parts.
    func sitemapIndex(parts: Int) -> String {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        for part in 0..<parts {
            xml += "  <sitemap><loc>\(XML.escape(site.absoluteURL("/" + Self.sitemapPath(part: part, of: parts))))</loc></sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.absoluteURL("/sitemap.xml"))\n"
    }

    static func timestamp(_ date: LocalDate) -> String { "\(date)T00:00:00Z" }
}
