"""The Thursday run, `atelier jeudi --publier`, against real servers on loopback: the site sent to an OpenSSH server,
checked through nginx, then the week's issue handed to an SMTP server with STARTTLS and authentication. Each fault
ends with nothing lost and nothing sent twice; every message received is parsed back."""
import email
import email.policy
import os
import re
import subprocess
import threading
import urllib.request

import pytest

from conftest import ATELIER
from servers import MailServer, WebServer
from test_cli import fixture, resource
from test_publish import ssh_server  # noqa: F401 (a fixture)

DATE = "2025-11-20"
ISSUE = f"/jeudis/{DATE}/"
LIST = "jeudis@listes.exemple.org"
EDITORIAL = f"""---
title: "Des communs pour agir"
a_la_une: [fiches/a]
---

Cette semaine, une fiche et [une autre](/fiches/b/).
"""


@pytest.fixture
def servers(tmp_path, ssh_server):  # noqa: F811
    web = WebServer(tmp_path / "nginx", tmp_path / "serveur" / "current")
    mail = MailServer(tmp_path / "smtp")
    yield {"ssh": ssh_server, "web": web, "mail": mail}
    web.stop()
    mail.stop()


def project(tmp_path, servers, extra_mail=""):
    root = fixture(tmp_path / "projet", {"content/fiches/a.md": resource("A", "2025-11-17"),
                                         "content/fiches/b.md": resource("B", "2025-11-18"),
                                         f"content/jeudis/{DATE}.md": EDITORIAL})
    site = root / "content" / "site.yml"
    site.write_text(site.read_text().replace("https://exemple.fr", servers["web"].url))
    ssh, mail = servers["ssh"], servers["mail"]
    (root / "publication.yml").write_text(f"""serveur:
  hote: 127.0.0.1
  port: {ssh["port"]}
  utilisateur: {ssh["user"]}
  dossier: {tmp_path / "serveur"}
  cle: {ssh["key"]}
  hotes_connus: {ssh["known"]}
lettre:
  expediteur: "Les Jeudis de l’ODD 17 <jeudis@exemple.org>"
  liste: {LIST}
  bat: redaction@exemple.org
  identifiant_liste: jeudis.listes.exemple.org
  desabonnement_web: https://listes.exemple.org/desabonnement/jeudis
  desabonnement_courriel: jeudis-desabonnement@listes.exemple.org
{extra_mail}  smtp:
    hote: 127.0.0.1
    port: {mail.port}
    securite: starttls
    utilisateur: {MailServer.USER}
    autorite: {mail.certificate}
    tentatives: 2
    pause: 1
""")
    return root


def atelier(root, *arguments, password=None, mail=None):
    env = dict(os.environ)
    env.pop("ATELIER_SMTP_MOT_DE_PASSE", None)
    if password or mail:
        env["ATELIER_SMTP_MOT_DE_PASSE"] = password or mail.password
    return subprocess.run([ATELIER, *arguments, "--root", str(root)], capture_output=True, text=True, timeout=600, env=env)


def weekly(root, servers, *extra, password=None):
    return atelier(root, "jeudi", "--publier", "--date", DATE, *extra, password=password, mail=servers["mail"])


def journal(root):
    path = root / "journal-des-envois.txt"
    lines = path.read_text().splitlines()[1:] if path.exists() else []
    return [line.split("\t") for line in lines]


def states(root):
    return [fields[2] for fields in journal(root)]


def test_the_weekly_run_publishes_checks_live_then_delivers_the_issue_once(tmp_path, servers):
    root = project(tmp_path, servers)
    result = weekly(root, servers)
    assert result.returncode == 0, result.stderr
    assert "Site publié : version " in result.stdout
    assert f"En ligne : {servers['web'].url} sert cette construction" in result.stdout
    assert f"Envoyé : numéro du {DATE} remis à {LIST} (Message-ID <jeudis-{DATE}@exemple.org>)." in result.stdout

    [(recipients, raw)] = servers["mail"].received
    assert recipients == [LIST]
    assert [line for line in raw.split(b"\r\n") if len(line) > 78] == [], "lines beyond what mail allows"
    message = email.message_from_bytes(raw, policy=email.policy.default)
    text = (root / "public" / "jeudis" / DATE / "email.txt").read_text()
    html = (root / "public" / "jeudis" / DATE / "email.html").read_text()
    assert message["Subject"] == text.splitlines()[0] == "Les Jeudis de l’ODD 17 du 20 novembre 2025"
    assert message["From"].addresses[0].display_name == "Les Jeudis de l’ODD 17"
    assert message["From"].addresses[0].addr_spec == "jeudis@exemple.org"
    assert message["To"] == LIST
    assert message["Message-ID"] == f"<jeudis-{DATE}@exemple.org>"
    assert message["List-Id"] == "<jeudis.listes.exemple.org>"
    assert message["List-Unsubscribe"] == ("<https://listes.exemple.org/desabonnement/jeudis>, "
                                           "<mailto:jeudis-desabonnement@listes.exemple.org>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Date"].datetime is not None
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content().replace("\r\n", "\n") == text
    assert parts[1].get_content().replace("\r\n", "\n") == html
    # Every link of the message points at the live site, and answers there.
    links = set(re.findall(r'href="([^"#]+)', html))
    local = sorted(link for link in links if link.startswith(servers["web"].url))
    assert f"{servers['web'].url}{ISSUE}" in local and f"{servers['web'].url}/fiches/b/" in local
    for link in local:
        assert urllib.request.urlopen(link, timeout=10).status == 200, link
    assert states(root) == ["en cours", "envoyé"]
    assert journal(root)[0][1] == DATE and journal(root)[0][3] == f"jeudis-{DATE}@exemple.org"

    again = weekly(root, servers)
    assert again.returncode == 0, again.stderr
    assert f"Rien à envoyer : le numéro du {DATE} est déjà parti" in again.stdout
    assert len(servers["mail"].received) == 1
    assert states(root) == ["en cours", "envoyé"]


