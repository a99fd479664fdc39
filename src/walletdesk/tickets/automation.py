"""What happens after a customer message is stored (Huey task; outside the receiving request)."""

from __future__ import annotations

from walletdesk.shield import services as shield
from walletdesk.tickets import events, outbox
from walletdesk.tickets.models import AuthorKind, Message


def message_automate(*, message: Message, secrets_found: int) -> None:
    ticket = message.ticket
    if secrets_found:
        secret_warning_send(message=message)
    if ticket.priority == "urgent" and ticket.category_id and ticket.category.slug == "account_theft":
        events.publish_security_alert(ticket)


def secret_warning_send(*, message: Message) -> None:
    """Warn the customer at once, in their language, that support never asks for a secret."""
    ticket = message.ticket
    text = shield.warning_message(locale=ticket.locale)
    already = Message.objects.filter(
        ticket=ticket, author_kind=AuthorKind.SYSTEM, body=text, id__gt=message.pk
    ).exists()
    if not already:
        outbox.send(ticket=ticket, author=None, body=text, author_kind=AuthorKind.SYSTEM)
