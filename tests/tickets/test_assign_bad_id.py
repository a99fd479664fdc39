"""Assigning to an id that is not an agent's says so in words, whatever was posted."""

import pytest

from tests.tickets.test_pages import login_agent
from walletdesk.tickets.models import Channel
from walletdesk.tickets.services import ticket_create_by_customer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bad_id", ["abc", "1.5", "9" * 30, "999999"])
def test_assign_to_a_bad_id_is_a_sentence_not_a_python_error(client, agent, customer, bad_id):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    login_agent(client, agent, "agent-pass-123")
    ticket = ticket_create_by_customer(
        customer=customer,
        channel=Channel.WEB,
        body="help",
        category=None,
        subject="s",
        locale="en",
    ).ticket

    response = client.post(f"/console/tickets/{ticket.pk}/assign/", {"assignee": bad_id})

    assert response.status_code == 400
    page = response.content.decode()
    assert "This person is not an active agent." in page
    assert "invalid literal" not in page
