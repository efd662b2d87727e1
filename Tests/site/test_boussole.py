"""The boussole in headless Chromium: filters by mouse and keyboard, state in the URL, data loaded only once a filter
is used, results a page at a time, and the page without JavaScript. What each filter must show is worked out here
from the data file the page loads, decoded independently."""
import json
import re
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from compact import numbers


def fetch_json(url):
    with urllib.request.urlopen(url) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def listing(fixture_url):
    """Every listed resource in listing order: its URL, kind, boussole values and themes."""
    raw = fetch_json(fixture_url + "/boussole/donnees.json")
    values, at, items = numbers(raw["items"]), 0, []
    while at < len(values):
        document, kind, masks = values[at], raw["kinds"][values[at + 1]], values[at + 2:at + 2 + raw["groups"]]
        at += 2 + raw["groups"]
        themes = [raw["themes"][n] for n in values[at + 1:at + 1 + values[at]]]
        at += 1 + values[at]
        chosen = {value for bit, value in enumerate(raw["values"]) if masks[bit // 30] & (1 << (bit % 30))}
        chunk = fetch_json(fixture_url + raw["index"] + "d/%d.json" % (document // raw["chunk"]))
        url = re.search(r'<h3><a href="([^"]+)"', chunk[document % raw["chunk"]]).group(1)
        items.append({"url": url, "kind": kind, "values": chosen, "themes": set(themes)})
    return {"items": items, "page": raw["page"]}


def expected(listing, **criteria):
    """URLs of the resources matching: values of one name add up, names narrow down."""
    def fits(item, name, wanted):
        if name == "type":
            return item["kind"] in wanted
        if name == "theme":
            return bool(item["themes"] & set(wanted))
        return any("%s:%s" % (name, value) in item["values"] for value in wanted)
    return [item["url"] for item in listing["items"] if all(fits(item, n, w) for n, w in criteria.items())]


def settled(driver):
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "resultats").get_attribute("aria-busy") == "false")


def shown(driver):
    settled(driver)
    return [a.get_dom_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#resultats > li h3 a")]


def count_text(driver):
    return driver.find_element(By.ID, "compte").text


def checkbox(driver, name, value):
    return driver.find_element(By.CSS_SELECTOR, f'#filtres input[name="{name}"][value="{value}"]')


def query(driver):
    return parse_qs(urlparse(driver.current_url).query)


def loaded(driver):
    return [e.split("/", 3)[3] for e in driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")]


def test_choosing_filters_by_mouse_updates_list_count_and_url(browser, fixture_url, listing):
    browser.get(fixture_url + "/boussole/")
    assert browser.find_element(By.ID, "filtres").is_displayed()
    total, page = len(listing["items"]), listing["page"]
    assert count_text(browser) == f"{total} ressources"
    assert shown(browser) == expected(listing)[:page]
    assert "boussole/donnees.json" not in loaded(browser), "the data is loaded only when a filter is used"

    checkbox(browser, "maturite", "consolider").click()
    match = expected(listing, maturite=["consolider"])
    assert shown(browser) == match[:page]
    assert 0 < len(match) < total
    assert count_text(browser) == f"{len(match)} ressources correspondent sur {total}."
    assert query(browser) == {"maturite": ["consolider"]}
    assert "boussole/donnees.json" in loaded(browser)

    checkbox(browser, "trajectoires", "confiance").click()
    both = expected(listing, maturite=["consolider"], trajectoires=["confiance"])
    assert shown(browser) == both[:page]
    assert query(browser) == {"maturite": ["consolider"], "trajectoires": ["confiance"]}

    checkbox(browser, "maturite", "investir").click()
    either = expected(listing, maturite=["consolider", "investir"], trajectoires=["confiance"])
    assert shown(browser) == either[:page] and len(either) >= len(both)


def test_more_resources_come_a_page_at_a_time(browser, fixture_url, listing):
    everything, page = expected(listing), listing["page"]
    assert len(everything) > page, "the corpus has more resources than one page holds"
    browser.get(fixture_url + "/boussole/")
    more = browser.find_element(By.ID, "boussole-suite")
    more.click()
    WebDriverWait(browser, 5).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#resultats > li")) > page)
    assert shown(browser) == everything[:2 * page]
    while more.is_displayed():
        more.click()
        settled(browser)
    assert shown(browser) == everything


def test_keyboard_alone_reaches_and_sets_the_filters(browser, fixture_url, listing):
    browser.get(fixture_url + "/boussole/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    target = checkbox(browser, "profils", "academiques")
    for _ in range(200):
        if browser.switch_to.active_element == target:
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == target, "the checkbox cannot be reached with Tab"
    target.send_keys(Keys.SPACE)
    assert target.is_selected()
    assert shown(browser) == expected(listing, profils=["academiques"])[:listing["page"]]
    assert query(browser) == {"profils": ["academiques"]}

    select = browser.find_element(By.ID, "filtre-theme")
    for _ in range(50):
        if browser.switch_to.active_element == select:
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == select
    select.send_keys(Keys.ARROW_DOWN)
    theme = select.get_attribute("value")
    assert theme
    WebDriverWait(browser, 5).until(lambda d: query(d).get("theme") == [theme])
    assert shown(browser) == expected(listing, profils=["academiques"], theme=[theme])[:listing["page"]]


def test_a_shared_url_restores_the_filters(browser, fixture_url, listing):
    browser.get(fixture_url + "/boussole/?maturite=inventer&type=exemples")
    assert checkbox(browser, "maturite", "inventer").is_selected()
    assert checkbox(browser, "type", "exemples").is_selected()
    assert not checkbox(browser, "maturite", "accompagner").is_selected()
    match = expected(listing, maturite=["inventer"], type=["exemples"])
    assert shown(browser) == match[:listing["page"]]
    assert match, "the corpus has examples at the « inventer » level"


def test_back_and_forward_restore_previous_filters(browser, fixture_url, listing):
    browser.get(fixture_url + "/boussole/")
    checkbox(browser, "maturite", "accompagner").click()
    settled(browser)
    checkbox(browser, "profils", "acteurs-economiques").click()
    narrowed = shown(browser)
    browser.back()
    WebDriverWait(browser, 5).until(lambda d: not checkbox(d, "profils", "acteurs-economiques").is_selected())
    assert checkbox(browser, "maturite", "accompagner").is_selected()
    assert shown(browser) == expected(listing, maturite=["accompagner"])[:listing["page"]]
    browser.forward()
    WebDriverWait(browser, 5).until(lambda d: checkbox(d, "profils", "acteurs-economiques").is_selected())
    assert shown(browser) == narrowed


def test_no_matching_resource_says_so_and_offers_a_way_back(browser, fixture_url, listing):
    browser.get(fixture_url + "/boussole/")
    kinds = [i.get_attribute("value") for i in browser.find_elements(By.CSS_SELECTOR, '#filtres input[name="type"]')]
    themes = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#filtre-theme option")][1:]
    empty = next((k, t) for k in kinds for t in themes if not expected(listing, type=[k], theme=[t]))
    browser.get(fixture_url + "/boussole/?type=%s&theme=%s" % empty)
    assert shown(browser) == []
    message = browser.find_element(By.ID, "aucune")
    assert message.is_displayed()
    assert count_text(browser) == "Aucune ressource ne correspond."
    message.find_element(By.TAG_NAME, "button").click()
    assert shown(browser) == expected(listing)[:listing["page"]]
    assert not message.is_displayed()
    assert browser.switch_to.active_element.tag_name in ("input", "select")
    assert query(browser) == {}


def test_count_is_announced_to_screen_readers(browser, fixture_url):
    browser.get(fixture_url + "/boussole/")
    count = browser.find_element(By.ID, "compte")
    assert count.get_attribute("aria-live") == "polite"
    assert count.get_attribute("role") == "status"


def test_without_javascript_everything_is_reachable_by_links(browser_without_javascript, fixture_url, listing):
    driver = browser_without_javascript
    driver.get(fixture_url + "/boussole/")
    assert not driver.find_element(By.ID, "filtres").is_displayed()
    first = [a.get_dom_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#resultats > li h3 a")]
    assert first == expected(listing)[:listing["page"]]
    sector = driver.find_element(By.CSS_SELECTOR, 'svg a[href="/boussole/maturite/consolider/"]')
    label = sector.get_attribute("aria-label")
    count = int(label.split(" : ")[1].split()[0])
    driver.get(fixture_url + "/boussole/maturite/consolider/")
    listed = []
    while True:
        listed += [a.get_dom_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".cards > .card h3 a")]
        following = driver.find_elements(By.CSS_SELECTOR, 'a[rel="next"]')
        if not following:
            break
        following[0].click()
    assert listed == expected(listing, maturite=["consolider"]) and len(listed) == count
    driver.get(fixture_url + "/boussole/maturite/consolider/")
    pair = driver.find_element(By.CSS_SELECTOR, 'a[href="/boussole/maturite/consolider/trajectoires/confiance/"]')
    pair.click()
    assert "Confiance" in driver.find_element(By.TAG_NAME, "h1").text


def test_compass_sectors_are_links_reachable_by_keyboard(browser, fixture_url):
    browser.get(fixture_url + "/boussole/")
    sectors = browser.find_elements(By.CSS_SELECTOR, "svg.compass-svg a")
    assert [s.get_dom_attribute("href").split("/boussole/")[1] for s in sectors] == [
        "maturite/accompagner/", "maturite/consolider/", "maturite/investir/", "maturite/inventer/"]
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(60):
        active = browser.switch_to.active_element
        if (active.get_dom_attribute("href") or "").endswith("/boussole/maturite/investir/"):
            break
        active.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_dom_attribute("aria-label").startswith("Investir en Territoires : ")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("/boussole/maturite/investir/"))
    assert "Investir en Territoires" in browser.find_element(By.TAG_NAME, "h1").text
