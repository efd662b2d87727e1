"""Nothing copied: no content file repeats a run of 20 or more consecutive words of a source document.

Part of the content suite (test_content_*.py): it checks the shipped content/, not the engine.

The content of content/ is written from the plain-text source documents kept in ../shared/seeds/ (beside the
repository). Facts, figures, names, dates and links carry over; sentences do not. This test reads every .md and .yml
file of content/ and every file of the seeds folder, and fails on any run of RUN or more consecutive words that a
content file shares with a seed. It needs no built site, only the two folders, and runs in well under a second.

What counts as a word. Both sides go through `words`: case folded, accents dropped (the sources often write « Etude »
or « ELUS » for « Étude », « Élus »), œ and æ spelled out; straight, typographic and modifier apostrophes (' ’ ʼ ‘)
join the elided article to its word, so « l’étude » and « l'étude » are the one word « letude »; everything else that
is not a letter or a digit separates words: typographic quotes, dashes, hyphens, no-break spaces, punctuation, line
ends. Ordinals are written one way (« 107ème », « 107^{ème} », « 107e » are all « 107e »). A source document that was
saved with a broken encoding (« lôinnovation », « r®seaux ») is repaired first (`repair`), so that prose copied from it
is still recognised.

What is read. In a Markdown file, the front matter and the body; in both, and in .yml files, YAML keys
(« summary: », « { label: … url: … } »), comments' hash marks, Markdown markup (headings, emphasis, link targets) and
URLs are dropped, and the text of values, links and paragraphs is kept. Runs do not cross a skipped line.

What is not checked ("outside lists of names and tables"):
- tables: Markdown table rows (lines starting with « | ») on either side, and the sources' tab-separated table rows;
- content/grille.yml, whose axes, situations and practices are quoted word for word by design;
- lists of names: a shared run in which at least two thirds of the words that are not French function words
  (articles, prepositions, « et »…) are written, in the content file, with a capital letter or are numbers. Such a run
  is a list of organisations, titles and figures (« l'ANPP-Territoires de Projet, la Fondation des Territoires, le Fonds
  ODD 17 et le Réseau des catalyseurs territoriaux »), which a page has to name as the source does. The rule looks at
  the shared run only, not at the whole line, so a copied sentence that merely contains a few names still fails.
"""
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 20
# Quoted word for word on purpose (see its header comment).
EXEMPT = {CONTENT / "grille.yml"}

APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
FUNCTION_WORDS = set("""
a au aux avec d de des du en et l la le les ou par pour sur un une dans entre chez vers sous son sa ses leur leurs
""".split())
ORDINAL = re.compile(r"(\d+)(?:iemes?|emes?|eres?|er|res?|es?)")
URL = re.compile(r"(?:https?://|mailto:|www\.)\S+")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
YAML_KEY = re.compile(r"(?:^|(?<=[\s{,\[]))[A-Za-z_][\w-]*:(?=\s|$)")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def repair(text):
    """Undo the broken encoding of a source saved through the wrong code page.

    Applied only to a seed that shows it many times (an elided article fused with « ô », as in « lôinnovation »,
    « dôactions »), since the substitutions below would damage clean French text (« côté », « Français »)."""
    if len(re.findall(r"\b[lLdD]\u00f4[A-Za-z\u00ae\u00ee]", text)) < 5:
        return text
    text = re.sub(r"(?<=[lLdDcCnNsSjJmM])\u00f4(?=[A-Za-z\u00c0-\u00ff\u00ae\u00a8\u00b0])", "'", text)
    text = text.replace("'\u00ee", "'\u0153")  # « lôîuvre » : l'œuvre
    text = re.sub(r"(?<=[a-z\u00e0-\u00ff]{2})(?<!aujour)([ld]')", r" \1", text)  # « avecl'ANCT » : avec l'ANCT
    for broken, right in {"\u00ae": "é", "\u00a8": "à", "\u00b0": "ê", "\u00af": "è"}.items():
        text = text.replace(broken, right)
    text = re.sub(r"\u00e8(?![A-Za-z\u00c0-\u00ff])", " ", text)  # « » » written « è » after a word
    text = re.sub(r"(?<![A-Za-z\u00c0-\u00ff])\u00e7(?!a\b)", " ", text)  # « « » written « ç »
    text = re.sub(r"(?<![A-Za-z\u00c0-\u00ff])[\u00e9\u00ef](?![A-Za-z\u00c0-\u00ff])", " ", text)  # … and –
    text = re.sub(r"(?<![A-Za-z\u00c0-\u00ff])\u00ef", " ", text)
    return re.sub(r"[\u00c5\u01b4]|(?<!\S)\u00c7(?!\S)", " ", text)  # bullets


def fold(word):
    """A word as compared: lower case, no accents, œ and æ spelled out, no apostrophe."""
    word = unicodedata.normalize("NFKD", word.casefold().replace("œ", "oe").replace("æ", "ae"))
    return "".join(c for c in word if not unicodedata.combining(c) and c not in APOSTROPHES)


def words(line):
    """The words of one line of plain text, each as (folded, as written)."""
    line = unicodedata.normalize("NFC", line)
    line = re.sub("[\u00b9\u00b2\u00b3\u2070-\u2079]", " ", line)  # footnote marks
    line = line.replace("^{", "").replace("}", " ")  # « 1^{er} » is « 1er »
    found = []
    for token in re.findall(r"[^\W_]+(?:[%s][^\W_]+)*" % APOSTROPHES, line):
        folded = fold(token)
        ordinal = ORDINAL.fullmatch(folded)
        if ordinal:
            found.append((ordinal.group(1) + "e", token))
            continue
        if re.fullmatch(r"[^\W\d_]{3,}\d", token) and token[:-1].islower():
            folded = folded[:-1]  # « maires1 » : a footnote call glued to its word
        # Letters and figures apart: « ODD17 » is « ODD 17 », « D54 » is « D 54 ».
        found.extend((piece, token) for piece in re.findall(r"[a-z]+|\d+", folded))
    return found


