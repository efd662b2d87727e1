"""What visitors see, on the fixture's site: axe-core on every page type in the light and dark colour schemes, the dark
scheme's colours, phones, print, the keyboard, and the footer's link to the accessibility statement (whose text, in the
shipped content, names what these tests check: test_content_site.py).
Screenshots and a printed fiche are written to Tests/site/screenshots/ for a person to look at."""
import base64
import io
import pathlib
import re
import unicodedata

import pytest
from axe_selenium_python import Axe
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"

FICHE = "/fiches/fiche-essai-cooperation/"
AGENDA = "/evenements/"
JEUDI = "/jeudis/2025-11-20/"

# One page of each type. The shipped accessibility statement gives their number (test_content_site.py).
PAGE_TYPES = {
    "accueil": "/",
    "liste des fiches repère": "/fiches/",
    "liste des vadémécums": "/vademecums/",
    "liste des kits": "/kits/",
    "agenda": AGENDA,
    "liste des exemples": "/exemples/",
    "liste des publications": "/publications/",
    "liste des outils": "/outils/",
    "liste des parcours": "/parcours/",
    "fiche repère": FICHE,
    "vadémécum": "/vademecums/vademecum-essai-recit/",
    "kit": "/kits/kit-essai-projet/",
    "événement": "/evenements/webinaire-essai-2025/",
    "exemple": "/exemples/cahier-observation-villebrume/",
    "publication": "/publications/etude-essai-elus-locaux-2024/",
    "outil": "/outils/base-essai-alliances/",
    "parcours": "/parcours/premiers-pas-essai/",
    "index des thèmes": "/themes/",
    "thème": "/themes/cooperation/",
    "boussole": "/boussole/",
    "valeur de la boussole": "/boussole/maturite/consolider/",
    "croisement de la boussole": "/boussole/maturite/consolider/trajectoires/confiance/",
    "grille d'auto-évaluation": "/grille/",
    "archives des Jeudis": "/jeudis/",
    "numéro des Jeudis": JEUDI,
    "recherche": "/recherche/?q=alliances",
    "page introuvable": "/404.html",
    "page ordinaire": "/a-propos/",
}
SCHEMES = ["light", "dark"]


