"""The one way out: every agent reply is stored here, then delivered by a Huey task through the
channel's adapter, with retries and backoff. A reply is never lost: it is in the database before the
task exists, and a periodic sweep re-enqueues replies whose worker died mid-delivery.

Channels whose customers read replies in walletdesk itself (widget, portal, API: the in-app adapter)
need no task: the reply is marked sent in the transaction that stores it."""

from __future__ import annotations

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
    Delivery,
    EventKind,
    Message,
    Status,
    Ticket,
    TicketEvent,
)

MAX_ATTEMPTS = 6
# What send() reads of the locked ticket, and what the events it publishes read (in the model's
# column order, as Model.from_db wants them).
_LOCKED_NAMES = {"customer", "channel", "status", "first_response_at", "last_message_at", "updated_at"}
_LOCKED_NAMES |= {name for name in events.TICKET_SUMMARY_FIELDS if "__" not in name}
LOCKED_COLUMNS = tuple(f.attname for f in Ticket._meta.concrete_fields if f.name in _LOCKED_NAMES | {"id"})
# The category's slug rides along (the ticket.changed summary names it: a query per reply otherwise).
# Only the ticket's row is locked (PostgreSQL refuses FOR UPDATE on the nullable side of an outer
# join). Compiled once per process: compiling this query cost more CPU than running it.
_LOCKED_TICKET = PreparedRows(
    lambda key: (
        Ticket.objects.select_for_update(of=("self",))
        .filter(pk=key)
        .values_list(*LOCKED_COLUMNS, "category__slug")
    )
)


def _ticket_lock(ticket_id: int) -> Ticket:
    """The ticket's row, locked until the transaction ends, with only the columns send() reads."""
    found = _LOCKED_TICKET.rows(ticket_id)
    if not found:
        raise Ticket.DoesNotExist()
    *columns, category_slug = found[0]
    locked = Ticket.from_db(DEFAULT_DB_ALIAS, LOCKED_COLUMNS, columns)
    if locked.category_id is not None:
        locked.category = Category.from_db(
            DEFAULT_DB_ALIAS, ("id", "slug"), (locked.category_id, category_slug)
        )
    return locked


STALE_AFTER = timedelta(minutes=3)


def retry_delay_seconds(attempt: int) -> int:
    """Exponential backoff: 10 s, 20 s, 40 s, … capped at 10 minutes."""
    return min(10 * 2 ** max(attempt - 1, 0), 600)


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
    attachments = attachments or []
    if not body.strip() and not attachments:
        raise MessageEmpty()
    if len(body) > 20000:
        raise MessageTooLong()
    for upload in attachments:
        attachment_check(upload)
    redacted = shield.text_redact(text=body, locale=ticket.locale)
    now = timezone.now()
    changed = ["updated_at"]
    body_html = markdown_render(redacted.text)
    with transaction.atomic():
        locked = _ticket_lock(ticket.pk)
        delivered_now = not internal and adapter_delivers_on_store(locked.channel)
        message = Message.objects.create(
            ticket=locked,
            author_kind=author_kind,
            author_user=author if author_kind == AuthorKind.AGENT else None,
            body=redacted.text,
            body_html=body_html,
            channel=locked.channel,
            is_internal=internal,
            delivery_status=_initial_delivery(internal=internal, delivered_now=delivered_now),
            delivery_attempts=1 if delivered_now else 0,
            delivered_at=now if delivered_now else None,
            shield_findings=[{"kind": f.kind, "start": f.start, "end": f.end} for f in redacted.findings],
        )
        for upload in attachments:
            name = shield.text_redact(text=upload.filename).text
            attachment_store(message=message, upload=upload, filename=name)
        if not attachments:  # the live payload lists attachments: none, without asking the database
            prefetch_none(message, "attachments")
        if internal:
            TicketEvent.objects.create(
                ticket=locked, kind=EventKind.NOTE, actor=author, data={"message_id": message.pk}
            )
        else:
            if author_kind == AuthorKind.AGENT:
                TicketEvent.objects.create(
                    ticket=locked, kind=EventKind.REPLY, actor=author, data={"message_id": message.pk}
                )
            if author_kind == AuthorKind.AGENT and locked.first_response_at is None:
                locked.first_response_at = now
                changed.append("first_response_at")
            if locked.status in (Status.NEW, Status.OPEN) and author_kind == AuthorKind.AGENT:
                locked.status = Status.WAITING
                changed.append("status")
            locked.last_message_at = now
            changed.append("last_message_at")
        locked.updated_at = now
        Ticket.objects.filter(pk=locked.pk).update(**{name: getattr(locked, name) for name in changed})
        search.ticket_index(ticket_id=locked.pk, text=redacted.text)
        message.ticket = locked
        events.message_added(message)
        # The summary shows the status, the only summary field a reply can change.
        events.ticket_changed(
            locked, "reply" if not internal else "note", summary_changed="status" in changed
        )
        if not internal and not delivered_now:
            _enqueue(message)
    for name in changed:  # the caller's instance sees the stored state without reading it back
        setattr(ticket, name, getattr(locked, name))
    return message


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
            delay = retry_delay_seconds(message.delivery_attempts)
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
