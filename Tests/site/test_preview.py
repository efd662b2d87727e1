"""The preview server, started as editors start it (`atelier serve`): serves the site on loopback, rebuilds when a
file changes, announces each build as a Server-Sent Event, reloads open pages, shows errors with their source line."""
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ATELIER, ROOT
from servers import free_port
from test_cli import fixture, resource

PREVIEW = os.path.abspath(os.environ.get("PREVIEW", str(ROOT / "Preview" / ".build" / "debug" / "atelier-preview")))
EVENTS = "/_atelier/events"


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


def serving(root, log_path, options=(), stop=signal.SIGTERM):
    """Runs `atelier serve` on `root` (it finds atelier-preview on the PATH here) until the generator is closed, then
    sends it `stop`; yields the server's address once it answers."""
    port = free_port()
    log = open(log_path, "w")
    env = {**os.environ, "PATH": os.path.dirname(PREVIEW) + os.pathsep + os.environ.get("PATH", "")}
    process = subprocess.Popen([ATELIER, "serve", "--root", str(root), "--port", str(port), "--date", "2025-11-20", *options],
                               stdout=log, stderr=subprocess.STDOUT, env=env)
    base = "http://127.0.0.1:%d" % port

    def up():
        try:
            return get(base + "/")[0] == 200
        except OSError:
            return False

    wait_for(up, 30)
    yield base
    process.send_signal(stop)
    process.wait(10)
    log.close()


