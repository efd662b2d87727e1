"""`atelier publish` to an S3 bucket of a real SeaweedFS started on loopback by the test, through rclone: only the
files whose bytes changed are sent, each with its Content-Type and Cache-Control, pages after the files they need,
deletions last and limited; and the Thursday run through a bucket, checked live behind nginx."""
import os
import re
import subprocess
import time

import pytest

from conftest import ATELIER
from servers import BucketServer, MailServer, WebServer
from test_cli import fixture, resource
from test_publish import on_a_terminal

DATE = "2025-11-20"


@pytest.fixture
def bucket(tmp_path):
    server = BucketServer(tmp_path / "seaweedfs")
    yield server
    server.stop()


def project(tmp_path, bucket, fiches=3, extra=""):
    files = {f"content/fiches/f{number}.md": resource(f"F{number}", "2025-11-17") for number in range(fiches)}
    root = fixture(tmp_path / "projet", files)
    (root / "publication.yml").write_text(f"""compartiment:
  fournisseur: SeaweedFS
  point_d_acces: {bucket.url}
  nom: {bucket.bucket}
  suppressions_max: 2
{extra}""")
    return root


def atelier(root, bucket, *arguments, secret=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATELIER_")}
    env.update({"ATELIER_S3_CLE_ACCES": BucketServer.KEY, "ATELIER_S3_CLE_SECRETE": secret or bucket.secret})
    return subprocess.run([ATELIER, *arguments, "--root", str(root)], capture_output=True, text=True, timeout=600, env=env)


def build(root):
    result = subprocess.run([ATELIER, "build", "--root", str(root), "--date", DATE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def site(root):
    folder = root / "public"
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file() and p.name != ".atelier"}


def sent(result):
    return int(re.search(r"(\d+) fichier\(s\) envoyé\(s\)", result.stdout).group(1))


def test_only_changed_files_are_sent_each_with_its_type_and_cache_life(tmp_path, bucket):
    root = project(tmp_path, bucket, fiches=30)
    build(root)
    first = atelier(root, bucket, "publish")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"Site publié sur le compartiment {bucket.bucket} : version ")
    assert sent(first) == len(site(root)) and first.stderr == ""
    assert bucket.objects() == site(root)
    page, headers = bucket.get("fiches/f1/index.html")
    assert headers["Content-Type"].startswith("text/html") and headers["Cache-Control"] == "public, max-age=300"
    _, headers = bucket.get("assets/style.css")
    assert headers["Content-Type"].startswith("text/css") and headers["Cache-Control"] == "public, max-age=3600"
    _, headers = bucket.get("atom.xml")
    assert headers["Cache-Control"] == "public, max-age=300"

    fiche = root / "content" / "fiches" / "f1.md"
    fiche.write_text(fiche.read_text().replace("Texte.", "Texte revu."))
    build(root)
    second = atelier(root, bucket, "publish")
    assert second.returncode == 0, second.stderr
    assert 0 < sent(second) < len(site(root)) / 10, second.stdout
    assert bucket.objects() == site(root)
    assert "Texte revu." in bucket.get("fiches/f1/index.html")[0].decode()

    fiche.write_text(fiche.read_text().replace("Texte revu.", "Texte revu deux fois."))
    build(root)
    status, shown = on_a_terminal([ATELIER, "publish", "--root", str(root)],
                                  env={**os.environ, "ATELIER_S3_CLE_ACCES": BucketServer.KEY, "ATELIER_S3_CLE_SECRETE": bucket.secret})
    assert status == 0
    assert re.search(r"\r\x1b\[KEnvoi vers le compartiment site : (\d+) fichiers sur \1", shown), shown
    again = atelier(root, bucket, "publish")
    assert again.returncode == 0 and again.stdout.startswith("Déjà en ligne"), again.stdout
    version = again.stdout.split("(version ")[1].split(")")[0]
    status = atelier(root, bucket, "publish", "--etat")
    assert f"En ligne sur le compartiment {bucket.bucket} : version {version}." in status.stdout, status.stdout
    # Another tool's file in the bucket is never Atelier's to delete.
    assert bucket.rclone("touch", f"atelier:{bucket.bucket}/verification-google.html").returncode == 0
    (root / "content" / "fiches" / "f2.md").unlink()
    build(root)
    third = atelier(root, bucket, "publish")
    assert third.returncode == 0, third.stderr
    assert "fichier(s) supprimé(s)" in third.stdout
    objects = bucket.objects()
    assert "fiches/f2/index.html" not in objects and "verification-google.html" in objects
    del objects["verification-google.html"]
    assert objects == site(root)


def test_deletions_beyond_the_limit_wait_for_force_and_a_dry_run_changes_nothing(tmp_path, bucket):
    root = project(tmp_path, bucket, fiches=5)
    build(root)
    assert atelier(root, bucket, "publish").returncode == 0
    before = bucket.objects()
    for number in [0, 1, 2]:
        (root / "content" / "fiches" / f"f{number}.md").unlink()
    build(root)
    dry = atelier(root, bucket, "publish", "--dry-run", "--force")
    assert dry.returncode == 0, dry.stderr
    assert "supprimé : fiches/f0/index.html" in dry.stdout.splitlines()
    assert "rien n'a été envoyé ni basculé" in dry.stdout
    assert bucket.objects() == before

    refused = atelier(root, bucket, "publish")
    assert refused.returncode == 1
    assert "fichiers seraient supprimés du compartiment, plus que « suppressions_max » (2) : rien n'a été envoyé" in refused.stderr
    assert bucket.objects() == before

    forced = atelier(root, bucket, "publish", "--force")
    assert forced.returncode == 0, forced.stderr
    assert bucket.objects() == site(root)


def test_wrong_keys_fail_in_french_and_the_secret_shows_nowhere(tmp_path, bucket):
    root = project(tmp_path, bucket)
    build(root)
    wrong = "faux-" + os.urandom(6).hex()
    result = atelier(root, bucket, "publish", secret=wrong)
    assert result.returncode == 1
    assert "clés refusées : la clé d'accès ou la clé secrète est fausse" in result.stderr, result.stderr
    for secret in [wrong, bucket.secret]:
        assert secret not in result.stdout + result.stderr
    assert bucket.rclone("lsf", f"atelier:{bucket.bucket}").stdout == ""

    missing = subprocess.run([ATELIER, "publish", "--root", str(root)], capture_output=True, text=True,
                             env={k: v for k, v in os.environ.items() if not k.startswith("ATELIER_")})
    assert missing.returncode == 1
    assert "définissez les variables ATELIER_S3_CLE_ACCES et ATELIER_S3_CLE_SECRETE" in missing.stderr


def pages_missing_a_file(objects):
    """Pages in the bucket that link to a file of the site that is not there yet."""
    missing = {}
    for path, data in objects.items():
        if path.endswith(".html"):
            needed = {link.decode().lstrip("/") for link in re.findall(rb'(?:href|src)="(/assets/[^"#?]+)"', data)}
            absent = sorted(link for link in needed if link not in objects)
            if absent:
                missing[path] = absent
    return missing


def test_a_store_killed_during_a_transfer_leaves_no_page_without_its_files_and_the_next_run_completes(tmp_path, bucket):
    root = project(tmp_path, bucket, fiches=400)
    build(root)
    publication = subprocess.Popen([ATELIER, "publish", "--root", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "ATELIER_S3_CLE_ACCES": BucketServer.KEY, "ATELIER_S3_CLE_SECRETE": bucket.secret})
    deadline = time.monotonic() + 300
    while publication.poll() is None and time.monotonic() < deadline:
        listed = bucket.rclone("lsf", "--recursive", "--files-only", f"atelier:{bucket.bucket}")
        if listed.returncode == 0 and len(listed.stdout.split()) > 0:
            break
        time.sleep(0.05)
    bucket.kill()
    output, errors = publication.communicate(timeout=600)
    bucket.start()
    objects = bucket.objects()
    assert pages_missing_a_file(objects) == {}
    if publication.returncode != 0:  # stopped in the middle, as meant; on a fast machine it may have finished first
        assert "Échec de la publication" in errors and "la prochaine publication reprendra le reste" in errors

    result = atelier(root, bucket, "publish")
    assert result.returncode == 0, result.stderr
    assert bucket.objects() == site(root)


def test_the_weekly_run_through_a_bucket_is_checked_behind_a_cdn_before_the_issue_leaves(tmp_path, bucket):
    web = WebServer(tmp_path / "nginx", bucket=bucket)
    mail = MailServer(tmp_path / "smtp")
    try:
        root = project(tmp_path, bucket, extra=f"""lettre:
  expediteur: jeudis@exemple.org
  liste: jeudis@listes.exemple.org
  smtp:
    hote: 127.0.0.1
    port: {mail.port}
    utilisateur: {MailServer.USER}
    autorite: {mail.certificate}
""")
        (root / "content" / "jeudis").mkdir()
        (root / "content" / "jeudis" / f"{DATE}.md").write_text('---\ntitle: "Numéro"\n---\n\nTexte.\n')
        site_yml = root / "content" / "site.yml"
        site_yml.write_text(site_yml.read_text().replace("https://exemple.fr", web.url))
        env = {**os.environ, "ATELIER_S3_CLE_ACCES": BucketServer.KEY, "ATELIER_S3_CLE_SECRETE": bucket.secret,
               "ATELIER_SMTP_MOT_DE_PASSE": mail.password}
        result = subprocess.run([ATELIER, "jeudi", "--publier", "--date", DATE, "--root", str(root)], capture_output=True, text=True,
                                env=env, timeout=600)
        assert result.returncode == 0, result.stderr
        assert "Site publié : version " in result.stdout and f"En ligne : {web.url} sert cette construction" in result.stdout
        assert len(mail.received) == 1
    finally:
        web.stop()
        mail.stop()
