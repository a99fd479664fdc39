"""The one way out: every agent reply is stored here, then delivered by a Huey task through the
channel's adapter, with retries and backoff. A reply is never lost: it is in the database before the
task exists, and a periodic sweep re-enqueues replies whose worker died mid-delivery.

Channels whose customers read replies in walletdesk itself (widget, portal, API: the in-app adapter)
need no task: the reply is marked sent in the transaction that stores it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import F, Q
from django.utils import timezone

from walletdesk.core.markdown import markdown_render
from walletdesk.core.prepared import PreparedRows
from walletdesk.shield import services as shield
from walletdesk.tickets import events, search
from walletdesk.tickets.adapters import adapter_delivers_on_store, adapter_get
from walletdesk.tickets.attachments import UploadedFile, attachment_check, attachment_store
from walletdesk.tickets.errors import DeliveryError, DeliveryRejected, MessageEmpty, MessageTooLong
from walletdesk.tickets.models import (
    AuthorKind,
    Category,
    Channel,
    Delivery,
    EventKind,
    Message,
    Status,
    Ticket,
    TicketEvent,
)
from walletdesk.tickets.notify import NOTIFIED_CHANNELS, reply_email_address
from walletdesk.tickets.selectors import agent_can_work

MAX_ATTEMPTS = 6
# What send() reads of the locked ticket, and what the events it publishes read (in the model's
# column order, as Model.from_db wants them).
_LOCKED_NAMES = {
    "customer",
    "channel",
    "status",
    "first_response_at",
    "last_message_at",
    "updated_at",
    "intake",
}
_LOCKED_NAMES |= {name for name in events.TICKET_SUMMARY_FIELDS if "__" not in name}
LOCKED_COLUMNS = tuple(f.attname for f in Ticket._meta.concrete_fields if f.name in _LOCKED_NAMES | {"id"})


# The category's slug rides along (the ticket.changed summary names it: a query per reply otherwise).
# Only the tickets' rows are locked (PostgreSQL refuses FOR UPDATE on the nullable side of an outer
# join), in pk order like every other ticket lock, so two batches cannot deadlock.
def _tickets_lock(ticket_ids: list[int]) -> dict[int, Ticket]:
    """The tickets' rows, locked until the transaction ends, with only the columns send() reads."""
    if len(ticket_ids) == 1:
        rows = _LOCKED_TICKET.rows(ticket_ids[0])
    else:
        rows = list(
            Ticket.objects.select_for_update(of=("self",))
            .filter(pk__in=ticket_ids)
            .order_by("pk")
            .values_list(*LOCKED_COLUMNS, "category__slug")
        )
    locked = {}
    for *columns, category_slug in rows:
        ticket = Ticket.from_db(DEFAULT_DB_ALIAS, LOCKED_COLUMNS, columns)
        if ticket.category_id is not None:
            ticket.category = Category.from_db(
                DEFAULT_DB_ALIAS, ("id", "slug"), (ticket.category_id, category_slug)
            )
        locked[ticket.pk] = ticket
    if len(locked) != len(ticket_ids):
        raise Ticket.DoesNotExist()
    return locked


# Compiled once per process: compiling this query cost more CPU than running it.
_LOCKED_TICKET = PreparedRows(
    lambda key: (
        Ticket.objects.select_for_update(of=("self",))
        .filter(pk=key)
        .values_list(*LOCKED_COLUMNS, "category__slug")
    )
)


STALE_AFTER = timedelta(minutes=3)


def retry_delay_seconds(attempt: int) -> int:
    """Exponential backoff: 10 s, 20 s, 40 s, … capped at 10 minutes."""
    return min(10 * 2 ** max(attempt - 1, 0), 600)


@dataclass(frozen=True)
class Outgoing:
    """One reply (or internal note, or system message) for `send_many`."""

    ticket: Ticket
    author: AbstractBaseUser | None
    body: str
    internal: bool = False
    attachments: tuple[UploadedFile, ...] = ()
    author_kind: str = AuthorKind.AGENT


def send(
    *,
    ticket: Ticket,
    author: AbstractBaseUser | None,
    body: str,
    internal: bool = False,
    attachments: list[UploadedFile] | None = None,
    author_kind: str = AuthorKind.AGENT,
) -> Message:
    """Store an agent's reply (or internal note, or a system message) and hand delivery to the worker."""
    outgoing = Outgoing(ticket, author, body, internal, tuple(attachments or ()), author_kind)
    return send_many(outgoing=[outgoing])[0]