@pytest.fixture
def preview(tmp_path):
    """`atelier serve` on a small site."""
    root = fixture(tmp_path, {"content/fiches/a.md": resource("Première version", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-02")})
    for base in serving(root, tmp_path / "apercu.log"):
        yield root, base


class Events:
    """A client of the build events stream, reading it as the browser's EventSource does."""

    def __init__(self, base, query=""):
        host, port = base.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=5)
        self.connection.request("GET", EVENTS + query)
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type") == "text/event-stream"

    def next(self, seconds=5):
        """The build number of the next event, skipping comments and fields other than data; the files it names
        (or `*`) are left in `files`."""
        self.connection.sock.settimeout(seconds)
        while True:
            line = self.response.readline().decode().rstrip("\n")
            if line.startswith("data: "):
                number, *self.files = line.removeprefix("data: ").split(" ")
                return number

    def close(self):
        self.connection.close()


@pytest.fixture
def events(preview):
    stream = Events(preview[1])
    yield stream
    stream.close()


def test_pages_are_served_with_the_reload_script(preview):
    _, base = preview
    status, page = get(base + "/fiches/a/")
    assert status == 200
    assert "<h1>Première version</h1>" in page
    assert 'new EventSource("%s?depuis=' % EVENTS in page
    assert "/__atelier/version" not in page  # the former polling
    assert get(base + "/assets/style.css")[0] == 200
    assert get(base + "/nulle-part/")[0] == 404


def save(path, text):
    path.write_text(text)
    return time.monotonic()


def log(root):
    return (root / "apercu.log").read_text()


def rebuilt(root, events):
    """Reads events up to the one of a rebuild: the page of a saved resource may be announced before it. The server
    writes its log line before announcing a number."""
    while True:
        version = events.next()
        if re.search(r"^\[%s\] Site " % version, log(root), re.M):
            return version


def test_an_event_arrives_within_a_second_of_a_save(preview, events):
    root, base = preview
    first = events.next()
    saved = save(root / "content" / "fiches" / "a.md", resource("Deuxième version", "2025-11-01"))
    second = events.next()
    assert time.monotonic() - saved < 1.0
    assert second != first
    assert "<h1>Deuxième version</h1>" in get(base + "/fiches/a/")[1]


def test_a_page_knows_its_build_and_a_new_stream_starts_with_the_current_one(preview, events):
    root, base = preview
    page = get(base + "/fiches/b/")[1]
    shown = re.search(r'var shown = "(\d+)", file = "fiches/b/index\.html";', page).group(1)
    assert events.next() == shown and events.files == ["*"]
    save(root / "content" / "fiches" / "b.md", resource("B modifiée", "2025-11-02"))
    built = rebuilt(root, events)
    # The title changed: the list shows it; b's own page was shown at once, as the rebuild wrote it.
    assert "fiches/index.html" in events.files and "fiches/b/index.html" not in events.files
    later = Events(base)
    assert later.next() == built and later.files == ["*"]  # a page served before this build still reloads
    later.close()


def test_a_stream_opened_late_starts_with_what_changed_since_the_page(preview, events):
    root, base = preview
    events.next()
    version, run = re.search(r'depuis=(\d+)&serveur=(\w+)"', get(base + "/fiches/b/")[1]).groups()
    save(root / "content" / "fiches" / "a.md", resource("Première version", "2025-11-01") + "\nUn ajout.\n")
    built = rebuilt(root, events)
    late = Events(base, "?depuis=%s&serveur=%s" % (version, run))
    assert late.next() == built
    assert "fiches/a/index.html" in late.files and "fiches/b/index.html" not in late.files and "*" not in late.files
    late.close()
    other = Events(base, "?depuis=%s&serveur=autre" % version)  # a page from another run of the server
    assert other.next() == built and other.files == ["*"]
    other.close()


def test_a_rebuild_makes_again_only_what_an_edit_reaches(preview, events):
    root, base = preview
    events.next()
    text = (root / "content" / "fiches" / "b.md").read_text()
    save(root / "content" / "fiches" / "b.md", text + "\nUn paragraphe de plus.\n")
    rebuilt(root, events)
    assert "Un paragraphe de plus." in get(base + "/fiches/b/")[1]
    pattern = r"\[(\d)\] Site reconstruit en [\d,]+ s : (\d+) fichier\(s\) modifié\(s\), (\d+) repris"
    builds = re.findall(pattern, log(root))
    (_, first, _), (_, changed, carried) = builds[0], builds[1]
    # The first build wrote every file; the second, the page, the feed and the search words of the text, carrying
    # the rest over as it was.
    assert int(carried) > 0 and int(changed) < int(first) // 4, builds


def without_reload_script(page):
    return re.sub(r'var shown = "\d+"|depuis=\d+', "", page)


def test_a_saved_page_is_shown_at_once_then_the_rest_of_the_site_follows(preview, events):
    root, base = preview
    events.next()
    save(root / "content" / "fiches" / "a.md", resource("Première version", "2025-11-01") + "\nUne phrase toute neuve.\n")
    shown = events.next()
    assert re.search(r"^\[%s\] Page de content/fiches/a\.md montrée en \d+ ms" % shown, log(root), re.M), log(root)
    assert events.files == ["fiches/a/index.html"]
    first = get(base + "/fiches/a/")[1]
    assert "Une phrase toute neuve." in first
    built = rebuilt(root, events)
    assert int(built) > int(shown)
    # The rebuild writes the very page shown at once: it is not named again, the search words it changed are.
    assert without_reload_script(get(base + "/fiches/a/")[1]) == without_reload_script(first)
    assert "fiches/a/index.html" not in events.files and "*" not in events.files
    assert any(file.startswith("recherche/index/t/") for file in events.files), events.files


def test_a_saved_mistake_is_shown_at_once(preview, events):
    root, base = preview
    events.next()
    save(root / "content" / "fiches" / "a.md", resource("A", "2025-02-30"))
    shown = events.next()
    assert re.search(r"^\[%s\] Page de content/fiches/a\.md montrée" % shown, log(root), re.M), log(root)
    rebuilt(root, events)
    status, page = get(base + "/fiches/a/")
    assert status == 500 and "date impossible : « 2025-02-30 »" in page


def test_files_in_a_folder_made_after_the_start_are_followed(preview, events):
    root, base = preview
    events.next()
    (root / "content" / "fiches" / "dossier").mkdir()
    rebuilt(root, events)
    save(root / "content" / "fiches" / "dossier" / "index.md", resource("Dans un dossier", "2025-11-03"))
    rebuilt(root, events)
    assert "<h1>Dans un dossier</h1>" in get(base + "/fiches/dossier/")[1]


def test_content_removed_then_put_back_is_followed_again(preview, events, tmp_path):
    root, base = preview
    events.next()
    aside = tmp_path / "de-cote"
    shutil.copytree(root / "content", aside)
    shutil.rmtree(root / "content")
    rebuilt(root, events)
    assert get(base + "/fiches/a/")[0] == 500
    shutil.copytree(aside, root / "content")
    wait_for(lambda: get(base + "/fiches/a/")[0] == 200)
    save(root / "content" / "fiches" / "a.md", resource("Revenue", "2025-11-01"))
    wait_for(lambda: "<h1>Revenue</h1>" in get(base + "/fiches/a/")[1], 5)


BAD_DATE = "  |\n3 | date: 2025-02-30\n  |       ^^^^^^^^^^"


def test_with_poll_the_files_are_looked_at_rather_than_watched_and_a_save_still_shows_at_once(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("Première version", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-02")})
    for base in serving(root, tmp_path / "apercu.log", ["--poll"]):
        wait_for(lambda: "deux fois par seconde (--poll)" in (tmp_path / "apercu.log").read_text(), 10)
        save(root / "content" / "fiches" / "a.md", resource("Deuxième version", "2025-11-01"))
        wait_for(lambda: "<h1>Deuxième version</h1>" in get(base + "/fiches/a/")[1], 3)
        log_text = (tmp_path / "apercu.log").read_text()
        assert "Page de content/fiches/a.md montrée" in log_text
        # A file added, then one removed, are seen too.
        save(root / "content" / "fiches" / "c.md", resource("Nouvelle", "2025-11-03"))
        wait_for(lambda: get(base + "/fiches/c/")[0] == 200, 3)
        (root / "content" / "fiches" / "b.md").unlink()
        wait_for(lambda: get(base + "/fiches/b/")[0] == 404, 3)


# The first build of a run: the files it made, and those it carried over from the preview folder.
FIRST_BUILD = re.compile(r"^\[1\] Site reconstruit en [\d,]+ s : (\d+) fichier\(s\) modifié\(s\), (\d+) repris", re.M)


def test_a_restarted_preview_makes_only_what_changed_while_it_was_stopped_and_shows_saves_at_once(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("Première version", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-02")})
    log_path = tmp_path / "apercu.log"
    for base in serving(root, log_path):
        pass
    # The first start makes every page; stopped (as by Ctrl-C), the preview writes its cache.
    text = log_path.read_text()
    assert FIRST_BUILD.search(text).group(2) == "0"
    assert "son cache est enregistré pour le prochain démarrage" in text
    assert (root / ".atelier" / "cache-apercu" / "etat.bin").exists()
    save(root / "content" / "fiches" / "b.md", resource("B revue", "2025-11-02"))
    for base in serving(root, log_path, stop=signal.SIGHUP):
        made, carried = map(int, FIRST_BUILD.search(log_path.read_text()).groups())
        assert 0 < made < carried
        assert "<h1>B revue</h1>" in get(base + "/fiches/b/")[1]
    # Closing its terminal stops it as Ctrl-C does.
    assert "son cache est enregistré pour le prochain démarrage" in log_path.read_text()
    # Started again with nothing changed, it still has what shows a saved page at once.
    for base in serving(root, log_path):
        made, carried = map(int, FIRST_BUILD.search(log_path.read_text()).groups())
        assert made == 0 < carried
        save(root / "content" / "fiches" / "a.md", resource("Deuxième version", "2025-11-01"))
        wait_for(lambda: "<h1>Deuxième version</h1>" in get(base + "/fiches/a/")[1], 3)
        assert "Page de content/fiches/a.md montrée" in log_path.read_text()


def test_a_killed_preview_starts_again_from_the_cache_it_wrote_a_few_seconds_after_its_last_rebuild(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-02")})
    log_path = tmp_path / "apercu.log"
    state = root / ".atelier" / "cache-apercu" / "etat.bin"
    for base in serving(root, log_path, stop=signal.SIGKILL):
        # The cache is written once the preview has been quiet for a few seconds after a build: after the first one,
        # then after the rebuild that follows a save.
        wait_for(state.exists, 15)
        written = state.stat().st_mtime_ns
        save(root / "content" / "fiches" / "b.md", resource("B revue", "2025-11-02"))
        wait_for(lambda: len(re.findall(r"^\[\d+\] Site reconstruit", log_path.read_text(), re.M)) == 2, 10)
        wait_for(lambda: state.stat().st_mtime_ns != written, 15)
    assert "Aperçu arrêté" not in log_path.read_text()
    for base in serving(root, log_path):
        made, carried = map(int, FIRST_BUILD.search(log_path.read_text()).groups())
        assert made == 0 < carried
        assert "<h1>B revue</h1>" in get(base + "/fiches/b/")[1]


def test_errors_show_on_every_page_with_their_line_and_caret_until_fixed(preview, events):
    root, base = preview
    events.next()
    save(root / "content" / "fiches" / "a.md",
         resource("A", "2025-02-30").replace("maturite: accompagner", 'maturite: "<b>expert</b>"'))
    rebuilt(root, events)
    status, page = get(base + "/fiches/b/")
    assert status == 500
    assert '<html lang="fr">' in page and "<h1>Le site n'a pas pu être reconstruit</h1>" in page
    assert "<h2>content/fiches/a.md:3:7: erreur[date-invalide]: date impossible : « 2025-02-30 »</h2>" in page
    assert "<pre>%s</pre>" % BAD_DATE in page
    assert "<p>aide : écrivez la date sous la forme AAAA-MM-JJ (2025-11-20), ou seulement le mois (2025-11)" in page
    # The message and the source line, both holding the value, are escaped.
    assert "« &lt;b&gt;expert&lt;/b&gt; » n&#39;est pas une valeur" in page
    assert "6 | boussole: { maturite: &quot;&lt;b&gt;expert&lt;/b&gt;&quot; }" in page
    assert "<b>" not in page
    assert 'new EventSource("%s?depuis=' % EVENTS in page
    # The terminal that runs `atelier serve` shows the same line and caret as `atelier check`.
    assert "content/fiches/a.md:3:7: erreur[date-invalide]: date impossible : « 2025-02-30 »\n" + BAD_DATE in log(root)
    save(root / "content" / "fiches" / "a.md", resource("A", "2025-11-01"))
    rebuilt(root, events)
    status, page = get(base + "/fiches/b/")
    assert status == 200 and "<h1>B</h1>" in page


def test_a_template_that_would_crash_is_shown_as_an_error_and_the_preview_stays_up(preview, events):
    root, base = preview
    events.next()
    home = root / "templates" / "home.mustache"
    original = home.read_text()
    partial = root / "templates" / "partials" / "boucle.mustache"
    for text, code in [("{{#title}}\n  {{> partials/boucle}}\n{{/title}}\n", "gabarit-recursif"),
                       ("{{#title}}" * 10_000 + "{{/title}}" * 10_000 + "\n", "gabarit-trop-imbrique")]:
        save(partial, text)
        save(home, original.replace("{{$content}}", "{{$content}}{{>partials/boucle}}", 1))
        rebuilt(root, events)
        status, page = get(base + "/fiches/b/")
        assert status == 500, page
        assert f"templates/partials/boucle.mustache:" in page and f"erreur[{code}]" in page
    save(home, original)
    partial.unlink()
    rebuilt(root, events)
    status, page = get(base + "/fiches/b/")
    assert status == 200 and "<h1>B</h1>" in page


def heading_becomes(browser, text):
    """Waits at most 2 s for the page's h1; a reload may replace it between finding it and reading it, which the driver
    reports in more than one way."""
    WebDriverWait(browser, 2, poll_frequency=0.05, ignored_exceptions=[WebDriverException]).until(
        lambda d: d.find_element(By.TAG_NAME, "h1").text == text)


def test_an_open_page_follows_saves_and_errors_without_a_manual_reload(preview, browser):
    root, base = preview
    browser.get(base + "/fiches/a/")
    heading_becomes(browser, "Première version")
    save(root / "content" / "fiches" / "a.md", resource("Deuxième version", "2025-11-01"))
    heading_becomes(browser, "Deuxième version")
    save(root / "content" / "fiches" / "a.md", resource("Deuxième version", "2025-02-30"))
    heading_becomes(browser, "Le site n'a pas pu être reconstruit")
    # The mistake is shown at once, then again by the rebuild: the page may reload between the two.
    WebDriverWait(browser, 2, poll_frequency=0.05, ignored_exceptions=[WebDriverException]).until(
        lambda d: BAD_DATE in d.find_element(By.TAG_NAME, "pre").text)
    save(root / "content" / "fiches" / "a.md", resource("Troisième version", "2025-11-01"))
    heading_becomes(browser, "Troisième version")


def count_loads(browser):
    """From now on, every load of a page in this tab adds one to `sessionStorage.loads`."""
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                            {"source": "sessionStorage.loads = (+sessionStorage.loads || 0) + 1;"})


def loads(browser):
    return int(browser.execute_script("return sessionStorage.loads"))


def test_an_open_page_reloads_only_when_its_own_file_changes(preview, browser, events):
    root, base = preview
    events.next()
    count_loads(browser)
    browser.get(base + "/fiches/b/")
    heading_becomes(browser, "B")
    assert loads(browser) == 1
    # Another resource's text: page b does not change.
    save(root / "content" / "fiches" / "a.md", resource("Première version", "2025-11-01") + "\nUn ajout.\n")
    rebuilt(root, events)
    time.sleep(0.5)
    assert loads(browser) == 1
    # Its own text: shown at once, and not reloaded again by the rebuild that writes the same page.
    save(root / "content" / "fiches" / "b.md", resource("B", "2025-11-02") + "\nUne phrase de b.\n")
    rebuilt(root, events)
    time.sleep(0.5)
    assert "Une phrase de b." in browser.find_element(By.TAG_NAME, "main").text
    assert loads(browser) == 2


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


def non_loopback_address():
    """An IPv4 address of this machine other than loopback, or None."""
    try:
        listed = subprocess.run(["ip", "-4", "-o", "addr"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        listed = ""
    candidates = re.findall(r"inet (\d+\.\d+\.\d+\.\d+)", listed) + [socket.gethostbyname(socket.gethostname())]
    return next((address for address in candidates if not address.startswith("127.")), None)


def test_the_server_listens_on_loopback_only(preview):
    _, base = preview
    port = int(base.rsplit(":", 1)[1])
    assert listening_addresses(port) == ["0100007F"]  # 127.0.0.1, and nothing on IPv6 or other interfaces
    address = non_loopback_address()
    if address is None:
        pytest.skip("no IPv4 address other than loopback on this machine")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((address, port), timeout=5).close()


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


def fake_preview(path):
    """An `atelier-preview` that only says where it is and what it was given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('#!/bin/sh\necho "$0" "$@"\n')
    path.chmod(0o755)
    return path


def test_serve_runs_the_projects_newest_preview_with_the_options(tmp_path):
    release = fake_preview(tmp_path / "Preview" / ".build" / "release" / "atelier-preview")
    debug = fake_preview(tmp_path / "Preview" / ".build" / "debug" / "atelier-preview")
    on_path = fake_preview(tmp_path / "bin" / "atelier-preview")
    env = {**os.environ, "PATH": "%s:/usr/bin:/bin" % on_path.parent}
    for newest, older in [(release, debug), (debug, release)]:
        os.utime(older, (1_700_000_000, 1_700_000_000))
        os.utime(newest, (1_700_000_100, 1_700_000_100))
        result = subprocess.run([ATELIER, "serve", "--root", str(tmp_path), "--drafts", "--date", "2025-11-20", "--port",
                                 "9000", "--host", "0.0.0.0"], capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == [str(newest), "--root", str(tmp_path), "--port", "9000", "--host", "0.0.0.0",
                                         "--date", "2025-11-20", "--drafts"]
    result = subprocess.run([ATELIER, "serve", "--root", str(tmp_path), "--poll"], capture_output=True, text=True, env=env)
    assert result.stdout.split()[-1] == "--poll"


def test_serve_falls_back_on_the_path(tmp_path):
    on_path = fake_preview(tmp_path / "bin" / "atelier-preview")
    result = subprocess.run([ATELIER, "serve", "--root", str(tmp_path)], capture_output=True, text=True,
                            env={**os.environ, "PATH": "%s:/usr/bin:/bin" % on_path.parent})
    assert result.stdout.split() == [str(on_path), "--root", str(tmp_path), "--port", "8080", "--host", "127.0.0.1"]


def test_serve_without_the_preview_says_how_to_build_it(tmp_path):
    result = subprocess.run([ATELIER, "serve", "--root", str(tmp_path)], capture_output=True, text=True,
                            env={**os.environ, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert "atelier serve a besoin du serveur d'aperçu (atelier-preview)" in result.stderr
    assert "« make preview »" in result.stderr
