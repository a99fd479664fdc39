"""Phones: a customer's pasted transaction hash stays inside the screen."""

import pytest

from tests.conftest import jwt_for
from walletdesk.tickets.models import Channel
from walletdesk.tickets.services import ticket_create_by_customer

PHONE = {"width": 390, "height": 844}


@pytest.mark.django_db(transaction=True)
def test_a_long_transaction_hash_does_not_widen_the_ticket_page_on_a_phone(live, new_context, customer):
    received = ticket_create_by_customer(
        customer=customer,
        channel=Channel.WEB,
        body="My withdrawal failed, tx 0x" + "ab" * 32,
        category=None,
        subject="Withdrawal 0x" + "cd" * 32,
        locale="en",
    )
    page = new_context(viewport=PHONE).new_page()
    page.goto(f"{live.url}/support/login/?token={jwt_for(customer)}")

    page.goto(f"{live.url}/support/tickets/{received.ticket.pk}/")

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.django_db(transaction=True)
def test_the_widget_demo_page_is_laid_out_for_the_phones_width(live, new_context):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(live.host_url + "/widget/demo/")
    # Without a viewport meta tag a phone lays the page out 980 px wide and shrinks it to fit.
    assert page.evaluate("window.innerWidth") == PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.django_db(transaction=True)
def test_my_tickets_fits_a_phone_with_numbers_and_statuses_on_one_line(live, new_context, customer):
    for subject in ("Deposit missing", "Withdrawal pending for 6 hours"):
        ticket_create_by_customer(
            customer=customer,
            channel=Channel.WEB,
            body=subject,
            category=None,
            subject=subject,
            locale="zh-hans",
        )
    page = new_context(viewport=PHONE, locale="zh-CN").new_page()
    page.goto(f"{live.url}/support/login/?token={jwt_for(customer)}")

    page.goto(f"{live.url}/support/tickets/")

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    line_height_of = "el => parseFloat(getComputedStyle(el).lineHeight) || 20"
    for selector in ("a.ref", "td .chip"):
        for element in page.locator(selector).all():
            box = element.bounding_box()
            assert box["height"] < 1.6 * element.evaluate(line_height_of), (selector, element.inner_text())


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_chat_fills_the_screen_and_closing_brings_the_button_back(live, new_context):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(live.host_url + "/widget/demo/")
    page.click("#walletdesk-chat-button")
    frame = page.locator("#walletdesk-chat-frame")
    frame.wait_for()
    box = frame.bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, PHONE["width"], PHONE["height"])
    # The demo host page's CSS says `#walletdesk-chat-button{display:inline-block!important}`.
    assert not page.locator("#walletdesk-chat-button").is_visible()  # it would cover the chat's own buttons
    inner = page.frame_locator("#walletdesk-chat-frame")
    inner.locator("#wd-close").click()
    page.locator("#walletdesk-chat-button").wait_for()
    assert not frame.is_visible()


@pytest.mark.django_db(transaction=True)
def test_the_agents_inbox_fits_a_phone_with_each_ticket_as_a_block(live, new_context, online_agent, customer):
    from django.conf import settings
    from django.test import Client

    for subject in ("USDT 充值未到账", "Withdrawal pending for 6 hours"):
        ticket_create_by_customer(
            customer=customer,
            channel=Channel.WEB,
            body=subject,
            category=None,
            subject=subject,
            locale="zh-hans",
        )
    client = Client()
    client.force_login(online_agent)
    context = new_context(viewport=PHONE, locale="zh-CN")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live.url}])
    page = context.new_page()

    page.goto(f"{live.url}/console/?view=open")

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    rows = page.locator("#inbox-table tbody tr")
    assert rows.count() == 2
    for row in rows.all():  # the subject reads on one line of its own, above the chips
        subject_box = row.locator("td").nth(1).bounding_box()
        assert subject_box["width"] > 0.7 * row.bounding_box()["width"]


@pytest.mark.django_db(transaction=True)
def test_a_refused_phone_number_is_outlined_in_red(live, new_context, customer):
    page = new_context(viewport=PHONE, locale="zh-CN").new_page()
    page.goto(f"{live.url}/support/login/?token={jwt_for(customer)}")
    page.goto(f"{live.url}/support/callback/")

    page.fill("#cb-phone", "12")
    page.fill("#cb-body", "提现一直没到账，请回电")
    page.locator("form button[type=submit]").last.click()

    phone = page.locator("#cb-phone")
    assert phone.get_attribute("aria-invalid") == "true"
    assert phone.evaluate("el => getComputedStyle(el).borderTopColor") == "rgb(197, 34, 31)"  # --bad
