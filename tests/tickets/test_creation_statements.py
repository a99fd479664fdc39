"""How a new ticket reaches the database: prepared statements on PostgreSQL, values as save() gives them."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from walletdesk.accounts.identity import WalletIdentity
from walletdesk.accounts.services import customer_from_identity
from walletdesk.core.prepared import PreparedInsert
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, Message, Status, Ticket, TicketEvent

pytestmark = pytest.mark.django_db

SEED = "abandon " * 11 + "about"

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)


def _open(customer, body="My deposit has not arrived", **extra):
    return receive(
        InboundMessage(channel=Channel.WEB, body=body, customer=customer, new_ticket=True, **extra)
    )


def _prepared(prefix: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s", [prefix + "%"])
        return [row[0] for row in cursor.fetchall()]


@on_postgresql
def test_new_ticket_statement_is_prepared_once_per_connection(customer, category):
    for _ in range(3):
        _open(customer, category=category)
    assert len(_prepared("WITH t AS (INSERT INTO")) == 1
    assert Ticket.objects.filter(customer=customer).count() == 3


@on_postgresql
def test_a_ticket_with_a_secret_has_its_own_prepared_statement_and_both_events(customer):
    _open(customer)
    received = _open(customer, body=f"my words are {SEED}")
    assert len(_prepared("WITH t AS (INSERT INTO")) == 2
    kinds = list(
        TicketEvent.objects.filter(ticket=received.ticket).order_by("id").values_list("kind", flat=True)
    )
    assert kinds == ["created", "secret"]
    assert SEED not in received.message.body


@on_postgresql
def test_customer_lookup_is_prepared(customer):
    identity = WalletIdentity(wallet_uid=customer.wallet_uid, name="", email="", locale="")
    assert customer_from_identity(identity=identity).pk == customer.pk
    assert customer_from_identity(identity=identity).pk == customer.pk
    assert len(_prepared('SELECT "accounts_customer"')) == 1


def test_prepared_creation_is_logged_with_its_text(customer):
    with CaptureQueriesContext(connection) as captured:
        received = _open(customer)
    assert any("tickets_message" in query["sql"] for query in captured.captured_queries)
    assert Message.objects.get(pk=received.message.pk).body == "My deposit has not arrived"


def test_stored_rows_match_what_save_would_store(customer, category):
    received = _open(
        customer, category=category, subject="Where is my USDT?", intake={"txid": "0x" + "ab" * 32}
    )
    ticket = Ticket.objects.get(pk=received.ticket.pk)
    assert (ticket.status, ticket.priority, ticket.subject) == (
        Status.NEW,
        category.default_priority,
        "Where is my USDT?",
    )
    assert (
        ticket.intake == {"txid": "0x" + "ab" * 32} and ticket.complaint is False and ticket.secret_leaks == 0
    )
    message = Message.objects.get(pk=received.message.pk)
    assert message.is_internal is False and message.external_id is None and message.shield_findings == []


def test_insert_values_are_what_get_db_prep_save_gives(customer, category):
    ticket = Ticket(
        customer=customer, channel=Channel.WEB, category=category, subject="s", status=Status.OPEN
    )
    ticket.complaint = True
    ticket.secret_leaks = 2
    message = Message(ticket=ticket, author_kind="customer", body="b", body_html="<p>b</p>", channel="web")
    event = TicketEvent(ticket=ticket, kind="created", data={"channel": "web"})
    ticket.save()
    for obj in (ticket, message, event):
        insert = PreparedInsert(type(obj))
        fields = [f for f in type(obj)._meta.local_concrete_fields if not f.primary_key]
        expected = [f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields]
        got = insert.values(obj, connection)
        assert len(got) == len(expected)
        for field, value, want in zip(fields, got, expected, strict=True):
            if field.get_internal_type() in ("DateTimeField", "JSONField"):
                continue  # auto_now stamps differ by microseconds; JSON adapters compare by identity
            assert value == want and type(value) is type(want), field.name


def _schema_rendering(body: dict) -> bytes:
    """What django-ninja sends for `body` when it validates it against the response schema."""
    from ninja.responses import NinjaJSONEncoder

    from walletdesk.tickets.schemas import CustomerTicketDetailOut

    dumped = CustomerTicketDetailOut.model_validate(body).model_dump()
    return json.dumps(dumped, cls=NinjaJSONEncoder).encode()


@pytest.mark.parametrize("external_id", [None, "wallet-req-1"])
def test_created_ticket_response_is_what_the_schema_renders(customer_client, category, external_id):
    payload = {
        "category": "deposit",
        "subject": "USDT 没到账",
        "body": "**still** waiting",
        "intake": {"txid": "0x" + "ab" * 32},
    }
    if external_id:
        payload["external_id"] = external_id
    first = customer_client.post(
        "/api/v1/customer/tickets", json.dumps(payload), content_type="application/json"
    )
    assert first.status_code == 201 and first["Content-Type"].startswith("application/json")
    assert first.content == _schema_rendering(json.loads(first.content))
    assert first.json()["messages"][0]["body_html"] == "<p><strong>still</strong> waiting</p>\n"
    if external_id:  # the replay answers with the stored ticket, rendered the same way
        again = customer_client.post(
            "/api/v1/customer/tickets", json.dumps(payload), content_type="application/json"
        )
        assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
        assert again.content == _schema_rendering(json.loads(again.content))
