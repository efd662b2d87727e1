"""The content suite: these tests check the shipped content/, not the engine (the engine's tests build their own
fixture, Tests/site/fixture/content/). Built with the repository's templates on the test date, the shipped site passes
`atelier check --strict`, has no broken internal link or anchor, gives every page its language, title and one h1,
passes the W3C's HTML checker, and its accessibility statement names what test_look.py really checks. An editor's
correction can turn these red, and only these."""
import subprocess

import pytest

from conftest import ATELIER, BUILD_DATE, ROOT, build_site, project
from test_html_valid import validate
from test_look import PAGE_TYPES, axe_core_version
from test_pages import broken_links, heading_problems, missing_anchors

STATEMENT = ROOT / "content" / "pages" / "accessibilite.md"


@pytest.fixture(scope="module")
def content_project(tmp_path_factory):
    """A copy of content/ with the templates: nothing is written into the repository."""
    return project(tmp_path_factory.mktemp("content"), ROOT / "content")


@pytest.fixture(scope="module")
def content_site(content_project):
    return build_site(content_project / "public", content_project)


def test_check_finds_no_problem_even_with_strict(content_project):
    result = subprocess.run([ATELIER, "check", "--root", str(content_project), "--date", BUILD_DATE, "--strict"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip().endswith("aucun problème."), result.stdout


def test_the_shipped_site_has_no_broken_link_or_anchor_and_one_main_heading_a_page(content_site):
    """The crawl of test_pages.py: each problem names its page."""
    assert broken_links(content_site) + missing_anchors(content_site) + heading_problems(content_site) == []


def test_the_shipped_pages_are_valid(content_site):
    code, report = validate(content_site)
    assert code == 0, report


def test_the_accessibility_statement_names_what_is_tested(content_site):
    statement = STATEMENT.read_text()
    assert f"axe-core {axe_core_version()}" in statement
    assert f"sur {len(PAGE_TYPES)} types de pages" in statement
    # The footer of every page says the state of conformity that the statement gives.
    assert "**non conforme**" in statement
    assert '<a href="/accessibilite/">Accessibilité : non conforme</a>' in (content_site / "index.html").read_text()
    assert "<h1>Déclaration d’accessibilité</h1>" in (content_site / "accessibilite" / "index.html").read_text()
