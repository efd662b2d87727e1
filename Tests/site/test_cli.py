"""The `atelier` command line as editors and the weekly job use it: exit codes, messages, dates."""
import hashlib
import os
import shutil
import subprocess

from conftest import ATELIER, ROOT

SITE = """title: "Essai"
base_url: "https://exemple.fr"
kinds:
  fiches: { singular: Fiche, plural: Fiches, sort: title }
"""
BOUSSOLE = """axes:
  maturite:
    label: Maturité
    values:
      accompagner: { label: Accompagner }
"""


def resource(title, date, extra=""):
    return f"""---
title: "{title}"
date: {date}
summary: "Résumé."
tags: [Essai]
boussole: {{ maturite: accompagner }}
{extra}---

Texte.
"""


def fixture(tmp_path, files):
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    for path, text in {"content/site.yml": SITE, "content/boussole.yml": BOUSSOLE, **files}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    return tmp_path


def run(*args, env=None):
    return subprocess.run([ATELIER, *args], capture_output=True, text=True, env=env)


def digest(folder):
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def test_errors_print_file_line_column_in_french_and_exit_1(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-02-30"),
                              "content/fiches/b.md": resource("B", "2025-11-01", "couleur: bleu\n")})
    result = run("build", "--root", str(root))
    assert result.returncode == 1
    assert "content/fiches/a.md:3:7: erreur[date-invalide]: date impossible : « 2025-02-30 »" in result.stderr
    assert "content/fiches/b.md:7:1: erreur[cle-inconnue]: clé inconnue « couleur »" in result.stderr
    assert "Échec : 2 erreurs" in result.stderr
    assert not (root / "public").exists()


def test_a_summary_line_ends_a_successful_build(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-02")})
    result = run("build", "--root", str(root), "--date", "2025-11-20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Site construit (2025-11-20) : 2 fiches ;")
    assert (root / "public" / "fiches" / "a" / "index.html").exists()


def test_source_date_epoch_gives_the_same_site_as_date(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-21")})
    assert run("build", "--root", str(root), "--output", str(tmp_path / "a"), "--date", "2025-11-20").returncode == 0
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1763640000"}  # 2025-11-20 12:00 UTC
    assert run("build", "--root", str(root), "--output", str(tmp_path / "b"), env=env).returncode == 0
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert not (tmp_path / "b" / "fiches" / "b").exists()


def test_an_impossible_date_option_is_refused(tmp_path):
    result = run("build", "--root", str(fixture(tmp_path, {})), "--date", "2025-13-01")
    assert result.returncode != 0
    assert "AAAA-MM-JJ" in result.stderr


def test_jeudi_prints_the_issue_files_or_says_there_is_none(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-18"),
                              "content/fiches/b.md": resource("B", "2025-11-19")})
    found = run("jeudi", "--root", str(root), "--date", "2025-11-22")
    assert found.returncode == 0, found.stderr
    paths = found.stdout.strip().splitlines()[-3:]
    assert [p.split("/public/")[1] for p in paths] == ["jeudis/2025-11-20/index.html", "jeudis/2025-11-20/email.html",
                                                        "jeudis/2025-11-20/email.txt"]
    assert all(os.path.exists(p) for p in paths)
    empty = run("jeudi", "--root", str(root), "--date", "2025-11-27")
    assert empty.returncode == 1
    assert "Pas de numéro des Jeudis le jeudi 27 novembre 2025" in empty.stderr


def test_check_reports_everything_and_writes_nothing(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-01", "draft: oui\n")})
    result = run("check", "--root", str(root), "--date", "2025-11-20")
    assert result.returncode == 1
    assert "content/fiches/b.md:7:8: erreur[booleen-attendu]: « draft » doit valoir true ou false" in result.stderr
    (root / "content" / "fiches" / "b.md").write_text(resource("B", "2025-11-01"))
    result = run("check", "--root", str(root), "--date", "2025-11-20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Vérification (2025-11-20) : 2 ressources publiées, aucun problème."
    assert not (root / "public").exists()


def test_timings_list_the_steps_of_the_build(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-02")})
    result = run("build", "--root", str(root), "--date", "2025-11-20", "--timings")
    assert result.returncode == 0, result.stderr
    steps = result.stdout.strip().splitlines()[-1]
    assert steps.startswith("Étapes : lecture ")
    assert [part.split()[0] for part in steps.removeprefix("Étapes : ").split(" · ")] == ["lecture", "modèle", "rendu", "écriture", "cache"]

    again = run("build", "--root", str(root), "--date", "2025-11-20", "--timings")
    assert again.returncode == 0, again.stderr
    assert "rien n'a changé depuis la dernière construction" in again.stdout
    assert again.stdout.strip().splitlines()[-1].startswith("Étapes : lecture ")


def whole_tree(folder):
    """Every file, folder and link below `folder`, hidden ones included, with its contents."""
    entries = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            entries[key] = "-> " + os.readlink(path)
        elif path.is_file():
            entries[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            entries[key] = "dossier"
    return entries


def test_outputs_that_would_replace_the_project_are_refused_and_nothing_changes(tmp_path):
    root = fixture(tmp_path / "projet", {"content/fiches/a.md": resource("A", "2025-11-01")})
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "ailleurs").mkdir()
    (tmp_path / "ailleurs" / "photo.jpg").write_bytes(b"JPEG")
    expected = {".": "est le dossier du projet", "content": "est dans content/", "templates": "est dans templates/",
                "..": "contient le dossier du projet", "../ailleurs": "contient des fichiers qu'Atelier n'a pas écrits"}
    before = whole_tree(tmp_path)
    for output, message in expected.items():
        result = subprocess.run([ATELIER, "build", "--output", output, "--date", "2025-11-20"], cwd=root,
                                capture_output=True, text=True)
        assert result.returncode == 1, output
        assert result.stderr.startswith(f"{output}: erreur[sortie-refusee]: « {output} » {message}"), result.stderr
        assert "aide : " in result.stderr
        assert whole_tree(tmp_path) == before, output


def test_force_takes_over_an_unrelated_folder_then_it_is_ateliers(tmp_path):
    root = fixture(tmp_path / "projet", {"content/fiches/a.md": resource("A", "2025-11-01")})
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "ancien.html").write_text("<p>ancien</p>")
    assert run("build", "--root", str(root), "--output", str(tmp_path / "www"), "--date", "2025-11-20").returncode == 1
    forced = run("build", "--root", str(root), "--output", str(tmp_path / "www"), "--date", "2025-11-20", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "www" / "fiches" / "a" / "index.html").exists()
    assert not (tmp_path / "www" / "ancien.html").exists()
    again = run("build", "--root", str(root), "--output", str(tmp_path / "www"), "--date", "2025-11-20")
    assert again.returncode == 0, again.stderr


def test_resources_left_out_are_counted_in_the_summary(tmp_path):
    root = fixture(tmp_path, {"content/fiches/a.md": resource("A", "2025-11-01"),
                              "content/fiches/b.md": resource("B", "2025-11-01"),
                              "content/fiches/c.md": resource("C", "2025-12-25"),
                              "content/fiches/d.md": resource("D", "2025-11-01", "draft: true\n")})
    result = run("build", "--root", str(root), "--date", "2025-11-20")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Site construit (2025-11-20) : 2 fiches (non publiées : 1 programmée, 1 brouillon) ;")
