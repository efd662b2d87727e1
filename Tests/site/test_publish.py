"""`atelier publish` to a real OpenSSH server started on loopback by the test, with rsync on both ends: releases,
the atomic switch of `current`, hard links to what did not change, rollback, dry run, and the refusals."""
import os
import pty
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ATELIER
from servers import SSHServer, keygen
from test_cli import fixture, resource

DATE = "2025-11-20"


@pytest.fixture
def ssh_server(tmp_path):
    server = SSHServer(tmp_path / "ssh")
    yield {"port": server.port, "key": server.key, "known": server.known, "user": server.user, "process": server.process,
           "server": server}
    server.stop()


def project(tmp_path, server, kept=3, key=None):
    root = fixture(tmp_path / "projet", {"content/fiches/a.md": resource("A", "2025-11-01"),
                                         "content/fiches/b.md": resource("B", "2025-11-02")})
    (root / "publication.yml").write_text(f"""serveur:
  hote: 127.0.0.1
  port: {server["port"]}
  utilisateur: {server["user"]}
  dossier: {tmp_path / "serveur"}
  versions_gardees: {kept}
  cle: {key or server["key"]}
  hotes_connus: {server["known"]}
""")
    return root


def atelier(root, *arguments):
    return subprocess.run([ATELIER, *arguments, "--root", str(root)], capture_output=True, text=True, timeout=300)