def test_a_build_that_fails_publishes_and_sends_nothing(tmp_path, servers):
    root = project(tmp_path, servers)
    (root / "content" / "fiches" / "c.md").write_text(resource("C", "2025-02-30"))
    result = weekly(root, servers)
    assert result.returncode == 1
    assert "erreur[date-invalide]" in result.stderr
    assert not (tmp_path / "serveur" / "current").exists()
    assert servers["mail"].attempts == 0 and states(root) == []


def test_a_live_site_that_is_not_this_build_stops_the_run_before_any_mail(tmp_path, servers):
    root = project(tmp_path, servers)
    stale = tmp_path / "ancien"
    stale.mkdir()
    (stale / "index.html").write_text("<p>Ancienne page d'accueil, gardée par un cache</p>")
    servers["web"].stop()
    servers["web"] = WebServer(tmp_path / "nginx-perime", stale)
    (root / "publication.yml").write_text((root / "publication.yml").read_text() + f"verification:\n  adresse: {servers['web'].url}\n")
    result = weekly(root, servers)
    assert result.returncode == 4, result.stderr
    assert "Échec de la vérification en ligne : le site public ne sert pas cette construction ; rien n'a été envoyé." in result.stderr
    assert f"{servers['web'].url}/ répond 200, mais pas avec la page de cette construction" in result.stderr
    assert f"{servers['web'].url}{ISSUE} répond 404 au lieu de 200" in result.stderr
    assert servers["mail"].attempts == 0 and states(root) == []

    servers["web"].stop()
    down = weekly(root, servers)
    assert down.returncode == 4
    assert f"{servers['web'].url}/ ne répond pas" in down.stderr
    assert servers["mail"].attempts == 0 and states(root) == []


def test_a_server_that_says_try_later_is_tried_again_then_the_next_run_delivers(tmp_path, servers):
    root = project(tmp_path, servers)
    servers["mail"].mode = "4xx"
    result = weekly(root, servers)
    assert result.returncode == 5, result.stderr
    assert "Envoi reporté : le serveur 127.0.0.1 demande de réessayer plus tard : « 451 4.3.0 Surcharge temporaire" in result.stderr
    assert "le prochain passage réessaiera" in result.stderr
    assert servers["mail"].attempts == 2 and servers["mail"].received == []
    assert states(root) == ["en cours", "échec"]

    servers["mail"].mode = "accepter"
    result = weekly(root, servers)
    assert result.returncode == 0, result.stderr
    assert len(servers["mail"].received) == 1
    assert states(root) == ["en cours", "échec", "en cours", "envoyé"]


def test_a_refusal_stops_with_the_servers_words_and_sends_nothing(tmp_path, servers):
    root = project(tmp_path, servers)
    servers["mail"].mode = "5xx"
    result = weekly(root, servers)
    assert result.returncode == 6, result.stderr
    assert "Envoi refusé : le serveur 127.0.0.1 refuse le message : « 554 5.7.1 Expéditeur refusé par la politique du serveur »" in result.stderr
    assert servers["mail"].attempts == 1 and servers["mail"].received == []
    assert states(root) == ["en cours", "échec"]


def test_a_mail_server_down_is_a_temporary_failure(tmp_path, servers):
    root = project(tmp_path, servers)
    servers["mail"].stop()
    result = weekly(root, servers)
    assert result.returncode == 5, result.stderr
    assert "Envoi reporté : le serveur de courrier 127.0.0.1 est injoignable" in result.stderr
    assert states(root) == ["en cours", "échec"]


