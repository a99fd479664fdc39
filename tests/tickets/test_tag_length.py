"""A tag longer than a tag holds (50 characters) is refused with its name, in the console and the
API: it used to be cut to 50 without a word, and the ticket got a tag nobody typed."""

import json

import pytest

from tests.tickets.test_pages import login_agent
from walletdesk.core.errors import ValidationFailed
from walletdesk.tickets import services
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Status, TicketTag

pytestmark = pytest.mark.django_db

LONG = "x" * 51


@pytest.fixture
def ticket(customer):
    return receive(InboundMessage(channel="web", body="hi", customer=customer, new_ticket=True)).ticket


def test_a_tag_of_50_characters_is_kept_whole(ticket, agent):
    assert services.ticket_tags_set(ticket=ticket, tags=["y" * 50, " VIP "], by=agent) == ["vip", "y" * 50]


def test_a_longer_tag_is_refused_and_nothing_changes(ticket, agent):
    services.ticket_tags_set(ticket=ticket, tags=["vip"], by=agent)
    with pytest.raises(ValidationFailed) as refused:
        services.ticket_tags_set(ticket=ticket, tags=["usdt", LONG], by=agent)
    assert "50" in refused.value.message and LONG in refused.value.message
    assert refused.value.fields == {"tags": refused.value.message}
    assert list(TicketTag.objects.filter(ticket=ticket).values_list("name", flat=True)) == ["vip"]


def test_a_tag_that_grows_when_lower_cased_is_measured_as_stored(ticket, agent):
    # "İ".lower() is two characters: 50 of them would not fit the column on PostgreSQL.
    with pytest.raises(ValidationFailed):
        services.ticket_tags_set(ticket=ticket, tags=["İ" * 50], by=agent)


def test_api_refuses_a_long_tag_with_a_400_before_changing_anything(agent_client, ticket):
    response = agent_client.patch(
        f"/api/v1/tickets/{ticket.pk}",
        data=json.dumps({"status": "on_hold", "tags": ["vip", LONG]}),
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_failed" and "50" in error["fields"]["tags"]
    ticket.refresh_from_db()
    assert ticket.status == Status.NEW and not TicketTag.objects.filter(ticket=ticket).exists()


@pytest.mark.parametrize(
    ("language", "says"), [("en", "at most 50 characters"), ("zh-hans", "最多 50 个字符")]
)
def test_api_message_is_in_the_callers_language(agent_client, ticket, language, says):
    response = agent_client.patch(
        f"/api/v1/tickets/{ticket.pk}",
        data=json.dumps({"tags": [LONG]}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400 and says in response.json()["error"]["fields"]["tags"]


@pytest.mark.parametrize(
    ("language", "says"), [("en", "at most 50 characters"), ("zh-hans", "最多 50 个字符")]
)
def test_console_refuses_a_long_tag_with_a_form_error(client, agent, ticket, language, says):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    login_agent(client, agent, "agent-pass-123")
    response = client.post(f"/console/tickets/{ticket.pk}/fields/", {"tags": f"vip, {LONG}"})
    assert response.status_code == 400
    assert says in response.content.decode() and LONG in response.content.decode()
    assert not TicketTag.objects.filter(ticket=ticket).exists()


def test_console_form_with_a_long_tag_changes_no_other_field_and_keeps_the_tags_typed(client, agent, ticket):
    login_agent(client, agent, "agent-pass-123")
    response = client.post(
        f"/console/tickets/{ticket.pk}/fields/", {"status": Status.ON_HOLD, "tags": f"vip, {LONG}"}
    )
    assert response.status_code == 400
    assert f'value="vip, {LONG}"' in response.content.decode()
    ticket.refresh_from_db()
    assert ticket.status != Status.ON_HOLD
