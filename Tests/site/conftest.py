"""Shared fixtures: the engine's own fixture project (Tests/site/fixture/content/ with the repository's templates)
built by the real `atelier` binary and served on loopback, and headless Chromium. The shipped content/ is built by
the content suite (test_content_*.py) alone: an editor's correction never turns an engine test red."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import sys
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
ATELIER = os.path.abspath(os.environ.get("ATELIER", str(ROOT / ".build" / "debug" / "atelier")))
BUILD_DATE = "2025-11-20"
FIXTURE = ROOT / "Tests" / "site" / "fixture" / "content"
# The benchmark's own modules (its corpus generator, the compact-number reader) serve the tests too.
sys.path.insert(0, str(ROOT / "bench"))


def project(folder, content):
    """A project in `folder`: a copy of `content` and of the repository's templates, which are part of the engine."""
    shutil.copytree(content, folder / "content")
    shutil.copytree(ROOT / "templates", folder / "templates")
    return folder


def build_site(output, root, date=BUILD_DATE, strict=False):
    result = subprocess.run([ATELIER, "build", "--root", str(root), "--output", str(output), "--date", date]
                            + (["--strict"] if strict else []), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The fixture project built on BUILD_DATE with --strict: not one warning."""
    root = project(tmp_path_factory.mktemp("fixture"), FIXTURE)
    return build_site(root / "public", root, strict=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    handler = functools.partial(QuietHandler, directory=str(fixture_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def chromium(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=412,915", "--lang=fr-FR"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.fixture
def browser_without_javascript():
    driver = chromium(javascript=False)
    yield driver
    driver.quit()
