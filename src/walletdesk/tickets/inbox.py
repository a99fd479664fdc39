"""The one way in: every channel adapter hands its message to `receive`.

0 normalise the customer's text (`inbound_normalise`), so every channel stores it the same way
1 identify the customer           5 store, start the SLA clock, route
2 shield: redact wallet secrets   6 publish events (console, widget)
3 triage: category, complaint, entities
4 thread into a ticket             7 enqueue automation

Steps 1-3 and the rendering and search tokens of what will be stored run before the writing
transaction, 6-7 after it: on SQLite every writer waits while one holds the lock.
"""

from __future__ import annotations

import dataclasses
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from walletdesk.accounts import services as accounts
from walletdesk.accounts.models import Customer
from walletdesk.core.bidi import bidi_present, bidi_strip
from walletdesk.core.markdown import markdown_render
from walletdesk.core.prepared import PreparedInsert, server_prepared_cursor
from walletdesk.core.sqlite_writer import sqlite_writer_turn
from walletdesk.shield import services as shield
from walletdesk.tickets import events, search, selectors
from walletdesk.tickets.attachments import (
    UploadedFile,
    attachment_check,
    attachment_store,
    attachments_known,
)
from walletdesk.tickets.errors import ExternalIdTaken, MessageEmpty, MessageTooLong, TicketClosed
from walletdesk.tickets.models import (
    OPEN_STATUSES,
    PRIORITY_RANK,
    AuthorKind,
    Category,
    Channel,
    EventKind,
    Message,
    Priority,
    Status,
    Ticket,
    TicketEvent,
)
from walletdesk.triage.services import message_triage

MAX_BODY_CHARS = 20000
# Chat-like channels continue the customer's open conversation; the portal and API open a new one.
THREADING_CHANNELS = {Channel.WIDGET, Channel.EMAIL, Channel.TELEGRAM, Channel.X, Channel.PHONE}


@dataclass
class InboundMessage:
    channel: str
    body: str
    customer: Customer | None = None
    email: str = ""
    name: str = ""
    telegram_id: str = ""
    visitor_token: str = ""
    external_id: str | None = None
    ticket: Ticket | None = None  # the conversation the customer replied in, when known
    new_ticket: bool = False
    subject: str = ""
    category: Category | None = None
    intake: dict[str, Any] = field(default_factory=dict)
    locale: str = ""
    attachments: list[UploadedFile] = field(default_factory=list)


@dataclass
class Received:
    ticket: Ticket
    message: Message
    ticket_created: bool
    duplicate: bool = False
    secrets_found: int = 0


def receive(inbound: InboundMessage) -> Received:
    inbound = inbound_normalise(inbound)
    _validate(inbound)
    customer = identify_customer(inbound)
    existing = _find_duplicate(inbound, customer)
    if existing is not None:
        return _replayed(inbound, existing)
    redaction = redact_secrets(inbound)
    understanding = understand(inbound, redaction)
    prepared = prepare(redaction, may_open_ticket=inbound.ticket is None)
    try:
        with sqlite_writer_turn(), _writing_transaction(inbound):
            ticket, created = thread_ticket(inbound, customer)
            message = store(inbound, ticket, created, redaction, understanding, prepared)
    except IntegrityError:
        # The customer's same (channel, external id) arrived twice at once; the other request stored it.
        duplicate = _find_duplicate(inbound, customer)
        if duplicate is None:
            raise
        return _replayed(inbound, duplicate)
    # Both act once the data is committed (on commit of the caller's transaction, if any).
    publish(ticket, message, created)
    enqueue_automation(ticket, message, redaction)
    return Received(ticket=ticket, message=message, ticket_created=created, secrets_found=redaction.count)


def _writing_transaction(inbound: InboundMessage) -> AbstractContextManager[Any]:
    """The transaction around threading and storing. A new ticket without files is one statement
    on PostgreSQL (`ticket_rows_insert`), atomic and committed by itself: BEGIN and COMMIT around
    it were two more round trips. Inside a caller's transaction it keeps its savepoint, so a
    duplicate's IntegrityError leaves that transaction usable."""
    if (
        connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and _opens_ticket(inbound)
        and not inbound.attachments
        and ticket_rows_insert_usable()
    ):
        return nullcontext()
    return transaction.atomic()


def _opens_ticket(inbound: InboundMessage) -> bool:
    """Whether the message opens a new ticket whatever is stored (no open one to look for)."""
    return inbound.ticket is None and (inbound.new_ticket or inbound.channel not in THREADING_CHANNELS)


