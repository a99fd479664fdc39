"""External ids (an email's Message-ID, the wallet's request id, the widget's client id) are the
sender's own: unique per (customer, channel), in the database as in receive()."""

import pytest
from django.db import IntegrityError, transaction

from walletdesk.tickets.errors import ExternalIdTaken
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import AuthorKind, Channel, Message, Ticket

pytestmark = pytest.mark.django_db


def _message(ticket, customer, external_id, channel=Channel.API):
    return Message.objects.create(
        ticket=ticket,
        customer=customer,
        author_kind=AuthorKind.CUSTOMER,
        body="b",
        body_html="<p>b</p>",
        channel=channel,
        external_id=external_id,
    )


def test_the_database_refuses_a_customers_id_twice_and_allows_it_for_another(customer, other_customer):
    alices = Ticket.objects.create(customer=customer, channel=Channel.API, subject="s")
    bobs = Ticket.objects.create(customer=other_customer, channel=Channel.API, subject="s")
    _message(alices, customer, "req-1")
    _message(bobs, other_customer, "req-1")
    _message(alices, customer, "req-1", channel=Channel.EMAIL)
    with pytest.raises(IntegrityError), transaction.atomic():
        _message(alices, customer, "req-1")


def test_received_messages_carry_their_customer(customer):
    received = receive(InboundMessage(channel=Channel.API, body="hi", customer=customer, external_id="r"))
    assert Message.objects.get(pk=received.message.pk).customer_id == customer.pk


def test_an_id_sent_again_into_another_ticket_is_a_409_conflict(customer):
    from walletdesk.tickets.services import ticket_reply_by_customer

    first = receive(InboundMessage(channel=Channel.API, body="a", customer=customer, new_ticket=True))
    second = receive(InboundMessage(channel=Channel.API, body="b", customer=customer, new_ticket=True))
    ticket_reply_by_customer(ticket=first.ticket, body="more", external_id="reply-1")
    assert ticket_reply_by_customer(ticket=first.ticket, body="more", external_id="reply-1").duplicate
    with pytest.raises(ExternalIdTaken) as refused:
        ticket_reply_by_customer(ticket=second.ticket, body="more", external_id="reply-1")
    assert refused.value.status == 409
    assert Message.objects.filter(external_id="reply-1").count() == 1


def test_the_api_stores_the_wallets_request_id_as_sent(customer_client, customer, category):
    import json

    payload = {
        "category": "deposit",
        "body": "USDT",
        "intake": {"txid": "0x" + "ab" * 32},
        "external_id": "o-7",
    }
    response = customer_client.post(
        "/api/v1/customer/tickets", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 201
    assert Message.objects.get(ticket_id=response.json()["id"]).external_id == "o-7"


def test_the_migration_fills_the_customer_and_drops_the_apis_prefix(customer, other_customer):
    """0009: rows written before the customer was on the message, the API's ids with the prefix
    that had scoped them; the reverse puts the prefix back."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("walletdesk.tickets.migrations.0009_fill_message_customer")
    alices = Ticket.objects.create(customer=customer, channel=Channel.API, subject="s")
    bobs = Ticket.objects.create(customer=other_customer, channel=Channel.EMAIL, subject="s")
    api = _message(alices, None, f"api:{customer.pk}:req-1")
    mail = _message(bobs, None, "<m@x>", channel=Channel.EMAIL)
    agent = Message.objects.create(
        ticket=alices, author_kind=AuthorKind.AGENT, body="r", body_html="r", channel="api"
    )

    migration.fill(apps, None)
    rows = {m.pk: (m.customer_id, m.external_id) for m in Message.objects.all()}
    assert rows == {
        api.pk: (customer.pk, "req-1"),
        mail.pk: (other_customer.pk, "<m@x>"),
        agent.pk: (None, None),
    }

    migration.unfill(apps, None)
    assert Message.objects.get(pk=api.pk).external_id == f"api:{customer.pk}:req-1"
    assert set(Message.objects.values_list("customer_id", flat=True)) == {None}
