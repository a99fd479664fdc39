"""One mail, read: who sent it, which conversation it answers, what the person wrote, its files,
and whether a robot sent it (an auto-reply or a bounce is never answered: two robots would loop)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr

from django.conf import settings

from walletdesk.channels_email.errors import MailUnreadable
from walletdesk.channels_email.text import html_text, reply_text
from walletdesk.tickets.attachments import UploadedFile, attachment_check
from walletdesk.tickets.errors import AttachmentRejected
from walletdesk.tickets.inbox import MAX_BODY_CHARS

MAX_ATTACHMENTS = 10
MAX_EXTERNAL_ID = 200  # Message.external_id
_MESSAGE_ID = re.compile(r"<[^<>\s]{1,998}>")
_BOUNCE_SENDERS = ("mailer-daemon", "postmaster", "mail-daemon")
_ROBOT_PRECEDENCE = {"bulk", "auto_reply", "junk", "list"}
# X-Autoreply (many webmail services), X-Autorespond (Exim, cPanel), X-Failed-Recipients (Exim's bounces).
_ROBOT_HEADERS = ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Failed-Recipients")


@dataclass
class Mail:
    message_id: str  # the Message-ID (or a digest of the mail when it has none): the external id
    sender: str
    name: str
    subject: str
    references: list[str]  # Message-IDs it answers, In-Reply-To first
    body: str
    attachments: list[UploadedFile] = field(default_factory=list)
    robot: str = ""  # why a robot sent it (Auto-Submitted, a bounce ...); empty for a person's mail


def mail_parse(raw: bytes) -> Mail:
    """Raises MailUnreadable with a reason when the mail cannot become a message."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(message, EmailMessage)
        sender, name = _sender(message)
        robot = robot_reason(message, sender)
        if robot:  # nothing more is read of it
            return Mail(_message_id(message, raw), sender, name, "", [], "", robot=robot)
        body, attachments = _content(message)
        subject = _clean(str(message.get("Subject", "")))
    except MailUnreadable:
        raise
    except Exception as exc:  # the email package's errors have no common base: any is this mail's
        raise MailUnreadable(f"cannot be parsed ({type(exc).__name__})") from exc
    if not body and not attachments:
        body = subject  # "Withdrawal stuck" in the subject and nothing under it
    if not body.strip() and not attachments:
        raise MailUnreadable("no text and no attachment")
    return Mail(
        message_id=_message_id(message, raw),
        sender=sender,
        name=name,
        subject=subject,
        references=_references(message),
        body=body,
        attachments=attachments,
    )


def mail_headers_peek(raw: bytes) -> tuple[str, str]:
    """Message-ID and sender of a mail that could not be read, for the log and the held list."""
    if not raw:
        return "", ""
    try:
        headers = BytesParser(policy=policy.compat32).parsebytes(raw, headersonly=True)
        return _clean(str(headers.get("Message-ID", "")))[:300], _clean(
            parseaddr(str(headers.get("From", "")))[1]
        )[:300]
    except Exception:  # a best effort for the log: the mail is held whatever this finds
        return "", ""


def external_id(message_id: str) -> str:
    """The id stored for a Message-ID: itself, or a digest when it is longer than the column."""
    if len(message_id) <= MAX_EXTERNAL_ID:
        return message_id
    return "sha256:" + hashlib.sha256(message_id.encode()).hexdigest()


def robot_reason(message: EmailMessage, sender: str) -> str:
    """Why the mail is a robot's (RFC 3834 Auto-Submitted, Precedence, the autoresponders' own
    headers, a delivery report, the mailer daemon), or "" for a person's."""
    auto_submitted = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return f"Auto-Submitted: {auto_submitted[:40]}"
    precedence = str(message.get("Precedence", "")).strip().lower()
    if precedence in _ROBOT_PRECEDENCE:
        return f"Precedence: {precedence}"
    for header in _ROBOT_HEADERS:
        if message.get(header) is not None:
            return f"{header} header"
    if message.get_content_type() == "multipart/report":
        return "a delivery report (bounce)"
    local_part = sender.partition("@")[0]
    if local_part.startswith(_BOUNCE_SENDERS):
        return f"sent by {local_part}"
    if sender and sender == parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower():
        return "sent by this desk's own address"
    return ""


