"""The preview's editing form (`atelier serve`): « Modifier cette page » and « Nouvelle ressource », a form made from
site.yml and boussole.yml, the build's own messages beside their fields, files written only once right, key by key,
never over changes made elsewhere, and only from the preview's own pages. Screenshots of the loop go to
Tests/site/screenshots/."""
import http.client
import os
import re
import shutil
import subprocess
import urllib.parse

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ATELIER, ROOT
from test_look import SCHEMES, use_scheme
from test_preview import get, serving

SCREENSHOTS = ROOT / "Tests" / "site" / "screenshots"

SITE = """title: "Essai"
base_url: "https://exemple.fr"
link_types:
  pdf: PDF
  site: Site web
kinds:
  fiches: { singular: Fiche, plural: Fiches, sort: title }
  evenements:
    singular: Événement
    plural: Événements
    sort: debut
    fields:
      debut: { type: date-heure, required: true, label: Début, role: debut }
      lieu: { type: texte, label: Lieu, role: lieu }
      inscription: { type: url, label: Inscription, role: inscription }
      intervenants: { type: liste, label: Intervenants }
  parcours:
    singular: Parcours
    plural: Parcours
    sort: title
    fields:
      etapes: { type: etapes, required: true, label: Étapes }
"""
BOUSSOLE = """axes:
  maturite:
    label: Maturité
    question: "Où en est votre démarche ?"
    values:
      accompagner: { label: Accompagner les initiatives locales }
      consolider: { label: Consolider les expertises locales }
  profils:
    label: Profil d'acteur
    values:
      acteurs-publics: { label: Acteurs publics }
      academiques: { label: Académiques }
"""
FICHE_A = """---
# Relue le 3 novembre : ne pas changer la date.
title: "Première fiche"
date: 2025-11-01
summary: "Résumé."
tags: [Méthode, Élus locaux]
boussole:
  maturite: accompagner   # le niveau le plus large
  profils: [acteurs-publics]
draft: false
---

Le texte **tel quel**.\x20\x20
Avec une ligne qui finit par deux espaces, et [un lien](b.md).
"""
PARCOURS = """---
title: "Un parcours"
date: 2025-11-03
summary: "Résumé."
tags: [Méthode]
boussole: { maturite: consolider, profils: academiques }
etapes:
  - titre: "Se situer"   # la première
    texte: "Lire la fiche."
    ressources: [fiches/a]
  - { titre: "Agir", texte: "Passer à l'action." }
---

Introduction.
"""
FICHE_B = """---
title: "Seconde fiche"
date: 2025-11-02
summary: "Résumé."
tags: [Méthode, Élus locaux]
boussole: { maturite: consolider, profils: academiques }
---

Texte.
"""


@pytest.fixture
def preview(tmp_path):
    """`atelier serve` on a small site with two kinds, one with fields of every type."""
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    files = {"content/site.yml": SITE, "content/boussole.yml": BOUSSOLE, "content/fiches/a.md": FICHE_A,
             "content/fiches/b.md": FICHE_B, "content/parcours/p.md": PARCOURS, "content/pages/a-propos.md": "---\ntitle: À propos\n---\n\nTexte.\n"}
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    for base in serving(tmp_path, tmp_path / "apercu.log"):
        yield tmp_path, base


@pytest.fixture
def wide_browser(browser):
    browser.set_window_size(1280, 1000)
    return browser


def form_url(base, path="content/fiches/a.md"):
    return base + "/_atelier/modifier?fichier=" + urllib.parse.quote(path)


def gone(element):
    """Whether `element` has left the document. While a page is replaced, chromedriver may answer « Node with given id
    does not belong to the document » instead of a stale reference: that too means the old page is gone."""
    def check(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True
    return check


def submit(browser, button=None):
    """Clicks the save button (or `button`) and waits for the next page."""
    page = browser.find_element(By.TAG_NAME, "html")
    (button or browser.find_element(By.CSS_SELECTOR, ".actions button[type=submit]")).click()
    WebDriverWait(browser, 10).until(gone(page))


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def contents(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in (root / "content").rglob("*") if p.is_file()}


def screenshot(browser, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / name))