def send_many(*, outgoing: Sequence[Outgoing]) -> list[Message]:
    """Store several replies in one transaction, in the given order, all or none; the messages
    come back in that order.

    Replies that arrive together (the chat console's, queued behind the one ORM thread of a
    server process) share the row locks, two multi-row INSERTs, the ticket UPDATEs and the commit
    instead of paying each per reply: one reply alone was six statements and a commit. Every
    reply is checked (empty, too long, attachment type) before anything is written."""
    for item in outgoing:
        _check(item)
    texts = [shield.text_redact(text=item.body, locale=item.ticket.locale) for item in outgoing]
    htmls = [markdown_render(redacted.text) for redacted in texts]
    now = timezone.now()
    with transaction.atomic():
        locked = _tickets_lock(sorted({item.ticket.pk for item in outgoing}))
        changed: dict[int, list[str]] = {pk: ["updated_at"] for pk in locked}
        messages = []
        for item, redacted, html in zip(outgoing, texts, htmls, strict=True):
            ticket = locked[item.ticket.pk]
            channel = _reply_channel(ticket)
            delivered_now = not item.internal and adapter_delivers_on_store(channel)
            messages.append(
                Message(
                    ticket=ticket,
                    author_kind=item.author_kind,
                    author_user=item.author if item.author_kind == AuthorKind.AGENT else None,
                    body=redacted.text,
                    body_html=html,
                    channel=channel,
                    is_internal=item.internal,
                    delivery_status=_initial_delivery(internal=item.internal, delivered_now=delivered_now),
                    delivery_attempts=1 if delivered_now else 0,
                    delivered_at=now if delivered_now else None,
                    shield_findings=[
                        {"kind": f.kind, "start": f.start, "end": f.end} for f in redacted.findings
                    ],
                )
            )
        Message.objects.bulk_create(messages)
        ticket_events = []
        summary_changes = []
        for item, message in zip(outgoing, messages, strict=True):
            ticket = message.ticket
            for upload in item.attachments:
                name = shield.text_redact(text=upload.filename).text
                attachment_store(message=message, upload=upload, filename=name)
            if not item.attachments:  # the live payload lists attachments: none, without a query
                prefetch_none(message, "attachments")
            kind = _event_kind(item)
            if kind is not None:
                ticket_events.append(
                    TicketEvent(ticket=ticket, kind=kind, actor=item.author, data={"message_id": message.pk})
                )
            status_before = ticket.status
            status_changed, assigned = _ticket_apply(ticket, item, now, changed[ticket.pk])
            if assigned:  # the first agent to answer an unassigned ticket owns it (reports credit them)
                ticket_events.append(
                    TicketEvent(
                        ticket=ticket,
                        kind=EventKind.ASSIGNED,
                        actor=item.author,
                        data={"assignee_id": item.author.pk, "message_id": message.pk},
                    )
                )
            if status_changed:  # the agent's reply now waits on the customer: said on the timeline
                ticket_events.append(
                    TicketEvent(
                        ticket=ticket,
                        kind=EventKind.STATUS,
                        actor=item.author,
                        data={"old": status_before, "new": ticket.status, "message_id": message.pk},
                    )
                )
            summary_changes.append(status_changed or assigned)
        TicketEvent.objects.bulk_create(ticket_events)
        _tickets_update(locked, changed)
        for pk in locked:
            docs = [r.text for item, r in zip(outgoing, texts, strict=True) if item.ticket.pk == pk]
            search.ticket_index(ticket_id=pk, text=" ".join(docs))
        for item, message, status_changed in zip(outgoing, messages, summary_changes, strict=True):
            events.message_added(message)
            # The summary shows the status, the only summary field a reply can change.
            events.ticket_changed(
                message.ticket, "reply" if not item.internal else "note", summary_changed=status_changed
            )
            if not message.is_internal and message.delivery_status == Delivery.PENDING:
                _enqueue(message)
            elif _notice_wanted(message):
                _notice_enqueue(message)
    for item in outgoing:  # the caller's instances see the stored state without reading it back
        for name in changed[item.ticket.pk]:
            setattr(item.ticket, name, getattr(locked[item.ticket.pk], name))
    return messages


def _reply_channel(ticket: Ticket) -> str:
    """The channel a reply goes out on: by email to a customer who left an address instead of
    waiting in the chat, the ticket's own channel otherwise."""
    if reply_email_address(ticket):
        return Channel.EMAIL
    return ticket.channel


def _notice_wanted(message: Message) -> bool:
    return (
        message.author_kind == AuthorKind.AGENT
        and not message.is_internal
        and message.ticket.channel in NOTIFIED_CHANNELS
    )


def _notice_enqueue(message: Message) -> None:
    from walletdesk.tickets import tasks

    message_id = message.pk
    transaction.on_commit(lambda: tasks.reply_notice(message_id))


def _check(item: Outgoing) -> None:
    if not item.body.strip() and not item.attachments:
        raise MessageEmpty()
    if len(item.body) > 20000:
        raise MessageTooLong()
    for upload in item.attachments:
        attachment_check(upload)


def _event_kind(item: Outgoing) -> str | None:
    if item.internal:
        return EventKind.NOTE
    return EventKind.REPLY if item.author_kind == AuthorKind.AGENT else None


