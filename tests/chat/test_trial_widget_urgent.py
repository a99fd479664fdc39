"""A theft victim in the chat widget (trial finding): choosing "Stolen account or assets" shows what
to do at once — freeze the account (signed in) or report without signing in, the official channels,
change passwords, revoke approvals — in the widget's language, and keeps it above the chat and
beside the offline form (also when triage, not the customer, named the theft)."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name

import json
import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)
from tests.conftest import jwt_for
from walletdesk.chat.session import widget_session_sign


@pytest.fixture
def theft(team):  # noqa: ANN201
    from walletdesk.tickets.services import category_upsert

    return category_upsert(
        slug="account_theft",
        name_zh="账户或资产被盗",
        name_en="Stolen account or assets",
        description_zh="我们会立即冻结账户",
        description_en="We freeze the account at once",
        team=team,
        intake_fields=[],
    )


@pytest.fixture
def registry(db):  # noqa: ANN201
    from walletdesk.verify.services import registry_load_demo

    registry_load_demo()


@pytest.mark.django_db
def test_the_urgent_help_names_the_theft_category_the_freeze_page_and_channels_in_both_languages(registry):
    from walletdesk.chat.selectors import widget_urgent_help

    urgent = widget_urgent_help()

    assert (urgent["category"], urgent["freeze_url"], urgent["report_url"]) == (
        "account_theft",
        "/support/account/freeze/",
        "/support/urgent/",
    )
    kinds = [c["kind"] for c in urgent["contacts"]]
    assert "phone" in kinds and set(kinds) <= {"phone", "telegram", "email"}
    phone = next(c for c in urgent["contacts"] if c["kind"] == "phone")
    assert phone["kind_name"] == {"zh-hans": "电话", "en": "Phone"}
    assert urgent["help_url"]["en"].startswith("/help/en/")


@pytest.mark.django_db
def test_the_frame_carries_the_urgent_help(registry):
    html = Client().get("/widget/frame/?lang=en").content.decode()

    data = json.loads(
        re.search(r'<script id="wd-urgent-data" type="application/json">(.*?)</script>', html).group(1)
    )
    assert data["category"] == "account_theft" and data["contacts"]


@pytest.mark.django_db
def test_an_offline_message_says_its_category_so_the_widget_can_show_the_steps(visitor, theft):
    response = Client().post(
        "/api/v1/chat/offline",
        {
            "client_id": "offline-theft-1",
            "email": "me@example.com",
            "body": "someone took my account",
            "locale": "en",
            "category": "account_theft",
        },
        content_type="application/json",
        headers={"X-Widget-Session": widget_session_sign(customer=visitor)},
    )

    assert response.status_code == 200 and response.json()["category"] == "account_theft"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("locale", "head", "freeze", "revoke"),
    [
        (
            "en-US",
            "Account or assets stolen? Do this now:",
            "Freeze my account now",
            "Revoke token approvals",
        ),
        ("zh-CN", "账户或资产被盗？请立即这样做：", "立即冻结我的账户", "撤销您不认识的代币授权"),
    ],
)
def test_a_signed_in_victim_gets_the_freeze_link_and_the_steps_before_and_during_the_chat(
    live, new_context, online_agent, theft, customer, registry, locale, head, freeze, revoke
):
    page = new_context(locale=locale).new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.evaluate("t => walletdesk('identify', {token: t})", jwt_for(customer))
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    expect(frame.locator("#wd-urgent")).to_be_hidden()

    frame.locator('#wd-categories button[data-slug="account_theft"]').click()

    urgent = frame.locator("#wd-urgent")
    expect(urgent).to_contain_text(head)
    expect(urgent).to_contain_text(revoke)
    link = urgent.locator("a.wd-urgent-freeze")
    expect(link).to_have_text(freeze)
    href = link.get_attribute("href")
    assert href.startswith("/support/login/?token=") and href.endswith(
        "&next=%2Fsupport%2Faccount%2Ffreeze%2F"
    )
    expect(urgent.locator(".wd-urgent-contacts li").first).to_be_visible()

    frame.locator("#wd-first").fill("my account was stolen")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    expect(frame.locator("#wd-urgent-chat")).to_contain_text(head)
    expect(frame.locator("#wd-urgent-chat a.wd-urgent-freeze")).to_be_visible()

    # The freeze link signs the customer in to the portal's freeze page.
    target = new_context(locale=locale).new_page()
    target.goto(live.url + href)
    assert target.url.endswith("/support/account/freeze/")


@pytest.mark.browser
def test_a_visitor_gets_the_report_page_instead_of_the_freeze_link(
    live, new_context, online_agent, theft, registry
):
    page = new_context().new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator('#wd-categories button[data-slug="account_theft"]').click()

    expect(frame.locator("#wd-urgent a.wd-urgent-report")).to_have_attribute("href", "/support/urgent/")
    assert frame.locator("#wd-urgent a.wd-urgent-freeze").count() == 0
