"""Agents' chat replies from the console sockets of one server process, stored in batches.

Every reply is stored on the process's one ORM thread (`database_sync_to_async`). One at a time, a
reply was a thread hop, a ticket lookup, two Redis calls for the dedupe, six SQL statements and a
commit, each a round trip that waits its turn for the CPU on a busy machine; at a few hundred
replies/s per process the thread fell behind and the queue grew without bound. Here the replies
that arrive while a batch is being stored wait for it and then go together: one hop, one lookup
query, one dedupe round trip, one transaction (`chat.services.agent_replies_send`). A reply that
finds the thread idle goes at once, alone, so a quiet console waits for nothing.

Each reply is still acknowledged only after the transaction that stores it commits, and replies
keep their arrival order (one batch at a time, in order within it), so a conversation's messages
keep theirs.
"""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass
from typing import Any

from channels.db import database_sync_to_async

from walletdesk.chat import selectors, services
from walletdesk.tickets.errors import TicketNotFound

MAX_BATCH = 50  # replies in one transaction: a larger batch holds its ticket locks longer


@dataclass(frozen=True)
class ReplyRequest:
    agent: Any
    ticket_id: int
    body: str
    internal: bool = False
    client_id: str | None = None


def replies_store(requests: list[ReplyRequest]) -> list[services.ReplyOutcome]:
    """On the ORM thread: the tickets' lookup (the agents' access) and the replies, one outcome each."""
    tickets = selectors.tickets_for_replies(requests=[(r.agent, r.ticket_id) for r in requests])
    outcomes: list[services.ReplyOutcome | None] = [None] * len(requests)
    found = []
    for index, (request, ticket) in enumerate(zip(requests, tickets, strict=True)):
        if ticket is None:
            outcomes[index] = TicketNotFound()
            continue
        reply = services.AgentReply(ticket, request.agent, request.body, request.internal, request.client_id)
        found.append((index, reply))
    sent = services.agent_replies_send(replies=[reply for _, reply in found])
    for (index, _), outcome in zip(found, sent, strict=True):
        outcomes[index] = outcome
    return outcomes  # type: ignore[return-value]


class ReplyBatcher:
    """One per event loop: queues replies and stores them a batch at a time, in arrival order."""

    def __init__(self) -> None:
        self._waiting: list[tuple[ReplyRequest, asyncio.Future]] = []
        self._task: asyncio.Task | None = None

    def enqueue(self, request: ReplyRequest) -> asyncio.Future:
        """A future of (message, duplicate), set once stored, or of the error that refused it."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._waiting.append((request, future))
        if self._task is None:
            self._task = loop.create_task(self._drain())
        return future

    async def _drain(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
                try:
                    outcomes = await database_sync_to_async(replies_store)([r for r, _ in batch])
                except Exception as exc:  # the batch as a whole failed: every reply in it hears so
                    outcomes = [exc] * len(batch)
                for (_, future), outcome in zip(batch, outcomes, strict=True):
                    if future.done():  # its socket closed while the reply was being stored
                        continue
                    if isinstance(outcome, Exception):
                        future.set_exception(outcome)
                    else:
                        future.set_result(outcome)
        finally:
            self._task = None


_batchers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, ReplyBatcher] = weakref.WeakKeyDictionary()


def reply_enqueue(request: ReplyRequest) -> asyncio.Future:
    """Queue an agent's reply to be stored with the others arriving now. The future is set after
    the commit: (message, duplicate), or the error that refused this reply. Futures of one loop are
    set in the order their replies were queued."""
    loop = asyncio.get_running_loop()
    batcher = _batchers.get(loop)
    if batcher is None:
        batcher = _batchers[loop] = ReplyBatcher()
    return batcher.enqueue(request)


async def reply_submit(request: ReplyRequest) -> tuple[Any, bool]:
    """`reply_enqueue` and wait: (message, duplicate) after commit."""
    return await reply_enqueue(request)
