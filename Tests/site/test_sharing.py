"""The fixture's site as the outside world reads it: a title card on every page (Open Graph, Twitter), and schema.org
JSON-LD that parses, with every event an `Event` carrying what search engines require."""
import json
import re
from html.parser import HTMLParser

from test_pages import is_redirect


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


def test_every_page_has_a_title_card(fixture_site):
    pages = [page for page in fixture_site.rglob("index.html") if not is_redirect(page)]
    assert len(pages) > 100
    for page in pages:
        meta, _ = head(page)
        for name in ["og:type", "og:title", "og:description", "og:url", "og:image", "twitter:card"]:
            assert meta.get(name), f"{page}: {name}"
        assert meta["og:image"].endswith("/assets/partage.png")
    assert (fixture_site / "assets" / "partage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_event_is_an_event_for_search_engines(fixture_site):
    events = sorted((fixture_site / "evenements").glob("*/index.html"))
    assert len(events) == 8
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
        # An article when it has a date, as the page shows it.
        undated = "<dt>Date</dt><dd>date non précisée</dd>" in page.read_text()
        assert meta["og:type"] == ("website" if undated else "article")
    # « En ligne » with a registration link, and a named place.
    event = lambda slug: next(i for i in head(fixture_site / "evenements" / slug / "index.html")[1] if i["@type"] == "Event")
    webinar = event("webinaire-essai-2025")
    assert webinar["location"]["@type"] == "VirtualLocation"
    assert webinar["offers"]["url"] == "https://www.example.org/inscription-webinaire"
    assert event("salon-essai-2025")["location"]["@type"] == "Place"


def test_other_resources_are_articles_and_the_home_page_offers_the_search(fixture_site):
    for kind in ["fiches", "kits", "vademecums", "exemples", "publications"]:
        for page in sorted(p for p in (fixture_site / kind).glob("*/index.html") if not is_redirect(p)):
            _, items = head(page)
            article = next(item for item in items if item["@type"] == "Article")
            assert article["headline"]
            # A date only where a source gives one, as the page shows it.
            shown = page.read_text()
            if "<dt>Date</dt><dd>date non précisée</dd>" in shown:
                assert "datePublished" not in article
            else:
                assert article["datePublished"][:4].isdigit() and f'datetime="{article["datePublished"]}"' in shown
    _, items = head(fixture_site / "index.html")
    website = items[0]
    assert website["@type"] == "WebSite"
    assert website["potentialAction"]["target"]["urlTemplate"].endswith("/recherche/?q={search_term_string}")