def inbound_normalise(inbound: InboundMessage) -> InboundMessage:
    """The customer's text as every channel stores it: body, subject, name, intake answers and file
    names without bidi controls (`core.bidi.bidi_strip`). A copy when something changed; the caller's is
    left alone."""
    texts = [inbound.body, inbound.subject, inbound.name]
    texts += [value for value in inbound.intake.values() if isinstance(value, str)]
    texts += [upload.filename for upload in inbound.attachments]
    if not any(map(bidi_present, texts)):
        return inbound
    return dataclasses.replace(
        inbound,
        body=bidi_strip(inbound.body),
        subject=bidi_strip(inbound.subject),
        name=bidi_strip(inbound.name),
        intake={k: bidi_strip(v) if isinstance(v, str) else v for k, v in inbound.intake.items()},
        attachments=[
            dataclasses.replace(upload, filename=bidi_strip(upload.filename))
            for upload in inbound.attachments
        ],
    )


def _validate(inbound: InboundMessage) -> None:
    if not inbound.body.strip() and not inbound.attachments:
        raise MessageEmpty()
    if len(inbound.body) > MAX_BODY_CHARS:
        raise MessageTooLong()
    for upload in inbound.attachments:
        attachment_check(upload)


def _replayed(inbound: InboundMessage, existing: Message) -> Received:
    """The message the customer already sent under this (channel, external id), found before
    storing or after the constraint refused a copy sent at the same time. Addressed to another
    ticket than the first time, the id names another request: a conflict, not a replay."""
    if inbound.ticket is not None and inbound.ticket.pk != existing.ticket_id:
        raise ExternalIdTaken()
    return Received(ticket=existing.ticket, message=existing, ticket_created=False, duplicate=True)


def _find_duplicate(inbound: InboundMessage, customer: Customer) -> Message | None:
    """Ids are the sender's own (message_customer_external_unique): another customer's same id
    (a guessable request id, a copied Message-ID) finds nothing here, so nobody reaches, blocks or
    learns of another's message through it."""
    if not inbound.external_id:
        return None
    return (
        Message.objects.select_related("ticket")
        .filter(customer=customer, channel=inbound.channel, external_id=inbound.external_id)
        .first()
    )


# 1 -------------------------------------------------------------------------------------------
def identify_customer(inbound: InboundMessage) -> Customer:
    locale = inbound.locale or "zh-hans"
    if inbound.customer is not None:
        return inbound.customer
    if inbound.telegram_id:
        return accounts.customer_from_telegram(
            telegram_id=inbound.telegram_id, name=inbound.name, locale=locale
        )
    if inbound.email:
        return accounts.customer_from_email(email=inbound.email, name=inbound.name, locale=locale)
    if inbound.visitor_token:
        return accounts.customer_from_visitor(visitor_token=inbound.visitor_token, locale=locale)
    raise ValueError("an inbound message needs a customer, an email, a telegram id or a visitor token")


# 2 -------------------------------------------------------------------------------------------
@dataclass
class Redacted:
    body: str
    subject: str
    intake: dict[str, Any]
    filenames: list[str]
    findings: list[dict[str, Any]]

    @property
    def count(self) -> int:
        return len(self.findings)


def redact_secrets(inbound: InboundMessage) -> Redacted:
    """Nothing secret is stored: body, subject, intake answers and file names pass the shield."""
    locale = inbound.locale or None
    findings: list[dict[str, Any]] = []

    def clean(text: str, where: str) -> str:
        result = shield.text_redact(text=text, locale=locale)
        findings.extend(
            {"kind": f.kind, "start": f.start, "end": f.end, "where": where} for f in result.findings
        )
        return result.text

    def clean_labelled(key: str, value: str) -> str:
        # The field's name is the context a reader has ("txid: 7c3f…" is a hash, not a key).
        prefix = f"{key}: "
        cleaned = clean(prefix + value, f"intake.{key}")
        return cleaned[len(prefix) :] if cleaned.startswith(prefix) else cleaned

    body = clean(inbound.body, "body")
    subject = clean(inbound.subject, "subject")
    intake = {
        key: clean_labelled(key, value) if isinstance(value, str) else value
        for key, value in inbound.intake.items()
    }
    filenames = [clean(upload.filename, "filename") for upload in inbound.attachments]
    return Redacted(body=body, subject=subject, intake=intake, filenames=filenames, findings=findings)


# 4 -------------------------------------------------------------------------------------------
def thread_ticket(inbound: InboundMessage, customer: Customer) -> tuple[Ticket, bool]:
    if inbound.ticket is not None:
        ticket = Ticket.objects.select_for_update().get(pk=inbound.ticket.pk)
        if ticket.customer_id != customer.pk:
            raise ValueError("the ticket does not belong to this customer")
        if ticket.status == Status.CLOSED:
            raise TicketClosed()
        return ticket, False
    if not _opens_ticket(inbound):
        ticket = (
            Ticket.objects.select_for_update()
            .filter(customer=customer, channel=inbound.channel, status__in=OPEN_STATUSES)
            .order_by("-id")
            .first()
        )
        if ticket is not None:
            return ticket, False
    return Ticket(customer=customer, channel=inbound.channel, locale=inbound.locale or customer.locale), True


