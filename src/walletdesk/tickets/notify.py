"""Agents' replies by email: the whole reply to a customer who left an address instead of waiting
(the offline chat form), and a notice with the reply to portal and API customers, who would otherwise
only see it if they came back to look.

Every mail carries the ticket number, what support never asks for and the anti-phishing code: a
support email is exactly what phishers copy.

A reply on a ticket the customer opened by email answers their last mail: "Re: <subject> [WD-12345]",
In-Reply-To and References, so their mail client threads it and their answer comes back into the
same ticket (channels_email reads those headers)."""

from __future__ import annotations

import re
import smtplib
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from walletdesk.accounts.models import Customer
from walletdesk.tickets.errors import DeliveryError, DeliveryRejected
from walletdesk.tickets.models import AuthorKind, Channel, Message, Ticket

# Tickets whose customers read replies in the portal (a call-back request's too: what the agent
# writes after the call): they get a notice by email besides.
NOTIFIED_CHANNELS = frozenset({Channel.WEB, Channel.API, Channel.PHONE})


def reply_email_address(ticket: Ticket) -> str:
    """Where a reply to this ticket goes by email: the address given in the offline chat form."""
    return str((ticket.intake or {}).get("reply_email") or "").strip()


def reply_message_id(message: Message) -> str:
    """The same Message-ID on every attempt: a mail client shows a retried delivery once."""
    return f"<wd-reply-{message.pk}@{_message_id_domain()}>"


def reply_pk_from_message_id(message_id: str) -> int | None:
    """The reply a Message-ID of ours names (reply_message_id), or None for anybody else's."""
    match = _REPLY_ID.fullmatch(message_id.strip())
    if match is None or match.group(2).lower() != _message_id_domain().lower():
        return None
    return int(match.group(1))


_REPLY_ID = re.compile(r"<wd-reply-(\d{1,18})@([^<>\s]+)>")
# References a reply carries: the thread's latest Message-IDs (RFC 5322 lets it grow; clients only
# need the recent ones to thread).
MAX_REFERENCES = 10


def _message_id_domain() -> str:
    # parseaddr: the sender may be written "DemoWallet Support <support@demowallet.com>".
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "walletdesk.local"


def _thread_headers(message: Message) -> dict[str, str]:
    """In-Reply-To the customer's last mail before this reply and References of the thread up to
    it (their mails' and our replies' Message-IDs); none when the customer never wrote by email."""
    rows = list(
        Message.objects.filter(
            ticket_id=message.ticket_id, channel=Channel.EMAIL, is_internal=False, id__lt=message.pk
        )
        .exclude(external_id=None)
        .order_by("-id")
        .values_list("author_kind", "external_id")[: MAX_REFERENCES * 3]
    )
    ids = [(kind, external_id) for kind, external_id in rows if external_id.startswith("<")]
    for index, (kind, external_id) in enumerate(ids):
        if kind == AuthorKind.CUSTOMER:
            thread = [mid for _kind, mid in reversed(ids[index:][:MAX_REFERENCES])]
            return {"In-Reply-To": external_id, "References": " ".join(thread)}
    return {}


def _reply_subject(ticket: Ticket) -> str:
    subject = ticket.subject or _("Your support request")
    return f"Re: {subject} [{ticket.reference}]"


def _footer(ticket: Ticket, customer: Customer) -> list[str]:
    lines = [
        "",
        "—",
        _("Ticket %(ref)s: %(url)s")
        % {"ref": ticket.reference, "url": f"{settings.SITE_URL}/support/tickets/{ticket.pk}/"},
        _("We never ask for your password, seed phrase or private key."),
    ]
    if customer.anti_phishing_code:
        lines.append(_("Your anti-phishing code: %(code)s") % {"code": customer.anti_phishing_code})
    lines.append(_("Official contacts: %(url)s") % {"url": f"{settings.SITE_URL}/contact/"})
    return lines


def _html(message: Message, *, intro: str, footer: list[str]) -> str:
    """The reply as the customer saw it in the portal (Markdown rendered, already sanitised when it
    was stored) beside the plain text, so a mail client shows bold, lists and links instead of ** and
    [text](url). Everything else in it is escaped."""
    lines = format_html_join("", "{}<br>", ((line,) for line in footer if line))
    return format_html(
        '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">{}{}'
        '<hr style="border:0;border-top:1px solid #ccc"><p style="color:#555;font-size:13px">{}</p></body></html>',
        format_html("<p>{}</p>", intro) if intro else "",
        mark_safe(message.body_html),  # noqa: S308 - markdown_render's nh3 output, stored sanitised
        lines,
    )


def _send(message: Message, *, to: str, intro: str) -> str:
    ticket = message.ticket
    customer = ticket.customer
    headers = {"Message-ID": reply_message_id(message), "X-Walletdesk-Ticket": ticket.reference}
    by_email = ticket.channel == Channel.EMAIL and not intro
    if by_email:
        headers.update(_thread_headers(message))
    if intro:  # a notice: the customer's autoresponder must not answer it (RFC 3834)
        headers["Auto-Submitted"] = "auto-generated"
    elif message.author_kind == AuthorKind.SYSTEM:  # the desk's own automatic answer
        headers["Auto-Submitted"] = "auto-replied"
    with translation.override(ticket.locale or customer.locale or settings.LANGUAGE_CODE):
        if by_email:
            subject = _reply_subject(ticket)
        else:
            subject = f"[{ticket.reference}] {ticket.subject or _('Your support request')}"
        text = "\n".join([*([intro, ""] if intro else []), message.body, *_footer(ticket, customer)])
        mail = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[to],
            headers=headers,
        )
        mail.attach_alternative(_html(message, intro=intro, footer=_footer(ticket, customer)), "text/html")
    try:
        mail.send()
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as exc:
        raise DeliveryRejected(f"mail server refused the address: {exc}") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"mail server unreachable or failed: {exc}") from exc
    return mail.extra_headers["Message-ID"]


def reply_email_deliver(message: Message) -> str:
    """The reply itself, to the address the customer left. Raises DeliveryError to be retried."""
    to = reply_email_address(message.ticket) or message.ticket.customer.email
    if not to:
        raise DeliveryRejected("the customer left no email address")
    return _send(message, to=to, intro="")


def reply_notice_send(message: Message) -> bool:
    """A portal customer's notice of an agent's reply; False when there is nobody to tell."""
    ticket = message.ticket
    if ticket.channel not in NOTIFIED_CHANNELS or message.is_internal or not ticket.customer.email:
        return False
    with translation.override(ticket.locale or ticket.customer.locale or settings.LANGUAGE_CODE):
        intro = _("Support replied to your request %(ref)s:") % {"ref": ticket.reference}
    _send(message, to=ticket.customer.email, intro=intro)
    return True
