"""Publishing events to channel-layer groups after the transaction commits.

Why the loop binding: in the embedded layout the channel layer lives in memory inside the uvicorn
process, and the Huey consumer runs as threads of that same process. asyncio queues are not
thread-safe, so a publish from a worker thread is handed to the server's event loop instead of
running on a private loop of its own.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

log = logging.getLogger(__name__)

_server_loop: asyncio.AbstractEventLoop | None = None
_server_thread_id: int | None = None


def bind_server_loop(loop: asyncio.AbstractEventLoop) -> None:
    global _server_loop, _server_thread_id
    _server_loop = loop
    _server_thread_id = threading.get_ident()


class LoopBindingApp:
    """ASGI wrapper that remembers the server's loop on the first connection."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if _server_loop is None:
            bind_server_loop(asyncio.get_running_loop())
        await self.app(scope, receive, send)


def group_name(kind: str, key: object) -> str:
    """Channel-layer group names allow only ASCII alphanumerics, hyphens, underscores and periods."""
    return f"{kind}.{key}"


def publish_now(group: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "wd.event", "event": event}
    try:
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is not None:  # sync code called from inside a loop: don't block it
            running.create_task(layer.group_send(group, message))
            return
        loop = _server_loop
        if loop is not None and loop.is_running() and threading.get_ident() != _server_thread_id:
            asyncio.run_coroutine_threadsafe(layer.group_send(group, message), loop).result(timeout=5)
            return
        async_to_sync(layer.group_send)(group, message)
    except Exception:  # a live update is best effort: the state is in the database already
        log.exception("publishing %s to %s failed", event.get("type"), group)


def publish(group: str, event: dict[str, Any]) -> None:
    """Publish once the current transaction commits (immediately outside a transaction)."""
    transaction.on_commit(lambda: publish_now(group, event))
