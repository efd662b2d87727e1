"""The main menu: folded behind « Menu » on a phone, always open on a wide screen or without JavaScript."""
from selenium.webdriver.common.by import By


def menu_links(driver):
    return driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Navigation principale'] a")


def test_on_a_phone_the_menu_opens_on_demand(browser, fixture_url):
    browser.get(fixture_url + "/fiches/")
    summary = browser.find_element(By.CSS_SELECTOR, ".menu summary")
    assert summary.is_displayed()
    assert not any(link.is_displayed() for link in menu_links(browser))
    summary.click()
    assert all(link.is_displayed() for link in menu_links(browser))
    current = browser.find_element(By.CSS_SELECTOR, "nav a[aria-current='page']")
    assert current.text == "Fiches repère"


def test_on_a_wide_screen_the_menu_is_always_open(browser, fixture_url):
    browser.set_window_size(1200, 800)
    browser.get(fixture_url + "/fiches/")
    assert not browser.find_element(By.CSS_SELECTOR, ".menu summary").is_displayed()
    assert len(menu_links(browser)) >= 10
    assert all(link.is_displayed() for link in menu_links(browser))


def test_without_javascript_the_menu_stays_open(browser_without_javascript, fixture_url):
    browser_without_javascript.get(fixture_url + "/fiches/")
    assert all(link.is_displayed() for link in menu_links(browser_without_javascript))
