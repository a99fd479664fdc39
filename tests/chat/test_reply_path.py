"""The agent's chat reply from the console socket: what it stores, what it queues, whom it tells."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from walletdesk.chat import selectors, services
from walletdesk.tickets import tasks
from walletdesk.tickets.consumers import _reply
from walletdesk.tickets.errors import TicketNotFound
from walletdesk.tickets.models import Delivery, EventKind, Message, Status, TicketEvent


def _chat_ticket(customer, text="my deposit is missing", **kwargs):
    client_id = "c-" + str(abs(hash(text)))[:16]
    return services.chat_message_receive(
        customer=customer, body=text, client_id=client_id, **kwargs
    ).received.ticket


@pytest.fixture
def queued_tasks(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks, "message_deliver", lambda *args, **kwargs: calls.append(args))
    monkeypatch.setattr(tasks.message_deliver, "schedule", lambda *a, **k: calls.append(a), raising=False)
    return calls


def test_a_widget_reply_is_stored_as_delivered_without_a_queued_task(
    visitor, online_agent, queued_tasks, django_capture_on_commit_callbacks
):
    ticket = _chat_ticket(visitor)
    with django_capture_on_commit_callbacks(execute=True):
        message, duplicate = _reply(
            online_agent, {"ticket_id": ticket.pk, "body": "On **it**", "client_id": "r-000001"}
        )
    stored = Message.objects.get(pk=message.pk)
    assert not duplicate
    assert stored.delivery_status == Delivery.SENT and stored.delivery_attempts == 1
    assert stored.delivered_at is not None
    assert "<strong>it</strong>" in stored.body_html
    assert queued_tasks == []  # the customer reads it from our own database: nothing to hand on
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.REPLY).count() == 1
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING and ticket.first_response_at is not None
    assert ticket.last_message_at == stored.delivered_at


def test_an_internal_note_is_neither_delivered_nor_sent_to_the_customer(
    visitor, online_agent, queued_tasks, monkeypatch
):
    from walletdesk.tickets import events

    ticket = _chat_ticket(visitor)
    sent = []
    monkeypatch.setattr(events, "publish", lambda group, event: sent.append((group, event)))
    note, _ = _reply(online_agent, {"ticket_id": ticket.pk, "body": "check the ledger", "internal": True})
    assert note.delivery_status == Delivery.NONE and queued_tasks == []
    assert not [group for group, _ in sent if group.startswith("customer.")]


def test_a_secret_in_a_reply_is_redacted_before_it_is_stored(visitor, online_agent):
    ticket = _chat_ticket(visitor)
    key = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    message, _ = _reply(online_agent, {"ticket_id": ticket.pk, "body": f"is your private key {key}?"})
    stored = Message.objects.get(pk=message.pk)
    assert key not in stored.body and key not in stored.body_html
    assert stored.shield_findings


def test_only_a_reply_that_changes_the_status_reaches_every_inbox(visitor, online_agent, monkeypatch):
    from walletdesk.tickets import events

    ticket = _chat_ticket(visitor)
    sent = []
    monkeypatch.setattr(events, "publish", lambda group, event: sent.append((group, event["type"])))
    _reply(online_agent, {"ticket_id": ticket.pk, "body": "first answer"})
    t, c = ticket.pk, visitor.pk
    assert ("inbox.all", "ticket.changed") in sent  # new → waiting: the inboxes redraw it
    assert (f"customer.{c}", "ticket.changed") in sent
    sent.clear()
    _reply(online_agent, {"ticket_id": ticket.pk, "body": "second answer"})
    # Still waiting: the customer gets the message, the ticket's viewers both events, nobody else.
    assert sorted(sent) == sorted(
        [
            (f"ticket.{t}", "message.added"),
            (f"customer.{c}", "message.added"),
            (f"ticket.{t}", "ticket.changed"),
        ]
    )


def test_the_reply_event_names_the_category_without_another_query(
    visitor, online_agent, category, monkeypatch
):
    from walletdesk.tickets import events

    ticket = _chat_ticket(visitor, category_slug="deposit", intake={"txid": "0x" + "ab" * 32})
    _reply(online_agent, {"ticket_id": ticket.pk, "body": "first answer"})
    sent = []
    monkeypatch.setattr(events, "publish", lambda group, event: sent.append(event))
    with CaptureQueriesContext(connection) as queries:
        _reply(online_agent, {"ticket_id": ticket.pk, "body": "second answer"})
    changed = next(e for e in sent if e["type"] == "ticket.changed")
    assert changed["ticket"]["category"] == "deposit" and changed["ticket"]["status"] == Status.WAITING
    added = next(e for e in sent if e["type"] == "message.added")
    assert added["message"]["attachments"] == [] and added["message"]["author_name"] == "Agent One"
    sql = [q["sql"] for q in queries.captured_queries]
    assert not [q for q in sql if 'FROM "tickets_category"' in q]  # joined to the locked ticket
    assert not [q for q in sql if "tickets_attachment" in q]


def test_the_reply_lookup_refuses_a_missing_ticket_and_a_non_agent(visitor, online_agent):
    from django.contrib.auth import get_user_model

    ticket = _chat_ticket(visitor)
    assert selectors.ticket_for_reply(agent=online_agent, ticket_id=ticket.pk).pk == ticket.pk
    for missing in (ticket.pk + 1000, 0, 2**70):
        with pytest.raises(TicketNotFound):
            selectors.ticket_for_reply(agent=online_agent, ticket_id=missing)
    plain = get_user_model().objects.create_user(username="not-an-agent", password="x" * 12)
    with pytest.raises(TicketNotFound):
        selectors.ticket_for_reply(agent=plain, ticket_id=ticket.pk)
    online_agent.is_active = False
    with pytest.raises(TicketNotFound):
        selectors.ticket_for_reply(agent=online_agent, ticket_id=ticket.pk)