def is_table_row(line):
    return line.lstrip().startswith("|") or "\t" in line.strip("\n")


def plain(line, yaml_line):
    """One line of a content file or a seed without its markup: link targets, URLs, YAML keys, Markdown signs."""
    line = MD_LINK.sub(r"\1", line)
    line = HTML_TAG.sub(" ", line)
    line = URL.sub(" ", line)
    if yaml_line:
        line = YAML_KEY.sub(" ", line)
    return line


def segments(path, text, is_seed):
    """The words of a file, as runs of lines between skipped ones (tables): [[(folded, written, line number)…]…]."""
    lines = text.splitlines()
    yaml_until = 0
    if path.suffix == ".yml":
        yaml_until = len(lines)
    elif not is_seed and lines and lines[0].strip() == "---":
        closing = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), 0)
        yaml_until = closing + 1
    result, current = [], []
    for number, line in enumerate(lines, 1):
        if is_table_row(line):
            if current:
                result.append(current)
            current = []
            continue
        for folded, written in words(plain(line, number <= yaml_until)):
            current.append((folded, written, number))
    if current:
        result.append(current)
    return result


def grams(segment):
    for i in range(len(segment) - RUN + 1):
        yield i, tuple(w[0] for w in segment[i:i + RUN])


def is_name_list(run):
    """Two thirds of the run's meaningful words are capitalised or numbers, as written in the content file."""
    meaningful = [written for folded, written, _ in run if folded not in FUNCTION_WORDS]
    if not meaningful:
        return True
    # « l'ANPP » is a name: the elided article does not count.
    initials = [re.sub(r"^[^\W\d_]{1,3}[%s]" % APOSTROPHES, "", w)[:1] for w in meaningful]
    named = sum(1 for c in initials if c.isupper() or c.isdigit())
    return 3 * named >= 2 * len(meaningful)


def seed_index():
    if not SEEDS.is_dir():
        pytest.fail(f"the source documents are missing: {SEEDS} is not a folder (it should be shared/seeds/, beside "
                    f"the repository {ROOT.name}/); without them this test cannot check that nothing was copied")
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    if not files:
        pytest.fail(f"the source documents are missing: {SEEDS} holds no file")
    index = {}
    for path in files:
        text = repair(path.read_text(encoding="utf8", errors="replace"))
        for segment in segments(path, text, is_seed=True):
            for i, gram in grams(segment):
                index.setdefault(gram, (path.name, segment[i][2]))
    return index


def content_files():
    return sorted(p for p in CONTENT.rglob("*") if p.suffix in (".md", ".yml") and p not in EXEMPT)


def shared_runs(index, path):
    """The maximal runs of RUN or more words that the file shares with a seed, lists of names left out."""
    found = []
    for segment in segments(path, path.read_text(encoding="utf8"), is_seed=False):
        starts = [(i, index[gram]) for i, gram in grams(segment) if gram in index]
        k = 0
        while k < len(starts):
            first, where = starts[k]
            last = first
            while k + 1 < len(starts) and starts[k + 1][0] == last + 1:
                k += 1
                last = starts[k][0]
            run = segment[first:last + RUN]
            if not is_name_list(run):
                found.append((run, where))
            k += 1
    return found


def test_the_seeds_and_the_content_are_there():
    assert seed_index(), "the seeds give no run of words to compare with"
    assert len(content_files()) > 10, f"{CONTENT} holds almost no content file"


def test_no_content_file_copies_a_run_of_words_from_a_seed():
    index = seed_index()
    problems = []
    for path in content_files():
        for run, (seed, seed_line) in shared_runs(index, path):
            words_written = " ".join(w[1] for w in run)
            problems.append(f"{path.relative_to(ROOT)}:{run[0][2]}: {len(run)} words shared with {seed} "
                            f"(line {seed_line}): « {words_written} »")
    assert not problems, ("content copies the sources' sentences (write the facts in your own words):\n"
                          + "\n".join(problems))


@pytest.mark.parametrize("text, verdict", [
    # A sentence of seed 002 (footnote call « maires1 » included), retyped with other apostrophes, quotes, spaces,
    # accents and case, is a copy.
    ("FACE A L'ACCROISSEMENT des défis et la raréfaction des ressources, le \"devoir d'alliance\" est une réalité "
     "pour 92\u00a0% des maires. Selon eux, le « jouer collectif » est utile", "copied"),
    # The same facts in other words are not.
    ("Les défis s'accumulent et les ressources se raréfient : 92 % des maires vivent le « devoir d'alliance » comme "
     "une réalité, et jugent le « jouer collectif » utile.", "not shared"),
    # Seed 000's list of the four presenters and their stand is a list of names.
    ("l'ANPP-Territoires de Projet, la Fondation des Territoires, le Fonds ODD 17 et le Réseau des catalyseurs "
     "territoriaux, sur le stand GRDF (Pavillon 2-2, D54)", "names"),
])
def test_the_comparison_sees_through_typography_and_spares_names(text, verdict):
    index = seed_index()
    probe = [(folded, written, 1) for folded, written in words(text)]
    hits = [i for i, gram in grams(probe) if gram in index]
    if verdict == "not shared":
        assert not hits
        return
    assert hits, "the run shared with the seed is not recognised"
    assert is_name_list(probe[hits[0]:hits[-1] + RUN]) == (verdict == "names")
