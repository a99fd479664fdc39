"""What happens after a customer message is stored (Huey task; outside the receiving request)."""

from __future__ import annotations

import logging

from walletdesk.core.errors import DomainError
from walletdesk.shield import services as shield
from walletdesk.tickets import events, outbox
from walletdesk.tickets.models import AuthorKind, Message, Ticket

log = logging.getLogger(__name__)

# A deposit that did not arrive is looked up at once, before an agent even opens the ticket.
DIAGNOSE_CATEGORIES = {"deposit", "withdrawal", None}
MAX_HASHES_DIAGNOSED = 2


def automation_wanted(*, ticket: Ticket, message: Message, secrets_found: int) -> bool:
    """Whether `message_automate` has anything to do for this message. Most messages need nothing,
    and a queued no-op costs every message a queue write and a worker's database round trip.
    Keep it in step with the conditions below."""
    return bool(secrets_found) or _security_alert_wanted(ticket) or _diagnosis_wanted(ticket, message)


def message_automate(*, message: Message, secrets_found: int) -> None:
    ticket = message.ticket
    if secrets_found:
        secret_warning_send(message=message)
    if _security_alert_wanted(ticket):
        events.publish_security_alert(ticket)
    if _diagnosis_wanted(ticket, message):
        transactions_diagnose(message=message)


def _security_alert_wanted(ticket: Ticket) -> bool:
    return (
        ticket.priority == "urgent" and bool(ticket.category_id) and ticket.category.slug == "account_theft"
    )


def _diagnosis_wanted(ticket: Ticket, message: Message) -> bool:
    category = ticket.category.slug if ticket.category_id else None
    return category in DIAGNOSE_CATEGORIES and bool(message.entities.get("tx_hashes"))


def secret_warning_send(*, message: Message) -> None:
    """Warn the customer at once, in their language, that support never asks for a secret."""
    ticket = message.ticket
    text = shield.warning_message(locale=ticket.locale)
    already = Message.objects.filter(
        ticket=ticket, author_kind=AuthorKind.SYSTEM, body=text, id__gt=message.pk
    ).exists()
    if not already:
        outbox.send(ticket=ticket, author=None, body=text, author_kind=AuthorKind.SYSTEM)


def transactions_diagnose(*, message: Message) -> int:
    """Post the chain's verdict for the hashes a customer sent, as internal notes for the agent.

    The first configured chain is asked; when the transaction is on another configured chain the
    verdict says so (wrong_network) and the note is about the chain it is really on.
    """
    from walletdesk.chain.product import diagnosis_card_markdown, ledger_check
    from walletdesk.chain.selectors import chain_list
    from walletdesk.chain.services import tx_check_record, tx_diagnose

    chains = list(chain_list()[:1])
    if not chains:
        return 0
    ticket = message.ticket
    posted = 0
    for tx_hash in message.entities["tx_hashes"][:MAX_HASHES_DIAGNOSED]:
        try:
            diagnosis = tx_diagnose(chain_id=chains[0].id, tx_hash=tx_hash, locale=ticket.locale)
            if diagnosis.verdict == "wrong_network" and diagnosis.found_on:
                diagnosis = tx_diagnose(chain_id=diagnosis.found_on, tx_hash=tx_hash, locale=ticket.locale)
        except DomainError as exc:  # a hash of another chain family, or a node that is down
            log.info("automatic diagnosis of %s skipped: %s", tx_hash, exc.message)
            continue
        ledger = ledger_check(diagnosis=diagnosis, wallet_uid=ticket.customer.wallet_uid)
        outbox.send(
            ticket=ticket,
            author=None,
            author_kind=AuthorKind.SYSTEM,
            internal=True,
            body=diagnosis_card_markdown(diagnosis, ledger, ticket.locale),
        )
        tx_check_record(
            diagnosis=diagnosis,
            source="console",
            customer_ref=ticket.customer.wallet_uid or "",
            ticket_ref=str(ticket.pk),
        )
        posted += 1
    return posted
