"""Live updates: every ticket change is published to the ticket's group and the agents' inbox group."""

from __future__ import annotations

from typing import Any

from walletdesk.core.events import publish
from walletdesk.tickets.models import Message, Ticket
from walletdesk.tickets.webhooks import webhooks_enqueue

INBOX_GROUP = "inbox.all"


def ticket_group(ticket_id: int) -> str:
    return f"ticket.{ticket_id}"


def customer_group(customer_id: int) -> str:
    return f"customer.{customer_id}"


def agent_group(user_id: int) -> str:
    return f"agent.{user_id}"


# The columns ticket_summary reads (a caller may load only these; the category's row too).
TICKET_SUMMARY_FIELDS = (
    "subject",
    "status",
    "priority",
    "channel",
    "category",
    "category__slug",
    "team",
    "assignee",
    "complaint",
)


def ticket_summary(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.pk,
        "reference": ticket.reference,
        "subject": ticket.subject,
        "status": ticket.status,
        "priority": ticket.priority,
        "channel": ticket.channel,
        "category": ticket.category.slug if ticket.category_id else None,
        "team_id": ticket.team_id,
        "assignee_id": ticket.assignee_id,
        "complaint": ticket.complaint,
    }


def message_payload(message: Message) -> dict[str, Any]:
    return {
        "id": message.pk,
        "ticket_id": message.ticket_id,
        "author_kind": message.author_kind,
        "author_name": message_author_name(message),
        "body_html": message.body_html,
        "is_internal": message.is_internal,
        "delivery_status": message.delivery_status,
        "created_at": message.created_at.isoformat() if message.created_at else None,
        "entities": message.entities,
        "attachments": [
            {"id": a.pk, "filename": a.filename, "content_type": a.content_type, "size": a.size}
            for a in message.attachments.all()
        ]
        if message.pk
        else [],
    }


def message_author_name(message: Message) -> str:
    if message.author_kind == "agent" and message.author_user_id:
        profile = getattr(message.author_user, "agent_profile", None)
        return profile.display_name if profile else message.author_user.get_username()
    return ""


def ticket_changed(
    ticket: Ticket, change: str, data: dict[str, Any] | None = None, *, summary_changed: bool = True
) -> None:
    """`summary_changed=False`: nothing the summary shows changed (say, a reply to a ticket that was
    already waiting). Webhooks and the ticket's own viewers still hear of it; the inboxes, the
    assignee and the customer, who would redraw the same thing, do not: every open console used
    to get a copy of every chat reply."""
    event = {"type": "ticket.changed", "change": change, "ticket": ticket_summary(ticket), **(data or {})}
    webhooks_enqueue(event)
    if change != "created":  # nobody can watch a ticket before it exists (watching looks it up first)
        publish(ticket_group(ticket.pk), event)
    if not summary_changed:
        return
    publish(INBOX_GROUP, event)
    if ticket.assignee_id:
        publish(agent_group(ticket.assignee_id), event)
    publish(
        customer_group(ticket.customer_id),
        {"type": "ticket.changed", "change": change, "ticket": {"id": ticket.pk, "status": ticket.status}},
    )


def message_added(message: Message, *, ticket_created: bool = False) -> None:
    payload = message_payload(message)
    if not ticket_created:  # the ticket's group is empty until someone opens the new ticket
        # Agents only (the customer's copy leaves it out): whose reply it is, so a colleague's page
        # warns that someone else just answered (the console's collision notice).
        colleague = {**payload, "author_user_id": message.author_user_id}
        publish(ticket_group(message.ticket_id), {"type": "message.added", "message": colleague})
    if not message.is_internal:
        webhooks_enqueue({"type": "message.added", "message": {**payload, "body": message.body}})
        publish(customer_group(message.ticket.customer_id), {"type": "message.added", "message": payload})


def message_delivery_changed(message: Message) -> None:
    publish(
        ticket_group(message.ticket_id),
        {
            "type": "message.delivery",
            "message_id": message.pk,
            "delivery_status": message.delivery_status,
            "error": message.delivery_error,
        },
    )


SECURITY_GROUP = "team.security"


def publish_security_alert(ticket: Ticket) -> None:
    publish(SECURITY_GROUP, {"type": "security.alert", "ticket": ticket_summary(ticket)})
