"""Synthetic corpora for the benchmark: N resources of about 8 KB of Markdown each, with a fixed seed.

The words follow the shipped corpus (or the content folder given): its French vocabulary, drawn with the frequencies
it has there, plus a long tail of rarer made-up words, as a large real corpus has (a search index meets thousands of distinct terms, not one
repeated paragraph). Each resource has a title, a summary, three of thirty themes, one or two values on each axis of
the boussole, a table, a list, and links to other resources."""
import bisect
import itertools
import pathlib
import random
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "content"
KINDS = ["fiches", "vademecums", "kits", "evenements", "exemples", "publications"]
BOUSSOLE = {"maturite": ["accompagner", "consolider", "investir", "inventer"],
            "trajectoires": ["performance", "innovation", "confiance"],
            "profils": ["acteurs-publics", "acteurs-economiques", "structures-interet-general", "academiques"]}
TAGS = ["Co-construction", "ODD 17", "Élus locaux", "Ingénierie territoriale", "Transitions", "Méthode", "Financement",
        "Évaluation", "Formation", "Entreprises", "Associations", "Numérique", "Coopération territoriale",
        "Études et chiffres", "Projet de territoire", "Récit territorial", "Mobilité", "Alimentation", "Santé",
        "Culture", "Jeunesse", "Emploi", "Logement", "Énergie", "Eau", "Biodiversité", "Solidarités", "Ruralité",
        "Quartiers", "Europe"]
SYLLABLES = ["ba", "ce", "di", "fo", "ga", "lé", "mi", "no", "pa", "qu", "ri", "sa", "té", "vi", "zo", "tion", "ment",
             "eur", "ale", "ique", "ance", "ois", "ette", "ier", "on", "an", "in", "ul", "or", "ès"]
GENERATOR_VERSION = 1


def vocabulary(content):
    """Words of the texts of `content` (a content folder), most frequent first."""
    counts = {}
    for path in content.rglob("*.md"):
        text = path.read_text().split("---", 2)[-1]
        for word in re.findall(r"[A-Za-zÀ-ÿœŒ]+(?:['’][A-Za-zÀ-ÿ]+)?", text):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))


class Words:
    """Zipf-like draws over the words of `content` followed by a long tail of made-up ones."""

    def __init__(self, rng, content, tail=40_000):
        made_up = set()
        while len(made_up) < tail:
            made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.words = vocabulary(content) + sorted(made_up)
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(self.words))))
        self.rng = rng

    def draw(self, count):
        total = self.cumulative[-1]
        return [self.words[bisect.bisect(self.cumulative, self.rng.random() * total)] for _ in range(count)]

    def sentence(self, count):
        words = self.draw(count)
        words[0] = words[0].capitalize()
        return " ".join(words) + "."


def resource_text(rng, words, kind, index, count):
    values = {axis: rng.sample(options, rng.randint(1, 2)) for axis, options in BOUSSOLE.items()}
    extra = ""
    if kind == "evenements":
        extra = "debut: %d-%02d-%02d 14:00\nlieu: En ligne\n" % (rng.randint(2020, 2026), rng.randint(1, 12), rng.randint(1, 28))
    elif kind == "exemples":
        extra = "territoire: \"%s\"\nregion: Occitanie\n" % words.draw(1)[0].capitalize()
    parts = []
    for part in range(1, 9):
        other = rng.randrange(count)
        paragraphs = "\n\n".join(words.sentence(rng.randint(12, 30)) + " " + words.sentence(rng.randint(12, 30))
                                 for _ in range(2))
        parts.append("## %s %d\n\n%s **%s** ~~%s~~ %s\n\n| %s | Part |\n|---|---|\n| %s | %d %% |\n\n"
                     "- %s\n- voir [%s](../%s/r%05d.md)\n\n"
                     % (words.sentence(3)[:-1], part, paragraphs, words.draw(1)[0], words.draw(1)[0], words.sentence(8),
                        words.draw(1)[0], words.draw(1)[0], rng.randint(1, 99), words.sentence(6),
                        words.draw(1)[0], KINDS[other % len(KINDS)], other))
    title = " ".join(words.draw(rng.randint(3, 7))).capitalize()
    return ("---\ntitle: \"%s %d\"\ndate: %d-%02d-%02d\nsummary: \"%s\"\ntags: [%s]\nboussole:\n%s%s---\n\n%s"
            % (title, index, rng.randint(2020, 2025), rng.randint(1, 12), rng.randint(1, 28), words.sentence(rng.randint(12, 24)),
               ", ".join(rng.sample(TAGS, 3)), "".join("  %s: [%s]\n" % (axis, ", ".join(v)) for axis, v in values.items()),
               extra, "".join(parts)))


def copy_project_files(folder, content):
    """The project's own templates and the configuration of `content`, as they are now: a corpus kept from an earlier
    run gets them too."""
    shutil.rmtree(folder / "templates", ignore_errors=True)
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "content").mkdir(parents=True, exist_ok=True)
    for name in ["site.yml", "boussole.yml"]:
        shutil.copy(content / name, folder / "content" / name)


def make_corpus(folder, count, seed=17, content=SHIPPED):
    """Writes templates/ and content/ for `count` resources into `folder`, unless that corpus is already there.
    `content` gives the configuration and the vocabulary (the engine's tests pass their own fixture's)."""
    stamp = folder / ".corpus"
    signature = "%d %d %d" % (count, seed, GENERATOR_VERSION) + ("" if content == SHIPPED else " %s" % content)
    if stamp.exists() and stamp.read_text() == signature:
        copy_project_files(folder, content)
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    rng = random.Random(seed)
    words = Words(rng, content)
    copy_project_files(folder, content)
    for kind in KINDS:
        (folder / "content" / kind).mkdir()
    for index in range(count):
        kind = KINDS[index % len(KINDS)]
        (folder / "content" / kind / ("r%05d.md" % index)).write_text(resource_text(rng, words, kind, index, count))
    stamp.write_text(signature)
    return folder
