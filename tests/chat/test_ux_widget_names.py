"""The widget's names for a screen reader (aria-label) and its tooltips (title) speak the widget's
language, and the demo host page says which language it is written in (trial, session 8: the Chinese
widget's close button was named "close"; the English demo page was marked Chinese)."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)

# Latin letters a Chinese name may keep: the file type.
LATIN = re.compile(r"[A-Za-z]+")
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
NAMES = re.compile(r'\s(?:aria-label|title)="([^"]*)"')


def english_in(name: str) -> list[str]:
    return [w for w in LATIN.findall(name) if w != "PDF"]


@pytest.mark.django_db
@pytest.mark.parametrize("request_language", ["en", "zh-hans"])
def test_the_frame_is_served_with_names_in_its_own_language(client, request_language):
    """The frame's language is the one widget.js asks for, whatever language the request runs under."""
    client.cookies["django_language"] = request_language
    zh = client.get("/widget/frame/?lang=zh-hans").content.decode()
    names = NAMES.findall(zh.split("<body>", 1)[1])
    assert "关闭聊天窗口" in names and "语言" in names and "表情" in names
    assert [n for n in names if english_in(n)] == []
    en = client.get("/widget/frame/?lang=en").content.decode()
    names = NAMES.findall(en.split("<body>", 1)[1])
    assert "Close the chat" in names and "Language" in names
    assert [n for n in names if CJK.search(n)] == []
    # The language picker's options each name their language in it, marked so.
    assert '<option value="zh-hans" lang="zh-hans"' in en and '<option value="en" lang="en"' in zh


@pytest.mark.django_db
def test_the_demo_host_page_is_marked_with_the_language_it_is_written_in(client):
    html = client.get("/widget/demo/").content.decode()
    assert '<html lang="en">' in html and "This page stands in for a wallet's website" in html


FRAME_NAMES = """() => Array.from(document.querySelectorAll("[aria-label], [title]"))
    .filter(el => el.tagName !== "HTML")
    .flatMap(el => [el.getAttribute("aria-label"), el.getAttribute("title")].filter(v => v !== null))"""


@pytest.mark.browser
@pytest.mark.parametrize(("pick", "other"), [("zh-hans", "en"), ("en", "zh-hans")])
def test_switching_the_widgets_language_renames_every_control(live, new_context, online_agent, pick, other):
    page = new_context(locale="en-US" if other == "en" else "zh-CN").new_page()
    page.goto(live.host_url + "/widget/demo/")
    button = page.locator("#walletdesk-chat-button")
    expect(button).to_have_attribute("lang", other)
    button.click()
    expect(page.locator("#walletdesk-chat-frame")).to_have_attribute("lang", other)
    frame = page.frame_locator("#walletdesk-chat-frame")
    frame.locator("#wd-lang").select_option(pick)
    frame.locator("#wd-first").fill("hello")
    frame.locator("#wd-start").click()
    frame.locator(".wd-msg.customer[data-id]").wait_for()
    frame.locator("#wd-emoji").click()  # the emoji panel's buttons are in the page too
    expect(frame.locator("#wd-emoji")).to_have_attribute("aria-expanded", "true")
    expect(frame.locator("#wd-stars button")).to_have_count(5)
    names = frame.locator("html").evaluate(FRAME_NAMES)
    close = {"zh-hans": "关闭聊天窗口", "en": "Close the chat"}[pick]
    expect(frame.get_by_role("button", name=close, exact=True)).to_have_attribute("title", close)
    if pick == "zh-hans":
        assert [n for n in names if english_in(n)] == []
        assert "1 星" in names and "5 星" in names
    else:
        assert [n for n in names if CJK.search(n)] == []
        assert "1 star" in names and "5 stars" in names
