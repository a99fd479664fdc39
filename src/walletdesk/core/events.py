"""Publishing events to channel-layer groups after the transaction commits.

Publishing never makes the caller wait for delivery: a live update is best effort (the state is in
the database already), and the caller is usually the one thread that runs all ORM work of a server
process (Channels' `database_sync_to_async`), so every millisecond it waits delays every socket.

- In-memory layer (the embedded layout): the layer lives inside the uvicorn process and its asyncio
  queues are not thread-safe, so a publish from a worker thread is queued for the server's loop
  (bound on the first connection), where one relay task sends them in order.
- channels-redis pub/sub layer: a group send is one Redis PUBLISH, so sync code hands it to one
  publisher thread per process that pipelines them with a plain (sync) Redis client, using the
  layer's own serializer and group-channel names. No event loop, no per-call connection.
- Anything else, or no server loop yet: as before, `async_to_sync(group_send)`.

Order is kept per process: every path is one FIFO (relay or publisher thread), so a customer sees
`message.added` before the `ticket.changed` of the same reply.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import threading
from collections import deque
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.db import transaction

log = logging.getLogger(__name__)

SEND_TIMEOUT = 5.0  # seconds for one group send before it is logged and dropped
MAX_PENDING = 100_000  # events queued in one process before new ones are dropped (layer down)

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


# --- relay on an event loop (in-memory layer, or async code) ----------------------------------------
class _LoopRelay:
    """Group sends queued from any thread, sent by one task on `loop` in arrival order per group."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._lock = threading.Lock()
        self._inbox: deque[tuple[Any, str, dict]] = deque()
        self._wake_scheduled = False
        self._pending: deque[tuple[Any, str, dict]] = deque()  # touched on the loop only
        self._task: asyncio.Task | None = None

    def submit(self, layer: Any, group: str, message: dict) -> None:
        """From any thread; never blocks on the send."""
        with self._lock:
            if len(self._inbox) >= MAX_PENDING:
                log.warning("event relay full: dropping %s for %s", message["event"].get("type"), group)
                return
            self._inbox.append((layer, group, message))
            if self._wake_scheduled:
                return
            self._wake_scheduled = True
        if threading.get_ident() == _loop_thread_id(self.loop):
            self._wake()
        else:
            self.loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        with self._lock:
            self._pending.extend(self._inbox)
            self._inbox.clear()
            self._wake_scheduled = False
        if self._task is None:
            self._task = self.loop.create_task(self._drain())

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch = list(self._pending)
                self._pending.clear()
                by_group: dict[tuple[int, str], list[tuple[Any, str, dict]]] = {}
                for item in batch:
                    by_group.setdefault((id(item[0]), item[1]), []).append(item)
                if len(by_group) == 1:
                    await _send_in_order(batch)
                else:  # groups are independent: only each group's own order matters
                    await asyncio.gather(*(_send_in_order(items) for items in by_group.values()))
        finally:
            self._task = None


async def _send_in_order(items: list[tuple[Any, str, dict]]) -> None:
    for layer, group, message in items:
        try:
            if isinstance(layer, InMemoryChannelLayer):  # cannot hang; skip wait_for's extra task
                await layer.group_send(group, message)
            else:
                await asyncio.wait_for(layer.group_send(group, message), SEND_TIMEOUT)
        except Exception:  # noqa: PERF203 - one failed send must not stop the others
            log.exception("publishing %s to %s failed", message["event"].get("type"), group)


_relays: dict[asyncio.AbstractEventLoop, _LoopRelay] = {}
_loop_threads: dict[asyncio.AbstractEventLoop, int] = {}
_relays_lock = threading.Lock()


def _loop_thread_id(loop: asyncio.AbstractEventLoop) -> int | None:
    return _loop_threads.get(loop)


def _relay_for(loop: asyncio.AbstractEventLoop, thread_id: int | None = None) -> _LoopRelay:
    with _relays_lock:
        relay = _relays.get(loop)
        if relay is None:
            for old in [lp for lp in _relays if lp.is_closed()]:  # test loops come and go
                del _relays[old]
                _loop_threads.pop(old, None)
            relay = _relays[loop] = _LoopRelay(loop)
        if thread_id is not None:
            _loop_threads[loop] = thread_id
        return relay


