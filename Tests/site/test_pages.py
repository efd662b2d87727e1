"""Every page of the shipped corpus, crawled: no broken internal link, one h1, a title and a language."""
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


def target_exists(site, url):
    path = unquote(urlparse(url).path)
    target = site / path.lstrip("/")
    return (target / "index.html").exists() if path.endswith("/") else target.exists()


def test_every_internal_link_leads_to_a_file(corpus_site):
    broken = []
    for page in pages(corpus_site):
        for link in parse(page).links:
            if link.startswith("/") and not link.startswith("//") and not target_exists(corpus_site, link):
                broken.append(f"{page.relative_to(corpus_site)} -> {link}")
    assert broken == []


def test_in_page_anchors_exist(corpus_site):
    missing = []
    for page in pages(corpus_site):
        parsed = parse(page)
        for link in parsed.links:
            if link.startswith("#") and len(link) > 1 and unquote(link[1:]) not in parsed.ids:
                missing.append(f"{page.relative_to(corpus_site)} -> {link}")
    assert missing == []


def test_every_page_has_a_language_a_title_and_one_main_heading(corpus_site):
    problems = []
    for page in pages(corpus_site):
        parsed = parse(page)
        if "http-equiv" in page.read_text()[:600]:
            continue  # redirect pages
        if parsed.lang != "fr" or not parsed.title or parsed.h1 != 1 or parsed.images_without_alt:
            problems.append(f"{page.relative_to(corpus_site)}: lang={parsed.lang} h1={parsed.h1}")
    assert problems == []
    assert len(pages(corpus_site)) > 100