def _ticket_apply(ticket: Ticket, item: Outgoing, now: Any, changed: list[str]) -> tuple[bool, bool]:
    """What one reply does to its (locked) ticket, in memory: (status changed, assigned to its author)."""
    ticket.updated_at = now
    if item.internal:
        return False, False
    status_changed = assigned = False
    if item.author_kind == AuthorKind.AGENT:
        if ticket.assignee_id is None and item.author is not None and agent_can_work(item.author):
            ticket.assignee = item.author
            changed.append("assignee")
            assigned = True
        if ticket.first_response_at is None:
            ticket.first_response_at = now
            changed.append("first_response_at")
        if ticket.status in (Status.NEW, Status.OPEN):
            ticket.status = Status.WAITING
            changed.append("status")
            status_changed = True
    ticket.last_message_at = now
    if "last_message_at" not in changed:
        changed.append("last_message_at")
    return status_changed, assigned


def _tickets_update(locked: dict[int, Ticket], changed: dict[int, list[str]]) -> None:
    """One UPDATE per distinct set of new values: a batch of replies at the same instant is
    usually one or two statements (tickets whose status moved, and the rest)."""
    by_values: dict[tuple, list[int]] = {}
    for pk, names in changed.items():
        values = tuple(sorted((name, getattr(locked[pk], name)) for name in set(names)))
        by_values.setdefault(values, []).append(pk)
    for values, pks in by_values.items():
        Ticket.objects.filter(pk__in=pks).update(**dict(values))


def _initial_delivery(*, internal: bool, delivered_now: bool) -> str:
    if internal:
        return Delivery.NONE
    return Delivery.SENT if delivered_now else Delivery.PENDING


def prefetch_none(instance: Any, relation: str) -> None:
    """Mark a reverse relation of a just-created row as known-empty (no query on `.all()`).

    From the model's metadata: building the related manager filters by the instance, which cost
    more CPU than the insert."""
    rel = instance._meta.get_field(relation)
    empty = rel.related_model._default_manager.none()
    # Filled in, as prefetch_related leaves it: even an empty queryset is compiled when iterated.
    empty._result_cache = []
    empty._prefetch_done = True
    instance._prefetched_objects_cache = {
        **getattr(instance, "_prefetched_objects_cache", {}),
        rel.cache_name: empty,
    }


def _enqueue(message: Message, delay: int = 0) -> None:
    from walletdesk.tickets import tasks

    message_id = message.pk
    if delay:
        transaction.on_commit(lambda: tasks.message_deliver.schedule((message_id,), delay=delay))
    else:
        transaction.on_commit(lambda: tasks.message_deliver(message_id))


def deliver(*, message: Message) -> Message:
    """Deliver one pending reply through its channel's adapter. Idempotent: a sent reply stays sent."""
    claimed = Message.objects.filter(pk=message.pk, delivery_status=Delivery.PENDING).update(
        delivery_attempts=F("delivery_attempts") + 1, next_attempt_at=None
    )
    message.refresh_from_db()
    if not claimed or message.delivery_status != Delivery.PENDING:
        return message
    try:
        external_id = adapter_get(message.channel).deliver(message)
    except DeliveryRejected as exc:
        _mark(message, Delivery.FAILED, error=str(exc))
    except DeliveryError as exc:
        if message.delivery_attempts >= MAX_ATTEMPTS:
            _mark(message, Delivery.FAILED, error=str(exc))
        else:
            delay = max(retry_delay_seconds(message.delivery_attempts), exc.retry_after or 0)
            Message.objects.filter(pk=message.pk).update(
                delivery_error=str(exc)[:500], next_attempt_at=timezone.now() + timedelta(seconds=delay)
            )
            message.delivery_error = str(exc)[:500]
            events.message_delivery_changed(message)
            _enqueue(message, delay=delay)
    else:
        _mark(message, Delivery.SENT, external_id=external_id)
    return message


def _mark(message: Message, status: str, error: str = "", external_id: str | None = None) -> None:
    updates: dict = {"delivery_status": status, "delivery_error": error[:500]}
    if status == Delivery.SENT:
        updates["delivered_at"] = timezone.now()
        if external_id and not message.external_id:
            updates["external_id"] = external_id[:200]
    Message.objects.filter(pk=message.pk).update(**updates)
    for key, value in updates.items():
        setattr(message, key, value)
    events.message_delivery_changed(message)


def stale_deliveries_requeue(*, now: timezone.datetime | None = None) -> int:
    """Replies still pending long after their last attempt: the worker died or the queue lost them."""
    now = now or timezone.now()
    due = Q(next_attempt_at__isnull=True, created_at__lt=now - STALE_AFTER) | Q(
        next_attempt_at__lt=now - STALE_AFTER
    )
    stale = Message.objects.filter(
        due, delivery_status=Delivery.PENDING, delivery_attempts__lt=MAX_ATTEMPTS
    ).values_list("pk", flat=True)[:500]
    from walletdesk.tickets import tasks

    count = 0
    for message_id in stale:
        tasks.message_deliver(message_id)
        count += 1
    return count
