"""The agent has the inbox open; a customer opens a ticket; its row appears without a reload,
highlighted, with the views' counts updated. Also the inbox as it looks in zh and en at 1280 and
390 px with an urgent overdue ticket and unbroken subjects (WALLETDESK_SCREENSHOTS=dir saves them)."""

import os
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import jwt_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TXID = "0x7c3f0e5b9a6d4c2e8f1a0b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e"


def _ticket(customer, category, subject, **fields):
    from walletdesk.tickets.models import Ticket
    from walletdesk.tickets.services import ticket_create_by_customer

    ticket = ticket_create_by_customer(
        customer=customer,
        channel="web",
        body="help",
        category=category,
        subject=subject,
        intake={"txid": TXID},
    ).ticket
    if fields:
        Ticket.objects.filter(pk=ticket.pk).update(**fields)
    return ticket


def test_new_ticket_appears_in_the_open_inbox_without_reload(
    live, agent_page, new_context, customer, category
):
    _ticket(customer, category, "An older ticket")
    page = agent_page("/console/?view=all")
    expect(page.locator("#inbox-rows[data-live=on]")).to_have_count(1)
    page.evaluate("window.notReloaded = true")
    before = int(page.locator("#inbox-count-open").inner_text())

    customer_side = new_context()
    response = customer_side.request.post(
        live.url + "/api/v1/customer/tickets",
        headers={"Authorization": f"Bearer {jwt_for(customer)}"},
        data={
            "category": category.slug,
            "subject": "Deposit of 500 USDT missing",
            "body": "where is it?",
            "intake": {"txid": TXID},
        },
    )
    assert response.status == 201, response.text()
    ticket_id = response.json()["id"]

    row = page.locator(f'#inbox-table tr[data-ticket-id="{ticket_id}"]')
    expect(row).to_be_visible()
    expect(row).to_contain_text("Deposit of 500 USDT missing")
    expect(row).to_have_class(re.compile(r"\binbox-new\b"))
    expect(page.locator("#inbox-live-note")).to_have_text("1 new")
    expect(page.locator("#inbox-count-open")).to_have_text(str(before + 1))
    assert page.evaluate("window.notReloaded") is True


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_inbox_layout_with_due_urgent_and_long_subjects(
    live, new_context, online_agent, customer, category, lang
):
    from django.conf import settings
    from django.test import Client

    now = timezone.now()
    _ticket(
        customer,
        category,
        "Account stolen, funds moved out",
        priority="urgent",
        first_response_due_at=now - timedelta(minutes=130),
    )
    _ticket(customer, category, TXID, priority="normal", first_response_due_at=now + timedelta(minutes=35))
    _ticket(customer, category, "w" * 300, priority="high", first_response_due_at=now + timedelta(hours=5))
    _ticket(customer, category, "Answered already", priority="low", first_response_at=now)
    client = Client()
    client.force_login(online_agent)
    shots = os.environ.get("WALLETDESK_SCREENSHOTS")
    for width in (1280, 390):
        context = new_context(locale=lang, viewport={"width": width, "height": 900})
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "url": live.url,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                }
            ]
        )
        page = context.new_page()
        page.goto(live.url + "/console/?view=all")
        table = page.locator("#inbox-table")
        expect(table.locator("tr.inbox-urgent .inbox-subject .chip.urgent")).to_have_count(1)
        expect(table.locator(".due-over")).to_have_count(1)
        expect(table.locator(".due-soon")).to_have_count(1)
        # Nothing wider than the screen: the table, and so the page, fits.
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.getElementById('inbox-table').getBoundingClientRect().right]"
        )
        assert widths[0] <= width and widths[1] <= width, widths
        if shots:
            os.makedirs(shots, exist_ok=True)
            page.screenshot(path=os.path.join(shots, f"inbox-{lang}-{width}.png"), full_page=True)


def test_portal_my_tickets_keeps_a_long_subject_inside_a_phone(live, new_context, customer, category):
    _ticket(customer, category, "z" * 300)
    page = new_context(viewport={"width": 390, "height": 800}).new_page()
    page.goto(live.url + "/support/login/?token=" + jwt_for(customer))
    expect(page.locator("td.subject-cell")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