# --- publisher thread for the channels-redis pub/sub layer ------------------------------------------
class _RedisPublisher:
    """One daemon thread per process that PUBLISHes queued group events through a sync pipeline."""

    def __init__(self, layer: Any, clients: list[Any], prefix: str) -> None:
        self.layer = layer
        self.clients = clients
        self.prefix = prefix
        self._cond = threading.Condition()
        self._queue: deque[tuple[str, dict]] = deque()
        self._busy = False
        self._pid = os.getpid()
        self._thread = threading.Thread(target=self._run, name="wd-event-publisher", daemon=True)
        self._thread.start()

    def submit(self, group: str, message: dict) -> None:
        with self._cond:
            if len(self._queue) >= MAX_PENDING:
                log.warning("event publisher full: dropping %s for %s", message["event"].get("type"), group)
                return
            self._queue.append((group, message))
            self._cond.notify()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued so far is published (process exit, tests)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and not self._busy, timeout=timeout)

    def _run(self) -> None:
        from channels_redis.utils import _consistent_hash

        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._queue))
                batch = list(self._queue)
                self._queue.clear()
                self._busy = True
            try:
                pipes = [client.pipeline(transaction=False) for client in self.clients]
                used = set()
                for group, message in batch:
                    channel = f"{self.prefix}__group__{group}"
                    index = _consistent_hash(channel, len(self.clients))
                    pipes[index].publish(channel, self.layer.serialize(message))
                    used.add(index)
                for index in sorted(used):
                    pipes[index].execute()
            except Exception:
                log.exception("publishing %d events failed", len(batch))
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()


_publisher: _RedisPublisher | None = None
_publisher_checked: Any = None  # the layer object the decision below was made for
_publisher_lock = threading.Lock()


def _redis_publisher(layer: Any) -> _RedisPublisher | None:
    """The sync publisher when the layer is channels-redis pub/sub on plain Redis URLs or host dicts."""
    global _publisher, _publisher_checked
    if _publisher_checked is layer and (_publisher is None or _publisher._pid == os.getpid()):
        return _publisher
    with _publisher_lock:
        if _publisher_checked is layer and (_publisher is None or _publisher._pid == os.getpid()):
            return _publisher
        _publisher = _redis_publisher_make(layer)
        _publisher_checked = layer
        return _publisher


def _redis_publisher_make(layer: Any) -> _RedisPublisher | None:
    try:
        from channels_redis.pubsub import RedisPubSubChannelLayer
        from channels_redis.utils import decode_hosts
    except ImportError:
        return None
    if not isinstance(layer, RedisPubSubChannelLayer):
        return None
    import redis

    args, kwargs = layer._args, layer._kwargs
    hosts = decode_hosts(kwargs.get("hosts", args[0] if args else None))
    clients = []
    for host in hosts:
        host = dict(host)
        if "address" in host:
            clients.append(redis.Redis.from_url(host.pop("address"), **host))
        elif "master_name" in host:
            return None  # Sentinel: leave it to the layer's own async client
        else:
            clients.append(redis.Redis(**host))
    publisher = _RedisPublisher(layer, clients, kwargs.get("prefix", "asgi"))
    atexit.register(publisher.flush, 5.0)
    return publisher


def publisher_flush(timeout: float = 5.0) -> bool:
    """Block until this process's queued Redis publishes went out (used at exit and by tests)."""
    publisher = _publisher
    return publisher.flush(timeout) if publisher is not None else True


# --- the API ----------------------------------------------------------------------------------------
def publish_now(group: str, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "wd.event", "event": event}
    try:
        publisher = _redis_publisher(layer)
        if publisher is not None:
            publisher.submit(group, message)
            return
        loop = _server_loop
        if loop is not None and loop.is_running():  # the in-memory layer's queues live on that loop
            _relay_for(loop, _server_thread_id).submit(layer, group, message)
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is not None:  # sync code called from inside a loop: don't block it
            _relay_for(running, threading.get_ident()).submit(layer, group, message)
            return
        if isinstance(layer, InMemoryChannelLayer) and group not in layer.groups:
            # No socket of this process is in the group (always so in a WSGI worker): the send
            # would do nothing, and async_to_sync costs ~1 ms of CPU per event.
            return
        async_to_sync(layer.group_send)(group, message)
    except Exception:  # a live update is best effort: the state is in the database already
        log.exception("publishing %s to %s failed", event.get("type"), group)


def publish(group: str, event: dict[str, Any]) -> None:
    """Publish once the current transaction commits (immediately outside a transaction)."""
    transaction.on_commit(lambda: publish_now(group, event))