# 3 -------------------------------------------------------------------------------------------
@dataclass
class Understanding:
    category_slug: str | None
    complaint: bool
    urgent: bool
    entities: dict[str, Any]


def understand(inbound: InboundMessage, redaction: Redacted) -> Understanding:
    """Triage reads the redacted text: entities never carry a secret."""
    text = "\n".join(filter(None, [redaction.subject, redaction.body]))
    result = message_triage(text=text, locale=inbound.locale or None)
    entities = result.entities
    entity_dict = {
        "tx_hashes": list(entities.tx_hashes),
        "addresses": list(entities.addresses),
        "networks": list(entities.networks),
        "amounts": list(entities.amounts),
    }
    return Understanding(
        category_slug=result.category,
        complaint=result.complaint,
        urgent=result.urgent,
        entities={k: v for k, v in entity_dict.items() if v},
    )


# 5 -------------------------------------------------------------------------------------------
@dataclass
class Prepared:
    """What will be stored that does not depend on the ticket: computed outside the transaction."""

    subject: str  # the subject a new ticket gets
    body_html: str
    body_tokens: str  # search tokens of the body (a reply adds just these)
    new_ticket_tokens: str  # subject, body and intake answers (a new ticket adds its reference)


def prepare(redaction: Redacted, *, may_open_ticket: bool) -> Prepared:
    """`may_open_ticket`: False for a message addressed to a known ticket (a chat line), which
    never needs the tokens of a new ticket's subject and intake answers."""
    subject = (redaction.subject or _subject_from(redaction.body))[:300]
    body_tokens = search.document_tokens(redaction.body)
    new_ticket_tokens = ""
    if may_open_ticket:
        parts = [
            search.document_tokens(subject),
            body_tokens,
            search.document_tokens(search.intake_text(redaction.intake)),
        ]
        new_ticket_tokens = " ".join(part for part in parts if part)
    return Prepared(
        subject=subject,
        body_html=markdown_render(redaction.body),
        body_tokens=body_tokens,
        new_ticket_tokens=new_ticket_tokens,
    )


def store(
    inbound: InboundMessage,
    ticket: Ticket,
    created: bool,
    redaction: Redacted,
    understanding: Understanding,
    prepared: Prepared,
) -> Message:
    now = timezone.now()
    if created:
        category = inbound.category
        ticket.category_source = "customer"
        if category is None and understanding.category_slug:
            category = selectors.category_get(slug=understanding.category_slug)
            ticket.category_source = "triage"
        ticket.category = category
        ticket.subject = prepared.subject
        ticket.intake = redaction.intake
        ticket.priority = category.default_priority if category else Priority.NORMAL
        ticket.team = category.default_team if category else None
        if category is not None:
            ticket.first_response_due_at = now + timezone.timedelta(minutes=category.first_response_minutes)
    reopened_from = None
    if not created and ticket.status in (Status.SOLVED, Status.WAITING):
        reopened_from = ticket.status
        ticket.status = Status.OPEN  # the customer wrote again: it needs an agent
    if understanding.complaint:
        ticket.complaint = True
    if understanding.urgent:
        ticket.priority = Priority.URGENT
    elif understanding.complaint and PRIORITY_RANK[ticket.priority] < PRIORITY_RANK[Priority.HIGH]:
        ticket.priority = Priority.HIGH
    ticket.secret_leaks += redaction.count
    ticket.last_message_at = now
    message = Message(
        ticket=ticket,
        customer_id=ticket.customer_id,
        author_kind=AuthorKind.CUSTOMER,
        body=redaction.body,
        body_html=prepared.body_html,
        channel=inbound.channel,
        external_id=inbound.external_id or None,
        entities=understanding.entities,
        shield_findings=redaction.findings,
    )
    timeline = []
    if created:
        timeline.append(TicketEvent(kind=EventKind.CREATED, data={"channel": inbound.channel}))
    if reopened_from is not None:  # on the timeline like an agent's change, by no one
        timeline.append(TicketEvent(kind=EventKind.STATUS, data={"old": reopened_from, "new": Status.OPEN}))
    if redaction.count:
        kinds = sorted({f["kind"] for f in redaction.findings})
        timeline.append(TicketEvent(kind=EventKind.SECRET, data={"kinds": kinds, "count": redaction.count}))
    if created:
        ticket_rows_insert(ticket, message, timeline, prepared.new_ticket_tokens)
    else:
        ticket.save()
        _attach(ticket, message, timeline, save=True)
        search.ticket_index(ticket_id=ticket.pk, document=prepared.body_tokens, append=True)
    stored = [
        attachment_store(message=message, upload=upload, filename=name)
        for upload, name in zip(inbound.attachments, redaction.filenames, strict=True)
    ]
    attachments_known(message, stored)
    return message


