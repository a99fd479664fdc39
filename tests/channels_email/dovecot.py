"""A real IMAP server for the tests: Debian's dovecot, run in the foreground (`dovecot -F`) with a
configuration generated into a temporary directory, listening on a free loopback port, one user in
a passwd file and a maildir. `make test-deps` installs it (package dovecot-imapd)."""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.smtp_server import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


@dataclass
class Dovecot:
    port: int
    user: str
    password: str
    root: Path
    process: subprocess.Popen
    tls_port: int = 0  # IMAPS, with a certificate for "localhost" signed by nobody: trust cert_file
    cert_file: Path | None = None

    def client(self) -> imaplib.IMAP4:
        imap = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        imap.login(self.user, self.password)
        return imap

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        imap = self.client()
        try:
            status, data = imap.append(folder, None, None, raw)
            assert status == "OK", data
        finally:
            imap.logout()

    def folder_uids(self, folder: str) -> list[int]:
        imap = self.client()
        try:
            status, _data = imap.select(folder, readonly=True)
            if status != "OK":
                return []
            _status, data = imap.uid("SEARCH", None, "ALL")
            return [int(uid) for uid in data[0].split()]
        finally:
            imap.logout()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def _mail_owner() -> tuple[int, int, str, str]:
    """Dovecot never reads mail as root: under root the mailbox belongs to the `dovecot` system
    user and the login processes run as `dovenull`; otherwise everything runs as the caller."""
    if os.geteuid() == 0:
        mail = pwd.getpwnam("dovecot")
        return mail.pw_uid, mail.pw_gid, "dovenull", "dovecot"
    me = pwd.getpwuid(os.geteuid())
    return me.pw_uid, me.pw_gid, me.pw_name, me.pw_name


def _certificate(root: Path) -> tuple[Path, Path]:
    cert, key = root / "cert.pem", root / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    key.chmod(0o644)  # read by dovecot's own (unprivileged) processes too
    return cert, key


def dovecot_start(
    user: str = "support@demowallet.com", password: str = "imap-test-pass", *, tls: bool = False
) -> Dovecot:
    """`tls`: also IMAPS on a second port and STARTTLS on the first (plain login stays allowed there)."""
    root = Path(tempfile.mkdtemp(prefix="wd-dovecot-"))
    root.chmod(0o755)  # the mail user (not the test's) walks into home/
    uid, gid, login_user, internal_user = _mail_owner()
    home = root / "home"
    home.mkdir()
    os.chown(home, uid, gid)
    (root / "passwd").write_text(f"{user}:{{PLAIN}}{password}\n")
    port = free_port()
    tls_port = free_port() if tls else 0
    cert, key = _certificate(root) if tls else (None, None)
    ssl_lines = f"ssl = yes\nssl_cert = <{cert}\nssl_key = <{key}" if tls else "ssl = no"
    (root / "dovecot.conf").write_text(
        f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
{ssl_lines}
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = {uid}
last_valid_uid = {uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={home}/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""
    )
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    server = Dovecot(
        port=port, user=user, password=password, root=root, process=process, tls_port=tls_port, cert_file=cert
    )
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"dovecot exited: {error}{log}")
        try:
            server.client().logout()
            return server
        except OSError:
            if time.monotonic() > deadline:
                server.stop()
                raise
            time.sleep(0.1)
