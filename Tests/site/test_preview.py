"""The preview server: serves the site, rebuilds when a file changes, reloads open pages, shows errors."""
import os
import re
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
    log = open(tmp_path / "apercu.log", "w")
    process = subprocess.Popen([PREVIEW, "--root", str(root), "--port", str(port), "--date", "2025-11-20"],
                               stdout=log, stderr=subprocess.STDOUT)
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
    log.close()


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


def test_a_rebuild_makes_again_only_what_an_edit_reaches(preview):
    root, base = preview
    before = get(base + "/__atelier/version")[1]
    text = (root / "content" / "fiches" / "b.md").read_text()
    (root / "content" / "fiches" / "b.md").write_text(text + "\nUn paragraphe de plus.\n")
    wait_for(lambda: get(base + "/__atelier/version")[1] != before)
    assert "Un paragraphe de plus." in get(base + "/fiches/b/")[1]
    pattern = r"\[(\d)\] Site reconstruit en [\d,]+ s : (\d+) fichier\(s\) modifié\(s\), (\d+) repris"
    builds = wait_for(lambda: [found for found in re.findall(pattern, (root / "apercu.log").read_text()) if found[0] == "2"] and
                      re.findall(pattern, (root / "apercu.log").read_text()))
    (_, first, _), (_, changed, carried) = builds[0], builds[1]
    # The first build wrote every file; the second, the page, the feed and the search words of the text, carrying
    # the rest over as it was.
    assert int(carried) > 0 and int(changed) < int(first) // 4, builds


def test_errors_are_shown_on_every_page_until_fixed(preview):
    root, base = preview
    (root / "content" / "fiches" / "a.md").write_text(resource("A", "2025-02-30"))
    status, page = wait_for(lambda: (lambda r: r if r[0] == 500 else None)(get(base + "/fiches/b/")))
    assert "content/fiches/a.md:3:7: erreur[date-invalide]: date impossible : « 2025-02-30 »" in page
    assert "/__atelier/version" in page
    (root / "content" / "fiches" / "a.md").write_text(resource("A", "2025-11-01"))
    wait_for(lambda: get(base + "/fiches/b/")[0] == 200)


def listening_addresses(port):
    """Local addresses on which something listens on `port`, read from the kernel's socket tables."""
    addresses = []
    for table in ["/proc/net/tcp", "/proc/net/tcp6"]:
        with open(table) as lines:
            for line in list(lines)[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    addresses.append(address)
    return addresses


def test_the_server_listens_on_loopback_only(preview):
    _, base = preview
    port = int(base.rsplit(":", 1)[1])
    assert listening_addresses(port) == ["0100007F"]  # 127.0.0.1, and nothing on IPv6 or other interfaces


def raw_get(base, path):
    """A request line sent as it is, with no client normalising `..` or percent-encoding."""
    import http.client
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.putrequest("GET", path, skip_host=False, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode(errors="replace")
    connection.close()
    return response.status, body


def test_paths_that_leave_the_site_are_refused(preview):
    root, base = preview
    (root / ".atelier" / "cache").mkdir(parents=True, exist_ok=True)
    (root / ".atelier" / "cache" / "secret.txt").write_text("SECRET-CACHE")
    (root / "secret.txt").write_text("SECRET-RACINE")
    attempts = ["/../content/site.yml", "/%2e%2e/content/site.yml", "/%2E%2E%2Fcontent%2Fsite.yml",
                "/..%2fcontent/site.yml", "/%252e%252e/%252e%252e/content/site.yml", "/assets/../../content/site.yml",
                "/fiches/a/../../../content/site.yml", "/../../secret.txt", "/%2e%2e/%2e%2e/secret.txt",
                "/%2e%2e/cache/secret.txt", "/..\\..\\secret.txt", "/content/site.yml", "/.atelier",
                "/%00/../content/site.yml", "//etc/passwd", "/..;/content/site.yml"]
    for path in attempts:
        status, body = raw_get(base, path)
        assert status in (400, 404), (path, status)
        assert "base_url" not in body and "SECRET" not in body and "root:" not in body, path


def test_a_burst_of_500_requests_50_at_a_time_gets_no_error(preview):
    from concurrent.futures import ThreadPoolExecutor
    _, base = preview
    paths = ["/", "/fiches/a/", "/fiches/b/", "/fiches/", "/assets/style.css", "/atom.xml", "/boussole/", "/recherche/"]
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(lambda n: get(base + paths[n % len(paths)])[0], range(500)))
    assert statuses == [200] * 500
