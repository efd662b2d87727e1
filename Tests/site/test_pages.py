"""Every page of the fixture's site, crawled: no broken internal link or anchor, one h1, a title and a language.
The content suite (test_content_site.py) crawls the shipped site with the same functions."""
from html.parser import HTMLParser
from urllib.parse import unquote, urlparse


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids, self.h1, self.images_without_alt, self.lang, self.title = [], set(), 0, 0, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "title":
            self.title = True
        if tag == "h1":
            self.h1 += 1
        if tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def pages(site):
    return [p for p in site.rglob("*.html") if not p.name.startswith("email")]


def parse(path):
    parser = PageParser()
    parser.feed(path.read_text())
    return parser


def is_redirect(page):
    """A redirect page, written for an alias: no heading, no title card."""
    return "http-equiv" in page.read_text()[:600]


def target_exists(site, url):
    path = unquote(urlparse(url).path)
    target = site / path.lstrip("/")
    return (target / "index.html").exists() if path.endswith("/") else target.exists()


def broken_links(site):
    """Every internal link or source of a page of `site` that leads to no file."""
    broken = []
    for page in pages(site):
        for link in parse(page).links:
            if link.startswith("/") and not link.startswith("//") and not target_exists(site, link):
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken


def missing_anchors(site):
    """Every in-page link of `site` to an id that its page does not hold."""
    missing = []
    for page in pages(site):
        parsed = parse(page)
        for link in parsed.links:
            if link.startswith("#") and len(link) > 1 and unquote(link[1:]) not in parsed.ids:
                missing.append(f"{page.relative_to(site)} -> {link}")
    return missing


def heading_problems(site):
    """Every page of `site` (redirect pages aside) without lang="fr", a title, one h1 or an alt on each image."""
    problems = []
    for page in pages(site):
        parsed = parse(page)
        if is_redirect(page):
            continue
        if parsed.lang != "fr" or not parsed.title or parsed.h1 != 1 or parsed.images_without_alt:
            problems.append(f"{page.relative_to(site)}: lang={parsed.lang} h1={parsed.h1}")
    return problems


def test_every_internal_link_leads_to_a_file(fixture_site):
    assert broken_links(fixture_site) == []


def test_in_page_anchors_exist(fixture_site):
    assert missing_anchors(fixture_site) == []


def test_every_page_has_a_language_a_title_and_one_main_heading(fixture_site):
    assert heading_problems(fixture_site) == []
    assert len(pages(fixture_site)) > 100
