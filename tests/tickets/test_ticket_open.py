"""A new ticket's rows (ticket, first message, timeline events, search document) are written by
precompiled statements, in one statement on PostgreSQL: they must be what save() would store."""

import pytest
from django.db import connection
from django.db.models.signals import post_save

from walletdesk.tickets import search, selectors
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, EventKind, Message, Ticket, TicketEvent

pytestmark = pytest.mark.django_db

SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"


def _open(customer, **kw):
    return receive(InboundMessage(channel=Channel.API, customer=customer, new_ticket=True, **kw))


def _stored_document(ticket_id: int) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT document::text FROM tickets_search WHERE ticket_id = %s", [ticket_id])
        else:
            cursor.execute("SELECT body FROM tickets_search WHERE rowid = %s", [ticket_id])
        return cursor.fetchone()[0]


def _as_stored(document: str) -> str:
    """The document as the database keeps it after `search.ticket_index` (a tsvector on PostgreSQL)."""
    if connection.vendor != "postgresql":
        return document
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('simple', %s)::text", [document])
        return cursor.fetchone()[0]


def test_the_rows_of_a_new_ticket_are_what_the_orm_reads_back(customer, category):
    received = _open(customer, body="USDT 没到账 after 2 hours", subject="Deposit missing", category=category)
    ticket, message = received.ticket, received.message
    stored = Ticket.objects.get(pk=ticket.pk)
    for field in Ticket._meta.concrete_fields:
        assert getattr(stored, field.attname) == getattr(ticket, field.attname), field.name
    assert stored.created_at is not None and stored.updated_at is not None
    assert stored.team_id == category.default_team_id and stored.category_id == category.pk
    stored_message = Message.objects.get(pk=message.pk)
    assert stored_message.ticket_id == ticket.pk == message.ticket_id
    for field in Message._meta.concrete_fields:
        assert getattr(stored_message, field.attname) == getattr(message, field.attname), field.name
    assert message.ticket is ticket  # the live event and the API answer read it without a query
    events = list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", "data"))
    assert events == [(EventKind.CREATED, {"channel": "api"})]


def test_a_new_tickets_search_document_is_the_one_ticket_index_writes(customer):
    received = _open(customer, body="退款 refund please 0x" + "ab" * 32, subject="Refund 申请退款")
    ticket = received.ticket
    expected = (
        search.document_tokens(ticket.reference)
        + " "
        + " ".join([search.document_tokens("Refund 申请退款"), search.document_tokens(received.message.body)])
    )
    assert _stored_document(ticket.pk) == _as_stored(expected)
    found = next(search.ticket_ids_matching_batches(ticket.reference, before_id=None, batch=10))
    assert found == [ticket.pk]


def test_a_long_document_is_cut_where_ticket_index_cuts_it(customer):
    body = " ".join(f"w{i}" for i in range(3600))[:19990]
    subject = " ".join(f"s{i}" for i in range(100))[:300]
    ticket = _open(customer, body=body, subject=subject).ticket
    whole = " ".join([search.document_tokens(subject), search.document_tokens(body)])
    expected = (search.document_tokens(ticket.reference) + " " + whole)[: search.MAX_DOC_CHARS]
    assert len(whole) > search.MAX_DOC_CHARS
    assert _stored_document(ticket.pk) == _as_stored(expected)


def test_a_redacted_secret_adds_its_timeline_event_in_the_same_write(customer):
    ticket = _open(customer, body=f"my words: {SEED}").ticket
    kinds = list(TicketEvent.objects.filter(ticket=ticket).order_by("id").values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.SECRET]
    assert Ticket.objects.get(pk=ticket.pk).secret_leaks == ticket.secret_leaks >= 1


def test_a_model_signal_receiver_still_hears_of_a_new_ticket(customer):
    heard = []

    def listen(sender, instance, created, **kwargs):
        heard.append((instance.pk, created))

    post_save.connect(listen, sender=Message, dispatch_uid="test-ticket-open")
    try:
        received = _open(customer, body="hello")
    finally:
        post_save.disconnect(dispatch_uid="test-ticket-open", sender=Message)
    assert heard == [(received.message.pk, True)]
    assert Message.objects.filter(ticket=received.ticket).count() == 1


def _statements(queries) -> list[str]:
    return [q["sql"].split()[0].upper() for q in queries]


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_new_ticket_is_one_statement_with_no_begin_or_commit(customer):
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("one statement on PostgreSQL; SQLite writes inside its writer turn")
    selectors.category_get(slug="other")  # the categories are in this process's copy already
    with CaptureQueriesContext(connection) as captured:
        received = _open(customer, body="hello", external_id="ext-1")
    # The duplicate check, then the WITH statement that writes every row and commits by itself.
    assert _statements(captured.captured_queries) == ["SELECT", "WITH"]
    assert Ticket.objects.filter(pk=received.ticket.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_duplicate_that_loses_the_race_writes_nothing_and_returns_the_first(customer, monkeypatch):
    from walletdesk.tickets import inbox

    first = _open(customer, body="hello", external_id="ext-race")
    real = inbox._find_duplicate
    calls = []

    def late(inbound, customer):  # the first look finds nothing: the other request had not committed yet
        calls.append(1)
        return None if len(calls) == 1 else real(inbound, customer)

    monkeypatch.setattr(inbox, "_find_duplicate", late)
    again = _open(customer, body="hello", external_id="ext-race")
    assert again.duplicate and again.message.pk == first.message.pk
    assert Ticket.objects.count() == 1 and Message.objects.count() == 1
    assert TicketEvent.objects.count() == 1
