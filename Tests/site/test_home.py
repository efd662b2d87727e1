"""The fixture's home page shows the platform at a glance: on a phone's first screen, search, the compass leading into the
boussole, this week's Jeudi and the next event; the same without JavaScript."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_look import use_width

FIRST_SCREEN = 900


def first_screen_bottoms(driver):
    """How far down the page each thing ends, in CSS pixels."""
    bottom = lambda css: driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e && e.getBoundingClientRect().bottom;", css)
    return {
        "search": bottom("main form[role=search] input[type=search]"),
        "compass": bottom("main .tile-compass svg"),
        "jeudi": bottom("#tuile-jeudi + p a"),
        "event": bottom("#tuile-evenement + p a"),
    }


@pytest.mark.parametrize("javascript", [True, False])
def test_a_phone_sees_search_compass_jeudi_and_next_event_first(fixture_url, javascript, browser, browser_without_javascript):
    driver = browser if javascript else browser_without_javascript
    use_width(driver, 412)
    driver.get(fixture_url + "/")
    bottoms = first_screen_bottoms(driver)
    assert all(value is not None for value in bottoms.values()), bottoms
    assert all(value <= FIRST_SCREEN for value in bottoms.values()), bottoms
    # The fixture built on Thursday 20 November 2025: this week's issue, and its salon under way (18 to 20 November).
    assert driver.find_element(By.ID, "tuile-jeudi").text == "Cette semaine"
    assert driver.find_element(By.CSS_SELECTOR, "#tuile-jeudi + p a").get_attribute("href").endswith("/jeudis/2025-11-20/")
    assert driver.find_element(By.CSS_SELECTOR, "#tuile-evenement + p a").get_attribute("href").endswith("/evenements/salon-essai-2025/")


def test_the_compass_on_the_home_page_leads_into_the_boussole(fixture_url, browser):
    use_width(browser, 412)
    browser.get(fixture_url + "/")
    sectors = browser.find_elements(By.CSS_SELECTOR, "main .tile-compass svg a")
    assert len(sectors) == 4
    sectors[0].click()
    WebDriverWait(browser, 5).until(lambda d: "/boussole/" in d.current_url)


def test_searching_from_the_home_page_opens_the_results(fixture_url, browser):
    browser.get(fixture_url + "/")
    field = browser.find_element(By.CSS_SELECTOR, "main form[role=search] input[type=search]")
    field.send_keys("territoire", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#recherche-resultats li"))
    assert "/recherche/?q=territoire" in browser.current_url
