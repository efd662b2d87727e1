"""Publishing figures: `atelier publish` to a real OpenSSH server and to a real S3 store (SeaweedFS), both on
loopback, for generated corpora: a first publication, then one after a one-file edit (time, bytes sent, and the
ratio of bytes sent to the site's size), beside rsync's own time on the same two folders as the reference.

Usage: .venv/bin/python bench/publish.py --atelier .build/release/atelier [--sizes 1000 10000] [--runs 3]
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "site"))
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402
from servers import BucketServer, SSHServer  # noqa: E402

DATE = "2025-11-20"


def run(command, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit("échec de %s :\n%s" % (" ".join(map(str, command)), result.stderr))
    return time.perf_counter() - start, result.stdout


def site_bytes(folder):
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def sent_bytes(output):
    """« (1,2 Mo) », « (46 ko) », « (512 octets) » in Atelier's summary line, in bytes (as rounded there)."""
    match = re.search(r"envoyé\(s\) \(([\d\u202f,]+) (octets|ko|Mo)\)", output)
    if not match:
        return 0
    value = float(match.group(1).replace("\u202f", "").replace(",", "."))
    return int(value * {"octets": 1, "ko": 1_000, "Mo": 1_000_000}[match.group(2)])


def edit_one(project, number):
    path = sorted((project / "content").rglob("r*.md"))[number * 7919 % 1000]
    path.write_text(path.read_text() + "\nUne phrase ajoutée pour la publication, numéro %d.\n" % number)


def rsync_reference(site, ssh, destination):
    """rsync alone, the same site to the same server, into a folder of its own: what the transfer itself costs."""
    command = ["rsync", "--archive", "--delete", "--rsh",
               f"ssh -p {ssh.port} -i {ssh.key} -o IdentitiesOnly=yes -o UserKnownHostsFile={ssh.known} -o BatchMode=yes",
               f"{site}/", f"127.0.0.1:{destination}/"]
    return run(command)[0]


def measure(size, args, work):
    project = corpus.make_corpus(work / str(size), size)
    for path in [project / "public", project / ".public.atelier", project / ".atelier"]:
        shutil.rmtree(path, ignore_errors=True)
    run([args.atelier, "build", "--root", str(project), "--date", DATE])
    site = project / "public"
    results = {"size": size, "site": site_bytes(site)}
    with tempfile.TemporaryDirectory(dir=work) as scratch:
        scratch = pathlib.Path(scratch)
        ssh, store = SSHServer(scratch / "ssh"), BucketServer(scratch / "seaweedfs")
        try:
            env = {**os.environ, "ATELIER_S3_CLE_ACCES": BucketServer.KEY, "ATELIER_S3_CLE_SECRETE": store.secret}
            destinations = {
                "serveur": f"serveur:\n  hote: 127.0.0.1\n  port: {ssh.port}\n  utilisateur: {ssh.user}\n  dossier: {scratch / 'srv'}\n"
                           f"  cle: {ssh.key}\n  hotes_connus: {ssh.known}\n  versions_gardees: 2\n",
                "compartiment": f"compartiment:\n  fournisseur: SeaweedFS\n  point_d_acces: {store.url}\n  nom: site{size}\n"
                                f"  suppressions_max: 100000\n",
            }
            for name, text in destinations.items():
                (project / "publication.yml").write_text(text)
                first, output = run([args.atelier, "publish", "--root", str(project)], env=env)
                results[name] = {"first": first, "first_bytes": sent_bytes(output), "edit": [], "edit_bytes": []}
                for number in range(args.runs):
                    edit_one(project, number + 1)
                    run([args.atelier, "build", "--root", str(project), "--date", DATE])
                    seconds, output = run([args.atelier, "publish", "--root", str(project)], env=env)
                    results[name]["edit"].append(seconds)
                    results[name]["edit_bytes"].append(sent_bytes(output))
            results["rsync_first"] = rsync_reference(site, ssh, scratch / "rsync")
            edit_one(project, 99)
            run([args.atelier, "build", "--root", str(project), "--date", DATE])
            results["rsync_edit"] = rsync_reference(site, ssh, scratch / "rsync")
        finally:
            ssh.stop()
            store.stop()
            (project / "publication.yml").unlink(missing_ok=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--atelier", default=str(ROOT / ".build" / "release" / "atelier"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=str(ROOT / ".build" / "bench"))
    args = parser.parse_args()
    args.atelier = os.path.abspath(args.atelier)
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes:
        print("… publication de %d ressources" % size, flush=True)
        results.append(measure(size, args, work))
    print("\nPublication (s ; octets envoyés ; part du site envoyée) ; après une retouche : médiane de %d passes." % args.runs)
    print("%10s %13s %12s %12s %12s %12s %10s" % ("ressources", "destination", "première", "octets", "retouche", "octets", "part"))
    for r in results:
        for name in ["serveur", "compartiment"]:
            d = r[name]
            edit_bytes = statistics.median(d["edit_bytes"])
            print("%10d %13s %12.2f %12d %12.2f %12d %9.2f %%" % (r["size"], name, d["first"], d["first_bytes"],
                                                                statistics.median(d["edit"]), edit_bytes, 100 * edit_bytes / r["site"]))
        print("%10d %13s %12.2f %12d %12.2f" % (r["size"], "rsync seul", r["rsync_first"], r["site"], r["rsync_edit"]))


if __name__ == "__main__":
    main()
