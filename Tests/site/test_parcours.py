"""A path of the fixture's site in headless Chromium: steps marked done and counted, the progress kept in the browser
across a reload and cleared on demand, a choice of steps that filters the list, its count and its « précédente /
suivante » links, all of it by keyboard alone; and without JavaScript, a plain ordered list of every step. Paths are
resources like the others: named resources link back to them, and themes, the boussole and the search list them."""
import json
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PATH = "/parcours/premiers-pas-essai/"
STEPS = 8
KEY = "atelier-etapes:" + PATH


def open_path(driver, fixture_url):
    driver.get(fixture_url + PATH)
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".parcours-outils").is_displayed())


def count(driver):
    return driver.find_element(By.CSS_SELECTOR, ".progression").text


def box(driver, number):
    return driver.find_element(By.CSS_SELECTOR, f'#etape-{number} .etape-faite input')


def shown_steps(driver):
    return [int(li.get_attribute("value")) for li in driver.find_elements(By.CSS_SELECTOR, ".etapes > li") if li.is_displayed()]


def choice(driver, label):
    return next(l.find_element(By.TAG_NAME, "input") for l in driver.find_elements(By.CSS_SELECTOR, ".choix-etapes label")
                if l.text.startswith(label))


def neighbours(driver, number):
    step = driver.find_element(By.ID, f"etape-{number}")
    links = {}
    for name, attribute in (("previous", "data-precedente"), ("next", "data-suivante")):
        found = step.find_elements(By.CSS_SELECTOR, f"[{attribute}]")
        links[name] = found[0].get_dom_attribute("href") if found and found[0].is_displayed() else None
    return links


def saved(driver):
    return driver.execute_script("return window.localStorage.getItem(arguments[0]);", KEY)


def test_marking_steps_done_updates_the_count(browser, fixture_url):
    open_path(browser, fixture_url)
    assert count(browser) == f"0 étape sur {STEPS}"
    box(browser, 1).click()
    assert count(browser) == f"1 étape sur {STEPS}"
    box(browser, 3).click()
    assert count(browser) == f"2 étapes sur {STEPS}"
    box(browser, 1).click()
    assert count(browser) == f"1 étape sur {STEPS}"
    progress = browser.find_element(By.CSS_SELECTOR, ".progression")
    assert progress.get_attribute("aria-live") == "polite" and progress.get_attribute("role") == "status"
    assert box(browser, 3).accessible_name == "Étape 3 faite"


def test_progress_stays_in_the_browser_across_a_reload_until_cleared(browser, fixture_url):
    open_path(browser, fixture_url)
    for number in (2, 5, 7):
        box(browser, number).click()
    assert json.loads(saved(browser)) == [2, 5, 7]
    browser.refresh()
    WebDriverWait(browser, 5).until(lambda d: count(d) == f"3 étapes sur {STEPS}")
    assert [n for n in range(1, STEPS + 1) if box(browser, n).is_selected()] == [2, 5, 7]
    sent = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    assert all(url.startswith(fixture_url) for url in sent), "nothing is sent anywhere"

    browser.find_element(By.CSS_SELECTOR, "[data-effacer]").click()
    assert count(browser) == f"0 étape sur {STEPS}"
    assert not any(box(browser, n).is_selected() for n in range(1, STEPS + 1))
    assert saved(browser) is None
    browser.refresh()
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".parcours-outils").is_displayed())
    assert count(browser) == f"0 étape sur {STEPS}"


def test_choosing_part_of_the_path_shows_only_its_steps_and_counts_them(browser, fixture_url):
    open_path(browser, fixture_url)
    box(browser, 3).click()
    box(browser, 7).click()
    choice(browser, "S’informer sur l’engagement").click()
    assert shown_steps(browser) == [3, 4, 5]
    assert count(browser) == "1 étape sur 3"
    assert neighbours(browser, 3) == {"previous": None, "next": "#etape-4"}
    assert neighbours(browser, 5) == {"previous": "#etape-4", "next": None}

    choice(browser, "Faire ses premiers pas").click()
    assert shown_steps(browser) == [6, 7, 8]
    assert count(browser) == "1 étape sur 3"

    choice(browser, "Toutes les étapes").click()
    assert shown_steps(browser) == list(range(1, STEPS + 1))
    assert count(browser) == f"2 étapes sur {STEPS}"
    assert neighbours(browser, 5) == {"previous": "#etape-4", "next": "#etape-6"}


def test_a_link_to_a_hidden_step_shows_every_step_again(browser, fixture_url):
    open_path(browser, fixture_url)
    choice(browser, "Se situer").click()
    assert shown_steps(browser) == [1, 2]
    browser.get(fixture_url + PATH + "#etape-6")
    WebDriverWait(browser, 5).until(lambda d: len(shown_steps(d)) == STEPS)
    assert choice(browser, "Toutes les étapes").is_selected()


