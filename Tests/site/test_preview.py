"""The preview server: serves the site, rebuilds when a file changes, reloads open pages, shows errors."""
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from test_cli import fixture, resource

PREVIEW = os.environ.get("PREVIEW", str(ROOT / "Preview" / ".build" / "debug" / "atelier-preview"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_for(check, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError("condition not reached in %s s" % seconds)


@pytest.fixture
def preview(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("Première version", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-02")})
    port = free_port()
    process = subprocess.Popen([PREVIEW, "--root", str(root), "--port", str(port), "--date", "2025-11-20"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port

    def up():
        try:
            return get(base + "/__atelier/version")[0] == 200
        except OSError:
            return False

    wait_for(up, 30)
    yield root, base
    process.terminate()
    process.wait(10)


def test_pages_are_served_with_the_reload_script(preview):
    _, base = preview
    status, page = get(base + "/fiches/a/")
    assert status == 200
    assert "<h1>Première version</h1>" in page
    assert "/__atelier/version" in page
    assert get(base + "/assets/style.css")[0] == 200
    assert get(base + "/nulle-part/")[0] == 404


def test_an_edit_rebuilds_the_site_and_changes_the_version(preview):
    root, base = preview
    before = get(base + "/__atelier/version")[1]
    (root / "content" / "fiches" / "a.md").write_text(resource("Deuxième version", "2025-11-01"))
    wait_for(lambda: get(base + "/__atelier/version")[1] != before)
    assert "<h1>Deuxième version</h1>" in get(base + "/fiches/a/")[1]


def test_errors_are_shown_on_every_page_until_fixed(preview):
    root, base = preview
    (root / "content" / "fiches" / "a.md").write_text(resource("A", "2025-02-30"))
    status, page = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(get(base + "/fiches/b/")))
    assert "content/fiches/a.md:3:7: erreur: date impossible : « 2025-02-30 »" in page
    assert "/__atelier/version" in page
    (root / "content" / "fiches" / "a.md").write_text(resource("A", "2025-11-01"))
    wait_for(lambda: get(base + "/fiches/b/")[0] == 200)