_TICKET_INSERT = PreparedInsert(Ticket)
_MESSAGE_INSERT = PreparedInsert(Message)
_EVENT_INSERT = PreparedInsert(TicketEvent)


def ticket_rows_insert(ticket: Ticket, message: Message, timeline: list[TicketEvent], tokens: str) -> None:
    """Write a new ticket with its first message, timeline events and search document (`tokens`:
    all but the reference's). Through the ORM's save() these were four compiled statements and four
    round trips; on PostgreSQL they are one statement, elsewhere four precompiled ones."""
    if not ticket_rows_insert_usable():  # a model signal listens: save() sends it
        ticket.save()
        _attach(ticket, message, timeline, save=True)
        _index_new(ticket, tokens)
        return
    if connection.vendor != "postgresql":
        _TICKET_INSERT.insert(ticket)
        _attach(ticket, message, timeline, save=False)
        _MESSAGE_INSERT.insert(message)
        for event in timeline:
            _EVENT_INSERT.insert(event)
        _index_new(ticket, tokens)
        return
    params = _TICKET_INSERT.values(ticket, connection)
    params += _MESSAGE_INSERT.values(message, connection, skip="ticket")
    for event in timeline:
        params += _EVENT_INSERT.values(event, connection, skip="ticket")
    params += search.new_ticket_index_sql(source="t", document=tokens)[1]
    # Prepared on the server: the same text for every ticket with as many timeline events.
    with server_prepared_cursor(connection) as cursor:
        cursor.execute(_ticket_rows_sql(connection, len(timeline)), params)
        ticket_id, message_id = cursor.fetchone()
    _TICKET_INSERT.saved(ticket, ticket_id)
    _attach(ticket, message, timeline, save=False)
    _MESSAGE_INSERT.saved(message, message_id)


_TICKET_ROWS_SQL: dict[int, str] = {}


def _ticket_rows_sql(connection: Any, events: int) -> str:
    """PostgreSQL's one statement for `ticket_rows_insert`, with `events` timeline rows; its
    parameters are the ticket's, the message's, each event's (without the ticket) and the search
    document's, in that order."""
    sql = _TICKET_ROWS_SQL.get(events)
    if sql is not None:
        return sql
    quote = connection.ops.quote_name
    parts = [f"t AS ({_TICKET_INSERT.statement(connection)[0]})"]
    # The WITH queries run in no set order; an event reads the one before it, so the timeline's
    # ids keep the order of `timeline` (it is shown by id).
    rows = [("m", "t", _MESSAGE_INSERT)]
    rows += [(f"e{i}", f"t, e{i - 1}" if i else "t", _EVENT_INSERT) for i in range(events)]
    for name, source, insert in rows:
        columns = insert.columns(connection, skip="ticket")
        parts.append(
            f"{name} AS (INSERT INTO {quote(insert.table)} ({quote('ticket_id')}, {', '.join(columns)}) "
            f"SELECT t.id, {', '.join(['%s'] * len(columns))} FROM {source} RETURNING id)"
        )
    parts.append(f"s AS ({search.new_ticket_index_sql(source='t', document='')[0]})")
    sql = _TICKET_ROWS_SQL[events] = f"WITH {', '.join(parts)} SELECT t.id, m.id FROM t, m"
    return sql


def ticket_rows_insert_usable() -> bool:
    return all(insert.usable() for insert in (_TICKET_INSERT, _MESSAGE_INSERT, _EVENT_INSERT))


def _attach(ticket: Ticket, message: Message, timeline: list[TicketEvent], *, save: bool) -> None:
    """Point the rows at the ticket (made before it had its id)."""
    message.ticket = ticket
    if save:
        message.save()
    for event in timeline:
        event.ticket = ticket
        if save:
            event.save()


def _index_new(ticket: Ticket, tokens: str) -> None:
    document = search.document_tokens(ticket.reference) + " " + tokens
    search.ticket_index(ticket_id=ticket.pk, document=document, append=False, new=True)


def _subject_from(body: str) -> str:
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return first_line[:80] + ("…" if len(first_line) > 80 else "") or "—"


# 6 -------------------------------------------------------------------------------------------
def publish(ticket: Ticket, message: Message, created: bool) -> None:
    events.ticket_changed(ticket, "created" if created else "message")
    events.message_added(message, ticket_created=created)


# 7 -------------------------------------------------------------------------------------------
def enqueue_automation(ticket: Ticket, message: Message, redaction: Redacted) -> None:
    from walletdesk.tickets import automation, tasks

    if automation.automation_wanted(ticket=ticket, message=message, secrets_found=redaction.count):
        transaction.on_commit(lambda: tasks.message_automate(message.pk, redaction.count))
