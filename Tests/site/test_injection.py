"""One hostile fixture, every output read back by a parser: HTML pages and e-mail editions (no element or event
handler that the templates did not write), Atom feeds and sitemap (well-formed XML), the search index (JSON), the
iCalendar files (a line break in a title or a place never starts a property), the text e-mail, and the pages run
in Chromium with the hostile text searched and filtered."""
import html.parser
import json
import urllib.parse
import xml.etree.ElementTree as ElementTree

import icalendar
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ATELIER, build_site, chromium
from test_cli import fixture

HOSTILE = ("<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> \"guillemets\" 'apostrophes' "
           "&amp; {{layout.siteTitle}} ]]> --> <!-- \u0001 fin")
# Titles are typeset (« apostrophes’ »: the apostrophe after a letter is the typographic one); nothing else changes.
TYPESET = HOSTILE.replace("apostrophes'", "apostrophes’")
BROKEN_LINES = "ligne 1\nATTENDEE:mailto:pirate@exemple.fr\r\nX-PIRATE:1"
CONTROL = "\u0001"

SITE = """title: "Essai"
base_url: "https://exemple.fr"
kinds:
  fiches: { singular: Fiche, plural: Fiches, sort: title }
  evenements:
    singular: Événement
    plural: Événements
    sort: debut
    fields:
      debut: { type: date-heure, required: true, role: debut }
      lieu: { type: texte, role: lieu }
      organisateur: { type: texte, role: organisateur }
"""

BODY = f"""## Titre {HOSTILE}

<script>window.__pwned=3</script>

[un lien](javascript:window.__pwned=4) et [un autre](" onmouseover="window.__pwned=5) et {{{{layout.title}}}} ]]>

<img src=x onerror="window.__pwned=6">
"""


def quoted(text):
    """A YAML double-quoted scalar (JSON strings are valid ones)."""
    return json.dumps(text, ensure_ascii=False)


