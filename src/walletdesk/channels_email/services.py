"""Email intake: read new mails from the IMAP folder and hand each to tickets.inbox.receive.

Which ticket a mail belongs to comes from its In-Reply-To / References (the Message-IDs of our
replies and of the customer's earlier mails) or from the "[WD-12345]" in its subject, and only
when that ticket is the sender's own: anybody can write a ticket number into a subject. Otherwise
the mail opens a new ticket.

A mail that cannot be read is held (copied into the held folder, listed in HeldMail, logged) and
the mails after it go on; a server or database that is down stops the poll where it is, and the
next poll starts from there.
"""

from __future__ import annotations

import imaplib
import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.models import Q
from django.utils import timezone

from walletdesk.accounts.models import Customer
from walletdesk.channels_email.errors import MailIntakeOff, MailUnreadable
from walletdesk.channels_email.imap import ImapConfig, ImapSession, imap_config
from walletdesk.channels_email.mail import Mail, mail_headers_peek, mail_parse
from walletdesk.channels_email.models import HeldMail, MailboxState
from walletdesk.core.errors import DomainError
from walletdesk.shield import services as shield
from walletdesk.shield.logging import RedactSecretsFilter
from walletdesk.tickets.errors import TicketClosed
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import AuthorKind, Channel, Message, Status, Ticket, ticket_pk_from_reference
from walletdesk.tickets.notify import reply_pk_from_message_id

log = logging.getLogger(__name__)
# On the logger itself, not only on the site's handler: a held mail's sender, subject or traceback
# may quote a seed phrase, and a handler configured elsewhere would print it.
log.addFilter(RedactSecretsFilter())

MAX_PER_POLL = 200
# Bigger mails are held unread: ten attachments at the size limit, base64-encoded, and the text.
MAX_MAIL_BYTES_FACTOR = 14
_SUBJECT_REFERENCE = re.compile(r"\[\s*(WD\s*[-－_]?\s*\d{1,12})\s*\]", re.IGNORECASE)
_REPLY_PREFIX = re.compile(
    r"^(\s*(re|fw|fwd|aw|sv|antw|回复|答复|回覆|转发|轉寄)\s*(\[\d+\])?\s*[:：]\s*)+", re.IGNORECASE
)
# A server or database that is down: the poll stops and the next one retries from this mail.
_OUTAGES = (imaplib.IMAP4.abort, OSError, OperationalError, InterfaceError)


@dataclass
class Outcome:
    uid: int
    status: str  # new_ticket | threaded | duplicate | skipped | held
    reference: str = ""  # the ticket's number
    detail: str = ""


@dataclass
class PollResult:
    mailbox: str
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)


def mailbox_poll(*, limit: int = MAX_PER_POLL, config: ImapConfig | None = None) -> PollResult:
    """Read the folder's new mails once (at most `limit`). Raises MailIntakeOff, MailboxUnreachable
    or MailboxLoginFailed."""
    config = config or imap_config()
    if config is None:
        raise MailIntakeOff()
    result = PollResult(mailbox=str(config))
    with ImapSession(config) as imap:
        state, _created = MailboxState.objects.get_or_create(
            host=config.host, user=config.user, folder=config.folder
        )
        restarting = state.uidvalidity != imap.uidvalidity
        uids = _restart_uids(state, imap) if restarting else imap.uids_after(state.last_uid)
        for uid in uids[:limit]:
            result.outcomes.append(_one(imap, state, uid))
            imap.mark_seen(uid)
            if not restarting:
                MailboxState.objects.filter(pk=state.pk, last_uid__lt=uid).update(last_uid=uid)
        if restarting and len(uids) <= limit:
            # Mails that arrived between SELECT and SEARCH are unread and in `uids`, above UIDNEXT - 1.
            state.uidvalidity = imap.uidvalidity
            state.last_uid = max(imap.uidnext - 1, *uids, 0)
            state.save(update_fields=["uidvalidity", "last_uid"])
        MailboxState.objects.filter(pk=state.pk).update(polled_at=timezone.now())
    return result


def _restart_uids(state: MailboxState, imap: ImapSession) -> list[int]:
    """First contact with the folder, or a new UIDVALIDITY (old UIDs name other mails now): the
    unread mails are read, the rest of what is there is taken as handled. Until all of them are
    read (`limit` per poll) the next poll searches the unread ones again: each is marked read once
    handled. Mails stored before are recognised by their Message-ID, not stored twice."""
    if state.uidvalidity is not None:
        log.warning(
            "mailbox %s has a new UIDVALIDITY (%s, was %s): reading its unread mails again",
            state,
            imap.uidvalidity,
            state.uidvalidity,
        )
    return imap.uids_unseen()


