"""A customer reports a stolen account from the portal, sees that the ticket is urgent and freezes
the account; the demo wallet backend (over the connector's real HTTP) then reports it frozen."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("WALLETDESK_SCREENSHOTS")  # a directory: save the flow's pages at phone width


@pytest.fixture
def theft_category(team):  # noqa: ANN001, ANN201
    from tests.wallet.conftest import theft_category_create

    return theft_category_create(team)


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_customer_reports_theft_sees_urgency_and_freezes_the_account(
    live, new_context, theft_category, settings, locale
):
    from walletdesk.accounts.identity import identity_token_sign
    from walletdesk.tickets.models import Ticket
    from walletdesk.wallet.connector import connector_get
    from walletdesk.wallet.services import DEMO_UID, wallet_demo_load

    settings.WALLETDESK_WALLET_URL = ""
    wallet_demo_load()
    token = identity_token_sign(wallet_uid=DEMO_UID, name="Victim", locale=locale)
    page = new_context(
        locale="en-US" if locale == "en" else "zh-CN", viewport={"width": 390, "height": 844}
    ).new_page()

    def shot(name: str) -> None:
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/theft-{locale}-{name}.png", full_page=True)

    page.goto(f"{live.url}/support/login/?token={token}")
    page.goto(f"{live.url}/support/new/?category=account_theft")
    expect(page.locator("#theft-first #freeze-button")).to_be_visible()
    shot("1-form")
    page.fill("#subject", "Account stolen")
    page.fill("#intake_account", "victim@example.com")
    page.fill(
        "#body", "Someone logged in and withdrew 200 USDT to 0x90F79bf6EB2c4f870365E785982E1f101E93b906"
    )
    page.click("#request-form button[type=submit]")

    expect(page.locator("#theft-urgent")).to_be_visible()
    expect(page.locator("#first-response")).to_be_visible()
    expect(page.locator("#theft-help")).to_have_attribute(
        "href", "/help/en/a/stolen-account-en/" if locale == "en" else "/help/zh-hans/a/stolen-account-zh/"
    )
    shot("2-ticket")
    page.click("#theft-status #freeze-button")
    expect(page.locator("#freeze-confirm")).to_be_visible()
    shot("3-confirm")
    page.click("#freeze-confirm-button")

    expect(page.locator("#freeze-result")).to_have_attribute("data-state", "frozen")
    shot("4-done")
    assert connector_get().account_get(DEMO_UID).status == "frozen"
    page.click("#freeze-ticket-link")
    expect(page.locator("#account-frozen")).to_be_visible()
    expect(page.locator("#freeze-button")).to_have_count(0)
    shot("5-ticket-frozen")
    assert Ticket.objects.get().priority == "urgent"


def test_agent_freezes_from_the_wallet_panel_and_cannot_unfreeze(
    live, agent_page, online_agent, theft_category
):
    from walletdesk.accounts.models import Customer
    from walletdesk.tickets.services import ticket_create_by_customer
    from walletdesk.wallet.connector import connector_get
    from walletdesk.wallet.services import DEMO_UID, wallet_demo_load

    wallet_demo_load()
    customer = Customer.objects.create(wallet_uid=DEMO_UID, name="Victim", locale="en")
    ticket = ticket_create_by_customer(
        customer=customer,
        channel="web",
        body="my USDT went to 0x90F79bf6EB2c4f870365E785982E1f101E93b906",
        category=theft_category,
        intake={"account": "victim"},
    ).ticket
    page = agent_page(f"/console/tickets/{ticket.pk}/")
    page.set_viewport_size({"width": 390, "height": 844})

    expect(page.locator("#wallet-freeze-reason")).to_have_value(f"Reported stolen {ticket.reference}")
    page.click("#wallet-freeze button[type=submit]")

    expect(page.locator("#wallet-action-done")).to_be_visible()
    expect(page.locator("#wallet-unfreeze")).to_have_count(0)  # an agent, not a supervisor
    if SHOTS:
        page.locator("#wallet-panel").screenshot(path=f"{SHOTS}/theft-agent-panel.png")
    assert connector_get().account_get(DEMO_UID).status == "frozen"
