"""The canned-reply picker of a ticket's reply form, in a browser: an agent on a web ticket opens it
from the keyboard, filters, puts a reply into a half-typed draft at the cursor and sends it; the
reply is in the customer's language, the titles in the console's."""

import os

import pytest

pytestmark = [pytest.mark.browser]

SEED_ZH = "{customer_name}您好：{agent_name} 提醒您，客服绝不会索要您的助记词（工单 {ticket_number}）。"


@pytest.fixture
def canned_menu(db):
    from walletdesk.chat.services import canned_reply_upsert

    canned_reply_upsert(
        shortcut="seed",
        title="安全提醒：助记词 / Safety: seed phrase",
        body_zh=SEED_ZH,
        body_en="{customer_name}, {agent_name} here: support never asks for your seed phrase ({ticket_number}).",
    )
    for n in range(7):  # a long list, so the picker offers its filter
        canned_reply_upsert(
            shortcut=f"case-{n}",
            title=f"情况 {n} / Case {n}",
            body_zh=f"中文回复 {n}",
            body_en=f"English reply {n}",
        )


def web_ticket(customer, category, locale):
    from walletdesk.tickets.services import ticket_create_by_customer

    return ticket_create_by_customer(
        customer=customer, channel="web", category=category, body="我的助记词安全吗？",
        intake={"txid": "0x" + "ab" * 32}, locale=locale,
    ).ticket  # fmt: skip


def console_page(live, new_context, agent, path, locale):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(agent)
    context = new_context(locale=locale, viewport={"width": 1280, "height": 900})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live.url}])
    page = context.new_page()
    page.goto(live.url + path)
    return page


