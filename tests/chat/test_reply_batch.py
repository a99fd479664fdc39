"""Console replies stored in batches (chat.replies): one transaction for the replies arriving
together, each still checked, deduplicated, stored in order and acknowledged after commit."""

import asyncio

import pytest
from channels.db import database_sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.chat.test_consumers import console, next_of, widget
from walletdesk.chat import replies, services
from walletdesk.chat.errors import ClientIdInvalid
from walletdesk.chat.replies import ReplyRequest, replies_store
from walletdesk.tickets.errors import MessageEmpty, TicketNotFound
from walletdesk.tickets.models import EventKind, Message, Status, TicketEvent


def _chat_ticket(visitor_token):
    customer = services.widget_customer_resolve(identity_token=None, visitor_token=visitor_token, locale="en")
    return services.chat_message_receive(
        customer=customer, body="my deposit is missing", client_id="c-" + visitor_token[:12]
    ).received.ticket


@pytest.fixture
def three_tickets(db):
    return [_chat_ticket(letter * 43) for letter in "xyz"]


def _store(agent, tickets, bodies, prefix):
    requests = [
        ReplyRequest(agent, tickets[i % len(tickets)].pk, body, client_id=f"{prefix}-{i:04d}")
        for i, body in enumerate(bodies)
    ]
    with CaptureQueriesContext(connection) as queries:
        outcomes = replies_store(requests)
    return outcomes, len(queries)


def test_replies_arriving_together_share_their_statements(online_agent, three_tickets):
    few, few_queries = _store(online_agent, three_tickets, ["a", "b", "c"], "few")
    many, many_queries = _store(online_agent, three_tickets, [f"m{i}" for i in range(12)], "many")
    assert all(not isinstance(o, Exception) and not o[1] for o in few + many)
    # Four replies per ticket cost what one did: the statements do not grow with the replies.
    assert many_queries == few_queries
    for ticket in three_tickets:
        stored = list(
            Message.objects.filter(ticket=ticket, author_kind="agent").values_list("body", flat=True)
        )
        assert stored == [b for i, b in enumerate(["a", "b", "c"]) if three_tickets[i] == ticket] + [
            f"m{i}" for i in range(12) if three_tickets[i % 3] == ticket
        ]
        ticket.refresh_from_db()
        assert ticket.status == Status.WAITING and ticket.first_response_at is not None
        assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.REPLY).count() == 5


def test_a_refused_reply_does_not_hold_back_the_others(online_agent, three_tickets):
    t = three_tickets[0]
    requests = [
        ReplyRequest(online_agent, t.pk, "first", client_id="ok-000001"),
        ReplyRequest(online_agent, t.pk, "   ", client_id="empty-0001"),
        ReplyRequest(online_agent, t.pk, "bad id", client_id="no spaces allowed"),
        ReplyRequest(online_agent, 10**12, "nowhere", client_id="gone-00001"),
        ReplyRequest(online_agent, t.pk, "second", client_id="ok-000002"),
    ]
    outcomes = replies_store(requests)
    assert isinstance(outcomes[1], MessageEmpty)
    assert isinstance(outcomes[2], ClientIdInvalid)
    assert isinstance(outcomes[3], TicketNotFound)
    assert [outcomes[0][0].body, outcomes[4][0].body] == ["first", "second"]
    assert list(Message.objects.filter(ticket=t, author_kind="agent").values_list("body", flat=True)) == [
        "first",
        "second",
    ]
    # The empty reply stored nothing: its client id is free for a corrected resend.
    again = replies_store([ReplyRequest(online_agent, t.pk, "fixed", client_id="empty-0001")])
    assert again[0][0].body == "fixed" and again[0][1] is False


def test_a_client_id_twice_in_one_batch_is_stored_once(online_agent, three_tickets):
    t = three_tickets[0]
    outcomes = replies_store(
        [
            ReplyRequest(online_agent, t.pk, "hello", client_id="twice-0001"),
            ReplyRequest(online_agent, t.pk, "hello", client_id="twice-0001"),
        ]
    )
    assert outcomes[0][1] is False and outcomes[1][1] is True
    assert Message.objects.filter(ticket=t, author_kind="agent").count() == 1
    later = replies_store([ReplyRequest(online_agent, t.pk, "hello", client_id="twice-0001")])
    assert later[0] == (outcomes[0][0], True)


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_one_console_socket_s_replies_go_in_batches_and_are_acked_in_order(console_cookie, monkeypatch):
    batches = []
    real_store = replies.replies_store

    def counting_store(requests):
        batches.append(len(requests))
        return real_store(requests)

    monkeypatch.setattr(replies, "replies_store", counting_store)
    w = await widget({"visitor": "q" * 43})
    await next_of(w, "welcome")
    await w.send_json_to({"type": "message", "client_id": "client-b001", "body": "hi"})
    ticket_id = (await next_of(w, "ack"))["ticket_id"]
    c, connected, _ = await console(console_cookie)
    assert connected
    await next_of(c, "hello")
    for i in range(8):
        await c.send_json_to(
            {"type": "reply", "ticket_id": ticket_id, "body": f"r{i}", "client_id": f"batch-{i:04d}"}
        )
    await c.send_json_to(
        {"type": "reply", "ticket_id": "x", "body": "bad ticket id", "client_id": "batch-bad1"}
    )
    frames = []
    while len(frames) < 9:
        frame = await c.receive_json_from(timeout=10)
        if frame["type"] in ("ack", "error"):
            frames.append(frame)
    acks = [f for f in frames if f["type"] == "ack"]
    (error,) = [f for f in frames if f["type"] == "error"]  # at once: it never reached the batcher
    assert [a["client_id"] for a in acks] == [f"batch-{i:04d}" for i in range(8)]
    assert error["client_id"] == "batch-bad1"
    stored = await database_sync_to_async(
        lambda: list(Message.objects.filter(ticket_id=ticket_id, author_kind="agent").order_by("id"))
    )()
    assert [m.body for m in stored] == [f"r{i}" for i in range(8)]
    assert [m.pk for m in stored] == [a["message_id"] for a in acks]
    assert sum(batches) == 8 and len(batches) < 8  # the replies queued behind the first went together
    for i in range(8):
        got = await next_of(w, "message.added", where=lambda m: m["message"]["author_kind"] == "agent")
        assert got["message"]["body_html"].strip() == f"<p>r{i}</p>"
    await w.disconnect()
    await c.disconnect()
    await asyncio.sleep(0)


@pytest.mark.django_db(transaction=True)
def test_a_failure_after_the_commit_is_not_stored_a_second_time(online_agent, settings, monkeypatch):
    from walletdesk.tickets import tasks

    ticket = _chat_ticket("m" * 43)
    settings.WALLETDESK_WEBHOOK_URLS = ["https://hooks.example/walletdesk"]

    def queue_down(*args, **kwargs):
        raise ConnectionError("the job queue is down")

    # Webhooks are queued on commit: the queue failing then must not make the batch retry its
    # replies one by one (they are stored already).
    monkeypatch.setattr(tasks, "webhook_deliver", queue_down)
    with pytest.raises(ConnectionError):
        replies_store(
            [
                ReplyRequest(online_agent, ticket.pk, "one", client_id="hook-00001"),
                ReplyRequest(online_agent, ticket.pk, "two", client_id="hook-00002"),
            ]
        )
    assert list(
        Message.objects.filter(ticket=ticket, author_kind="agent").values_list("body", flat=True)
    ) == [
        "one",
        "two",
    ]
