"""Real servers on loopback for the publishing tests, each on a port of its own: nginx serving what the SSH server
received, and an SMTP server (aiosmtpd) with STARTTLS and authentication that keeps what it accepts and can be told
to answer « try later », to refuse, or to drop the connection once it has the message."""
import json
import os
import socket
import ssl
import sys
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword



def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{what} ne répond pas"
        time.sleep(0.05)


def keygen(path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "atelier-test", "-f", str(path)], check=True)
    return path


class SSHServer:
    """sshd as the caller's own process: its own host key, one authorised key, no password, loopback only."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        host_key, self.key = keygen(folder / "hote"), keygen(folder / "cle")
        (folder / "autorisees").write_text((folder / "cle.pub").read_text())
        self.port = free_port()
        self.user = os.environ.get("USER") or "root"
        config = folder / "sshd_config"
        config.write_text(f"""Port {self.port}
ListenAddress 127.0.0.1
HostKey {host_key}
AuthorizedKeysFile {folder}/autorisees
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
PidFile {folder}/sshd.pid
""")
        self.known = folder / "hotes_connus"
        self.known.write_text(f"[127.0.0.1]:{self.port} " + " ".join((folder / "hote.pub").read_text().split()[:2]) + "\n")
        self.log = open(folder / "sshd.log", "a")
        self.start()

    def start(self):
        Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege separation folder
        self.process = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", str(self.folder / "sshd_config")], stderr=self.log)
        wait_for(lambda: self.process.poll() is None and socket.create_connection(("127.0.0.1", self.port), timeout=1).close() is None,
                 "sshd")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)
        self.log.close()


class WebServer:
    """nginx with a configuration of its own, `daemon off`, serving `root` (a folder or a link to one), or what a
    bucket holds, as a CDN in front of it would: `/fiches/a/` is the object `fiches/a/index.html`."""

    def __init__(self, folder: Path, root: Path = None, bucket=None):
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        temp = "".join(f"{kind}_temp_path {folder}/{kind};\n" for kind in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers read the test's private folders
        (folder / "nginx.conf").write_text(f"""{user}daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
  access_log {folder}/access.log;
  {temp}
  types {{ text/html html; application/atom+xml xml; text/css css; application/javascript js; }}
  server {{ listen 127.0.0.1:{self.port}; {self.site(root, bucket)} }}
}}
""")
        self.process = subprocess.Popen(["/usr/sbin/nginx", "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")],
                                        stderr=subprocess.DEVNULL)
        wait_for(lambda: self.process.poll() is None and self.answers(), "nginx")

    @staticmethod
    def site(root, bucket):
        if bucket is None:
            return f"root {root};"
        return (f"location / {{ rewrite ^(.*)/$ /{bucket.bucket}$1/index.html break; rewrite ^(.*)$ /{bucket.bucket}$1 break; "
                f"proxy_pass {bucket.url}; }}")

    def answers(self):
        try:
            urllib.request.urlopen(self.url + "/", timeout=5)
        except urllib.error.HTTPError:
            pass
        return True

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


class MailServer:
    """aiosmtpd, STARTTLS required before authentication; `mode` is « accepter », « 4xx », « 5xx » or « couper »."""
    USER = "jeudis"

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.certificate, key = folder / "certificat.pem", folder / "cle.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                        str(self.certificate), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.certificate, key)
        self.password = "mdp-" + os.urandom(8).hex()
        self.mode = "accepter"
        self.received = []  # (envelope recipients, raw bytes) of each message accepted or cut off
        self.attempts = 0
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, tls_context=context, require_starttls=True,
                                     authenticator=self.authenticate, auth_require_tls=True)
        self.controller.start()

    def authenticate(self, server, session, envelope, mechanism, data):
        valid = isinstance(data, LoginPassword) and data.login == self.USER.encode() and data.password == self.password.encode()
        return AuthResult(success=valid, handled=False)

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.mode == "4xx":
            return "451 4.3.0 Surcharge temporaire, réessayez plus tard"
        if self.mode == "5xx":
            return "554 5.7.1 Expéditeur refusé par la politique du serveur"
        self.received.append((list(envelope.rcpt_tos), envelope.original_content))
        if self.mode == "couper":
            server.transport.abort()  # the message is here, and the client never hears so
            return "250 OK"
        return "250 2.0.0 Message accepté"

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


class BucketServer:
    """SeaweedFS, a real object store with an S3 interface: one account with its keys, and anonymous reading."""
    KEY = "CLEDACCESATELIER"

    def __init__(self, folder: Path, bucket="site"):
        self.folder = folder
        (folder / "donnees").mkdir(parents=True, exist_ok=True)
        self.secret = "secret-" + os.urandom(8).hex()
        self.bucket = bucket
        (folder / "s3.json").write_text(json.dumps({"identities": [
            {"name": "atelier", "credentials": [{"accessKey": self.KEY, "secretKey": self.secret}],
             "actions": ["Admin", "Read", "Write", "List", "Tagging"]},
            {"name": "anonymous", "actions": ["Read", "List"]}]}))
        self.ports = {name: free_port() for name in ["s3", "master", "volume", "filer", "s3.port.grpc", "master.port.grpc",
                                                     "volume.port.grpc", "filer.port.grpc", "s3.port.iceberg", "s3.port.lance"]}
        self.url = f"http://127.0.0.1:{self.ports['s3']}"
        self.start()

    def start(self):
        ports = [f"-{name}={port}" if "." in name else f"-{name}.port={port}" for name, port in self.ports.items()]
        self.log = open(self.folder / "weed.log", "a")
        weed = Path(sys.executable).parent / "weed"
        self.process = subprocess.Popen([str(weed), "server", f"-dir={self.folder / 'donnees'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
                                         "-s3", f"-s3.config={self.folder / 's3.json'}", "-master.volumeSizeLimitMB=64", *ports],
                                        stdout=self.log, stderr=self.log)
        # Ready once an authenticated listing works: the S3 gateway answers before the volume server is there.
        # Ready once an object can be written: the S3 gateway answers before a volume server takes writes.
        wait_for(lambda: self.process.poll() is None and self.rclone("touch", "atelier:pret/essai").returncode == 0, "SeaweedFS",
                 seconds=120)

    def environment(self, key=None, secret=None):
        env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
        env.update({"RCLONE_CONFIG": "/dev/null", "RCLONE_CONFIG_ATELIER_TYPE": "s3", "RCLONE_CONFIG_ATELIER_PROVIDER": "SeaweedFS",
                    "RCLONE_CONFIG_ATELIER_ENDPOINT": self.url, "RCLONE_CONFIG_ATELIER_ACCESS_KEY_ID": key or self.KEY,
                    "RCLONE_CONFIG_ATELIER_SECRET_ACCESS_KEY": secret or self.secret})
        return env

    def rclone(self, *arguments):
        return subprocess.run(["rclone", "--quiet", *arguments], capture_output=True, text=True, env=self.environment(), timeout=120)

    def objects(self):
        """Every object of the bucket with its bytes, read anonymously as a visitor's CDN would."""
        listed = self.rclone("lsf", "--recursive", "--files-only", f"atelier:{self.bucket}")
        assert listed.returncode == 0, listed.stderr
        return {path: self.get(path)[0] for path in listed.stdout.split()}

    def get(self, path):
        """An object's bytes and headers. Just after a restart the store may answer 500 until its volumes are back:
        asked again until it answers, within a generous ceiling."""
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/{self.bucket}/{path}", timeout=30) as answer:
                    return answer.read(), answer.headers
            except urllib.error.HTTPError as error:
                if error.code < 500 or time.monotonic() > deadline:
                    raise
            time.sleep(0.2)

    def kill(self):
        self.process.kill()
        self.process.wait(30)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()