def test_an_agent_inserts_a_canned_reply_at_the_cursor_and_sends_it(
    live, new_context, online_agent, customer, category, canned_menu
):
    from walletdesk.tickets.models import Message

    ticket = web_ticket(customer, category, "zh-hans")  # the customer writes Chinese; the console is English
    page = console_page(live, new_context, online_agent, f"/console/tickets/{ticket.pk}/", "en-US")
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requests = []
    page.on("request", lambda r: requests.append(r.url) if "/chat/canned" in r.url else None)

    box = page.locator("#reply-body")
    box.click()
    box.press_sequentially("开头。结尾")
    for _ in range(2):
        box.press("ArrowLeft")  # the cursor between 。 and 结尾
    page.wait_for_timeout(200)
    assert requests == []  # the page itself does not load the list

    box.press("Shift+Tab")  # the picker's button sits right before the box
    assert page.evaluate("document.activeElement.id") == "canned-open"
    page.keyboard.press("Enter")
    search = page.locator("#canned-panel input[type=search]")
    search.wait_for()
    assert page.evaluate("document.activeElement === document.querySelector('#canned-panel input')")
    assert page.locator(".canned-item").count() == 8
    assert page.locator(".canned-item .canned-title").first.inner_text() == "Case 0"  # the console's language
    page.keyboard.type("seed")
    assert page.locator(".canned-item").count() == 1
    assert page.locator(".canned-item .canned-title").inner_text() == "Safety: seed phrase"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")

    body = SEED_ZH.format(customer_name="Alice", agent_name="Agent One", ticket_number=ticket.reference)
    assert box.input_value() == f"开头。{body}结尾"
    assert page.locator("#canned-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "reply-body"
    page.locator("#reply-preview", has_text="客服绝不会索要").wait_for()  # the Markdown preview followed
    assert len(requests) == 1 and f"ticket={ticket.pk}" in requests[0]

    page.locator("#send-reply").click()
    page.locator("#conversation article", has_text="客服绝不会索要您的助记词").wait_for()
    sent = Message.objects.filter(ticket=ticket, author_user=online_agent).latest("id")
    assert sent.body == f"开头。{body}结尾"
    assert errors == []


@pytest.mark.parametrize(
    ("locale", "title", "body"),
    [
        ("zh-CN", "安全提醒：助记词", "Alice, Agent One here"),
        ("en-US", "Safety: seed phrase", "Alice, Agent One here"),
    ],
)
def test_the_picker_reads_in_the_consoles_language_with_the_mouse(
    live, new_context, online_agent, customer, category, canned_menu, locale, title, body
):
    ticket = web_ticket(customer, category, "en")  # an English customer: English bodies in both consoles
    page = console_page(live, new_context, online_agent, f"/console/tickets/{ticket.pk}/", locale)
    page.locator("#reply-body").fill("Hi,\n\nThanks")
    page.locator("#canned-open").click()
    item = page.locator(".canned-item", has_text=title)
    item.wait_for()
    assert page.locator("#canned-open").get_attribute("aria-expanded") == "true"
    assert body in item.locator(".canned-snippet").inner_text()
    shots = os.environ.get("CANNED_SCREENSHOTS")
    if shots:
        page.locator("#reply-form").scroll_into_view_if_needed()
        page.screenshot(path=os.path.join(shots, f"canned-picker-{locale}.png"))
    page.keyboard.press("Escape")
    assert page.locator("#canned-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "canned-open"
    page.locator("#canned-open").click()
    item.click()  # the cursor was left at the end of the draft
    assert page.locator("#reply-body").input_value().startswith("Hi,\n\nThanks " + body)


def test_the_live_chat_menu_fills_the_placeholders_too(live, agent_page, customer, category, canned_menu):
    from walletdesk.tickets.services import ticket_create_by_customer

    ticket = ticket_create_by_customer(
        customer=customer, channel="widget", category=category, body="助记词", locale="zh-hans",
        intake={"txid": "0x" + "cd" * 32},
    ).ticket  # fmt: skip
    page = agent_page(f"/console/tickets/{ticket.pk}/")
    option = page.locator("#chat-live-canned option", has_text="Safety: seed phrase")
    option.wait_for(state="attached")
    body = SEED_ZH.format(customer_name="Alice", agent_name="Agent One", ticket_number=ticket.reference)
    assert option.get_attribute("value") == body


@pytest.mark.parametrize(("locale", "width"), [("zh-CN", 1280), ("en-US", 1280), ("zh-CN", 390)])
def test_the_supervisors_page_fits_and_saves(live, new_context, supervisor, canned_menu, locale, width):
    from walletdesk.chat.models import CannedReply

    page = console_page(live, new_context, supervisor, "/console/canned/", locale)
    page.set_viewport_size({"width": width, "height": 900})
    page.reload()
    assert page.locator("#canned-table tbody tr").count() == 8
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("#canned-shortcut").fill("kyc")
    page.locator("#canned-title-zh").fill("身份认证")
    page.locator("#canned-title-en").fill("Identity check")
    page.locator("#canned-body-zh").fill("{customer_name}您好，请上传证件。")
    page.locator("#canned-body-en").fill("Hello {customer_name}, please upload your ID.")
    shots = os.environ.get("CANNED_SCREENSHOTS")
    if shots:
        page.screenshot(path=os.path.join(shots, f"canned-manage-{locale}-{width}.png"), full_page=True)
    page.locator("#canned-form button[type=submit]").click()
    page.locator("#canned-table a", has_text="/kyc").wait_for()
    assert CannedReply.objects.get(shortcut="kyc").title == "身份认证 / Identity check"


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_the_starter_replies_fit_a_phone_and_delete_asks_first(live, new_context, supervisor, locale):
    from walletdesk.chat.management.canned import canned_defaults_load
    from walletdesk.chat.models import CannedReply

    canned_defaults_load()  # "/anything-else" and "/confirmations" made the page 417-441 px wide at 390
    page = console_page(live, new_context, supervisor, "/console/canned/", locale)
    page.set_viewport_size({"width": 390, "height": 900})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator('#canned-table a[href="/console/canned/bye/delete/"]').click()
    page.locator("#canned-delete-form").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert CannedReply.objects.filter(shortcut="bye").exists()  # asking deletes nothing
    page.locator("#canned-delete-form button[type=submit]").click()
    page.locator("#canned-table").wait_for()
    assert not CannedReply.objects.filter(shortcut="bye").exists()
