"""The IMAP side of intake: one session against the configured folder (imaplib; TLS from the
first byte, STARTTLS, or plain text on loopback only)."""

from __future__ import annotations

import base64
import imaplib
import re
import socket
import ssl
from dataclasses import dataclass
from types import TracebackType

from django.conf import settings

from walletdesk.channels_email.errors import MailboxLoginFailed, MailboxUnreachable

TIMEOUT_SECONDS = 30
# Where a mail that could not be read is copied for a person to look at (created when missing).
HELD_FOLDER = "Walletdesk-Held"
_UID = re.compile(rb"UID (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass(frozen=True)
class ImapConfig:
    host: str
    port: int
    user: str
    password: str
    security: str  # ssl | starttls | off
    folder: str

    def __str__(self) -> str:
        return f"{self.user} on {self.host}:{self.port}/{self.folder}"


def imap_config() -> ImapConfig | None:
    """The mailbox to read, or None when intake is off (no host set)."""
    if not settings.WALLETDESK_IMAP_HOST:
        return None
    return ImapConfig(
        host=settings.WALLETDESK_IMAP_HOST,
        port=settings.WALLETDESK_IMAP_PORT,
        user=settings.WALLETDESK_IMAP_USER,
        password=settings.WALLETDESK_IMAP_PASSWORD,
        security=settings.WALLETDESK_IMAP_SSL,
        folder=settings.WALLETDESK_IMAP_FOLDER,
    )


class ImapSession:
    """`with ImapSession(config) as imap:` connects, logs in and selects the folder, or raises
    MailboxUnreachable / MailboxLoginFailed with a sentence an operator can act on."""

    def __init__(self, config: ImapConfig) -> None:
        self.config = config
        self.imap: imaplib.IMAP4 | None = None
        self.uidvalidity = 0
        self.uidnext = 0

    def __enter__(self) -> ImapSession:
        config = self.config
        where = f"{config.host}:{config.port}"
        try:
            if config.security == "ssl":
                self.imap = imaplib.IMAP4_SSL(
                    config.host,
                    config.port,
                    ssl_context=ssl.create_default_context(),
                    timeout=TIMEOUT_SECONDS,
                )
            else:
                self.imap = imaplib.IMAP4(config.host, config.port, timeout=TIMEOUT_SECONDS)
                if config.security == "starttls":
                    self.imap.starttls(ssl_context=ssl.create_default_context())
        except (OSError, imaplib.IMAP4.error) as exc:  # refused, timed out, unknown host, TLS failure
            self._close()
            raise MailboxUnreachable(f"Cannot reach the IMAP server {where}: {_reason(exc)}.") from exc
        try:
            self.imap.login(config.user, config.password)
        except imaplib.IMAP4.abort as exc:
            self._close()
            raise MailboxUnreachable(
                f"The IMAP server {where} closed the connection: {_reason(exc)}."
            ) from exc
        except imaplib.IMAP4.error as exc:
            self._close()
            raise MailboxLoginFailed(
                f"The IMAP server {where} refused the login of {config.user!r} ({_reason(exc)}): "
                "check WALLETDESK_IMAP_USER and WALLETDESK_IMAP_PASSWORD."
            ) from exc
        except OSError as exc:
            self._close()
            raise MailboxUnreachable(f"Cannot reach the IMAP server {where}: {_reason(exc)}.") from exc
        status, data = self.imap.select(_quoted(config.folder))
        if status != "OK":
            self._close()
            raise MailboxUnreachable(
                f"The IMAP folder {config.folder!r} on {where} cannot be opened: {_reason(data)}."
            )
        self.uidvalidity = _number(self.imap.response("UIDVALIDITY"))
        self.uidnext = _number(self.imap.response("UIDNEXT"))
        return self

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._close(logout=True)

    def _close(self, *, logout: bool = False) -> None:
        if self.imap is None:
            return
        try:
            if logout:
                self.imap.logout()
            else:
                self.imap.shutdown()
        except (OSError, imaplib.IMAP4.error):
            pass  # the connection is gone either way
        self.imap = None

    @property
    def client(self) -> imaplib.IMAP4:
        assert self.imap is not None
        return self.imap

    def uids_after(self, last_uid: int) -> list[int]:
        # "N:*" always includes the highest UID, even when it is below N: filtered here.
        return [uid for uid in self._search(f"UID {last_uid + 1}:*") if uid > last_uid]

    def uids_unseen(self) -> list[int]:
        return self._search("UNSEEN")

    def _search(self, criteria: str) -> list[int]:
        status, data = self.client.uid("SEARCH", None, criteria)
        if status != "OK":
            raise imaplib.IMAP4.error(f"SEARCH failed: {data!r}")
        return sorted(int(uid) for uid in (data[0] or b"").split())

    def size(self, uid: int) -> int | None:
        """The mail's size in bytes; None when the mail is gone (expunged since the search)."""
        for item in self._fetch(uid, "(RFC822.SIZE)"):
            head = item[0] if isinstance(item, tuple) else item
            match = _SIZE.search(head)
            if match:
                return int(match.group(1))
        return None

    def fetch(self, uid: int) -> bytes | None:
        # BODY.PEEK: fetching does not mark it read; mark_seen does once it is handled.
        for item in self._fetch(uid, "(BODY.PEEK[])"):
            if isinstance(item, tuple) and b"BODY[]" in item[0]:
                return item[1]
        return None

    def _fetch(self, uid: int, items: str) -> list:
        status, data = self.client.uid("FETCH", str(uid), items)
        if status != "OK":
            raise imaplib.IMAP4.error(f"FETCH failed: {data!r}")
        # Other untagged FETCH answers (another mail's flags changing) may come along: only this UID.
        return [item for item in data if item and _uid_of(item) in (uid, None)]

    def mark_seen(self, uid: int) -> None:
        self.client.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Seen)")

    def copy_to_held(self, uid: int) -> bool:
        """Copy the mail into HELD_FOLDER (created the first time); False when the server refuses."""
        folder = _quoted(HELD_FOLDER)
        status, _data = self.client.uid("COPY", str(uid), folder)
        if status != "OK":
            self.client.create(folder)
            status, _data = self.client.uid("COPY", str(uid), folder)
        return status == "OK"