def build(root):
    result = subprocess.run([ATELIER, "build", "--root", str(root), "--date", DATE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def live(tmp_path):
    return tmp_path / "serveur" / "current"


def published_then_edited(tmp_path, server, fiche, title):
    """A project published once, then one fiche retitled and the site built again: returns it and the live release."""
    root = project(tmp_path, server)
    build(root)
    assert atelier(root, "publish").returncode == 0
    release = live(tmp_path).resolve()
    (root / "content" / "fiches" / f"{fiche}.md").write_text(resource(title, "2025-11-01"))
    build(root)
    return root, release


def test_a_publication_is_a_new_release_switched_in_whole_with_unchanged_files_linked(tmp_path, ssh_server):
    root = project(tmp_path, ssh_server)
    build(root)
    first = atelier(root, "publish")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Site publié sur 127.0.0.1 : version ")
    assert first.stderr == ""  # no progress line in a log
    current = live(tmp_path)
    assert current.is_symlink() and os.readlink(current).startswith("releases/")
    site = {path: data for path, data in tree(root / "public").items() if path != ".atelier"}
    assert tree(current) == site
    first_release = current.resolve()

    (root / "content" / "fiches" / "a.md").write_text(resource("A revue", "2025-11-01"))
    build(root)
    second = atelier(root, "publish")
    assert second.returncode == 0, second.stderr
    second_release = current.resolve()
    assert second_release != first_release and first_release.is_dir()
    assert "A revue" in (current / "fiches" / "a" / "index.html").read_text()
    # What did not change is the same file in both releases: only the changes crossed the network.
    assert (first_release / "assets" / "style.css").stat().st_ino == (second_release / "assets" / "style.css").stat().st_ino
    assert (first_release / "fiches" / "a" / "index.html").stat().st_ino != (second_release / "fiches" / "a" / "index.html").stat().st_ino
    sent = int(second.stdout.split(" fichier(s) envoyé(s)")[0].rsplit(" ", 1)[1])
    assert 0 < sent < len(site) / 2, second.stdout

    again = atelier(root, "publish")
    assert again.returncode == 0 and again.stdout.startswith("Déjà en ligne"), again.stdout
    assert current.resolve() == second_release


def test_rollback_returns_to_the_previous_release_in_one_step(tmp_path, ssh_server):
    root, first_release = published_then_edited(tmp_path, ssh_server, "b", "B revue")
    assert atelier(root, "publish").returncode == 0
    result = atelier(root, "publish", "--rollback")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Retour en arrière : 127.0.0.1 sert de nouveau la version ")
    assert live(tmp_path).resolve() == first_release
    assert "B revue" not in (live(tmp_path) / "fiches" / "b" / "index.html").read_text()


def test_only_the_last_releases_are_kept(tmp_path, ssh_server):
    root = project(tmp_path, ssh_server, kept=2)
    for number in range(4):
        (root / "content" / "fiches" / "a.md").write_text(resource(f"A {number}", "2025-11-01"))
        build(root)
        result = atelier(root, "publish")
        assert result.returncode == 0, result.stderr
    releases = sorted((tmp_path / "serveur" / "releases").iterdir())
    assert len(releases) == 2
    assert live(tmp_path).resolve() == releases[-1]
    assert "A 3" in (live(tmp_path) / "fiches" / "a" / "index.html").read_text()


def test_a_dry_run_lists_what_would_be_sent_and_changes_nothing(tmp_path, ssh_server):
    root = project(tmp_path, ssh_server)
    build(root)
    result = atelier(root, "publish", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "fiches/a/index.html" in result.stdout.splitlines()
    assert "rien n'a été envoyé ni basculé" in result.stdout
    assert not live(tmp_path).exists()
    assert list((tmp_path / "serveur" / "releases").iterdir()) == []


def test_a_refused_key_or_a_server_down_fails_in_french_and_the_live_release_stays(tmp_path, ssh_server):
    root, before = published_then_edited(tmp_path, ssh_server, "a", "A revue")

    stranger = keygen(tmp_path / "inconnue")
    (root / "publication.yml").write_text((root / "publication.yml").read_text().replace(str(ssh_server["key"]), str(stranger)))
    refused = atelier(root, "publish")
    assert refused.returncode == 1
    assert "accès refusé : le serveur n'accepte pas cette clé pour ce compte" in refused.stderr, refused.stderr
    assert "La version en ligne n'a pas changé." in refused.stderr
    # No secret in any message: not a line of either private key.
    for key in [stranger, ssh_server["key"]]:
        for line in key.read_text().splitlines()[1:-1]:
            assert line not in refused.stderr + refused.stdout

    ssh_server["process"].terminate()
    ssh_server["process"].wait(30)
    down = atelier(root, "publish")
    assert down.returncode == 1
    assert "connexion refusée" in down.stderr, down.stderr
    assert live(tmp_path).resolve() == before


def test_a_key_others_may_read_or_kept_in_the_project_is_refused_at_its_line(tmp_path, ssh_server):
    root = project(tmp_path, ssh_server)
    ssh_server["key"].chmod(0o644)
    result = atelier(root, "publish")
    assert result.returncode == 1
    assert "publication.yml:7:8: erreur[secret-expose]: la clé" in result.stderr, result.stderr
    assert "lisible par d'autres que vous (droits 644)" in result.stderr
    ssh_server["key"].chmod(0o600)
    inside = root / "cle"
    inside.write_bytes(ssh_server["key"].read_bytes())
    inside.chmod(0o600)
    (root / "publication.yml").write_text((root / "publication.yml").read_text().replace(str(ssh_server["key"]), str(inside)))
    result = atelier(root, "publish")
    assert result.returncode == 1
    assert "est dans le projet : ce secret finirait dans le dépôt" in result.stderr, result.stderr


def test_without_publication_yml_the_message_says_what_to_write(tmp_path):
    root = fixture(tmp_path / "projet", {"content/fiches/a.md": resource("A", "2025-11-01")})
    result = atelier(root, "publish")
    assert result.returncode == 1
    assert "publication.yml:1:1: erreur[fichier-introuvable]: fichier introuvable : Atelier ne sait pas où publier le site" in result.stderr


def descendants(pid):
    """Every process started by `pid`, however deep: sshd serves each connection from a process of its own."""
    children = {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(status.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(status.parent.name))
    found, pending = set(), [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:
                found.add(child)
                pending.append(child)
    return found


def test_a_server_killed_during_a_transfer_leaves_the_live_release_whole_and_the_next_run_completes(tmp_path, ssh_server):
    root, before = published_then_edited(tmp_path, ssh_server, "a", "A revue")
    old_site = tree(live(tmp_path))
    for number in range(400):
        (root / "content" / "fiches" / f"n{number}.md").write_text(resource(f"N{number}", "2025-11-03"))
    build(root)
    publication = subprocess.Popen([ATELIER, "publish", "--root", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    releases = tmp_path / "serveur" / "releases"
    deadline = time.monotonic() + 300
    while publication.poll() is None and time.monotonic() < deadline:
        if any(path.name.endswith(".partiel") and any(path.iterdir()) for path in releases.iterdir()):
            break
        time.sleep(0.01)
    server = ssh_server["process"]
    for pid in descendants(server.pid) | {server.pid}:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    server.wait(30)
    output, errors = publication.communicate(timeout=300)
    assert live(tmp_path).resolve() == before
    assert tree(live(tmp_path)) == old_site
    if publication.returncode != 0:  # cut short, as meant; a fast machine may have finished first
        assert "la connexion avec le serveur s'est interrompue pendant l'envoi. La version en ligne n'a pas changé." in errors

    ssh_server["server"].start()
    result = atelier(root, "publish")
    assert result.returncode == 0, result.stderr
    site = {path: data for path, data in tree(root / "public").items() if path != ".atelier"}
    assert tree(live(tmp_path)) == site
    assert not any(path.name.endswith(".partiel") for path in releases.iterdir())
    # The release before the live one is the one visitors had, never a transfer cut short.
    rollback = atelier(root, "publish", "--rollback")
    assert rollback.returncode == 0 and live(tmp_path).resolve() == before


def on_a_terminal(command, env=None):
    """Runs `command` with its error output on a terminal, as a person would see it: its exit status and that text."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    shown = b""
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal's other end is closed: the command is over
            break
        if not data:
            break
        shown += data
    process.wait(300)
    os.close(leader)
    return process.returncode, shown.decode()


def test_a_terminal_is_shown_how_the_transfer_goes(tmp_path, ssh_server):
    root = project(tmp_path, ssh_server)
    build(root)
    status, text = on_a_terminal([ATELIER, "publish", "--root", str(root)])
    assert status == 0
    assert "\r\x1b[KEnvoi vers 127.0.0.1 : 100 % (" in text, text
    assert text.endswith("\r\x1b[K")  # the line is cleared before the summary
