"""The self-assessment grid (/grille/) of the fixture's site in headless Chromium: answers by mouse and by keyboard
alone, the result compared with the means worked out here from the fixture's grille.yml, answers kept across a reload
and cleared, the page without JavaScript, axe-core in both colour schemes once answered, and the printed result."""
import json
import unicodedata
from fractions import Fraction

import pytest
import yaml
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import FIXTURE
from test_look import SCHEMES, print_to_pdf, use_scheme

GRID = yaml.safe_load((FIXTURE / "grille.yml").read_text(encoding="utf8"))
LEVELS = ["Pas encore", "Je débute", "Je pratique", "Je maîtrise"]
HIGHEST = len(LEVELS) - 1
STORAGE_KEY = "atelier-grille"


def slug(text):
    folded = unicodedata.normalize("NFKD", text.lower())
    letters = "".join(c if c.isascii() and c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return "-".join(letters.split())


def practices():
    """Every practice of grille.yml in order: its id on the page, its label, its axis and situation, its links."""
    found, number = [], 0
    for a, axis in enumerate(GRID["axes"], 1):
        for situation in axis["situations"]:
            number += 1
            for practice in situation["pratiques"]:
                resources, tags = practice.get("ressources", []), practice.get("tags", [])
                found.append({
                    "id": "p-" + slug(practice["label"]), "label": practice["label"],
                    "axis": f"axe-{a}", "situation": f"situation-{number}",
                    "links": ["/%s/" % path for path in ([resources] if isinstance(resources, str) else resources)]
                    + ["/themes/%s/" % slug(tag) for tag in ([tags] if isinstance(tags, str) else tags)],
                })
    return found


PRACTICES = practices()
AXES = [(f"axe-{a}", axis["label"]) for a, axis in enumerate(GRID["axes"], 1)]
GROUPS = sorted({p["axis"] for p in PRACTICES} | {p["situation"] for p in PRACTICES})


def text(value):
    """Text as a reader sees it: no-break spaces are spaces."""
    return " ".join(value.replace("\u00a0", " ").replace("\u202f", " ").split())


def typeset(label):
    """A label of grille.yml as the page writes it: typographic apostrophes."""
    return text(label.replace("'", "’"))


def decimal(numerator, count):
    """The mean, one decimal, a half rounded up (as JavaScript's toFixed does for these exact values), comma."""
    tenths = int(Fraction(numerator, count) * 10 + Fraction(1, 2))
    return f"{tenths // 10},{tenths % 10}"


def expected_result(answers):
    """For each group: (answered, mean); the status line; the ids of the practices marked lowest."""
    levels = {}
    for practice in PRACTICES:
        if practice["id"] in answers:
            for key in (practice["axis"], practice["situation"]):
                levels.setdefault(key, []).append(answers[practice["id"]])
    totals = {key: sum(1 for p in PRACTICES if key in (p["axis"], p["situation"])) for key in GROUPS}
    groups = {key: (f"{len(levels.get(key, []))} sur {totals[key]}",
                    decimal(sum(levels[key]), len(levels[key])) if key in levels else "—") for key in GROUPS}
    by_axis = " ; ".join(f"{label} : " + (f"{groups[key][1]} sur {HIGHEST}" if key in levels else "non renseigné")
                         for key, label in AXES)
    count = len(answers)
    status = (f"{count} pratique{'s' if count > 1 else ''} renseignée{'s' if count > 1 else ''} sur {len(PRACTICES)}. "
              f"Niveau moyen par axe : {by_axis}.") if answers else "Aucune pratique renseignée pour l’instant."
    lowest = min(answers.values()) if answers else None
    weakest = [p["id"] for p in PRACTICES if lowest is not None and lowest < HIGHEST and answers.get(p["id"]) == lowest]
    return groups, status, weakest


def radio(driver, practice, level):
    return driver.find_element(By.CSS_SELECTOR, f'input[name="{practice}"][value="{level}"]')


def open_grid(driver, fixture_url):
    driver.get(fixture_url + "/grille/")
    driver.execute_script("window.localStorage.clear()")
    driver.get(fixture_url + "/grille/")


def assert_result(driver, answers, announced=None):
    """The radio buttons, the table, the chart, the status line (or what it `announced`), the practices marked lowest
    with their links, and what the browser keeps."""
    groups, status, weakest = expected_result(answers)
    for practice in PRACTICES:
        for level in range(len(LEVELS)):
            assert radio(driver, practice["id"], level).is_selected() == (answers.get(practice["id"]) == level), practice["id"]
    shown = driver.execute_script("""
        var cells = {};
        document.querySelectorAll("[data-niveau]").forEach(function (cell) {
          var key = cell.getAttribute("data-niveau");
          cells[key] = [document.querySelector('[data-renseignees="' + key + '"]').textContent, cell.textContent,
                        document.querySelector('[data-valeur="' + key + '"]').textContent,
                        Number(document.querySelector('[data-barre="' + key + '"]').getAttribute("width"))];
        });
        return cells;""")
    for key, (answered, mean) in groups.items():
        assert shown[key][:3] == [answered, mean, mean], key
        expected_width = 0 if mean == "—" else 320 * float(mean.replace(",", ".")) / HIGHEST
        assert abs(shown[key][3] - expected_width) < 320 * 0.05 / HIGHEST + 0.01, key
    assert text(driver.find_element(By.ID, "resultat-etat").text) == (announced or status)
    assert text(driver.find_element(By.ID, "graphique-titre").get_attribute("textContent")).endswith(status)
    items = driver.find_elements(By.CSS_SELECTOR, "#resultat-faibles > li")
    assert [item.find_element(By.TAG_NAME, "strong").text for item in items] == \
        [typeset(p["label"]) for p in PRACTICES if p["id"] in weakest]
    for item, practice_id in zip(items, weakest):
        practice = next(p for p in PRACTICES if p["id"] == practice_id)
        assert [a.get_dom_attribute("href") for a in item.find_elements(By.TAG_NAME, "a")] == practice["links"]
    stored = driver.execute_script(f"return window.localStorage.getItem('{STORAGE_KEY}')")
    assert (json.loads(stored) if stored else {}) == answers


# Some practices of each of the first two axes answered, none of the third: every mean and the « non renseigné » case.
ANSWERS = {p["id"]: (n * 3 + 1) % len(LEVELS) for n, p in enumerate(PRACTICES) if p["axis"] != AXES[-1][0] and n % 5 != 4}


def answer_by_mouse(driver, answers):
    for practice, level in answers.items():
        driver.find_element(By.CSS_SELECTOR, f'input[name="{practice}"][value="{level}"]').find_element(By.XPATH, "..").click()


def test_answering_with_the_mouse_gives_the_result_worked_out_here(browser, fixture_url):
    open_grid(browser, fixture_url)
    assert_result(browser, {})
    answer_by_mouse(browser, ANSWERS)
    assert_result(browser, ANSWERS)
    assert len(ANSWERS) >= 10 and expected_result(ANSWERS)[2], "the answers mark some practices lowest"
    # A changed answer changes the result.
    first = PRACTICES[0]["id"]
    radio(browser, first, HIGHEST).find_element(By.XPATH, "..").click()
    assert_result(browser, {**ANSWERS, first: HIGHEST})


def test_everything_is_marked_mastered(browser, fixture_url):
    open_grid(browser, fixture_url)
    answer_by_mouse(browser, {PRACTICES[0]["id"]: HIGHEST})
    assert browser.find_element(By.ID, "resultat-faibles-intro").text == "Vous maîtrisez toutes les pratiques que vous avez renseignées."
    assert browser.find_elements(By.CSS_SELECTOR, "#resultat-faibles > li") == []


def tab_to(driver, matches, limit=300):
    for _ in range(limit):
        if matches(driver.switch_to.active_element):
            return driver.switch_to.active_element
        driver.switch_to.active_element.send_keys(Keys.TAB)
    raise AssertionError("not reached with Tab")


def test_keyboard_alone_answers_reaches_the_result_and_clears(browser, fixture_url):
    open_grid(browser, fixture_url)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    first, second = PRACTICES[0]["id"], PRACTICES[1]["id"]
    group = tab_to(browser, lambda e: e.get_dom_attribute("name") == first)
    assert group.get_dom_attribute("value") == "0"
    group.send_keys(Keys.SPACE)
    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert browser.switch_to.active_element.get_dom_attribute("value") == "2"
    # Tab leaves the group, through the practice's links, to the next practice.
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_dom_attribute("href") == PRACTICES[0]["links"][0]
    tab_to(browser, lambda e: e.get_dom_attribute("name") == second).send_keys(Keys.ARROW_RIGHT)
    assert_result(browser, {first: 2, second: 1})

    tab_to(browser, lambda e: e.get_dom_attribute("id") == "grille-effacer").send_keys(Keys.ENTER)
    assert_result(browser, {}, announced="Vos réponses ont été effacées.")


def test_the_result_is_announced_and_the_chart_has_a_name(browser, fixture_url):
    open_grid(browser, fixture_url)
    status = browser.find_element(By.ID, "resultat-etat")
    assert status.get_dom_attribute("role") == "status" and status.get_dom_attribute("aria-live") == "polite"
    chart = browser.find_element(By.ID, "resultat-graphique")
    assert chart.get_dom_attribute("role") == "img"
    assert browser.find_element(By.ID, chart.get_dom_attribute("aria-labelledby")).get_attribute("textContent")
    # Each practice's radio buttons are a group named by the practice and the question.
    fieldset = browser.find_element(By.CSS_SELECTOR, f"#{PRACTICES[0]['id']} fieldset")
    names = [browser.find_element(By.ID, i).text for i in fieldset.get_dom_attribute("aria-labelledby").split()]
    assert names == [typeset(PRACTICES[0]["label"]), "Où en êtes-vous ?"]
    assert [label.text for label in fieldset.find_elements(By.TAG_NAME, "label")] == LEVELS


def test_a_reload_keeps_the_answers_and_reset_clears_them(browser, fixture_url):
    open_grid(browser, fixture_url)
    answer_by_mouse(browser, ANSWERS)
    browser.refresh()
    assert_result(browser, ANSWERS)
    browser.find_element(By.ID, "grille-effacer").click()
    assert_result(browser, {}, announced="Vos réponses ont été effacées.")
    browser.refresh()
    assert_result(browser, {})


def test_without_javascript_the_whole_grid_shows_with_its_resources(browser_without_javascript, fixture_url):
    driver = browser_without_javascript
    driver.get(fixture_url + "/grille/")
    assert not driver.find_element(By.ID, "resultat").is_displayed()
    assert driver.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    assert not any(f.is_displayed() for f in driver.find_elements(By.CSS_SELECTOR, "fieldset"))
    assert "activez JavaScript" in driver.find_element(By.CSS_SELECTOR, "main").text
    items = driver.find_elements(By.CSS_SELECTOR, "li.pratique")
    assert [item.get_dom_attribute("id") for item in items] == [p["id"] for p in PRACTICES]
    assert len(items) == 16, "the fixture's grid has 16 practices"
    for item, practice in zip(items, PRACTICES):
        assert item.find_element(By.TAG_NAME, "h4").text == typeset(practice["label"])
        assert [a.get_dom_attribute("href") for a in item.find_elements(By.CSS_SELECTOR, ".aides a")] == practice["links"]
        assert all(a.is_displayed() for a in item.find_elements(By.CSS_SELECTOR, ".aides a"))
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".grille-situation h3")]
    assert len(headings) == 6 and headings[0] == "1. Trouver des financements"
    # A situation's detail is written between brackets, the numbers run on from one axis to the next.
    assert headings[1] == "2. Conduire un projet (Du cadrage au bilan)" and headings[3] == "4. Créer des liens"
    assert "ne fait pas partie de la grille d’origine" in text(driver.find_element(By.CSS_SELECTOR, ".notice").text)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_once_answered(browser, fixture_url, scheme):
    use_scheme(browser, scheme)
    open_grid(browser, fixture_url)
    answer_by_mouse(browser, ANSWERS)
    axe = Axe(browser)
    axe.inject()
    violations = axe.run()["violations"]
    assert violations == [], axe.report(violations)


def test_the_printed_page_holds_the_answers_and_the_result(browser, fixture_url):
    open_grid(browser, fixture_url)
    answer_by_mouse(browser, ANSWERS)
    _, printed = print_to_pdf(browser, fixture_url + "/grille/")
    printed = text(printed)
    groups, status, _ = expected_result(ANSWERS)
    assert "Votre résultat" in printed
    assert text(status) in printed
    for key, label in AXES:
        answered, mean = groups[key]
        assert f"Axe {key[-1]} : {typeset(label)} {answered} {mean}" in printed, key
    # Each practice prints its chosen level alone, or says it is not answered.
    for practice in PRACTICES:
        start = printed.index(typeset(practice["label"]) + " ")
        printed_level = [level for level in LEVELS + ["non renseigné"] if level in printed[start:printed.index("Pour progresser", start)]]
        assert printed_level == [LEVELS[ANSWERS[practice["id"]]] if practice["id"] in ANSWERS else "non renseigné"], practice["id"]
    for button in ["Imprimer", "Effacer mes réponses", "Aller à votre résultat"]:
        assert button not in printed
