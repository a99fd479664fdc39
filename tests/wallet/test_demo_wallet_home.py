"""The demo wallet's signed-in page: like a real wallet, it hands the chat widget the identity token its
backend signs, so a chat started there belongs to the customer's verified wallet account."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name
from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)
from walletdesk.accounts.identity import identity_token_verify
from walletdesk.wallet.services import DEMO_UID

IDENTIFY = re.compile(r'walletdesk\("identify", \{token: "([^"]+)"\}\)')


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "signed_in"), [("en", "Signed in as"), ("zh-hans", "已登录")])
def test_the_page_identifies_the_demo_customer_to_the_widget(language, signed_in):
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get("/demo-wallet/")

    assert response.status_code == 200
    page = response.content.decode()
    token = json.loads(f'"{IDENTIFY.search(page).group(1)}"')  # the page escapes it for a JS string
    identity = identity_token_verify(token)
    assert identity.wallet_uid == DEMO_UID and identity.locale == language
    assert "/widget.js" in page and signed_in in page
    assert "no-cache" in response["Cache-Control"]  # a token must not be served from a cache


@pytest.mark.django_db
def test_the_page_is_not_found_when_the_demo_is_off(settings):
    settings.WALLETDESK_DEMO = False

    assert Client().get("/demo-wallet/").status_code == 404


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_chat_started_on_the_demo_wallet_page_is_the_verified_customers(live, new_context, online_agent):
    from walletdesk.tickets.models import Ticket

    page = new_context(locale="en-US").new_page()
    page.goto(live.host_url + "/demo-wallet/")
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-first").fill("My deposit has not arrived")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").last.wait_for()

    ticket = Ticket.objects.select_related("customer").get()
    assert ticket.channel == "widget" and ticket.customer.wallet_uid == DEMO_UID
