"""`atelier new` as editors use it: the file written and its path, the build refusing it until it is filled,
nothing ever overwritten, and French messages for what cannot be done."""
import os
import shutil
import subprocess

from conftest import ATELIER, FIXTURE, ROOT


def project(tmp_path):
    """The fixture's configuration (the shipped site's kinds and axes) and the templates, with no content yet."""
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "content").mkdir()
    for name in ["site.yml", "boussole.yml"]:
        shutil.copy(FIXTURE / name, tmp_path / "content" / name)
    return tmp_path


def new(root, *args, env=None):
    return subprocess.run([ATELIER, "new", *args, "--root", str(root)], capture_output=True, text=True, env=env)


def contents(root):
    return sorted(str(p.relative_to(root)) for p in (root / "content").rglob("*"))


def test_new_writes_the_file_and_prints_its_path(tmp_path):
    root = project(tmp_path)
    result = new(root, "fiches", "Été 2025 : l'atelier", "--date", "2025-11-20")
    assert result.returncode == 0, result.stderr
    path, next_step = result.stdout.splitlines()
    assert path == "content/fiches/ete-2025-l-atelier.md"
    assert "« À remplir »" in next_step
    text = (root / path).read_text()
    assert text.startswith("---\ntitle: \"Été 2025 : l'atelier\"\n# date: AAAA-MM-JJ   # facultatif : la date du document")
    assert "\nmise_en_ligne: 2025-11-20   # le jour où la ressource paraît sur la plateforme" in text
    assert "\nsummary:   # À remplir : " in text
    assert "\ndraft: true" in text


def test_the_build_refuses_the_new_file_until_it_is_filled(tmp_path):
    root = project(tmp_path)
    assert new(root, "exemples", "Limoux", "--date", "2025-11-20").returncode == 0
    result = subprocess.run([ATELIER, "check", "--root", str(root), "--date", "2025-11-20", "--drafts"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    for place, field in [("5:1", "summary"), ("6:1", "tags"), ("8:3", "boussole.maturite"), ("11:1", "territoire")]:
        assert f"content/exemples/limoux.md:{place}: erreur[champ-a-remplir]: « {field} » est à remplir" in result.stderr
    assert "« region » est à remplir" not in result.stderr  # optional: only when a source gives it


def test_the_day_it_goes_online_defaults_to_today_and_its_own_date_is_left_to_the_editor(tmp_path):
    root = project(tmp_path)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1763640000"}  # 2025-11-20 12:00 UTC
    assert new(root, "kits", "Un kit", env=env).returncode == 0
    text = (root / "content/kits/un-kit.md").read_text()
    assert "\nmise_en_ligne: 2025-11-20 " in text
    assert "\ndate:" not in text and "\n# date: AAAA-MM-JJ " in text


def test_an_existing_file_is_never_overwritten(tmp_path):
    root = project(tmp_path)
    assert new(root, "fiches", "Mon titre").returncode == 0
    path = root / "content/fiches/mon-titre.md"
    path.write_text(path.read_text() + "Un texte déjà commencé.\n")
    before = path.read_bytes()
    result = new(root, "fiches", "Mon titre", "--date", "2025-12-01")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "content/fiches/mon-titre.md: erreur[fichier-existant]: ce fichier existe déjà" in result.stderr
    assert path.read_bytes() == before


def test_an_unknown_kind_is_refused_with_the_known_ones(tmp_path):
    root = project(tmp_path)
    result = new(root, "fiche", "Mon titre")
    assert result.returncode == 1
    assert "type inconnu : « fiche » ; vouliez-vous dire « fiches » ?" in result.stderr
    assert "fiches, vademecums, kits, evenements, exemples, publications" in result.stderr
    assert contents(root) == ["content/boussole.yml", "content/site.yml"]


def test_a_title_without_letters_or_a_folder_without_project_is_refused(tmp_path):
    root = project(tmp_path)
    result = new(root, "fiches", "« ! »")
    assert result.returncode == 1
    assert "ne contient ni lettre ni chiffre" in result.stderr
    result = new(tmp_path / "templates", "fiches", "Mon titre")
    assert result.returncode == 1
    assert "pas de content/site.yml" in result.stderr
    assert contents(root) == ["content/boussole.yml", "content/site.yml"]


def test_an_editorial_is_written_for_a_thursday_only(tmp_path):
    root = project(tmp_path)
    result = new(root, "jeudi", "2025-11-26")
    assert result.returncode == 1
    assert "le 2025-11-26 est un mercredi : les Jeudis paraissent le jeudi" in result.stderr
    assert "2025-11-20" in result.stderr and "2025-11-27" in result.stderr
    result = new(root, "jeudi", "2025-11-27")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "content/jeudis/2025-11-27.md"
    assert (root / "content/jeudis/2025-11-27.md").read_text().startswith("---\ntitle:   # À remplir : ")
    before = (root / "content/jeudis/2025-11-27.md").read_bytes()
    assert new(root, "jeudi", "2025-11-27").returncode == 1
    assert (root / "content/jeudis/2025-11-27.md").read_bytes() == before