def use_scheme(driver, scheme, media=""):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def use_width(driver, width):
    """Chromium's window is at least 500 pixels wide: a phone's width is emulated."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})


def open_page(driver, url):
    driver.get(url)
    if "/recherche/?q=" in url:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#recherche-resultats li"))


def axe_core_version():
    script = pathlib.Path(Axe(None).script_url).read_text(encoding="utf8")
    return re.search(r"axe v(\d+\.\d+\.\d+)", script).group(1)


def rgb(css_colour):
    return tuple(int(part) for part in re.findall(r"\d+", css_colour)[:3])


def luminance(colour):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def style(driver, selector, prop):
    element = driver.find_element(By.CSS_SELECTOR, selector)
    return driver.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])", element, prop)


def words(text):
    return " ".join(text.split())


# axe-core

@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_any_page_type(browser, fixture_url, scheme):
    use_scheme(browser, scheme)
    reports = []
    for name, path in PAGE_TYPES.items():
        open_page(browser, fixture_url + path)
        axe = Axe(browser)
        axe.inject()
        violations = axe.run()["violations"]
        if violations:
            reports.append(f"{name} ({path}), {scheme}: " + axe.report(violations))
    assert reports == [], "\n".join(reports)


def test_the_footer_leads_to_the_accessibility_statement(browser, fixture_url):
    browser.get(fixture_url + "/")
    link = browser.find_element(By.CSS_SELECTOR, "footer a[href='/accessibilite/']")
    assert link.text == "Accessibilité : non conforme"
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Déclaration d’accessibilité"


# Colour schemes

@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_scheme_sets_the_page_colours(browser, fixture_url, scheme):
    use_scheme(browser, scheme)
    browser.get(fixture_url + FICHE)
    background, text = rgb(style(browser, "body", "background-color")), rgb(style(browser, "body", "color"))
    if scheme == "dark":
        assert max(background) < 0x33 and luminance(text) > luminance(background)
    else:
        assert min(background) > 0xee and luminance(text) < luminance(background)
    assert contrast(text, background) >= 7
    link = rgb(style(browser, ".body a", "color"))
    assert contrast(link, background) >= 4.5


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_compass_stays_legible(browser, fixture_url, scheme):
    use_scheme(browser, scheme)
    browser.get(fixture_url + "/boussole/")
    page = rgb(style(browser, "body", "background-color"))
    hub, hub_label = rgb(style(browser, ".compass-svg .hub", "fill")), rgb(style(browser, ".compass-svg .hub-label", "fill"))
    assert contrast(hub, hub_label) >= 4.5
    label = rgb(style(browser, ".compass-svg .sector-label", "fill"))
    edge = rgb(style(browser, ".compass-svg a path", "stroke"))
    for sector in browser.find_elements(By.CSS_SELECTOR, ".compass-svg a path"):
        fill = rgb(browser.execute_script("return getComputedStyle(arguments[0]).fill", sector))
        assert contrast(fill, label) >= 4.5
        # Each sector stands out from the page by its colour or by its outline.
        assert max(contrast(fill, page), contrast(edge, page)) >= 3


# Phone

def test_fields_are_large_enough_that_phones_do_not_zoom(browser, fixture_url):
    use_width(browser, 412)
    for path, selector in [("/recherche/", "#q"), ("/boussole/", "#filtres input, #filtres select")]:
        browser.get(fixture_url + path)
        assert browser.execute_script("return window.innerWidth") == 412
        fields = browser.find_elements(By.CSS_SELECTOR, selector)
        assert fields
        for field in fields:
            size = browser.execute_script("return getComputedStyle(arguments[0]).fontSize", field)
            assert float(size.removesuffix("px")) >= 16, (path, field.get_attribute("outerHTML"), size)


# Keyboard

def test_the_first_tab_reaches_the_skip_link_which_leads_to_the_content(browser, fixture_url):
    browser.get(fixture_url + FICHE)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Aller au contenu" and skip.is_displayed() and skip.location["x"] >= 0
    skip.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: d.switch_to.active_element.get_dom_attribute("id") == "contenu")
    assert browser.current_url.endswith("#contenu")


# Print

def print_to_pdf(driver, url):
    driver.get(url)
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return pdf, words(unicodedata.normalize("NFKC", text))  # NFKC: the PDF's ligatures (ﬁ, ﬃ) become letters


def assert_only_the_content_is_printed(driver, text):
    menu = [words(a.get_attribute("textContent"))
            for a in driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Navigation principale'] a")]
    assert " ".join(menu[:3]) not in text
    for chrome in ["Aller au contenu", "Rechercher", "Tous les thèmes", "Flux Atom", "Plan du site",
                   "Accessibilité : non conforme", "Page suivante", "Afficher plus"]:
        assert words(chrome) not in text, chrome


def test_a_printed_fiche_holds_its_text_and_external_addresses(browser, fixture_url):
    pdf, text = print_to_pdf(browser, fixture_url + FICHE)
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "fiche-imprimee.pdf").write_bytes(pdf)
    assert words(browser.find_element(By.TAG_NAME, "h1").text) in text
    first_paragraph = words(browser.find_element(By.CSS_SELECTOR, ".body p").text)
    assert first_paragraph[:80] in text
    # A long address may wrap: compared without spaces.
    assert "Leportaildelacoopération(https://www.example.org/essai-cooperation)" in text.replace(" ", "")
    assert_only_the_content_is_printed(browser, text)


def test_the_printed_agenda_lists_its_events(browser, fixture_url):
    _, text = print_to_pdf(browser, fixture_url + AGENDA)
    assert words(browser.find_element(By.TAG_NAME, "h1").text) in text
    for title in browser.find_elements(By.CSS_SELECTOR, ".card h3")[:5]:
        assert words(title.text) in text
    assert "Ajouter tout l’agenda" not in text
    assert_only_the_content_is_printed(browser, text)


def test_a_printed_jeudi_holds_its_editorial_and_resources(browser, fixture_url):
    _, text = print_to_pdf(browser, fixture_url + JEUDI)
    assert words(browser.find_element(By.TAG_NAME, "h1").text) in text
    assert words(browser.find_element(By.CSS_SELECTOR, ".body p").text)[:80] in text
    assert words(browser.find_element(By.CSS_SELECTOR, ".card h3").text) in text
    assert_only_the_content_is_printed(browser, text)


def test_print_is_black_on_white_even_for_a_dark_scheme_reader(browser, fixture_url):
    use_scheme(browser, "dark", media="print")
    browser.get(fixture_url + JEUDI)
    assert rgb(style(browser, "body", "background-color")) == (255, 255, 255)
    for selector in ["body", ".card a", ".meta", ".site-header .brand"]:
        assert rgb(style(browser, selector, "color")) == (0, 0, 0), selector
    assert style(browser, ".card", "break-inside") == "avoid"
    for selector in [".skip", ".site-header nav", ".site-footer", ".pagination"]:
        assert style(browser, selector, "display") == "none", selector


# Screenshots, for a person to look at

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [412, 1280])
def test_screenshots(browser, fixture_url, scheme, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    use_width(browser, width)
    use_scheme(browser, scheme)
    for name, path in [("accueil", "/"), ("fiche", FICHE)]:
        browser.get(fixture_url + path)
        size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "clip": {
            "x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        png = base64.b64decode(shot["data"])
        assert png.startswith(b"\x89PNG")
        (SCREENSHOTS / f"{name}-{width}-{'clair' if scheme == 'light' else 'sombre'}.png").write_bytes(png)
