"""Chat transcripts: a self-contained HTML file the customer downloads or has emailed."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation

from walletdesk.accounts.models import Customer
from walletdesk.chat.errors import EmailInvalid
from walletdesk.core.ratelimit import rate_limit_hit
from walletdesk.tickets.models import Ticket
from walletdesk.tickets.selectors import messages_for_customer

EMAILS_PER_HOUR = 5


def transcript_render(*, ticket: Ticket, locale: str) -> str:
    """Only what the customer saw: internal notes are never in a transcript."""
    with translation.override(locale):
        return render_to_string(
            "chat/transcript.html",
            {
                "ticket": ticket,
                "messages": list(messages_for_customer(ticket=ticket)),
                "generated_at": timezone.localtime(),
                "BRAND_NAME": settings.BRAND_NAME,
                "SITE_URL": settings.SITE_URL,
                "locale": locale,
            },
        )


def transcript_filename(ticket: Ticket) -> str:
    return f"{settings.BRAND_NAME}-{ticket.reference}-transcript.html"


def transcript_email_request(*, customer: Customer, ticket: Ticket, email: str, locale: str) -> None:
    """Queue the transcript email. Rate-limited per customer: the address is typed by the visitor."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise EmailInvalid(fields={"email": "invalid"}) from exc
    rate_limit_hit(scope="chat-transcript", key=str(customer.pk), limit=EMAILS_PER_HOUR, window_seconds=3600)
    from walletdesk.chat import tasks

    tasks.transcript_email_deliver(ticket.pk, email, locale)


def transcript_email_send(*, ticket: Ticket, email: str, locale: str) -> None:
    html = transcript_render(ticket=ticket, locale=locale)
    with translation.override(locale):
        subject = translation.gettext("Your chat with %(brand)s support (%(ref)s)") % {
            "brand": settings.BRAND_NAME,
            "ref": ticket.reference,
        }
        text = translation.gettext(
            "The transcript of your chat is attached. Keep it as a record of what support told you. "
            "Support never asks for your seed phrase or private key."
        )
    message = EmailMultiAlternatives(subject=subject, body=text, to=[email])
    message.attach(transcript_filename(ticket), html, "text/html")
    message.send()
