#!/usr/bin/env python3
"""Two versions of Atelier side by side: `make bench`'s build figures for each, measured in turns.

Each binary builds its own copy of the same generated corpus (bench/corpus.py); the two are run one after the
other, before then after, for every measure, and every edit is made to both copies alike, so that a drift of the
machine's speed reaches both. For each size it prints the median of each figure for each binary and the median of
the after/before ratios, pair by pair; then whether the two sites are the same, byte for byte.

    python3 bench/versus.py --before /tmp/atelier-before --after .build/release/atelier --sizes 1000 10000 --runs 5

With --before-without-roles, the before copy's site.yml loses its fields' `role:` entries, for a version of Atelier
from before event roles (its field names were the roles): both then build the same site.
"""
import argparse
import filecmp
import pathlib
import re
import shutil
import statistics

import corpus
from bench import DATE, EDITS, ROOT, Trash, edit, timed


def build(atelier, project):
    return timed([atelier, "build", "--root", str(project), "--date", DATE])[0]


def same_tree(left, right):
    """Whether two folders hold the same files with the same bytes."""
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(left / name, right / name) for name in comparison.common_dirs)


def measure(size, args, work):
    source = corpus.make_corpus(work / str(size), size)
    trash = Trash(work / "corbeille-versus")
    projects = {}
    for name in ("before", "after"):
        projects[name] = work / ("versus-%s-%d" % (name, size))
        trash.put(projects[name])
        shutil.copytree(source, projects[name], ignore=shutil.ignore_patterns("public", ".public.atelier", ".atelier"))
    if args.before_without_roles:
        site = projects["before"] / "content" / "site.yml"
        site.write_text(re.sub(r", role: [a-z]+", "", site.read_text()))
    binaries = {"before": args.before, "after": args.after}
    figures = {}

    def turn(figure, prepare=lambda project: None):
        pair = {}
        for name, project in projects.items():
            prepare(project)
            pair[name] = build(binaries[name], project)
        figures.setdefault(figure, []).append(pair)

    def cold(project):
        for path in (project / "public", project / ".public.atelier", project / ".atelier"):
            trash.put(path)

    for _ in range(args.runs):
        turn("froid", cold)
    for _ in range(args.runs):
        turn("rien de changé")
    files = sorted(path.relative_to(source) for path in (source / "content").rglob("r*.md"))
    # The first rebuild after a cold build fills the site's second folder: not counted.
    for project in projects.values():
        edit(project / files[len(files) // 3], "texte", 0)
        build(binaries["before" if project == projects["before"] else "after"], project)
    for run in range(args.runs):
        for number, kind in enumerate(EDITS):
            path = files[(run * len(EDITS) + number) * 7919 % len(files)]
            turn("une retouche : " + kind, lambda project: edit(project / path, kind, run * 10 + number + 1))
    for run in range(args.runs):
        def template(project):
            footer = project / "templates" / "partials" / "footer.mustache"
            footer.write_text(footer.read_text() + "<!-- retouche %d -->\n" % run)
        turn("un gabarit", template)
    identical = same_tree(projects["before"] / "public", projects["after"] / "public")
    trash.empty()
    return figures, identical


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default=str(ROOT / ".build" / "release" / "atelier"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before-without-roles", action="store_true")
    parser.add_argument("--work", default=str(ROOT / ".build" / "bench"))
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        figures, identical = measure(size, args, work)
        print("\n%s ressources (médianes de %d passages, en secondes)" % (format(size, ",").replace(",", " "), args.runs))
        print("| mesure | avant | après | après / avant |")
        print("|---|---:|---:|---:|")
        for figure, pairs in figures.items():
            print("| %s | %.2f | %.2f | %.2f |" % (
                figure, statistics.median(p["before"] for p in pairs), statistics.median(p["after"] for p in pairs),
                statistics.median(p["after"] / p["before"] for p in pairs)))
        print("sites identiques, octet pour octet : %s" % ("oui" if identical else "NON"))


if __name__ == "__main__":
    main()
