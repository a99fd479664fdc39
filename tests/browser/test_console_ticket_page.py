"""The console ticket page in a browser: a ticket that never was a live chat offers one reply box,
and still says who else has it open."""

import pytest

pytestmark = [pytest.mark.browser]


def test_a_web_ticket_shows_one_reply_box_and_who_is_viewing(live, agent_page, customer, category):
    from walletdesk.tickets.services import ticket_create_by_customer

    ticket = ticket_create_by_customer(
        customer=customer,
        channel="web",
        category=category,
        body="My USDT deposit is missing",
        intake={"txid": "0x" + "ab" * 32},
    ).ticket
    page = agent_page(f"/console/tickets/{ticket.pk}/")
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.locator("#chat-live-viewers", has_text="Agent One").wait_for()
    assert page.locator("textarea:visible").count() == 1
    assert page.locator("#reply-body").is_visible()
    assert page.get_by_text("Live chat with the customer").count() == 0
    assert errors == []


def test_a_customer_reply_appears_on_the_open_ticket_page_without_reloading(
    live, agent_page, customer, category
):
    from walletdesk.tickets.services import ticket_create_by_customer, ticket_reply_by_customer

    ticket = ticket_create_by_customer(
        customer=customer, channel="web", category=category, body="My USDT deposit is missing",
        intake={"txid": "0x" + "ab" * 32},
    ).ticket  # fmt: skip
    page = agent_page(f"/console/tickets/{ticket.pk}/")
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.locator("#chat-live-viewers", has_text="Agent One").wait_for()  # the socket is open
    before = page.locator("#conversation article").count()
    ticket_reply_by_customer(
        ticket=ticket, body="Still nothing <script>window.pwned=1</script> after **two** hours"
    )
    arrived = page.locator("#conversation article", has_text="Still nothing")
    arrived.wait_for()
    assert page.locator("#conversation article").count() == before + 1
    assert arrived.locator("strong", has_text="two").count() == 1  # rendered Markdown
    assert page.evaluate("window.pwned") is None  # escaped, never run
    assert page.locator("#live-new-message").is_visible()
    assert errors == []


def test_canned_replies_read_in_the_consoles_language_and_insert_the_customers(
    live, agent_page, customer, category
):
    from walletdesk.chat.services import canned_reply_upsert
    from walletdesk.tickets.services import ticket_create_by_customer

    canned_reply_upsert(
        shortcut="hello",
        title="问候 / Greeting",
        body_zh="您好，请问有什么可以帮您？",
        body_en="Hello, how can I help?",
    )
    customer.locale = "zh-hans"
    customer.save()
    ticket = ticket_create_by_customer(
        customer=customer, channel="widget", category=category, body="充值没到账", intake={"txid": "0x" + "cd" * 32},
        locale="zh-hans",
    ).ticket  # fmt: skip
    page = agent_page(f"/console/tickets/{ticket.pk}/")
    option = page.locator("#chat-live-canned option", has_text="Greeting")
    option.wait_for(state="attached")
    assert option.inner_text() == "Greeting"  # the English console: not "hello — 问候 / Greeting"
    assert option.get_attribute("value") == "您好，请问有什么可以帮您？"  # the customer's language
