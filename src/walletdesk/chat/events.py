"""Chat events on the channel layer, published after commit like every other walletdesk event.

Groups: the customer's `customer.<id>` (their widget), the ticket's `ticket.<id>` (agents viewing it)
and `chat.console` (every agent console: the queue, presence).
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from walletdesk.core.events import publish, publish_now
from walletdesk.tickets.events import customer_group, ticket_group

CONSOLE_GROUP = "chat.console"


def agent_name(user: Any, locale: str | None = None) -> str:
    """The agent's name; with `locale`, as a customer reading that language sees it."""
    if user is None:
        return ""
    profile = getattr(user, "agent_profile", None)
    name = (profile.display_name if profile else "") or user.get_username()
    return name if locale is None else name_for_locale(name, locale)


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def name_for_locale(name: str, locale: str) -> str:
    """A display name written in both scripts ("客服小王 Wang", "Wang 小王"; AgentProfile has one name
    field) shows a customer only the words in their language's script: an English reply said
    "this is 客服小王 Wang". A name in one script is kept whole, whatever the language."""
    words = name.split()
    chinese = [w for w in words if _CJK.search(w)]
    other = [w for w in words if not _CJK.search(w)]
    if not chinese or not other:
        return name
    return " ".join(chinese if locale.lower().startswith("zh") else other)


def conversation_payload(conversation: Any) -> dict[str, Any]:
    return {
        "id": conversation.pk,
        "ticket_id": conversation.ticket_id,
        "status": conversation.status,
        "agent_name": agent_name(conversation.agent, conversation.locale) if conversation.agent_id else "",
        "agent_code": getattr(getattr(conversation.agent, "agent_profile", None), "agent_code", "")
        if conversation.agent_id
        else "",
        "customer_read_upto": conversation.customer_read_upto,
        "agent_read_upto": conversation.agent_read_upto,
    }


def conversation_changed(conversation: Any, change: str) -> None:
    payload = conversation_payload(conversation)
    event = {"type": "chat.state", "change": change, "conversation": payload}
    publish(customer_group(conversation.customer_id), event)
    publish(ticket_group(conversation.ticket_id), event)
    publish(CONSOLE_GROUP, event)


def read_changed(conversation: Any, side: str, upto: int) -> None:
    event = {"type": "chat.read", "ticket_id": conversation.ticket_id, "side": side, "upto": upto}
    target = (
        ticket_group(conversation.ticket_id)
        if side == "customer"
        else customer_group(conversation.customer_id)
    )
    publish(target, event)


def viewers_changed(ticket_id: int, viewers: list[dict]) -> None:
    publish(ticket_group(ticket_id), {"type": "chat.viewers", "ticket_id": ticket_id, "viewers": viewers})


def presence_changed(user_id: int, name: str, presence: str) -> None:
    publish(CONSOLE_GROUP, {"type": "chat.presence", "user_id": user_id, "name": name, "presence": presence})


def queue_changed() -> None:
    """After commit, tell every waiting customer their position and every console the queue."""
    transaction.on_commit(queue_broadcast_now)


def queue_broadcast_now() -> None:
    from walletdesk.chat.selectors import queue_snapshot

    snapshot = queue_snapshot()
    for entry in snapshot.entries:
        publish_now(customer_group(entry.customer_id), queue_entry_event(entry, len(snapshot.entries)))
    publish_now(
        CONSOLE_GROUP,
        {
            "type": "chat.queue",
            "queue": [
                {
                    "conversation_id": e.conversation_id,
                    "ticket_id": e.ticket_id,
                    "position": e.position,
                    "wait_seconds": e.wait_seconds,
                    "queued_at": e.queued_at.isoformat(),
                }
                for e in snapshot.entries
            ],
            "agents_online": snapshot.agents_online,
            "free_slots": snapshot.free_slots,
        },
    )


def queue_entry_event(entry: Any, queued: int) -> dict[str, Any]:
    return {
        "type": "chat.queue",
        "ticket_id": entry.ticket_id,
        "position": entry.position,
        "wait_seconds": None if entry.wait_seconds is None else round(entry.wait_seconds),
        "queued": queued,
    }
