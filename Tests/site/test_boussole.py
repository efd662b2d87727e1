"""The boussole in headless Chromium: filters by mouse and keyboard, state in the URL, and the page without JavaScript."""
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def visible_items(driver):
    return [li for li in driver.find_elements(By.CSS_SELECTOR, "#resultats > li") if li.is_displayed()]


def all_items(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#resultats > li")


def count_text(driver):
    return driver.find_element(By.ID, "compte").text


def checkbox(driver, name, value):
    return driver.find_element(By.CSS_SELECTOR, f'#filtres input[name="{name}"][value="{value}"]')


def expected(driver, **criteria):
    """Items whose data attributes match: values of one name add up, names narrow down."""
    attribute = {"type": "data-type", "theme": "data-themes"}
    result = []
    for item in all_items(driver):
        if all(any(v in (item.get_attribute(attribute.get(name, "data-axe-" + name)) or "").split() for v in values)
               for name, values in criteria.items()):
            result.append(item.get_attribute("innerHTML"))
    return result


def query(driver):
    return parse_qs(urlparse(driver.current_url).query)


def test_choosing_filters_by_mouse_updates_list_count_and_url(browser, site_url):
    browser.get(site_url + "/boussole/")
    assert browser.find_element(By.ID, "filtres").is_displayed()
    total = len(all_items(browser))
    assert count_text(browser) == f"{total} ressources"

    checkbox(browser, "maturite", "consolider").click()
    shown = visible_items(browser)
    assert [li.get_attribute("innerHTML") for li in shown] == expected(browser, maturite=["consolider"])
    assert 0 < len(shown) < total
    assert count_text(browser) == f"{len(shown)} ressources correspondent sur {total}."
    assert query(browser) == {"maturite": ["consolider"]}

    checkbox(browser, "trajectoires", "confiance").click()
    both = expected(browser, maturite=["consolider"], trajectoires=["confiance"])
    assert [li.get_attribute("innerHTML") for li in visible_items(browser)] == both
    assert query(browser) == {"maturite": ["consolider"], "trajectoires": ["confiance"]}

    checkbox(browser, "maturite", "investir").click()
    either = expected(browser, maturite=["consolider", "investir"], trajectoires=["confiance"])
    assert len(visible_items(browser)) == len(either) >= len(both)


def test_keyboard_alone_reaches_and_sets_the_filters(browser, site_url):
    browser.get(site_url + "/boussole/")
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
    assert len(visible_items(browser)) == len(expected(browser, profils=["academiques"]))
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
    assert len(visible_items(browser)) == len(expected(browser, profils=["academiques"], theme=[theme]))


def test_a_shared_url_restores_the_filters(browser, site_url):
    browser.get(site_url + "/boussole/?maturite=inventer&type=exemples")
    assert checkbox(browser, "maturite", "inventer").is_selected()
    assert checkbox(browser, "type", "exemples").is_selected()
    assert not checkbox(browser, "maturite", "accompagner").is_selected()
    shown = [li.get_attribute("innerHTML") for li in visible_items(browser)]
    assert shown == expected(browser, maturite=["inventer"], type=["exemples"])
    assert shown, "the corpus has examples at the « inventer » level"


def test_back_and_forward_restore_previous_filters(browser, site_url):
    browser.get(site_url + "/boussole/")
    checkbox(browser, "maturite", "accompagner").click()
    checkbox(browser, "profils", "acteurs-economiques").click()
    narrowed = len(visible_items(browser))
    browser.back()
    WebDriverWait(browser, 5).until(lambda d: not checkbox(d, "profils", "acteurs-economiques").is_selected())
    assert checkbox(browser, "maturite", "accompagner").is_selected()
    assert len(visible_items(browser)) == len(expected(browser, maturite=["accompagner"]))
    browser.forward()
    WebDriverWait(browser, 5).until(lambda d: checkbox(d, "profils", "acteurs-economiques").is_selected())
    assert len(visible_items(browser)) == narrowed


def test_no_matching_resource_says_so_and_offers_a_way_back(browser, site_url):
    browser.get(site_url + "/boussole/")
    kinds = [i.get_attribute("value") for i in browser.find_elements(By.CSS_SELECTOR, '#filtres input[name="type"]')]
    themes = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#filtre-theme option")][1:]
    empty = next((k, t) for k in kinds for t in themes if not expected(browser, type=[k], theme=[t]))
    browser.get(site_url + "/boussole/?type=%s&theme=%s" % empty)
    assert visible_items(browser) == []
    message = browser.find_element(By.ID, "aucune")
    assert message.is_displayed()
    assert count_text(browser) == "Aucune ressource ne correspond."
    message.find_element(By.TAG_NAME, "button").click()
    assert len(visible_items(browser)) == len(all_items(browser))
    assert not message.is_displayed()
    assert browser.switch_to.active_element.tag_name in ("input", "select")
    assert query(browser) == {}


def test_count_is_announced_to_screen_readers(browser, site_url):
    browser.get(site_url + "/boussole/")
    count = browser.find_element(By.ID, "compte")
    assert count.get_attribute("aria-live") == "polite"
    assert count.get_attribute("role") == "status"


def test_without_javascript_everything_is_reachable_by_links(browser_without_javascript, site_url):
    driver = browser_without_javascript
    driver.get(site_url + "/boussole/")
    assert not driver.find_element(By.ID, "filtres").is_displayed()
    assert len(visible_items(driver)) == len(all_items(driver)) > 0
    sector = driver.find_element(By.CSS_SELECTOR, 'svg a[href="/boussole/maturite/consolider/"]')
    label = sector.get_attribute("aria-label")
    count = int(label.split(" : ")[1].split()[0])
    driver.get(site_url + "/boussole/maturite/consolider/")
    cards = driver.find_elements(By.CSS_SELECTOR, ".cards > .card")
    assert len(cards) == count
    pair = driver.find_element(By.CSS_SELECTOR, 'a[href="/boussole/maturite/consolider/trajectoires/confiance/"]')
    pair.click()
    assert "Confiance" in driver.find_element(By.TAG_NAME, "h1").text


def test_compass_sectors_are_links_reachable_by_keyboard(browser, site_url):
    browser.get(site_url + "/boussole/")
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