def test_a_connection_cut_after_the_message_leaves_it_pending_until_a_person_decides(tmp_path, servers):
    root = project(tmp_path, servers)
    servers["mail"].mode = "couper"
    result = weekly(root, servers)
    assert result.returncode == 7, result.stderr
    assert "Envoi en suspens : la connexion avec 127.0.0.1 s'est interrompue pendant l'envoi" in result.stderr
    assert len(servers["mail"].received) == 1  # it did arrive, and nobody on this side knows it
    assert states(root) == ["en cours"]

    servers["mail"].mode = "accepter"
    again = weekly(root, servers)
    assert again.returncode == 7
    assert f"le numéro du {DATE} est « en cours » dans le journal depuis le" in again.stderr
    assert "--envoi-confirme" in again.stderr and "--renvoyer" in again.stderr
    assert len(servers["mail"].received) == 1 and states(root) == ["en cours"]

    status = atelier(root, "publish", "--etat")
    assert status.returncode == 0, status.stderr
    assert f"En suspens : le numéro du {DATE} est « en cours » depuis le" in status.stdout

    confirmed = weekly(root, servers, "--envoi-confirme")
    assert confirmed.returncode == 0, confirmed.stderr
    assert f"Journal : le numéro du {DATE} est noté envoyé, sans nouvel envoi." in confirmed.stdout
    assert "Rien à envoyer" in confirmed.stdout
    assert len(servers["mail"].received) == 1
    assert states(root) == ["en cours", "envoi confirmé"]
    assert "Rien en suspens." in atelier(root, "publish", "--etat").stdout


def test_a_person_may_send_a_pending_issue_again(tmp_path, servers):
    root = project(tmp_path, servers)
    servers["mail"].mode = "couper"
    assert weekly(root, servers).returncode == 7
    servers["mail"].mode = "accepter"
    result = weekly(root, servers, "--renvoyer")
    assert result.returncode == 0, result.stderr
    assert len(servers["mail"].received) == 2
    assert states(root) == ["en cours", "échec", "en cours", "envoyé"]
    assert weekly(root, servers, "--renvoyer").returncode == 7  # nothing pending: nothing to decide


def test_wrong_credentials_fail_in_french_and_the_password_shows_nowhere(tmp_path, servers):
    root = project(tmp_path, servers)
    wrong = "faux-" + os.urandom(6).hex()
    result = weekly(root, servers, password=wrong)
    assert result.returncode == 6, result.stderr
    assert "Envoi refusé : le serveur 127.0.0.1 refuse le message : « 535" in result.stderr
    assert servers["mail"].received == []
    journal_text = (root / "journal-des-envois.txt").read_text()
    for secret in [wrong, servers["mail"].password]:
        assert secret not in result.stdout + result.stderr + journal_text

    before = (states(root), os.readlink(tmp_path / "serveur" / "current"))
    missing = atelier(root, "jeudi", "--publier", "--date", DATE)
    assert missing.returncode == 1
    assert "définissez la variable ATELIER_SMTP_MOT_DE_PASSE" in missing.stderr
    assert (states(root), os.readlink(tmp_path / "serveur" / "current")) == before


def test_two_runs_at_once_deliver_the_issue_once(tmp_path, servers):
    root = project(tmp_path, servers)
    results = [None, None]

    def run(index):
        results[index] = weekly(root, servers)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    outputs = sorted(r.stdout for r in results)
    assert sum("Envoyé : " in output for output in outputs) == 1
    assert sum("Rien à envoyer" in output for output in outputs) == 1
    assert len(servers["mail"].received) == 1
    assert states(root) == ["en cours", "envoyé"]


def test_the_proof_goes_to_the_editorial_team_only_and_does_not_count_as_the_issue(tmp_path, servers):
    root = project(tmp_path, servers)
    built = atelier(root, "jeudi", "--date", DATE)
    assert built.returncode == 0, built.stderr
    proof = atelier(root, "publish", "--bat", "--date", DATE, mail=servers["mail"])
    assert proof.returncode == 0, proof.stderr
    assert f"Envoyé : bon à tirer du numéro du {DATE} envoyé à redaction@exemple.org." in proof.stdout
    [(recipients, raw)] = servers["mail"].received
    assert recipients == ["redaction@exemple.org"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "[BAT] Les Jeudis de l’ODD 17 du 20 novembre 2025"
    assert message["To"] == "redaction@exemple.org" and message["List-Id"] is None
    assert states(root) == ["bat envoyé"]
    assert not (tmp_path / "serveur" / "current").exists()

    result = weekly(root, servers)
    assert result.returncode == 0, result.stderr
    assert [r for r, _ in servers["mail"].received] == [["redaction@exemple.org"], [LIST]]
    status = atelier(root, "publish", "--etat")
    assert f"Dernier numéro envoyé : celui du {DATE}" in status.stdout
    assert "Dernier bon à tirer : numéro du 2025-11-20" in status.stdout
    assert "En ligne sur 127.0.0.1 : version " in status.stdout