def _one(imap: ImapSession, state: MailboxState, uid: int) -> Outcome:
    raw = b""
    try:
        size = imap.size(uid)
        if size is None:
            return Outcome(uid, "skipped", detail="gone from the mailbox")
        max_bytes = MAX_MAIL_BYTES_FACTOR * settings.WALLETDESK_MAX_ATTACHMENT_BYTES
        if size > max_bytes:
            raise MailUnreadable(f"{size} bytes, more than {max_bytes}")
        raw = imap.fetch(uid) or b""
        if not raw:
            return Outcome(uid, "skipped", detail="gone from the mailbox")
        return mail_receive(raw=raw, uid=uid)
    except _OUTAGES:
        raise
    except (MailUnreadable, DomainError) as exc:
        return _hold(imap, state, uid, raw, reason=str(exc))
    except Exception as exc:  # a mail that breaks our code must not stop the ones behind it
        log.exception("mail uid %s in %s could not be stored", uid, state)
        return _hold(imap, state, uid, raw, reason=f"could not be stored ({type(exc).__name__}: {exc})")


def mail_receive(*, raw: bytes, uid: int = 0) -> Outcome:
    """Store one mail through tickets.inbox.receive. Raises MailUnreadable or a DomainError."""
    mail = mail_parse(raw)
    if mail.robot:
        log.info("mail uid %s from %s skipped: %s", uid, mail.sender, mail.robot)
        return Outcome(uid, "skipped", detail=f"{mail.robot}, from {mail.sender}")
    customer = Customer.objects.filter(email__iexact=mail.sender).order_by("id").first()
    ticket = ticket_for_mail(mail=mail, customer=customer) if customer is not None else None
    inbound = _inbound(mail, customer, ticket)
    try:
        received = receive(inbound)
    except TicketClosed:  # closed between the lookup and the write
        received = receive(_inbound(mail, customer, None))
    reference = received.ticket.reference
    if received.duplicate:
        return Outcome(uid, "duplicate", reference, f"{mail.message_id} already stored")
    status = "new_ticket" if received.ticket_created else "threaded"
    return Outcome(uid, status, reference, f"from {mail.sender}")


def _inbound(mail: Mail, customer: Customer | None, ticket: Ticket | None) -> InboundMessage:
    return InboundMessage(
        channel=Channel.EMAIL,
        body=mail.body,
        customer=customer,
        email=mail.sender,
        name=mail.name,
        external_id=mail.message_id,
        ticket=ticket,
        new_ticket=ticket is None,
        subject=subject_for_ticket(mail.subject),
        locale=_locale(mail),
        attachments=mail.attachments,
    )


def ticket_for_mail(*, mail: Mail, customer: Customer) -> Ticket | None:
    """The customer's own ticket the mail answers, if it names one that is not closed."""
    ticket = _ticket_by_references(mail.references, customer)
    if ticket is None:
        match = _SUBJECT_REFERENCE.search(mail.subject)
        pk = ticket_pk_from_reference(match.group(1)) if match else None
        ticket = Ticket.objects.filter(pk=pk, customer=customer).first() if pk else None
    if ticket is not None and ticket.status == Status.CLOSED:
        return None  # a closed ticket takes no more messages: the mail opens a new one
    return ticket


def _ticket_by_references(references: list[str], customer: Customer) -> Ticket | None:
    if not references:
        return None
    # Our replies' Message-IDs name the reply (notify.reply_message_id), also before the outbox
    # recorded them and for the notices portal customers get; the customer's own earlier mails
    # are found by the Message-ID stored with them.
    reply_pks = [pk for pk in map(reply_pk_from_message_id, references) if pk is not None]
    match = Q(channel=Channel.EMAIL, external_id__in=references)
    if reply_pks:
        match |= Q(pk__in=reply_pks, author_kind__in=(AuthorKind.AGENT, AuthorKind.SYSTEM), is_internal=False)
    message = (
        Message.objects.filter(match, ticket__customer=customer)
        .select_related("ticket")
        .order_by("-id")
        .first()
    )
    return message.ticket if message is not None else None


def subject_for_ticket(subject: str) -> str:
    """A new ticket's subject: without "Re:" / "回复：" and without a ticket number in brackets."""
    subject = _SUBJECT_REFERENCE.sub(" ", subject)
    return " ".join(_REPLY_PREFIX.sub("", subject).split())


def _locale(mail: Mail) -> str:
    text = f"{mail.subject} {mail.body[:500]}"
    return "zh-hans" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


def _hold(imap: ImapSession, state: MailboxState, uid: int, raw: bytes, *, reason: str) -> Outcome:
    # Kept and logged only through the shield: any header of a broken mail may quote a secret.
    message_id, sender = (shield.text_redact(text=text).text for text in mail_headers_peek(raw))
    reason = shield.text_redact(text=reason).text[:500]
    copied = False
    try:
        copied = imap.copy_to_held(uid)
    except imaplib.IMAP4.error as exc:
        if isinstance(exc, imaplib.IMAP4.abort):
            raise
        log.warning("mail uid %s in %s could not be copied to the held folder: %s", uid, state, exc)
    HeldMail.objects.get_or_create(
        mailbox=state,
        uidvalidity=imap.uidvalidity,
        uid=uid,
        defaults={"message_id": message_id[:300], "sender": sender[:300], "reason": reason},
    )
    log.warning(
        "mail uid %s in %s held%s: %s (Message-ID %s, from %s)",
        uid,
        state,
        " (copied to the held folder)" if copied else "",
        reason,
        message_id or "-",
        sender or "-",
    )
    return Outcome(uid, "held", detail=reason)
