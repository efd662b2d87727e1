"""Search on the fixture's site in headless Chromium: words typed, accents ignored, the query kept in the URL, nothing found said so."""
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def results(driver):
    """Every result, the button « Afficher plus de résultats » pressed until none is left."""
    more = driver.find_element(By.ID, "recherche-suite")
    while more.is_displayed():
        shown = len(driver.find_elements(By.CSS_SELECTOR, "#recherche-resultats > li"))
        more.click()
        WebDriverWait(driver, 5).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#recherche-resultats > li")) > shown)
        settled(driver)
    return [a.get_attribute("href").split("/", 3)[3] for a in driver.find_elements(By.CSS_SELECTOR, "#recherche-resultats h3 a")]


def search(driver, fixture_url, text):
    driver.get(fixture_url + "/recherche/")
    field = driver.find_element(By.ID, "q")
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
    field.send_keys(text)
    return settled(driver)


def settled(driver):
    """The count once the results of the last query are shown (the list is no longer busy)."""
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "recherche-resultats").get_attribute("aria-busy") == "false")
    return driver.find_element(By.ID, "recherche-compte").text


def test_a_word_of_a_title_finds_the_resource(browser, fixture_url):
    count = search(browser, fixture_url, "Villebrume")
    found = results(browser)
    # Two other resources name Villebrume in their text only: the title comes first.
    assert found[0] == "exemples/cahier-observation-villebrume/" and len(found) == 3
    assert count == f"{len(found)} ressource{'s' if len(found) > 1 else ''} trouvée{'s' if len(found) > 1 else ''}."
    assert parse_qs(urlparse(browser.current_url).query) == {"q": ["Villebrume"]}


def test_accents_and_case_are_ignored(browser, fixture_url):
    search(browser, fixture_url, "ELUS LOCAUX")
    without = results(browser)
    search(browser, fixture_url, "élus locaux")
    assert results(browser) == without and len(without) > 3


def test_every_word_must_match(browser, fixture_url):
    search(browser, fixture_url, "salon")
    broad = results(browser)
    search(browser, fixture_url, "salon dîner")
    narrow = results(browser)
    assert narrow and set(narrow) < set(broad)
    assert "evenements/diner-elus-et-entreprises-2025/" in narrow


def test_a_shared_query_is_restored_and_nothing_found_is_said(browser, fixture_url):
    browser.get(fixture_url + "/recherche/?q=zzzz")
    settled(browser)
    assert browser.find_element(By.ID, "q").get_attribute("value") == "zzzz"
    assert browser.find_element(By.ID, "recherche-compte").text == "Aucune ressource ne contient « zzzz »."
    assert results(browser) == []


def test_without_javascript_the_page_points_to_other_ways(browser_without_javascript, fixture_url):
    browser_without_javascript.get(fixture_url + "/recherche/")
    notice = browser_without_javascript.find_element(By.CSS_SELECTOR, "main .notice")
    assert "boussole" in notice.text