def test_resource_pages_and_kind_lists_lead_to_the_form_in_the_preview_only(preview):
    root, base = preview
    page = get(base + "/fiches/a/")[1]
    assert '<p class="atelier-edition"><a class="button" href="/_atelier/modifier?fichier=content/fiches/a.md">Modifier cette page</a></p>' in page
    assert page.index("atelier-edition") < page.index("<h1>")
    assert '<a class="button" href="/_atelier/nouveau?type=fiches">Nouvelle ressource</a>' in get(base + "/fiches/")[1]
    home = get(base + "/")[1]
    assert "Modifier cette page" not in home and "Nouvelle ressource" not in home
    output = root / "publie"
    result = subprocess.run([ATELIER, "build", "--root", str(root), "--output", str(output), "--date", "2025-11-20"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for path in output.rglob("*.html"):
        text = path.read_text()
        assert "/_atelier/" not in text and "Modifier cette page" not in text and "Nouvelle ressource" not in text, path


def test_a_new_resource_is_refused_with_its_mistake_then_written_once_fixed(preview, wide_browser):
    root, base = preview
    browser = wide_browser
    browser.get(base + "/fiches/")
    screenshot(browser, "1-liste-nouvelle-ressource.png")
    browser.find_element(By.LINK_TEXT, "Nouvelle ressource").click()
    assert heading(browser) == "Nouvelle ressource : Fiche"
    assert browser.find_element(By.ID, "champ-mise_en_ligne").get_attribute("value") == "2025-11-20"
    assert browser.find_element(By.ID, "champ-date").get_attribute("value") == ""
    assert browser.find_element(By.ID, "champ-draft").is_selected()
    before = contents(root)
    browser.find_element(By.ID, "champ-title").send_keys("Été 2025 : l'atelier")
    browser.find_element(By.ID, "theme-1").send_keys("Méthode")
    browser.find_element(By.ID, "boussole-maturite-accompagner").click()
    browser.find_element(By.ID, "boussole-profils-academiques").click()
    browser.find_element(By.ID, "champ-draft").click()
    browser.find_element(By.ID, "texte-markdown").send_keys("## Le programme\n\nUn atelier d'été.")
    submit(browser)  # the summary is left blank

    summary = browser.find_element(By.ID, "champ-summary")
    message = browser.find_element(By.ID, "erreur-champ-summary").text
    assert "« summary » est à remplir" in message and message.startswith("Erreur")
    assert "erreur-champ-summary" in summary.get_attribute("aria-describedby").split()
    assert summary.get_attribute("aria-invalid") == "true"
    listed = browser.find_element(By.ID, "erreurs")
    assert "Rien n'a été enregistré : une erreur à corriger" in listed.text
    assert listed.find_element(By.LINK_TEXT, "Résumé").get_attribute("href").endswith("#champ-summary")
    assert browser.switch_to.active_element == listed
    assert browser.find_element(By.ID, "champ-title").get_attribute("value") == "Été 2025 : l'atelier"
    assert contents(root) == before
    screenshot(browser, "2-formulaire-avec-erreur.png")

    browser.find_element(By.ID, "champ-summary").send_keys("Un atelier pour les élus, l'été.")
    submit(browser)
    assert browser.current_url == base + "/fiches/ete-2025-l-atelier/"
    assert heading(browser) == "Été 2025 : l’atelier"
    assert browser.find_element(By.LINK_TEXT, "Modifier cette page")
    written = (root / "content" / "fiches" / "ete-2025-l-atelier.md").read_text()
    assert written.startswith('---\ntitle: "Été 2025 : l\'atelier"\n# date: AAAA-MM-JJ   # facultatif')
    assert "\nmise_en_ligne: 2025-11-20   # le jour où la ressource paraît" in written
    assert "\nsummary: Un atelier pour les élus, l'été.\ntags: [Méthode]\nboussole:\n  maturite: accompagner\n  profils: academiques\n" in written
    assert "\ndraft: false\n---\n\n## Le programme\n\nUn atelier d'été.\n" in written
    assert "# expiration: AAAA-MM-JJ   # facultatif" in written  # the rest of `atelier new`'s file stays
    screenshot(browser, "3-page-publiee.png")


def test_an_edit_rewrites_only_the_keys_that_changed(preview, browser):
    root, base = preview
    browser.get(base + "/fiches/a/")
    browser.find_element(By.LINK_TEXT, "Modifier cette page").click()
    title = browser.find_element(By.ID, "champ-title")
    title.clear()
    title.send_keys("Première fiche, revue")
    browser.find_element(By.ID, "boussole-maturite-consolider").click()
    browser.find_element(By.CSS_SELECTOR, "#champ-tags button.ajouter").click()
    browser.switch_to.active_element.send_keys("ODD 17")
    submit(browser)
    assert browser.current_url == base + "/fiches/a/"
    assert heading(browser) == "Première fiche, revue"
    expected = (FICHE_A.replace('title: "Première fiche"', "title: Première fiche, revue")
                .replace("tags: [Méthode, Élus locaux]", "tags: [Méthode, Élus locaux, ODD 17]")
                .replace("  maturite: accompagner   # le niveau le plus large", "  maturite: [accompagner, consolider]"))
    # The comment line, the key order, the other axis, the body and its trailing spaces are as they were.
    assert (root / "content" / "fiches" / "a.md").read_text() == expected


def test_steps_are_left_to_the_file_and_a_path_is_started_with_atelier_new(preview, browser):
    root, base = preview
    status, page = get(base + "/parcours/")
    assert status == 200 and "Nouvelle ressource" not in page
    status, page = get(base + "/_atelier/nouveau?type=parcours")
    assert status == 404 and "atelier new parcours" in page
    browser.get(base + "/parcours/p/")
    browser.find_element(By.LINK_TEXT, "Modifier cette page").click()
    assert "le formulaire le laisse tel quel" in browser.find_element(By.TAG_NAME, "form").text
    summary = browser.find_element(By.ID, "champ-summary")
    summary.clear()
    summary.send_keys("Un autre résumé.")
    submit(browser)
    assert browser.current_url == base + "/parcours/p/"
    # Only the summary changed: the steps, their comment and their layout are as they were.
    assert (root / "content" / "parcours" / "p.md").read_text() == PARCOURS.replace('summary: "Résumé."', "summary: Un autre résumé.")


def test_kind_fields_are_typed_and_links_are_rows(preview, browser):
    root, base = preview
    browser.get(base + "/_atelier/nouveau?type=evenements")
    types = {name: browser.find_element(By.ID, "champ-" + name).get_attribute("type")
             for name in ["date", "debut", "lieu", "inscription", "intervenants"]}
    assert types == {"date": "date", "debut": "datetime-local", "lieu": "text", "inscription": "url",
                     "intervenants": "textarea"}
    debut = browser.find_element(By.ID, "champ-debut")
    browser.execute_script("arguments[0].value = '2025-12-04T18:30'", debut)
    whole_day = browser.find_element(By.ID, "champ-debut-journee")
    whole_day.click()
    assert (debut.get_attribute("type"), debut.get_attribute("value")) == ("date", "2025-12-04")
    whole_day.click()
    assert (debut.get_attribute("type"), debut.get_attribute("value")) == ("datetime-local", "2025-12-04T18:30")

    browser.find_element(By.ID, "champ-title").send_keys("Rencontre d'automne")
    browser.find_element(By.ID, "champ-summary").send_keys("Une rencontre.")
    browser.find_element(By.ID, "theme-1").send_keys("Méthode")
    browser.find_element(By.ID, "boussole-maturite-accompagner").click()
    browser.find_element(By.ID, "boussole-profils-acteurs-publics").click()
    browser.find_element(By.ID, "champ-intervenants").send_keys("Alice\nBob")
    browser.find_element(By.ID, "lien-1-label").send_keys("Le site")
    browser.find_element(By.ID, "lien-1-url").send_keys("https://exemple.fr")
    Select(browser.find_element(By.ID, "lien-1-type")).select_by_visible_text("Site web")
    add = browser.find_element(By.CSS_SELECTOR, "#champ-liens button.ajouter")
    add.click()
    assert browser.switch_to.active_element.get_attribute("id") == "lien-2-label"
    browser.switch_to.active_element.send_keys("Programme")
    browser.find_element(By.ID, "lien-2-url").send_keys("https://exemple.fr/programme.pdf")
    Select(browser.find_element(By.ID, "lien-2-type")).select_by_value("pdf")
    add.click()
    browser.find_element(By.XPATH, "//button[.='Retirer le lien 3']").click()
    assert browser.switch_to.active_element == add
    assert not browser.find_elements(By.ID, "lien-3-label")
    browser.find_element(By.ID, "champ-draft").click()
    submit(browser)
    assert browser.current_url == base + "/evenements/rencontre-d-automne/", browser.page_source[:3000]
    written = (root / "content" / "evenements" / "rencontre-d-automne.md").read_text()
    assert "\ndebut: 2025-12-04 18:30\n" in written
    assert "\nintervenants: [Alice, Bob]\n" in written
    assert ('\nliens:\n  - { label: Le site, url: "https://exemple.fr", type: site }\n'
            '  - { label: Programme, url: "https://exemple.fr/programme.pdf", type: pdf }\n') in written


def test_a_wrong_address_is_shown_beside_its_link_row(preview, browser):
    root, base = preview
    browser.get(form_url(base))
    browser.find_element(By.ID, "lien-1-label").send_keys("Le kit")
    browser.find_element(By.ID, "lien-1-url").send_keys("www.exemple.fr/kit.pdf")
    Select(browser.find_element(By.ID, "lien-1-type")).select_by_value("pdf")
    before = contents(root)
    submit(browser)
    message = browser.find_element(By.ID, "erreur-champ-liens").text
    assert "lien 1 : « url » n'est pas une adresse web valide : « www.exemple.fr/kit.pdf »" in message
    assert contents(root) == before


def test_a_file_changed_since_opening_is_not_overwritten_unless_chosen(preview, browser):
    root, base = preview
    path = root / "content" / "fiches" / "a.md"
    browser.get(form_url(base))
    title = browser.find_element(By.ID, "champ-title")
    title.clear()
    title.send_keys("Ma version")
    elsewhere = FICHE_A.replace('summary: "Résumé."', 'summary: "Résumé changé ailleurs."')
    path.write_text(elsewhere)
    submit(browser)
    conflict = browser.find_element(By.ID, "conflit")
    assert "Rien n'a été enregistré : le fichier a changé depuis l'ouverture du formulaire" in conflict.text
    assert browser.switch_to.active_element == conflict
    assert path.read_text() == elsewhere
    assert browser.find_element(By.ID, "champ-title").get_attribute("value") == "Ma version"
    submit(browser)  # saving again is not choosing: still refused
    assert browser.find_element(By.ID, "conflit") and path.read_text() == elsewhere

    submit(browser, browser.find_element(By.XPATH, "//button[.='Remplacer le fichier par ma version']"))
    assert browser.current_url == base + "/fiches/a/"
    # The editor's version of every field of the form, over the one written elsewhere; the other lines stay.
    assert path.read_text() == (FICHE_A.replace('title: "Première fiche"', "title: Ma version")
                                .replace('summary: "Résumé."', "summary: Résumé."))


def test_after_a_conflict_the_files_version_can_be_reloaded(preview, browser):
    root, base = preview
    path = root / "content" / "fiches" / "a.md"
    browser.get(form_url(base))
    browser.find_element(By.ID, "champ-summary").send_keys(" Ajout.")
    elsewhere = FICHE_A.replace('summary: "Résumé."', 'summary: "Résumé changé ailleurs."')
    path.write_text(elsewhere)
    submit(browser)
    browser.find_element(By.LINK_TEXT, "Recharger la version du fichier").click()
    assert browser.find_element(By.ID, "champ-summary").get_attribute("value") == "Résumé changé ailleurs."
    assert not browser.find_elements(By.ID, "conflit")
    assert path.read_text() == elsewhere


def post(base, path, fields, headers):
    """A form sent with exactly these headers (Host included), as another site or a script could send it."""
    host = base.removeprefix("http://")
    body = urllib.parse.urlencode(fields, doseq=True).encode()
    connection = http.client.HTTPConnection(host.split(":")[0], int(host.split(":")[1]), timeout=10)
    connection.putrequest("POST", path, skip_host=True, skip_accept_encoding=True)
    for name, value in {"Host": host, "Content-Type": "application/x-www-form-urlencoded",
                        "Content-Length": str(len(body)), **headers}.items():
        connection.putheader(name, value)
    connection.endheaders(body)
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    return response.status, text


def test_posts_without_the_token_or_from_another_site_are_refused_and_write_nothing(preview):
    root, base = preview
    form = get(form_url(base))[1]
    token = re.search(r'name="jeton" value="([0-9a-f]{64})"', form).group(1)
    fingerprint = re.search(r'name="empreinte" value="([^"]+)"', form).group(1)
    fields = {"fichier": "content/fiches/a.md", "type": "fiches", "empreinte": fingerprint, "title": "Piraté",
              "date": "2025-11-01", "summary": "Résumé.", "tags": ["Méthode"], "boussole-maturite": "accompagner",
              "boussole-profils": "academiques", "texte": "Texte."}
    before = contents(root)
    attempts = [({}, {"Origin": base}), ({"jeton": "0" * 64}, {"Origin": base}), ({"jeton": token[:-1]}, {"Origin": base}),
                ({"jeton": token}, {"Origin": "http://evil.example"}), ({"jeton": token}, {}),
                ({"jeton": token}, {"Origin": "null"}),
                ({"jeton": token}, {"Origin": "http://evil.example:%s" % base.rsplit(":", 1)[1],
                                    "Host": "evil.example:%s" % base.rsplit(":", 1)[1]})]
    for path in ["/_atelier/modifier", "/_atelier/nouveau", "/_atelier/rendu"]:
        for extra, headers in attempts:
            status, body = post(base, path, {**fields, **extra}, headers)
            assert status == 403, (path, extra, headers, status)
            assert "Requête refusée" in body
    assert contents(root) == before
    status, _ = get(form_url(base).replace("127.0.0.1", "localhost"))
    assert status == 200
    # The same form from the preview's own page goes through.
    status, _ = post(base, "/_atelier/modifier", {**fields, "jeton": token}, {"Origin": base})
    assert status == 303
    assert "title: Piraté\n" in (root / "content" / "fiches" / "a.md").read_text()


def test_only_resource_files_inside_content_are_opened_or_saved(preview):
    root, base = preview
    (root / "secret.md").write_text(FICHE_A.replace("Première fiche", "SECRET"))
    os.symlink(root / "secret.md", root / "content" / "fiches" / "lien.md")
    token = re.search(r'name="jeton" value="([0-9a-f]{64})"', get(form_url(base))[1]).group(1)
    before = {**contents(root), "secret.md": (root / "secret.md").read_bytes()}
    attempts = ["content/../secret.md", "../secret.md", "secret.md", "content/fiches/../../secret.md", "content/fiches/lien.md",
                str(root / "secret.md"), "content/site.yml", "content/pages/a-propos.md", "content/fiches/absente.md",
                "content/fiches/a.md\x00.txt", "content/fiches/%2e%2e/%2e%2e/secret.md", "/etc/hostname", "content/../../etc/hostname"]
    for fichier in attempts:
        status, body = get(form_url(base, fichier))
        assert status == 404 and "SECRET" not in body, fichier
        status, body = post(base, "/_atelier/modifier", {"jeton": token, "fichier": fichier, "title": "Piraté"}, {"Origin": base})
        assert status == 404 and "SECRET" not in body, fichier
    status, _ = post(base, "/_atelier/nouveau", {"jeton": token, "type": "../..", "title": "Piraté"}, {"Origin": base})
    assert status == 404
    assert {**contents(root), "secret.md": (root / "secret.md").read_bytes()} == before


def tab_to(browser, element_id, presses=100):
    """Presses Tab until the element with this id has the focus."""
    for _ in range(presses):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element.get_attribute("id") == element_id:
            return browser.switch_to.active_element
    raise AssertionError("Tab never reached #" + element_id)


def test_the_form_is_filled_and_saved_with_the_keyboard_alone(preview, browser):
    root, base = preview
    browser.get(base + "/_atelier/nouveau?type=evenements")
    controls = browser.execute_script(
        "return Array.from(document.querySelectorAll('#formulaire input:not([type=hidden]), #formulaire select, "
        "#formulaire textarea, #formulaire button')).map(function (e, i) { e.dataset.rang = i; return i; });")
    reached = []
    for _ in range(len(controls) + 20):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        rank = browser.switch_to.active_element.get_attribute("data-rang")
        if rank is not None and int(rank) not in reached:
            reached.append(int(rank))
    assert reached == controls  # every field, in the order of the form, the save button last

    browser.get(base + "/_atelier/nouveau?type=evenements")
    tab_to(browser, "champ-title").send_keys("Au clavier")
    tab_to(browser, "champ-summary").send_keys("Saisi sans souris.")
    tab_to(browser, "champ-debut-journee").send_keys(Keys.SPACE)
    tab_to(browser, "theme-1").send_keys("Méthode")
    tab_to(browser, "boussole-maturite-consolider").send_keys(Keys.SPACE)
    tab_to(browser, "boussole-profils-academiques").send_keys(Keys.SPACE)
    tab_to(browser, "champ-draft").send_keys(Keys.SPACE)
    page = browser.find_element(By.TAG_NAME, "html")
    button = browser.find_element(By.CSS_SELECTOR, ".actions button")
    for _ in range(40):
        if browser.switch_to.active_element == button:
            break
        ActionChains(browser).send_keys(Keys.TAB).perform()
    browser.switch_to.active_element.send_keys(Keys.SPACE)
    WebDriverWait(browser, 10).until(gone(page))
    # Début is blank: its message is beside it, and the keyboard goes on from the list of errors.
    assert "« debut » est à remplir" in browser.find_element(By.ID, "erreur-champ-debut").text
    debut = tab_to(browser, "champ-debut")
    assert debut.get_attribute("type") == "date"  # the whole day asked for is kept
    # The picker's fields come in the browser's order (day, month, year in French).
    order = browser.execute_script("return new Intl.DateTimeFormat().formatToParts(new Date(2025, 11, 4))"
                                   ".filter(function (p) { return p.type !== 'literal'; }).map(function (p) { return p.type; });")
    debut.send_keys("".join({"day": "04", "month": "12", "year": "2025"}[part] for part in order))
    assert debut.get_attribute("value") == "2025-12-04", debut.get_attribute("value")
    page = browser.find_element(By.TAG_NAME, "html")
    tab_to(browser, "champ-lieu").send_keys("Lyon" + Keys.ENTER)
    WebDriverWait(browser, 10).until(gone(page))
    assert browser.current_url == base + "/evenements/au-clavier/"
    written = (root / "content" / "evenements" / "au-clavier.md").read_text()
    assert "\ndebut: 2025-12-04\n" in written and "\nlieu: Lyon\n" in written and "maturite: consolider" in written


def test_the_text_preview_and_theme_spellings_follow_the_typing(preview, browser):
    _, base = preview
    browser.get(form_url(base))
    shown = browser.find_element(By.ID, "apercu-texte")
    assert '<a href="/fiches/b/">un lien</a>' in shown.get_attribute("innerHTML")
    body = browser.find_element(By.ID, "texte-markdown")
    body.clear()
    body.send_keys("## Un intertitre\n\nDu *texte* et [une fiche](b.md).")
    WebDriverWait(browser, 5).until(lambda d: "Un intertitre" in shown.text)
    html = shown.get_attribute("innerHTML")
    assert 'id="un-intertitre"' in html and "<em>texte</em>" in html and '<a href="/fiches/b/">une fiche</a>' in html
    browser.find_element(By.ID, "theme-3").send_keys("elus locaux")
    warning = browser.find_element(By.ID, "avertissement-champ-tags")
    assert warning.text == "Le thème « elus locaux » s’écrit ailleurs « Élus locaux »."
    assert browser.find_elements(By.CSS_SELECTOR, "#themes-existants option[value='Élus locaux']")


def axe_violations(browser):
    axe = Axe(browser)
    axe.inject()
    violations = axe.run()["violations"]
    return violations, axe.report(violations)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_the_form(preview, browser, scheme):
    root, base = preview
    use_scheme(browser, scheme)
    for url in [form_url(base), base + "/_atelier/nouveau?type=evenements"]:
        browser.get(url)
        violations, report = axe_violations(browser)
        assert violations == [], report
    submit(browser)  # a blank event: errors beside many fields
    assert browser.find_element(By.ID, "erreurs")
    violations, report = axe_violations(browser)
    assert violations == [], report
    browser.get(form_url(base))
    (root / "content" / "fiches" / "a.md").write_text(FICHE_A + "\nChangé ailleurs.\n")
    submit(browser)
    assert browser.find_element(By.ID, "conflit")
    violations, report = axe_violations(browser)
    assert violations == [], report