def _sender(message: EmailMessage) -> tuple[str, str]:
    header = message.get("From")
    addresses = getattr(header, "addresses", ()) if header is not None else ()
    if not addresses:
        raise MailUnreadable("no sender address")
    address = addresses[0]
    email = _clean(address.addr_spec or "").lower()
    local, _at, domain = email.partition("@")
    if not local or not domain or len(email) > 254 or any(ch.isspace() for ch in email):
        raise MailUnreadable("no valid sender address")
    return email, _clean(address.display_name or "")[:150]


def _message_id(message: EmailMessage, raw: bytes) -> str:
    match = _MESSAGE_ID.search(str(message.get("Message-ID", "")))
    if match:
        return external_id(match.group(0))
    # Without one, the same bytes fetched twice are still one message.
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _references(message: EmailMessage) -> list[str]:
    ids = _MESSAGE_ID.findall(str(message.get("In-Reply-To", "")))
    ids += reversed(_MESSAGE_ID.findall(str(message.get("References", ""))))  # nearest first
    seen: dict[str, None] = {}
    for mid in ids:
        seen.setdefault(external_id(mid), None)
    return list(seen)[:50]


def _content(message: EmailMessage) -> tuple[str, list[UploadedFile]]:
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    text = _part_text(plain) if plain is not None else ""
    if not text.strip() and html is not None:  # some clients send an empty plain part
        text = html_text(_part_text(html))
    body = reply_text(text) if text.strip() else ""
    attachments, refused = _attachments(message, skip={id(plain), id(html)})
    if refused:
        notes = "\n".join(f"[Attachment not accepted: {note}]" for note in refused)
        body = f"{body}\n\n{notes}" if body else notes
    if len(body) > MAX_BODY_CHARS:
        body = body[: MAX_BODY_CHARS - 40].rstrip() + "\n\n[… the rest of the mail was cut]"
    return body, attachments


def _part_text(part: EmailMessage) -> str:
    try:
        text = part.get_content()
    except (LookupError, UnicodeError, ValueError):  # an unknown or lying charset
        text = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
    return _clean(text, keep_lines=True) if isinstance(text, str) else ""


def _attachments(message: EmailMessage, *, skip: set[int]) -> tuple[list[UploadedFile], list[str]]:
    accepted: list[UploadedFile] = []
    refused: list[str] = []
    limit_mb = settings.WALLETDESK_MAX_ATTACHMENT_BYTES // (1024 * 1024)
    for part in message.walk():
        if part.is_multipart() or id(part) in skip:
            continue
        filename = _clean(part.get_filename() or "")
        if (
            part.get_content_maintype() == "text"
            and not filename
            and part.get_content_disposition() != "attachment"
        ):
            continue  # another rendering of the body, or a forwarded mail's text
        content = part.get_payload(decode=True)
        if not content:
            continue
        upload = UploadedFile(
            filename=filename or f"attachment-{len(accepted) + len(refused) + 1}", content=content
        )
        if len(accepted) >= MAX_ATTACHMENTS:
            refused.append(f"{upload.filename} (more than {MAX_ATTACHMENTS} files)")
            continue
        try:
            attachment_check(upload)
        except AttachmentRejected:
            refused.append(f"{upload.filename} (only images and PDF files up to {limit_mb} MB)")
            continue
        accepted.append(upload)
    return accepted, refused


def _clean(text: str, *, keep_lines: bool = False) -> str:
    """No NUL (PostgreSQL refuses it in text) nor other control characters; headers on one line."""
    text = text.replace("\x00", "")
    if keep_lines:
        return "".join(ch for ch in text if ch in "\n\t" or ch.isprintable() or ch == "\r")
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