def focus(driver, matches, limit=120):
    """Tabs from the current element until `matches(active element)`."""
    for _ in range(limit):
        active = driver.switch_to.active_element
        if matches(active):
            return active
        active.send_keys(Keys.TAB)
    raise AssertionError("not reached by the keyboard")


def test_everything_works_from_the_keyboard(browser, fixture_url):
    open_path(browser, fixture_url)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    first = focus(browser, lambda e: e.get_dom_attribute("name") == "choix-etapes")
    assert first.is_selected()
    first.send_keys(Keys.ARROW_DOWN)
    WebDriverWait(browser, 5).until(lambda d: shown_steps(d) == [1, 2])
    assert count(browser) == "0 étape sur 2"

    done = focus(browser, lambda e: e.get_dom_attribute("type") == "checkbox")
    assert done.get_dom_attribute("value") == "1"
    done.send_keys(Keys.SPACE)
    assert count(browser) == "1 étape sur 2"

    following = focus(browser, lambda e: e.get_dom_attribute("data-suivante") is not None)
    following.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("#etape-2"))

    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    reset = browser.find_element(By.CSS_SELECTOR, "[data-effacer]")
    for _ in range(40):
        if browser.switch_to.active_element == reset:
            break
        browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
    assert browser.switch_to.active_element == reset
    reset.send_keys(Keys.ENTER)
    assert count(browser) == "0 étape sur 2"


def test_without_javascript_the_path_is_a_plain_ordered_list(browser_without_javascript, fixture_url):
    driver = browser_without_javascript
    driver.get(fixture_url + PATH)
    steps = driver.find_elements(By.CSS_SELECTOR, "ol.etapes > li")
    assert [s.get_attribute("id") for s in steps] == [f"etape-{n}" for n in range(1, STEPS + 1)]
    assert all(s.is_displayed() for s in steps)
    assert [s.find_element(By.TAG_NAME, "h3").text for s in steps][0] == "L’état des lieux d’un territoire d’essai"
    assert not driver.find_element(By.CSS_SELECTOR, ".parcours-outils").is_displayed()
    assert not any(b.is_displayed() for b in driver.find_elements(By.CSS_SELECTOR, ".etape-faite"))
    assert "Se situer : étapes 1 et 2" in driver.find_element(By.CSS_SELECTOR, ".parcours").text
    driver.find_element(By.CSS_SELECTOR, "#etape-1 [data-suivante]").click()
    assert driver.current_url.endswith("#etape-2")


def test_a_named_resource_links_back_to_its_paths(browser, fixture_url):
    browser.get(fixture_url + "/fiches/fiche-essai-cooperation/")
    assert "Cette ressource fait partie des parcours" in browser.find_element(By.CSS_SELECTOR, ".parcours-lien").text
    links = browser.find_elements(By.CSS_SELECTOR, ".parcours-lien li a")
    targets = [a.get_dom_attribute("href") for a in links]
    assert "/parcours/premiers-pas-essai/#etape-5" in targets and len(targets) == 3
    links[targets.index("/parcours/premiers-pas-essai/#etape-5")].click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith(PATH + "#etape-5"))
    # A resource of one path only (at its slug, not its file name) names it in a sentence.
    browser.get(fixture_url + "/kits/kit-transitions/")
    assert browser.find_element(By.CSS_SELECTOR, ".parcours-lien").text == \
        "Cette ressource fait partie du parcours Parcours d’essai sur le financement (étape 3)."


def test_paths_are_in_themes_the_boussole_and_the_search_and_say_their_date_is_unknown(fixture_site):
    formation = "".join(page.read_text() for page in (fixture_site / "themes" / "formation").rglob("index.html"))
    assert all(f"/parcours/{slug}/" in formation
               for slug in ("premiers-pas-essai", "parcours-essai-financement", "parcours-essai-evaluation"))
    boussole = (fixture_site / "boussole" / "index.html").read_text()
    assert re.search(r'<input type="checkbox" name="type" value="parcours"> Parcours <span class="n">\(3\)</span>', boussole)
    assert "parcours" in json.loads((fixture_site / "boussole" / "donnees.json").read_text())["kinds"]
    # A path without a date: its page says so rather than show a day.
    page = (fixture_site / "parcours" / "premiers-pas-essai" / "index.html").read_text()
    assert "<dt>Date</dt><dd>date non précisée</dd>" in page


def test_a_word_written_only_in_a_step_finds_its_path(browser, fixture_url):
    browser.get(fixture_url + "/recherche/?q=ultramarins")
    WebDriverWait(browser, 5).until(
        lambda d: d.find_element(By.ID, "recherche-resultats").get_attribute("aria-busy") == "false")
    found = [a.get_dom_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#recherche-resultats h3 a")]
    assert found == ["/parcours/parcours-essai-financement/"]
