"""Shared fixtures: the shipped corpus built by the real `atelier` binary, served on loopback, and headless Chromium."""
import functools
import http.server
import os
import pathlib
import subprocess
import sys
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
ATELIER = os.path.abspath(os.environ.get("ATELIER", str(ROOT / ".build" / "debug" / "atelier")))
BUILD_DATE = "2025-11-20"
# The benchmark's own modules (its corpus generator, the compact-number reader) serve the tests too.
sys.path.insert(0, str(ROOT / "bench"))


def build_site(output, root=ROOT, date=BUILD_DATE):
    result = subprocess.run([ATELIER, "build", "--root", str(root), "--output", str(output), "--date", date],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("corpus") / "public")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(corpus_site):
    handler = functools.partial(QuietHandler, directory=str(corpus_site))
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
