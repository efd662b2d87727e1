"""What a hostile or unlucky user meets: builds started together, templates that would crash, files left behind by
kills, folders Atelier may not read, editors' backup files, the system's refusals, a damaged cache, long names."""
import fcntl
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

import pytest

from conftest import ATELIER
from test_cli import fixture, resource
from test_interruption import digest, write_corpus

DATE = "2025-11-20"


def build(root, *extra, output=None):
    arguments = [ATELIER, "build", "--root", str(root), "--date", DATE, *extra]
    if output:
        arguments += ["--output", str(output)]
    return subprocess.run(arguments, capture_output=True, text=True)


def start(root, *extra):
    return subprocess.Popen([ATELIER, "build", "--root", str(root), "--date", DATE, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def corpus_project(tmp_path):
    root = fixture(tmp_path / "projet", {})
    (root / "content" / "fiches").mkdir()
    return root


def wait_for(condition, ceiling=120, what="the expected state"):
    deadline = time.monotonic() + ceiling
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not come within {ceiling} s"
        time.sleep(0.05)


def hidden_leftovers(root):
    """Every name Atelier's own folders hold besides what it means them to hold."""
    found = []
    for folder in [root / "public", root / ".public.atelier"]:
        found += [str(p.relative_to(root)) for p in folder.rglob(".*") if p.name != ".atelier"]
    cache = root / ".atelier" / "cache"
    known = {"CACHEDIR.TAG", "etat.bin"}
    found += [str(p.relative_to(root)) for p in cache.iterdir()
              if p.name not in known and not (p.name.endswith(".bin") and p.name.split(".")[0] in {"lectures", "pages", "recherche"})]
    return found


# 1. One build at a time.

def test_builds_started_together_run_one_at_a_time_and_each_exit_status_tells_the_truth(tmp_path):
    root = corpus_project(tmp_path)
    expected = {}
    for version in ["a", "b"]:
        write_corpus(root, version)
        assert build(root, output=tmp_path / f"reference-{version}").returncode == 0
        expected[version] = digest(tmp_path / f"reference-{version}")
    waited = []
    for round_number in range(12):
        version = "ab"[round_number % 2]
        write_corpus(root, version)
        builds = [start(root) for _ in range(3)]
        results = [(process.wait(), process.communicate()) for process in builds]
        for status, (_, stderr) in results:
            assert status == 0, f"round {round_number}: {stderr}"
            waited += [line for line in stderr.splitlines() if line.startswith("Attente : ")]
        assert digest(root / "public") == expected[version], f"round {round_number}: the site is not that of the builds"
        assert hidden_leftovers(root) == []
    # Three builds started at once overlap: the later ones said whom they waited for.
    assert waited
    assert all("une autre construction de ce projet est en cours (processus " in line for line in waited), waited


def test_a_build_waits_for_the_process_holding_the_project_and_names_it(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01")})
    (root / ".atelier").mkdir()
    with open(root / ".atelier" / "cache.verrou", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write("4242 : atelier jeudi --date 2025-11-20\n")
        lock.flush()
        waiting = start(root)
        line = waiting.stderr.readline()
        assert line.startswith("Attente : une autre construction de ce projet est en cours "
                               "(processus 4242 : atelier jeudi --date 2025-11-20)")
        assert not (root / "public").exists()
    # The lock dies with whoever held it: the build goes on.
    assert waiting.wait(timeout=120) == 0
    assert (root / "public" / "fiches" / "a" / "index.html").exists()


def test_a_killed_build_never_leaves_the_project_locked(tmp_path):
    root = corpus_project(tmp_path)
    write_corpus(root, "a")
    first = start(root)
    wait_for(lambda: (root / ".atelier" / "cache.verrou").exists() and (root / ".atelier" / "cache.verrou").read_text())
    first.kill()
    first.wait()
    result = build(root)
    assert result.returncode == 0, result.stderr


# 2. Templates that would crash Atelier.

RECURSIVE = {
    "inclusion de lui-même": ("templates/partials/boucle.mustache", "<p>{{>partials/boucle}}</p>\n"),
    "inclusion dans une section": ("templates/partials/boucle.mustache", "{{#title}}\n  {{> partials/boucle}}\n{{/title}}\n"),
}


def with_partial_used(root, path, text):
    (root / path).write_text(text)
    home = root / "templates" / "home.mustache"
    home.write_text(home.read_text().replace("{{$content}}", "{{$content}}{{>partials/boucle}}", 1))


@pytest.mark.parametrize("case", sorted(RECURSIVE))
def test_a_partial_that_includes_itself_is_an_error_at_its_line_for_check_and_build(tmp_path, case):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01")})
    path, text = RECURSIVE[case]
    with_partial_used(root, path, text)
    for command in ["check", "build"]:
        result = subprocess.run([ATELIER, command, "--root", str(root), "--date", DATE], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 1, (command, result.returncode, result.stderr)
        line = 1 if case == "inclusion de lui-même" else 2
        assert f"{path}:{line}:" in result.stderr and "erreur[gabarit-recursif]" in result.stderr, result.stderr
    assert not (root / "public").exists()


def test_ten_thousand_nested_sections_are_an_error_not_a_crash(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01")})
    depth = 10_000
    with_partial_used(root, "templates/partials/boucle.mustache", "{{#title}}" * depth + "x" + "{{/title}}" * depth + "\n")
    result = subprocess.run([ATELIER, "check", "--root", str(root)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "templates/partials/boucle.mustache:1:1001: erreur[gabarit-trop-imbrique]" in result.stderr, result.stderr


# 3. Nothing left behind.

def test_leftovers_of_killed_writes_are_removed_and_never_published(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01")})
    assert build(root).returncode == 0
    assert build(root, "--drafts").returncode == 0  # the twin now holds a complete site
    # What a build killed while it wrote its marker (or a cache file) leaves, in earlier versions' names and in today's.
    leftovers = [root / ".public.atelier" / ".dat.nosync1a2b.XyZ", root / ".public.atelier" / ".atelier.atelier-tmp",
                 root / ".atelier" / "cache" / ".dat.nosync3c4d.AbC", root / ".atelier" / "cache" / "etat.bin.atelier-tmp"]
    for path in leftovers:
        path.write_text("reste d'une construction interrompue")
    for extra in [[], ["--drafts"]]:
        result = build(root, *extra)
        assert result.returncode == 0, result.stderr
    assert hidden_leftovers(root) == []
    reference = build(root, output=tmp_path / "reference")
    assert reference.returncode == 0
    assert digest(root / "public") == digest(tmp_path / "reference")


# 4. Nothing dropped in silence.

@pytest.fixture
def as_nobody():
    """Root reads every file whatever its permissions: the build runs as nobody, as an editor's account would, from a
    folder nobody may enter (pytest's own are root's alone), with its own copy of the binary."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run the build as another account")
    folder = tempfile.mkdtemp(prefix="atelier-nobody-")
    os.chmod(folder, 0o755)
    binary = os.path.join(folder, "atelier")
    shutil.copy(ATELIER, binary)
    os.chmod(binary, 0o755)

    def run(root, *arguments):
        subprocess.run(["chown", "-R", "nobody:nogroup", str(root)], check=True)
        return subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", binary, *arguments],
                              capture_output=True, text=True)
    yield pathlib.Path(folder), run
    shutil.rmtree(folder, ignore_errors=True)


def test_an_unreadable_folder_or_file_fails_the_build_naming_it(as_nobody):
    folder, run = as_nobody
    root = fixture(folder / "projet", {"content/fiches/a.md": resource("A", "2025-11-01"),
                                         "content/parcours-prives/b.md": resource("B", "2025-11-01"),
                                         "content/fiches/c.md": resource("C", "2025-11-01")})
    (root / "content" / "parcours-prives").rename(root / "content" / "vademecums")
    (root / "content" / "site.yml").write_text((root / "content" / "site.yml").read_text()
                                                + "  vademecums: { singular: Vadémécum, plural: Vadémécums, sort: title }\n")
    (root / "content" / "vademecums").chmod(0o000)
    (root / "content" / "fiches" / "c.md").chmod(0o000)
    result = run(root, "build", "--root", str(root), "--date", DATE)
    assert result.returncode == 1, result.stdout
    assert "content/vademecums:1:1: erreur[dossier-illisible]: dossier illisible : permission refusée" in result.stderr \
        or "content/vademecums: erreur[dossier-illisible]: dossier illisible : permission refusée" in result.stderr, result.stderr
    assert "erreur[fichier-illisible]: fichier illisible : permission refusée" in result.stderr, result.stderr
    assert "content/fiches/c.md" in result.stderr
    assert "encodage" not in result.stderr
    assert not (root / "public").exists()


# 5. Editors' files never published.

def test_editors_backup_and_swap_files_are_never_published_and_a_capital_md_is_refused(tmp_path):
    draft = resource("Brouillon secret", "2025-11-01", "draft: true\n")
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01"),
                              "content/fiches/a.md~": draft, "content/fiches/#a.md#": draft,
                              "content/fiches/.a.md.swp": draft, "content/fiches/.#a.md": draft,
                              "content/fiches/a.md.bak": draft, "content/fiches/guide.pdf": "%PDF-1.4\n"})
    result = build(root)
    assert result.returncode == 0, result.stderr
    published = sorted(str(p.relative_to(root / "public")) for p in (root / "public" / "fiches").rglob("*") if p.is_file())
    assert "fiches/guide.pdf" in published
    assert not any("secret" in p.read_text(errors="replace").lower() for p in (root / "public").rglob("*") if p.is_file())
    assert [name for name in published if "a.md" in name] == []

    (root / "content" / "fiches" / "B.MD").write_text(resource("B", "2025-11-01"))
    result = build(root)
    assert result.returncode == 1
    assert "content/fiches/B.MD:1:1: erreur[extension-en-majuscules]" in result.stderr, result.stderr
    assert "renommez-le « B.md »" in result.stderr
    assert not (root / "public" / "fiches" / "B.MD").exists()


# 6. Messages in French.

def test_a_missing_root_is_one_sentence(tmp_path):
    result = subprocess.run([ATELIER, "build", "--root", str(tmp_path / "nulle-part")], capture_output=True, text=True)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "erreur[" in line]
    assert errors == [f"--root: erreur[projet-introuvable]: le dossier du projet « {tmp_path / 'nulle-part'} » n'existe pas"]
    assert not (tmp_path / "nulle-part").exists()


def test_the_systems_refusals_reach_the_editor_in_french(as_nobody):
    folder, run = as_nobody
    root = fixture(folder / "projet", {"content/fiches/a.md": resource("A", "2025-11-01")})
    output = folder / "sortie"
    output.mkdir()
    output.chmod(0o555)  # a folder nobody may not write into, since root owns it
    result = run(root, "build", "--root", str(root), "--date", DATE, "--output", str(output / "site"))
    assert result.returncode == 1
    assert "permission refusée" in result.stderr, result.stderr
    for english in ["Permission denied", "NSCocoaErrorDomain", "Error Domain", "File exists", "No such file"]:
        assert english not in result.stderr


# 7. A cache that keeps what it can.

def test_a_damaged_cache_tag_is_repaired_and_strict_fails_on_a_cache_warning(tmp_path):
    root = corpus_project(tmp_path)
    write_corpus(root, "a")
    assert build(root).returncode == 0
    tag = root / ".atelier" / "cache" / "CACHEDIR.TAG"
    tag.write_text("Signature: 8a477f597d28d17")  # cut short
    write_corpus(root, "b")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "avertissement" not in result.stderr, result.stderr
    assert tag.read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55\n")
    # The cache was used: every resource's page but the one edited is carried.
    (root / "content" / "fiches" / "r3.md").write_text((root / "content" / "fiches" / "r3.md").read_text() + "\nEncore.\n")
    result = build(root)
    assert result.returncode == 0, result.stderr

    # A cache folder without its tag, holding another's files, is never written into: a warning, which --strict makes
    # an error.
    tag.unlink()
    (root / ".atelier" / "cache" / "notes-personnelles.txt").write_text("à moi")
    before = digest(root / "public")
    (root / "content" / "fiches" / "r4.md").write_text((root / "content" / "fiches" / "r4.md").read_text() + "\nEncore.\n")
    result = build(root, "--strict")
    assert result.returncode == 1
    assert "avertissement[cache-non-enregistre]" in result.stderr, result.stderr
    assert digest(root / "public") == before, "a build that failed changed the site"
    assert build(root).returncode == 0


def test_a_build_killed_just_after_its_site_went_live_leaves_a_cache_that_knows_it(tmp_path):
    root = corpus_project(tmp_path)
    write_corpus(root, "a")
    assert build(root).returncode == 0
    write_corpus(root, "b")
    process = start(root)
    marker = root / "public" / ".atelier"
    live_before = marker.read_text()
    # Killed as soon as the new site is live, before it could do anything after.
    while marker.read_text() == live_before and process.poll() is None:
        pass
    process.kill()
    process.wait()
    result = build(root, "--timings")
    assert result.returncode == 0, result.stderr
    assert "rien n'a changé" in result.stdout, result.stdout


# 9. Long names.

def test_a_slug_or_alias_too_long_for_the_file_system_is_caught_at_its_line(tmp_path):
    long = "a" * 300
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01", f"slug: {long}\n"),
                              "content/fiches/b.md": resource("B", "2025-11-01", f"aliases: [/anciennes/{long}/]\n")})
    result = subprocess.run([ATELIER, "check", "--root", str(root)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/fiches/a.md:7:7: erreur[nom-trop-long]" in result.stderr, result.stderr
    assert "content/fiches/b.md:7:" in result.stderr and "erreur[nom-trop-long]" in result.stderr
    assert "File name too long" not in result.stderr


def test_new_with_a_very_long_title_writes_a_short_file_name(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01")})
    title = "Une fiche " + " ".join(["très"] * 120) + " longue"
    result = subprocess.run([ATELIER, "new", "fiches", title, "--root", str(root)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    created = [p for p in (root / "content" / "fiches").iterdir() if p.name != "a.md"]
    assert len(created) == 1
    assert len(created[0].stem) <= 80 and created[0].stem.startswith("une-fiche-tres-tres")
    assert not created[0].stem.endswith("-")
