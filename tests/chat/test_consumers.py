"""WebSocket consumers through channels.testing (real layer: in-memory, or channels-redis with REDIS_URL)."""

import asyncio
import json

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter

from tests.chat.wscomm import WebsocketCommunicator
from tests.conftest import jwt_for
from walletdesk.routing import websocket_urlpatterns

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

ORIGIN = (b"origin", b"http://127.0.0.1:8000")
VISITOR_A = "a" * 43
VISITOR_B = "b" * 43


def app():
    return URLRouter(websocket_urlpatterns)


async def widget(hello=None, origin=ORIGIN):
    comm = WebsocketCommunicator(app(), "/ws/chat/", headers=[origin, (b"host", b"127.0.0.1:8000")])
    connected, _ = await comm.connect()
    assert connected
    if hello is not None:
        await comm.send_json_to({"type": "hello", "locale": "en", **hello})
    return comm


async def next_of(comm, kind, timeout=10.0, where=None):
    """The next message of `kind` (skipping others); fails after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        remaining = deadline - loop.time()
        assert remaining > 0, f"no {kind} within {timeout}s"
        message = await comm.receive_json_from(timeout=remaining)
        if message.get("type") == kind and (where is None or where(message)):
            return message


async def nothing_of(comm, kind, wait=0.5):
    """No message of `kind` arrives within `wait` seconds (read without a timeout: asgiref's
    receive timeout cancels the consumer)."""
    await asyncio.sleep(wait)
    while not comm.output_queue.empty():
        message = comm.output_queue.get_nowait()
        if message["type"] == "websocket.send":
            assert json.loads(message["text"]).get("type") != kind, message


async def console(cookie, origin=ORIGIN):
    comm = WebsocketCommunicator(
        app(), "/ws/console/", headers=[origin, (b"cookie", cookie), (b"host", b"127.0.0.1:8000")]
    )
    connected, code = await comm.connect()
    return comm, connected, code


# --- widget: who may connect -------------------------------------------------------------------
async def test_widget_from_a_foreign_origin_is_refused(db):
    comm = WebsocketCommunicator(app(), "/ws/chat/", headers=[(b"origin", b"https://evil.example")])
    connected, code = await comm.connect()
    assert not connected and code == 4403


async def test_forged_identity_token_is_refused_with_a_reason(customer):
    comm = await widget({"identity": jwt_for(customer)[:-3] + "xyz", "visitor": VISITOR_A})
    error = await next_of(comm, "error")
    assert error["code"] == "identity_token_invalid"
    assert (await comm.receive_output(timeout=1))["type"] == "websocket.close"


async def test_expired_identity_token_is_refused(customer):
    comm = await widget({"identity": jwt_for(customer, ttl=-300)})
    assert (await next_of(comm, "error"))["code"] == "identity_token_expired"


async def test_messages_before_hello_close_the_socket(db):
    comm = await widget()
    await comm.send_json_to({"type": "message", "client_id": "sneaky-0001", "body": "hi"})
    assert (await next_of(comm, "error"))["code"] == "hello_first"
    assert (await comm.receive_output(timeout=1)) == {"type": "websocket.close", "code": 4401}


async def test_identified_customer_gets_a_session_and_own_state(customer):
    comm = await widget({"identity": jwt_for(customer)})
    welcome = await next_of(comm, "welcome")
    assert welcome["identified"] and welcome["name"] == "Alice" and welcome["session"]
    assert welcome["conversation"] is None and welcome["availability"]["reason"] == "nobody_online"
    await comm.disconnect()


# --- widget: messages ----------------------------------------------------------------------------
async def test_resend_after_reconnect_is_deduplicated(db):
    comm = await widget({"visitor": VISITOR_A})
    await next_of(comm, "welcome")
    await comm.send_json_to({"type": "message", "client_id": "client-0001", "body": "where is my deposit?"})
    first = await next_of(comm, "ack")
    await comm.disconnect()
    again = await widget({"visitor": VISITOR_A, "since": 0})
    welcome = await next_of(again, "welcome")
    assert [m["id"] for m in welcome["messages"]] == [first["message"]["id"]]
    await again.send_json_to({"type": "message", "client_id": "client-0001", "body": "where is my deposit?"})
    second = await next_of(again, "ack")
    assert second["duplicate"] and second["message"]["id"] == first["message"]["id"]
    await again.disconnect()


async def test_bad_message_gets_an_error_naming_the_client_id(db):
    comm = await widget({"visitor": VISITOR_A})
    await next_of(comm, "welcome")
    await comm.send_json_to({"type": "message", "client_id": "client-0002", "body": "   "})
    error = await next_of(comm, "error")
    assert (error["code"], error["client_id"]) == ("message_empty", "client-0002")
    await comm.send_to(text_data="{not json")
    assert (await next_of(comm, "error"))["code"] == "bad_json"
    await comm.send_json_to({"type": "join", "group": "customer.1"})
    assert (await next_of(comm, "error"))["code"] == "unknown_type"
    await comm.disconnect()


async def test_visitor_never_sees_another_conversation(db):
    a = await widget({"visitor": VISITOR_A})
    await next_of(a, "welcome")
    b = await widget({"visitor": VISITOR_B})
    await next_of(b, "welcome")
    await b.send_json_to({"type": "message", "client_id": "client-b-01", "body": "secret of b"})
    ack_b = await next_of(b, "ack")
    await nothing_of(a, "message.added")
    # naming B's ticket does not help A
    await a.send_json_to({"type": "rate", "ticket_id": ack_b["ticket_id"], "rating": 1})
    assert (await next_of(a, "error"))["code"] == "ticket_not_found"
    await a.disconnect()
    await b.disconnect()


async def test_agent_reply_reaches_widget_and_internal_note_does_not(db, console_cookie):
    w = await widget({"visitor": VISITOR_A})
    await next_of(w, "welcome")
    await w.send_json_to({"type": "message", "client_id": "client-0003", "body": "hi"})
    ticket_id = (await next_of(w, "ack"))["ticket_id"]
    c, connected, _ = await console(console_cookie)
    assert connected
    await next_of(c, "hello")
    await c.send_json_to({"type": "reply", "ticket_id": ticket_id, "body": "note only", "internal": True})
    await next_of(c, "ack")
    await c.send_json_to(
        {"type": "reply", "ticket_id": ticket_id, "body": "Hello **there**", "client_id": "agent-001"}
    )
    ack = await next_of(c, "ack")
    got = await next_of(w, "message.added", where=lambda m: m["message"]["author_kind"] == "agent")
    assert (
        got["message"]["id"] == ack["message_id"] and "<strong>there</strong>" in got["message"]["body_html"]
    )
    assert "note only" not in str(got)
    await c.send_json_to(
        {"type": "reply", "ticket_id": ticket_id, "body": "Hello **there**", "client_id": "agent-001"}
    )
    assert (await next_of(c, "ack"))["duplicate"]
    await nothing_of(w, "message.added")
    await w.disconnect()
    await c.disconnect()


async def test_typing_both_ways_and_preview_is_redacted(db, console_cookie):
    w = await widget({"visitor": VISITOR_A})
    await next_of(w, "welcome")
    await w.send_json_to({"type": "message", "client_id": "client-0004", "body": "hi"})
    ticket_id = (await next_of(w, "ack"))["ticket_id"]
    c, _, _ = await console(console_cookie)
    await c.send_json_to({"type": "watch", "ticket_id": ticket_id})
    await next_of(c, "watching")
    seed = "abandon " * 11 + "about"
    await w.send_json_to({"type": "typing", "state": True, "preview": f"my words {seed}"})
    typing = await next_of(c, "chat.typing", where=lambda m: m["side"] == "customer")
    assert typing["state"] and "abandon abandon" not in typing["preview"]
    await c.send_json_to({"type": "typing", "ticket_id": ticket_id, "state": True})
    agent_typing = await next_of(w, "chat.typing")
    assert agent_typing["side"] == "agent" and agent_typing["state"]
    # a note being written is not announced to the customer
    await c.send_json_to({"type": "typing", "ticket_id": ticket_id, "state": True, "internal": True})
    await nothing_of(w, "chat.typing")
    await w.disconnect()
    await c.disconnect()


async def test_queue_position_moves_when_the_chat_ahead_is_accepted(db, console_cookie):
    a = await widget({"visitor": VISITOR_A})
    await next_of(a, "welcome")
    b = await widget({"visitor": VISITOR_B})
    await next_of(b, "welcome")
    await a.send_json_to({"type": "message", "client_id": "client-a-01", "body": "first"})
    await next_of(a, "ack")
    await b.send_json_to({"type": "message", "client_id": "client-b-01", "body": "second"})
    await next_of(b, "ack")
    assert (await next_of(b, "chat.queue", where=lambda m: m.get("position") == 2))[
        "wait_seconds"
    ] is not None
    c, _, _ = await console(console_cookie)
    hello = await next_of(c, "hello")
    first = hello["queue"][0]
    await c.send_json_to({"type": "accept", "conversation_id": first["conversation_id"]})
    assert (await next_of(c, "accepted"))["conversation"]["status"] == "active"
    await next_of(b, "chat.queue", where=lambda m: m.get("position") == 1)
    state = await next_of(a, "chat.state", where=lambda m: m["conversation"]["status"] == "active")
    assert state["conversation"]["agent_name"] == "Agent One"
    await c.send_json_to({"type": "accept", "conversation_id": first["conversation_id"] + 999})
    assert (await next_of(c, "error"))["code"] == "conversation_not_found"
    for comm in (a, b, c):
        await comm.disconnect()


async def test_solve_asks_the_widget_for_a_rating(db, console_cookie):
    w = await widget({"visitor": VISITOR_A})
    await next_of(w, "welcome")
    await w.send_json_to({"type": "message", "client_id": "client-0005", "body": "done?"})
    ticket_id = (await next_of(w, "ack"))["ticket_id"]
    c, _, _ = await console(console_cookie)
    await c.send_json_to({"type": "solve", "ticket_id": ticket_id})
    assert (await next_of(c, "solved"))["status"] == "solved"
    changed = await next_of(w, "ticket.changed", where=lambda m: m["ticket"]["status"] == "solved")
    assert changed["ticket"]["id"] == ticket_id
    await w.send_json_to({"type": "rate", "ticket_id": ticket_id, "rating": 4, "comment": "ok"})
    await next_of(w, "rated")
    from walletdesk.tickets.models import Ticket

    ticket = await database_sync_to_async(Ticket.objects.get)(pk=ticket_id)
    assert (ticket.csat_rating, ticket.csat_comment) == (4, "ok")
    await w.disconnect()
    await c.disconnect()


# --- console: who may connect, viewers -----------------------------------------------------------
async def test_console_refuses_anonymous_outsider_and_unverified_agent(settings, outsider, online_agent):
    from django.test import Client

    comm, connected, code = await console(b"sessionid=nothing")
    assert not connected and code == 4403

    def cookie_for(user):
        client = Client()
        client.force_login(user)
        return f"sessionid={client.cookies['sessionid'].value}".encode()

    outsider_cookie = await database_sync_to_async(cookie_for)(outsider)
    _, connected, _ = await console(outsider_cookie)
    assert not connected
    settings.WALLETDESK_REQUIRE_2FA = True
    agent_cookie = await database_sync_to_async(cookie_for)(online_agent)
    _, connected, _ = await console(agent_cookie)
    assert not connected  # no TOTP device verified in this session
    settings.WALLETDESK_REQUIRE_2FA = False
    _, connected, _ = await console(agent_cookie, origin=(b"origin", b"https://evil.example"))
    assert not connected  # cross-site WebSocket hijacking


async def test_second_viewer_triggers_collision_warning(db, console_cookie, second_agent, visitor):
    from django.test import Client

    from walletdesk.chat.services import chat_message_receive

    received = await database_sync_to_async(chat_message_receive)(
        customer=visitor, body="hi", client_id="client-0006"
    )
    ticket_id = received.received.ticket.pk

    def cookie_for(user):
        client = Client()
        client.force_login(user)
        return f"sessionid={client.cookies['sessionid'].value}".encode()

    one, _, _ = await console(console_cookie)
    await one.send_json_to({"type": "watch", "ticket_id": ticket_id})
    assert [v["name"] for v in (await next_of(one, "watching"))["viewers"]] == ["Agent One"]
    two, _, _ = await console(await database_sync_to_async(cookie_for)(second_agent))
    await two.send_json_to({"type": "watch", "ticket_id": ticket_id})
    await next_of(two, "watching")
    seen = await next_of(one, "chat.viewers", where=lambda m: len(m["viewers"]) == 2)
    assert {v["name"] for v in seen["viewers"]} == {"Agent One", "Agent Two"}
    await two.disconnect()
    await next_of(one, "chat.viewers", where=lambda m: len(m["viewers"]) == 1)
    await one.send_json_to({"type": "watch", "ticket_id": "WD-x"})
    assert (await next_of(one, "error"))["code"] == "validation_failed"
    await one.disconnect()


async def test_watching_carries_category_and_intake_labels_in_both_languages(db, console_cookie, category):
    from walletdesk.tickets.models import Ticket

    w = await widget({"visitor": VISITOR_A})
    await next_of(w, "welcome")
    await w.send_json_to({"type": "message", "client_id": "client-0009", "body": "deposit missing"})
    ticket_id = (await next_of(w, "ack"))["ticket_id"]
    tx = "0x" + "ab" * 32
    await Ticket.objects.filter(pk=ticket_id).aupdate(category=category, intake={"txid": tx, "memo": "42"})
    c, _, _ = await console(console_cookie)
    await c.send_json_to({"type": "watch", "ticket_id": ticket_id})
    labels = (await next_of(c, "watching"))["labels"]
    assert labels["zh-hans"] == {"category": "充值问题", "intake": [["交易哈希", tx], ["memo", "42"]]}
    assert labels["en"]["category"] == "Deposit" and labels["en"]["intake"][0] == ["Transaction ID", tx]
    await w.disconnect()
    await c.disconnect()
