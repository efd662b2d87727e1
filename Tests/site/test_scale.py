"""Pages that stay light as the corpus grows: two generated sites, of 150 and 600 resources with small pages, built by
the real binary. No page is heavier on the larger one, lists hold a page of cards at most, and in headless Chromium a
query loads the search index's summary and only the shards its words need, yet finds a word written once, at the end
of a long text."""
import functools
import http.server
import json
import re
import subprocess
import threading
import unicodedata
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import ATELIER, BUILD_DATE, FIXTURE, QuietHandler
from test_search import results, search

import corpus  # the benchmark's own generator, fixed seed (bench/ is on the path: conftest.py)

PAGE_SIZE = 6
SIZES = (150, 600)


def build(folder):
    site_yml = folder / "content" / "site.yml"
    site_yml.write_text(re.sub(r"(?m)^page_size: \d+$", "page_size: %d" % PAGE_SIZE, site_yml.read_text()))
    result = subprocess.run([ATELIER, "build", "--root", str(folder), "--date", BUILD_DATE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return folder / "public"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return {size: build(corpus.make_corpus(tmp_path_factory.mktemp("corpus%d" % size), size, content=FIXTURE))
            for size in SIZES}


def pages(public):
    return {str(path.relative_to(public)): path.stat().st_size for path in public.rglob("*.html")}


def test_no_page_grows_with_the_corpus(sites):
    small, large = pages(sites[SIZES[0]]), pages(sites[SIZES[1]])
    assert len(large) > 3 * len(small) / 2
    # The same pages on both sites (home, boussole, lists, a theme…) and the heaviest page of each.
    for path in ["index.html", "boussole/index.html", "fiches/index.html", "themes/index.html", "recherche/index.html",
                 "jeudis/index.html", "evenements/index.html"]:
        assert large[path] <= small[path] * 1.15 + 2_000, path
    assert max(large.values()) <= max(small.values()) * 1.15 + 2_000
    assert max(large.values()) < 100_000


def test_lists_hold_one_page_of_cards(sites):
    public = sites[SIZES[1]]
    for path in list(public.glob("*/index.html")) + list(public.glob("*/page/*/index.html")) \
            + list(public.glob("themes/*/index.html")) + list(public.glob("boussole/*/*/index.html")):
        cards = path.read_text().count('<article class="card')
        assert cards <= PAGE_SIZE or "evenements" in str(path) and cards <= 2 * PAGE_SIZE, path


def rare_word_deep_in_a_text(content):
    """A word that only one published resource has, only in the last part of its text, and that begins no other word
    (a search matches the words a query word begins)."""
    def words(text):
        folded = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
        return set(re.findall(r"[^\W\d_]+", folded))
    seen, place = {}, {}
    for path in sorted(content.rglob("r*.md")):
        _, header, text = path.read_text().split("---", 2)
        published = re.search(r"(?m)^date: (\S+)$", header).group(1) <= BUILD_DATE
        ending, opening = words(text[int(len(text) * 0.85):]), words(text[:len(text) // 2])
        for word in words(header + text):
            seen[word] = seen.get(word, 0) + 1
            place[word] = (path, published and word in ending and word not in opening)
    ordered = sorted(seen)
    for index, word in enumerate(ordered):
        path, deep = place[word]
        alone = index + 1 == len(ordered) or not ordered[index + 1].startswith(word)
        if seen[word] == 1 and deep and alone and re.fullmatch(r"[a-z]{7,}", word):
            return word, path
    raise AssertionError("no rare word")


def shards_for(word, keys):
    """What recherche.js fetches for one word: the longest key it starts with and, for four letters or more, the keys
    that start with it, unless there are more than four."""
    best = max((key for key in keys if word.startswith(key)), key=len, default=None)
    longer = [key for key in keys if len(word) >= 4 and len(key) > len(word) and key.startswith(word)]
    return ({best} if best else set()) | (set(longer) if len(longer) <= 4 else set())


@pytest.fixture(scope="module")
def large_url(sites):
    handler = functools.partial(QuietHandler, directory=str(sites[SIZES[1]]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()


def test_a_query_loads_only_the_shards_it_needs_and_finds_a_word_deep_in_a_text(sites, large_url, browser):
    public = sites[SIZES[1]]
    word, path = rare_word_deep_in_a_text(public.parent / "content")
    with urllib.request.urlopen(large_url + "/recherche/index/meta.json") as response:
        keys = json.loads(response.read())["shards"]
    count = search(browser, large_url, word)
    assert count.startswith("1 ")
    url = "%s/%s/" % (path.parent.name, path.stem)
    assert results(browser) == [url]

    fetched = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return [e.name, e.encodedBodySize]; });")
    index = [(name.split("/recherche/index/", 1)[1], size) for name, size in fetched if "/recherche/index/" in name]
    shard_files = {name for name, _ in index if name.startswith("t/")}
    # Typed letter by letter: the shards of the word, and perhaps of some of its beginnings, nothing else.
    needed = {"t/%s.json" % key for key in shards_for(word, keys)}
    typed = {"t/%s.json" % key for end in range(2, len(word) + 1) for key in shards_for(word[:end], keys)}
    assert needed <= shard_files <= typed, (word, shard_files, needed)
    assert len(keys) > 20, "the index is split in many shards"
    assert [name for name, _ in index if name.startswith("d/")] and "meta.json" in [name for name, _ in index]
    assert sum(size for _, size in index) <= 300_000
