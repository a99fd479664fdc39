"""The console socket as the live inbox hears it: a new ticket reaches an agent of its team, and an
agent who may no longer use the console stops hearing anything (every active agent may open every
ticket, so that is the only line the socket draws)."""

import pytest
from channels.db import database_sync_to_async

from tests.chat.test_consumers import console, next_of, nothing_of

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _events_on_this_loop(monkeypatch):
    """A browser test earlier in this process bound its live server's loop for live events (the
    first ASGI connection does, as in a server); these consumers listen on the test's own loop."""
    from walletdesk.core import events

    monkeypatch.setattr(events, "_server_loop", None)


@pytest.fixture
def agent_cookie(settings, agent):
    from django.test import Client

    settings.WALLETDESK_REQUIRE_2FA = False
    client = Client()
    client.force_login(agent)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()


def _new_ticket(customer, category, body):
    from walletdesk.tickets.inbox import InboundMessage, receive
    from walletdesk.tickets.models import Channel

    return receive(
        InboundMessage(channel=Channel.WEB, body=body, customer=customer, category=category, new_ticket=True)
    ).ticket


async def test_inbox_subscriber_hears_a_new_ticket_of_its_team(agent, agent_cookie, customer, category):
    comm, connected, _ = await console(agent_cookie)
    assert connected
    await next_of(comm, "hello")
    ticket = await database_sync_to_async(_new_ticket)(customer, category, "My deposit has not arrived")
    event = await next_of(comm, "ticket.changed", where=lambda m: m["ticket"]["id"] == ticket.pk)
    assert event["change"] == "created"
    assert event["ticket"]["team_id"] == category.default_team_id
    assert event["ticket"]["category"] == "deposit" and event["ticket"]["assignee_id"] is None
    await comm.disconnect()


async def test_deactivated_agent_is_cut_off_at_the_next_heartbeat(agent, agent_cookie, customer, category):
    from django.contrib.auth import get_user_model

    comm, connected, _ = await console(agent_cookie)
    assert connected
    await next_of(comm, "hello")
    await comm.send_json_to({"type": "heartbeat"})
    await next_of(comm, "pong")
    await get_user_model().objects.filter(pk=agent.pk).aupdate(is_active=False)
    await comm.send_json_to({"type": "heartbeat"})
    assert await comm.receive_output(timeout=2) == {"type": "websocket.close", "code": 4403}
    await database_sync_to_async(_new_ticket)(customer, category, "Someone stole my coins")
    await nothing_of(comm, "ticket.changed")
