"""What a first-time user of the chat noticed (issue 3 walk-through): an empty live queue under
bare headings looked like it was still loading, and the Chinese offline notice had an English
space after its "。"."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name
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
