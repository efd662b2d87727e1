#!/usr/bin/env python3
"""`make bench`: Atelier on generated corpora (bench/corpus.py, fixed seed), beside Hugo on the same Markdown files.

For each size it prints, measured in the same run on whole runs of the release binary:
- cold build (no cache, no previous site) for Atelier and for Hugo (Debian's `hugo`, the minimal site of
  bench/hugo/), their ratio, and Atelier's peak RSS;
- a rebuild with nothing changed, and a rebuild after a one-file edit of each kind (body, title, themes, date);
- the heaviest HTML page, the boussole page, and the bytes one search query transfers (the index's summary, the
  shards of its words and the cards of the first results, found as the search page finds them);
- in the preview server (`--preview`, release build), for an edit of a text and of a title: the time from the save to
  the edited page served with the edit, and to the end of the rebuild that brings the rest of the site up to date.
Times are medians over --runs runs. Outputs of earlier runs are moved aside and deleted at the end, so that no
run pays for the deletion of the previous one.

    python3 bench/bench.py --sizes 1000 10000 --runs 3
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request

import corpus
from compact import SYMBOLS, numbers

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATE = "2025-11-20"
EDITS = ["texte", "titre", "thèmes", "date"]


def timed(command):
    """Wall time and peak RSS (MiB) of one run of `command`, which must succeed."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            raise SystemExit("échec de %s :\n%s" % (" ".join(command), errors.read().decode()))
    return seconds, usage.ru_maxrss / 1024


class Trash:
    """Folders moved out of the way between runs, deleted once the measures are taken."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.empty()  # what an interrupted run left behind

    def put(self, path):
        if path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            self.count += 1
            path.rename(self.folder / str(self.count))

    def empty(self):
        shutil.rmtree(self.folder, ignore_errors=True)


def atelier_build(atelier, project):
    return timed([atelier, "build", "--root", str(project), "--date", DATE])


def hugo_build(project, destination):
    return timed(["hugo", "--quiet", "--source", str(ROOT / "bench" / "hugo"), "--contentDir", str(project / "content"),
                  "--destination", str(destination)])


def edit(path, kind, number):
    """Changes one thing in a resource's file, as an editor would."""
    text = path.read_text()
    if kind == "texte":
        text += "\nUne phrase ajoutée au texte, numéro %d.\n" % number
    elif kind == "titre":
        text = re.sub(r'(?m)^title: "(.*)"$', lambda m: 'title: "%s (%d)"' % (m.group(1), number), text, count=1)
    elif kind == "thèmes":
        themes = corpus.TAGS[number % len(corpus.TAGS)], corpus.TAGS[(number + 7) % len(corpus.TAGS)]
        text = re.sub(r"(?m)^tags: \[.*\]$", "tags: [%s, %s]" % themes, text, count=1)
    else:
        text = re.sub(r"(?m)^date: \S+$", "date: 2024-%02d-%02d" % (number % 12 + 1, number % 27 + 1), text, count=1)
    path.write_text(text)


