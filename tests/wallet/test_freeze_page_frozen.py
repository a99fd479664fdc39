"""The freeze page opened again after a freeze: nothing to confirm, what happens next, the theft ticket."""

from __future__ import annotations

import pytest
from django.test import Client

from walletdesk.accounts.models import Customer
from walletdesk.wallet.services import DEMO_UID, account_freeze_by_customer, demo_account_freeze


@pytest.fixture
def victim(wallet) -> Customer:
    return Customer.objects.create(wallet_uid=DEMO_UID, name="Victim", email="v@example.com", locale="en")


def _page(customer: Customer, language: str) -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    session = client.session
    session["wd_customer_id"] = customer.pk
    session.save()
    response = client.get("/support/account/freeze/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "next_steps"),
    [("en", "What happens next:"), ("zh-hans", "接下来会怎样：")],
)
def test_a_frozen_account_gets_next_steps_and_its_theft_ticket_not_a_confirm_button(
    victim, theft, language, next_steps
):
    frozen = account_freeze_by_customer(customer=victim, locale="en", channel="web")
    assert frozen.state == "frozen"

    page = _page(victim, language)

    assert "freeze-confirm-button" not in page and 'id="freeze-form"' not in page
    assert 'id="freeze-state" data-state="frozen"' in page
    assert next_steps in page and 'id="freeze-next"' in page
    assert f'href="/support/tickets/{frozen.ticket.pk}/" id="freeze-ticket-link"' in page
    assert frozen.ticket.reference in page


def test_an_account_frozen_without_a_theft_ticket_offers_to_report_the_theft(victim, theft):
    demo_account_freeze(uid=DEMO_UID, reason="frozen by the operator", by="test")

    page = _page(victim, "en")

    assert "freeze-confirm-button" not in page and "freeze-ticket-link" not in page
    assert 'href="/support/new/?category=account_theft" id="freeze-report-link"' in page


def test_an_active_account_still_gets_the_confirm_button_and_no_next_steps(victim, theft):
    page = _page(victim, "en")

    assert "freeze-confirm-button" in page and 'id="freeze-next"' not in page
