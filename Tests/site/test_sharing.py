"""The shipped corpus as the outside world reads it: a title card on every page (Open Graph, Twitter), and schema.org
JSON-LD that parses, with every event an `Event` carrying what search engines require."""
import json
import re
from html.parser import HTMLParser


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.scripts, self._in_ld = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def head(path):
    parser = HeadParser()
    parser.feed(path.read_text())
    items = []
    for script in parser.scripts:
        value = json.loads(script)
        items += value if isinstance(value, list) else [value]
    return parser.meta, items


def test_every_page_has_a_title_card(corpus_site):
    pages = list(corpus_site.rglob("index.html"))
    assert len(pages) > 100
    for page in pages:
        meta, _ = head(page)
        for name in ["og:type", "og:title", "og:description", "og:url", "og:image", "twitter:card"]:
            assert meta.get(name), f"{page}: {name}"
        assert meta["og:image"].endswith("/assets/partage.png")
    assert (corpus_site / "assets" / "partage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_event_is_an_event_for_search_engines(corpus_site):
    events = sorted((corpus_site / "evenements").glob("*/index.html"))
    assert len(events) >= 10
    for page in events:
        meta, items = head(page)
        event = next(item for item in items if item["@type"] == "Event")
        assert event["@context"] == "https://schema.org"
        assert event["name"] and event["url"].endswith(f"/evenements/{page.parent.name}/")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:00[+-]\d{2}:\d{2})?", event["startDate"]), event["startDate"]
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        if "location" in event:
            assert event["location"]["@type"] in ("Place", "VirtualLocation")
        breadcrumbs = next(item for item in items if item["@type"] == "BreadcrumbList")
        assert [step["position"] for step in breadcrumbs["itemListElement"]] == [1, 2, 3]
        assert meta["og:type"] == "article"


def test_other_resources_are_articles_and_the_home_page_offers_the_search(corpus_site):
    for kind in ["fiches", "kits", "vademecums", "exemples", "publications"]:
        for page in sorted((corpus_site / kind).glob("*/index.html")):
            _, items = head(page)
            article = next(item for item in items if item["@type"] == "Article")
            assert article["headline"]
            # A date only where a source gives one, as the page shows it.
            shown = page.read_text()
            if "<dt>Date</dt><dd>date non précisée</dd>" in shown:
                assert "datePublished" not in article
            else:
                assert article["datePublished"][:4].isdigit() and f'datetime="{article["datePublished"]}"' in shown
    _, items = head(corpus_site / "index.html")
    website = items[0]
    assert website["@type"] == "WebSite"
    assert website["potentialAction"]["target"]["urlTemplate"].endswith("/recherche/?q={search_term_string}")
