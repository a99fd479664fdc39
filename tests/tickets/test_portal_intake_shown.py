"""The customer's own ticket page shows what they filled in on the request form, escaped."""

import pytest

from tests.conftest import jwt_for
from walletdesk.tickets.models import Channel
from walletdesk.tickets.services import ticket_create_by_customer

pytestmark = pytest.mark.django_db

TXID = "0x" + "ab" * 32


@pytest.mark.parametrize(
    ("accept_language", "heading", "label"),
    [("zh-CN", "您提供的信息", "交易哈希"), ("en", "What you told us", "Transaction ID")],
)
def test_portal_ticket_lists_the_request_form_answers(
    client, customer, category, accept_language, heading, label
):
    received = ticket_create_by_customer(
        customer=customer,
        channel=Channel.WEB,
        body="deposit missing",
        category=category,
        intake={"txid": TXID, "network": "<b>TRC20</b>"},
        locale="en",
    )
    client.get(f"/support/login/?token={jwt_for(customer)}")

    page = client.get(
        f"/support/tickets/{received.ticket.pk}/", HTTP_ACCEPT_LANGUAGE=accept_language
    ).content.decode()

    assert heading in page
    assert label in page
    assert TXID in page
    assert "<b>TRC20</b>" not in page
