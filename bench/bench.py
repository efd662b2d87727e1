#!/usr/bin/env python3
"""Build time of Atelier on synthetic corpora (about 4 KB of Markdown per resource), measured on whole runs
of the release binary: `make bench`, or `python3 bench/bench.py --sizes 1000 10000 --runs 3`.
The first run writes into an empty folder (cold); the next ones rebuild over the previous output, as an editor does."""
import argparse
import pathlib
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
TAGS = ["Co-construction", "ODD 17", "Élus locaux", "Ingénierie territoriale", "Transitions", "Méthode",
        "Financement", "Évaluation", "Formation", "Entreprises", "Associations", "Numérique",
        "Coopération territoriale", "Études et chiffres", "Projet de territoire", "Récit territorial"]
BOUSSOLE = {"maturite": ["accompagner", "consolider", "investir", "inventer"],
            "trajectoires": ["performance", "innovation", "confiance"],
            "profils": ["acteurs-publics", "acteurs-economiques", "structures-interet-general", "academiques"]}
KINDS = ["fiches", "vademecums", "kits", "evenements", "exemples", "publications"]
PARAGRAPH = ("Les élus locaux, leurs agents, les associations et les entreprises **co-construisent** des réponses "
             "aux fragilités de leur territoire : c'est le « faire alliance ». ~~Seul~~ Ensemble, ils mobilisent "
             "l'ingénierie territoriale et les ressources de www.exemple.fr pour agir.\n\n")


def resource_text(rng, kind, index, count):
    other = rng.randrange(count)
    values = {axis: rng.sample(options, rng.randint(1, 2)) for axis, options in BOUSSOLE.items()}
    extra = ""
    if kind == "evenements":
        extra = "debut: 2025-%02d-%02d 14:00\nlieu: En ligne\n" % (rng.randint(1, 12), rng.randint(1, 28))
    elif kind == "exemples":
        extra = "territoire: Limoux\nregion: Occitanie\n"
    body = "".join("## Partie %d\n\n%s%s| Niveau | Part |\n|---|---|\n| A | %d %% |\n\n- un point\n- un autre [lien](../%s/r%05d.md)\n\n"
                   % (part, PARAGRAPH, PARAGRAPH, rng.randint(1, 99), KINDS[other % len(KINDS)], other)
                   for part in range(1, 5))
    return ("---\ntitle: \"Ressource %d\"\ndate: 2025-%02d-%02d\nsummary: \"Résumé de la ressource %d.\"\n"
            "tags: [%s]\nboussole:\n%s%s---\n\n%s"
            % (index, rng.randint(1, 11), rng.randint(1, 28), index, ", ".join(rng.sample(TAGS, 3)),
               "".join("  %s: [%s]\n" % (axis, ", ".join(v)) for axis, v in values.items()), extra, body))


def make_corpus(folder, count):
    rng = random.Random(17)
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "content").mkdir()
    for name in ["site.yml", "boussole.yml"]:
        shutil.copy(ROOT / "content" / name, folder / "content" / name)
    for kind in KINDS:
        (folder / "content" / kind).mkdir()
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        (folder / "content" / kind / ("r%05d.md" % index)).write_text(resource_text(rng, kind, index, count))


def measure(atelier, folder, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([atelier, "build", "--root", str(folder), "--output", str(folder / "public"),
                        "--date", "2025-11-20"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    files = sum(1 for p in (folder / "public").rglob("*") if p.is_file())
    return times[0], times[1:], files


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--atelier", default=str(ROOT / ".build" / "release" / "atelier"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("%9s %8s %8s %12s %12s %14s" % ("resources", "files", "cold s", "rebuild s", "resources/s", "peak RSS MiB"))
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as temp:
            folder = pathlib.Path(temp)
            make_corpus(folder, size)
            cold, rebuilds, files = measure(args.atelier, folder, args.runs)
            rebuild = statistics.median(rebuilds) if rebuilds else float("nan")
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print("%9d %8d %8.2f %12.2f %12.0f %14.0f" % (size, files, cold, rebuild, size / cold, peak))


if __name__ == "__main__":
    main()