def query_bytes(public, words):
    """What the search page fetches for a query of these (folded) words: meta.json, each word's shards (as
    recherche.js picks them) and the chunks of cards of the first ten results."""
    index = public / "recherche" / "index"
    meta = json.loads((index / "meta.json").read_text())
    fetched = {index / "meta.json"}
    per_word = []
    for word in words:
        keys = meta["shards"]
        best = max((key for key in keys if word.startswith(key)), key=len, default=None)
        longer = [key for key in keys if len(word) >= 4 and len(key) > len(word) and key.startswith(word)]
        chosen = ([best] if best else []) + (longer if len(longer) <= 4 else [])
        weights = {}
        for key in chosen:
            name = key if re.fullmatch(r"[a-z0-9]+", key) else "x" + key.encode().hex()
            path = index / "t" / (name + ".json")
            fetched.add(path)
            for term, postings in json.loads(path.read_text()).items():
                if term != word and not (len(word) >= 4 and term.startswith(word)):
                    continue
                document = -1
                for value in numbers(postings):
                    document += (value >> 3) + 1
                    weight = 3 if value & 1 else 2 if value & 2 else 1
                    weights[document] = max(weights.get(document, 0), weight)
        per_word.append(weights)
    found = [d for d in per_word[0] if all(d in w for w in per_word)]
    rank = lambda d: SYMBOLS.index(meta["recency"][2 * d]) * 64 + SYMBOLS.index(meta["recency"][2 * d + 1])
    found.sort(key=lambda d: (-sum(w[d] for w in per_word), rank(d), d))
    for document in found[:10]:
        fetched.add(index / "d" / ("%d.json" % (document // meta["chunk"])))
    return sum(path.stat().st_size for path in fetched), len(found)


def start_preview(preview, project, log_path):
    """`atelier-preview` on `project`, once its first build is logged: the process, its address, the seconds taken."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = open(log_path, "w")
    start = time.perf_counter()
    process = subprocess.Popen([preview, "--root", str(project), "--port", str(port), "--date", DATE], stdout=log,
                               stderr=subprocess.STDOUT)
    log.close()
    wait_until(lambda: re.search(r"^\[1\] Site reconstruit", log_path.read_text(), re.M), 600, pause=0.01)
    return process, "http://127.0.0.1:%d" % port, time.perf_counter() - start


def stop_preview(process):
    """Stops the preview as Ctrl-C does: it writes its cache first."""
    process.send_signal(signal.SIGINT)
    process.wait(60)


def preview_edits(preview, project, files, runs, work):
    """Medians, for a text and a title edit, of the time from the save to the page served with the edit, and to the
    log line of the rebuild that follows (ms), in `atelier-preview` on `project` after its first build; and the
    seconds from its start to its first build, without its cache and, stopped, started again."""
    shutil.rmtree(project / ".atelier" / "cache-apercu", ignore_errors=True)
    log_path = work / "apercu.log"
    process, base, cold_start = start_preview(preview, project, log_path)
    times = {"page": {"texte": [], "titre": []}, "site": {"texte": [], "titre": []}}
    try:
        published = [path for path in files if (project / ".atelier" / "apercu" / path.parent.name / path.stem / "index.html").exists()]
        for run in range(runs):
            for number, kind in enumerate(["texte", "titre"]):
                path = published[(run * 2 + number) * 6007 % len(published)]
                url = "%s/%s/%s/" % (base, path.parent.name, path.stem)
                marker = ("numéro %d" if kind == "texte" else "(%d)") % (1000 + run * 10 + number)
                builds = len(re.findall(r"^\[\d+\] Site ", log_path.read_text(), re.M))
                start = time.perf_counter()
                edit(path, kind, 1000 + run * 10 + number)
                wait_until(lambda: marker in urllib.request.urlopen(url).read().decode(), 60, pause=0.002)
                times["page"][kind].append((time.perf_counter() - start) * 1000)
                wait_until(lambda: len(re.findall(r"^\[\d+\] Site ", log_path.read_text(), re.M)) > builds, 60, pause=0.002)
                times["site"][kind].append((time.perf_counter() - start) * 1000)
                time.sleep(0.2)
    finally:
        stop_preview(process)
    process, _, restart = start_preview(preview, project, log_path)
    stop_preview(process)
    medians = {measure: {kind: statistics.median(values) for kind, values in kinds.items()} for measure, kinds in times.items()}
    return {**medians, "start": cold_start, "restart": restart}


def wait_until(check, seconds, pause=0.1):
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit("délai dépassé (%d s)" % seconds)
        time.sleep(pause)


def heaviest(public):
    return max((path.stat().st_size, str(path.relative_to(public))) for path in public.rglob("*.html"))


def measure(size, args, work):
    project = corpus.make_corpus(work / str(size), size)
    trash = Trash(work / "corbeille")
    outputs = [project / "public", project / ".public.atelier", project / ".atelier"]
    hugo_output = work / ("hugo-%d" % size)
    cold, hugo, rss = [], [], []
    for _ in range(args.runs):
        for path in outputs + [hugo_output]:
            trash.put(path)
        seconds, peak = atelier_build(args.atelier, project)
        cold.append(seconds)
        rss.append(peak)
        hugo.append(hugo_build(project, hugo_output)[0])
    no_change = [atelier_build(args.atelier, project)[0] for _ in range(args.runs)]

    files = sorted((project / "content").rglob("r*.md"))
    originals = {}
    one_edit = {kind: [] for kind in EDITS}
    # The first rebuild after a cold build fills the second folder of the site (its twin): not counted.
    first = files[len(files) // 3]
    originals[first] = first.read_text()
    edit(first, "texte", 0)
    warm_up = atelier_build(args.atelier, project)[0]
    for run in range(args.runs):
        for number, kind in enumerate(EDITS):
            path = files[(run * len(EDITS) + number) * 7919 % len(files)]
            originals.setdefault(path, path.read_text())
            edit(path, kind, run * 10 + number + 1)
            one_edit[kind].append(atelier_build(args.atelier, project)[0])
    # A template edit makes every page again, and carries what reads no template (the search's shards).
    footer = project / "templates" / "partials" / "footer.mustache"
    footer_text = footer.read_text()
    template_edit = []
    for run in range(args.runs):
        footer.write_text(footer_text + "<!-- retouche %d -->\n" % run)
        template_edit.append(atelier_build(args.atelier, project)[0])
    footer.write_text(footer_text)
    public = project / "public"
    page, page_path = heaviest(public)
    boussole = (public / "boussole" / "index.html").stat().st_size
    queries = [["co", "construction"], ["territoire"], ["elus", "locaux", "ingenierie"]]
    transfers = [query_bytes(public, words) for words in queries]
    preview = None
    if args.preview:
        files = [path for path in files if path not in originals]
        originals.update({path: path.read_text() for path in files})
        preview = preview_edits(args.preview, project, files, args.runs, work)
    for path, text in originals.items():
        path.write_text(text)
    trash.empty()
    return {
        "size": size, "cold": statistics.median(cold), "hugo": statistics.median(hugo), "rss": max(rss),
        "no_change": statistics.median(no_change), "warm_up": warm_up,
        "one_edit": {kind: statistics.median(times) for kind, times in one_edit.items()},
        "template_edit": statistics.median(template_edit),
        "page": page, "page_path": page_path, "boussole": boussole,
        "query": max(bytes_ for bytes_, _ in transfers), "queries": list(zip(queries, transfers)), "preview": preview,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--atelier", default=str(ROOT / ".build" / "release" / "atelier"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preview", help="the preview server (atelier-preview, release build) to time edits in")
    parser.add_argument("--work", default=str(ROOT / ".build" / "bench"), help="where the corpora are kept between runs")
    args = parser.parse_args()
    args.atelier = os.path.abspath(args.atelier)
    args.preview = args.preview and os.path.abspath(args.preview)
    work = pathlib.Path(args.work)
    results = []
    for size in args.sizes:
        print("… %d ressources" % size, flush=True)
        results.append(measure(size, args, work))

    print("\nTemps médians sur %d passes (s) ; rapport = Atelier / Hugo, à froid." % args.runs)
    header = "%10s %10s %10s %8s %10s %12s %14s" % ("ressources", "Atelier", "Hugo", "rapport", "à l'identique",
                                                     "retouche (max)", "mémoire (Mio)")
    print(header)
    for r in results:
        print("%10d %10.2f %10.2f %8.2f %10.2f %12.2f %14.0f" % (
            r["size"], r["cold"], r["hugo"], r["cold"] / r["hugo"], r["no_change"], max(r["one_edit"].values()), r["rss"]))
    print("\nUne retouche, par nature (s ; la première reconstruction après une construction à froid à part) :")
    print("%10s %10s %s" % ("ressources", "première", " ".join("%10s" % kind for kind in EDITS)))
    for r in results:
        print("%10d %10.2f %s" % (r["size"], r["warm_up"], " ".join("%10.2f" % r["one_edit"][kind] for kind in EDITS)))
    print("\nRetouche d'un gabarit (s), à côté d'une construction à froid :")
    for r in results:
        print("%10d %10.2f %10.2f" % (r["size"], r["template_edit"], r["cold"]))
    print("\nPoids (octets) : page HTML la plus lourde, page de la boussole, une recherche (index chargé, pire des requêtes) :")
    for r in results:
        print("%10d %10d %-40s %10d %10d" % (r["size"], r["page"], r["page_path"], r["boussole"], r["query"]))
    if args.preview:
        print("\nAperçu (ms depuis l'enregistrement) : page modifiée servie, puis reste du site reconstruit :")
        print("%10s %12s %12s %12s %12s" % ("ressources", "texte : page", "site", "titre : page", "site"))
        for r in results:
            p = r["preview"]
            print("%10d %12.0f %12.0f %12.0f %12.0f" % (r["size"], p["page"]["texte"], p["site"]["texte"], p["page"]["titre"],
                                                       p["site"]["titre"]))
        print("\nAperçu (s) : du lancement au site construit, sans cache, puis relancé après un arrêt par Ctrl-C :")
        for r in results:
            print("%10d %12.2f %12.2f" % (r["size"], r["preview"]["start"], r["preview"]["restart"]))
    if len(results) > 1:
        first, last = results[0], results[-1]
        print("\nCroissance à froid de %d à %d ressources : ×%.1f pour ×%.0f ressources." % (
            first["size"], last["size"], last["cold"] / first["cold"], last["size"] / first["size"]))


if __name__ == "__main__":
    main()