def _uid_of(item: tuple | bytes) -> int | None:
    head = item[0] if isinstance(item, tuple) else item
    if not isinstance(head, bytes):
        return None
    match = _UID.search(head)
    return int(match.group(1)) if match else None


def _number(response: tuple[str, list]) -> int:
    values = [value for value in (response[1] or []) if value]
    try:
        return int(values[-1]) if values else 0
    except (TypeError, ValueError):
        return 0


def _reason(exc: object) -> str:
    if isinstance(exc, socket.timeout):
        return f"no answer within {TIMEOUT_SECONDS} s"
    if isinstance(exc, list):
        exc = b" ".join(part for part in exc if isinstance(part, bytes))
    text = exc.decode(errors="replace") if isinstance(exc, bytes) else str(exc)
    if text.startswith(("b'", 'b"')):  # imaplib quotes the server's bytes
        text = text[2:-1]
    return text.strip() or type(exc).__name__


def _quoted(folder: str) -> str:
    """A folder name as IMAP wants it: modified UTF-7 (RFC 3501 5.1.3) and quoted."""
    encoded = []
    run: list[str] = []

    def flush() -> None:
        if run:
            data = base64.b64encode("".join(run).encode("utf-16-be")).decode().rstrip("=").replace("/", ",")
            encoded.append(f"&{data}-")
            run.clear()

    for ch in folder:
        if " " <= ch <= "~":
            flush()
            encoded.append("&-" if ch == "&" else ch)
        else:
            run.append(ch)
    flush()
    name = "".join(encoded).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{name}"'
