"""An agent assesses a theft loss on the ticket page and asks for a remedy; a supervisor approves it
in the queue and the demo wallet backend (real HTTP) is credited once."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401 - the browser suite's fixtures
    agent_page,
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("WALLETDESK_SCREENSHOTS")  # a directory: save the panel and the queue


def test_theft_remedy_from_assessment_to_credit(live, agent_page, new_context, supervisor, settings):  # noqa: F811
    from walletdesk.accounts.models import Customer
    from walletdesk.tickets.inbox import InboundMessage, receive
    from walletdesk.wallet.models import DemoAction, DemoBalance
    from walletdesk.wallet.services import DEMO_UID, wallet_demo_load

    settings.WALLETDESK_WALLET_URL = ""
    wallet_demo_load()
    customer = Customer.objects.create(wallet_uid=DEMO_UID, name="Victim", locale="en")
    ticket = receive(
        InboundMessage(channel="web", customer=customer, new_ticket=True, body="my account was stolen")
    ).ticket
    before = Decimal(DemoBalance.objects.get(account__uid=DEMO_UID, asset="USDT").available)

    page = agent_page(f"/console/tickets/{ticket.pk}/")
    page.click("#compensation-panel summary:has-text('Assess a theft loss')")
    page.fill("#comp-since", "2000-01-01T00:00")
    page.click("text=List the withdrawals")
    expect(page.locator("#compensation-assess input[type=checkbox]")).to_have_count(3)
    page.locator("#compensation-assess input[type=checkbox]:not([disabled])").check()
    page.click("text=Sum the ticked withdrawals")
    remedy = page.locator("#compensation-assess form[data-asset=USDT]")
    expect(remedy.locator("input[name=amount]")).to_have_value("100")
    if SHOTS:
        page.locator("#compensation-panel").screenshot(path=f"{SHOTS}/compensation-assessed.png")
    remedy.locator("button[type=submit]").click()
    expect(page.locator("#compensation-done")).to_be_visible()
    expect(page.locator("#compensation-requests tr[data-status=requested]")).to_have_count(1)

    client = Client()
    client.force_login(supervisor)
    context = new_context()
    context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live.url,
            }
        ]
    )
    queue = context.new_page()
    queue.goto(f"{live.url}/console/compensation/")
    if SHOTS:
        queue.screenshot(path=f"{SHOTS}/compensation-queue.png", full_page=True)
    queue.fill("#compensation-queue input[name=note]", "checked the assessment")
    queue.click("#compensation-queue button:has-text('Approve and credit')")

    expect(queue.locator("#compensation-done")).to_contain_text("approved and credited")
    if SHOTS:
        page.reload()
        expect(page.locator("#compensation-requests tr[data-status=credited]")).to_have_count(1)
        page.locator("#compensation-panel").screenshot(path=f"{SHOTS}/compensation-credited.png")
    after = Decimal(DemoBalance.objects.get(account__uid=DEMO_UID, asset="USDT").available)
    assert after == before + 100 and DemoAction.objects.filter(action="credit").count() == 1
