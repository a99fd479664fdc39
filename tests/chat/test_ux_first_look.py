"""What a first-time user of the chat noticed (issue 3 walk-through): an empty live queue under
bare headings looked like it was still loading, and the Chinese offline notice had an English
space after its "。"."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    agent_page,
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)

pytestmark = pytest.mark.browser


def test_an_empty_live_queue_says_no_one_is_waiting(live, agent_page):
    inbox = agent_page("/console/")
    expect(inbox.locator("#chat-live-queue")).to_have_text("No one is waiting.")
    expect(inbox.locator("#chat-live-queue button")).to_have_count(0)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("zh-hans", "现在没有在线客服。请留下邮箱和问题，我们会通过邮件回复您。"),
        ("en", "No agent is online right now. Leave your email and question; we will answer by email."),
    ],
)
def test_the_offline_notice_joins_its_sentences_as_the_language_does(live, new_context, locale, text):
    page = new_context().new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-lang").select_option(locale)
    expect(frame.locator("#wd-offline-text")).to_have_text(text)


def _zh_agent_page(live, new_context, online_agent):  # noqa: ANN001, ANN202
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(online_agent)
    context = new_context(locale="zh-CN")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "zh-hans", "url": live.url},
        ]
    )
    return context.new_page()


def test_a_chinese_console_names_the_chat_state_and_lists_the_category_cleanly(
    live, new_context, online_agent, category
):
    from walletdesk.tickets.models import Ticket

    page = new_context().new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-first").fill("my deposit is missing")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    Ticket.objects.update(category=category, intake={})  # a category and nothing else to list
    desk = _zh_agent_page(live, new_context, online_agent)
    desk.goto(live.url + f"/console/tickets/{Ticket.objects.get().pk}/")
    expect(desk.locator("#chat-live-state")).to_have_text("排队中")
    expect(desk.locator("#chat-live-intake")).to_have_text("类别：充值问题")


def test_the_agents_first_reply_comes_after_the_joined_note(live, new_context, agent_page):
    from walletdesk.tickets.models import Ticket

    page = new_context().new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-first").fill("my deposit is missing")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    desk = agent_page(f"/console/tickets/{Ticket.objects.get().pk}/")
    desk.click("#chat-live-accept")
    frame.locator(".wd-msg.system", has_text="Agent One").wait_for()
    desk.locator("#chat-live-body").fill("Hello, I am looking at it")
    desk.locator("#chat-live-body").press("Enter")
    frame.locator(".wd-msg.agent", has_text="Hello, I am looking at it").wait_for()
    order = frame.locator("#wd-messages > li").evaluate_all(
        "items => items.map(li => li.classList.contains('system') ? 'note' : li.dataset.id ? 'message' : 'other')"
    )
    assert order == ["message", "note", "message"]


def test_the_chinese_joined_note_names_the_agent_once(live, new_context, agent_page):
    from walletdesk.tickets.models import Ticket

    page = new_context().new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-lang").select_option("zh-hans")
    frame.locator("#wd-first").fill("充值没到账")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    agent_page(f"/console/tickets/{Ticket.objects.get().pk}/").click("#chat-live-accept")
    note = frame.locator(".wd-msg.system", has_text="Agent One")
    expect(note).to_have_text(re.compile(r"^Agent One（客服工号 \w+）已接入"))
