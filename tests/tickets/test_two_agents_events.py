"""The ticket's agents learn whose reply arrived (the console's collision notice); the customer's
copy of the same message does not name the agent's account."""

import pytest

from walletdesk.tickets import events, outbox, services
from walletdesk.tickets.models import Channel

pytestmark = pytest.mark.django_db


def test_message_added_names_the_author_to_agents_only(customer, category, agent, monkeypatch):
    ticket = services.ticket_create_by_customer(
        customer=customer, channel=Channel.WEB, body="where is my deposit", category=None
    ).ticket
    sent = []
    monkeypatch.setattr(events, "publish", lambda group, event: sent.append((group, event)))
    message = outbox.send(ticket=ticket, author=agent, body="Looking into it.")
    added = {group: e["message"] for group, e in sent if e["type"] == "message.added"}
    assert added[events.ticket_group(ticket.pk)]["author_user_id"] == agent.pk
    assert added[events.ticket_group(ticket.pk)]["id"] == message.pk
    assert "author_user_id" not in added[events.customer_group(customer.pk)]
