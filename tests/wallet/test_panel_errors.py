"""The wallet panel says what went wrong in the agent's language, with the backend's own words under it."""

from __future__ import annotations

import pytest
from django.test import Client

from walletdesk.accounts.models import Customer
from walletdesk.chain.devnet.anvil import free_port
from walletdesk.tickets.models import Ticket
from walletdesk.tickets.services import ticket_create_by_customer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "headline"),
    [("en", "The wallet backend cannot be reached right now."), ("zh-hans", "暂时无法连接钱包后台。")],
)
def test_a_backend_that_is_down_is_said_in_the_agents_language(agent, theft, settings, language, headline):
    settings.WALLETDESK_REQUIRE_2FA = False
    settings.WALLETDESK_WALLET_URL = f"http://127.0.0.1:{free_port()}/api"
    customer = Customer.objects.create(wallet_uid="u-down-1", name="Lin", locale=language)
    ticket = ticket_create_by_customer(
        customer=customer, channel="web", body="my account", category=theft, intake={"account": "lin"}
    ).ticket
    Ticket.objects.filter(pk=ticket.pk).update(team=agent.agent_profile.teams.first())
    client = Client()
    client.force_login(agent)

    panel = client.get(
        f"/console/wallet/tickets/{ticket.pk}/panel/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    error = panel.split('id="wallet-error">')[1].split("</div>")[0]
    assert error.startswith(headline)
    assert "cannot be reached (ConnectionError)" in error  # the technical words stay, under it

    frozen = client.post(
        f"/console/wallet/tickets/{ticket.pk}/freeze/",
        {"reason": "reported stolen"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert frozen.status_code == 503
    assert headline in frozen.content.decode()  # the panel's own error box: nothing else can be shown
