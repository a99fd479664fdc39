"""Consumer dispatch without Channels' per-message hop onto the ORM thread.

Channels (4.2+) runs `close_old_connections` through `sync_to_async` before every handler: each
event a socket receives waits its turn on the process's one thread-sensitive ORM thread, behind
every reply being stored. In the chat benchmark that was a hop per delivered event (about nine per
agent reply), and the customer's copy of a reply queued behind other replies' transactions.

Consumers that do all ORM work through `database_sync_to_async` don't need it: that wrapper closes
stale connections itself, in the ORM thread, before and after each call.
"""

from __future__ import annotations

from typing import Any

from channels.consumer import get_handler_name


class DirectDispatchMixin:
    """Put before the Channels consumer class: `class C(DirectDispatchMixin, AsyncJsonWebsocketConsumer)`.

    Only for consumers whose handlers reach the ORM solely through `database_sync_to_async`."""

    async def dispatch(self, message: dict) -> None:
        handler: Any = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)