def resource(title, extra=""):
    return f"""---
title: {quoted(title)}
date: 2025-11-18
summary: {quoted("Résumé " + HOSTILE)}
tags: [{quoted("<b>" + HOSTILE + "</b>")}, Essai]
partenaires: [{quoted(HOSTILE)}]
boussole: {{ maturite: accompagner }}
{extra}---

{BODY}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = fixture(tmp_path_factory.mktemp("hostile"), {
        "content/site.yml": SITE,
        "content/fiches/piege.md": resource(HOSTILE),
        "content/fiches/autre.md": resource("Autre " + HOSTILE),
        "content/evenements/reunion.md": resource(BROKEN_LINES, f"debut: 2025-11-25 14:00\nlieu: {quoted(BROKEN_LINES)}\n"
                                                                f"organisateur: {quoted(HOSTILE)}\n"),
        "content/jeudis/2025-11-20.md": f"---\ntitle: {quoted(HOSTILE)}\na_la_une: [fiches/piege]\n---\n\n{BODY}",
    })
    return root, build_site(root / "public", root=root)


class Elements(html.parser.HTMLParser):
    """Every element and attribute of a page, the text of its scripts, and of its h1 and h3 headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.scripts, self.h1, self.h3 = [], [], [], []
        self._script = False
        self._heading = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script = True
            self.scripts.append(dict(attrs).get("src") or ("ld+json:" if dict(attrs).get("type") == "application/ld+json" else ""))
        if tag in ("h1", "h3"):
            self._heading = tag
            getattr(self, tag).append("")

    def handle_data(self, data):
        if self._script:
            self.scripts[-1] += data
        if self._heading:
            getattr(self, self._heading)[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False
        if tag == self._heading:
            self._heading = None


ALLOWED_SCRIPTS = {"/assets/boussole.js", "/assets/recherche.js", "/assets/cartes.js"}


def read_html(path):
    parser = Elements()
    parser.feed(path.read_text())
    return parser


def test_no_page_holds_an_element_or_handler_the_templates_did_not_write(hostile_site):
    _, public = hostile_site
    pages = sorted(public.rglob("*.html"))
    assert len(pages) >= 16
    for page in pages:
        parsed = read_html(page)
        for tag, attrs in parsed.elements:
            assert tag not in ("img", "iframe", "object", "embed"), page
            assert not [name for name in attrs if name.startswith("on")], (page, tag, attrs)
            for name in ("href", "src", "action"):
                assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (page, attrs)
        for script in parsed.scripts:
            if script.startswith("ld+json:"):
                # Structured data only: JSON that parses, in which no text could close the script.
                json.loads(script[len("ld+json:"):])
                assert "<" not in script and ">" not in script, (page, script)
                continue
            assert script in ALLOWED_SCRIPTS or "window.matchMedia" in script, (page, script)


def test_hostile_text_is_shown_as_text(hostile_site):
    _, public = hostile_site
    page = read_html(public / "fiches" / "piege" / "index.html")
    assert page.h1 == [TYPESET]
    text = (public / "fiches" / "piege" / "index.html").read_text()
    assert "{{layout.title}}" in text  # a template name in the content is never evaluated
    assert "<title>" + "&lt;script&gt;" in text


def test_feeds_and_sitemap_are_well_formed_xml_with_the_title_as_text(hostile_site):
    _, public = hostile_site
    atom = "{http://www.w3.org/2005/Atom}"
    for path in ["atom.xml", "jeudis/atom.xml", "sitemap.xml"]:
        ElementTree.parse(public / path)
    feed = ElementTree.parse(public / "atom.xml").getroot()
    titles = [entry.find(atom + "title").text for entry in feed.iter(atom + "entry")]
    assert TYPESET.replace(CONTROL, "") in titles
    contents = "".join(entry.find(atom + "content").text for entry in feed.iter(atom + "entry"))
    assert "<script>" not in contents and "javascript:" not in contents


def test_the_search_index_and_the_boussole_data_are_json_with_cards_escaped(hostile_site):
    _, public = hostile_site
    files = sorted((public / "recherche" / "index").rglob("*.json")) + [public / "boussole" / "donnees.json"]
    parsed = {path: json.loads(path.read_text()) for path in files}
    cards = [card for path, value in parsed.items() if path.parent.name == "d" for card in value]
    assert len(cards) == 3
    titles = []
    for card in cards:
        parser = Elements()
        parser.feed(card)
        assert not parser.scripts and all(tag not in ("img", "iframe") for tag, _ in parser.elements)
        assert all(not name.startswith("on") for _, attrs in parser.elements for name in attrs)
        titles.append("".join(parser.h3))
    assert TYPESET in titles


def test_calendar_line_breaks_never_start_a_property(hostile_site):
    _, public = hostile_site
    for path in [public / "evenements" / "agenda.ics", public / "evenements" / "reunion" / "evenement.ics"]:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events = list(calendar.walk("VEVENT"))
        assert len(events) == 1
        event = events[0]
        assert set(event.keys()) == {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION", "LOCATION", "URL"}
        assert str(event["SUMMARY"]) == "ligne 1\nATTENDEE:mailto:pirate@exemple.fr\nX-PIRATE:1"
        assert str(event["LOCATION"]) == str(event["SUMMARY"])
        assert "Organisation : " + HOSTILE.replace(CONTROL, "") in str(event["DESCRIPTION"])


def test_e_mail_editions_carry_the_text_not_markup(hostile_site):
    _, public = hostile_site
    text = (public / "jeudis" / "2025-11-20" / "email.txt").read_text()
    assert TYPESET in text and "&lt;" not in text
    parsed = read_html(public / "jeudis" / "2025-11-20" / "email.html")
    assert not parsed.scripts
    assert all(not name.startswith("on") for _, attrs in parsed.elements for name in attrs)


def test_nothing_runs_in_a_browser_on_search_and_boussole(hostile_site, tmp_path):
    import functools
    import http.server
    import threading
    from conftest import QuietHandler
    _, public = hostile_site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    driver = chromium()
    try:
        for path in ["/fiches/piege/", "/recherche/?q=" + urllib.parse.quote("guillemets script"),
                     "/boussole/?type=fiches", "/jeudis/2025-11-20/", "/themes/"]:
            driver.get(base + path)
            assert driver.execute_script("return window.__pwned === undefined"), path
        driver.get(base + "/recherche/?q=guillemets")
        WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "recherche-resultats").get_attribute("aria-busy") == "false")
        found = driver.execute_script("return document.querySelectorAll('#recherche-resultats > li').length")
        assert found == 3
        assert driver.execute_script("return window.__pwned === undefined")
    finally:
        driver.quit()
        server.shutdown()
