"""A portal customer keeps the conversation of any of their tickets as one HTML file."""

import pytest

from tests.conftest import jwt_for
from walletdesk.tickets import outbox
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel

pytestmark = pytest.mark.django_db


def _ticket(customer, body):
    return receive(InboundMessage(channel=Channel.WEB, body=body, customer=customer, new_ticket=True)).ticket


def test_the_customer_downloads_what_support_said_without_internal_notes(client, customer, agent):
    ticket = _ticket(customer, "USDT deposit <b>missing</b>")
    outbox.send(ticket=ticket, author=agent, body="Credited now, tx 0xabc.")
    outbox.send(ticket=ticket, author=agent, body="note: customer seems upset", internal=True)
    client.get(f"/support/login/?token={jwt_for(customer)}")

    page = client.get(f"/support/tickets/{ticket.pk}/", HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert f'href="/support/tickets/{ticket.pk}/transcript/"' in page and "下载对话记录" in page
    response = client.get(f"/support/tickets/{ticket.pk}/transcript/")

    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert f'{ticket.reference}-transcript.html"' in response["Content-Disposition"]
    html = response.content.decode()
    assert "Credited now, tx 0xabc." in html and "&lt;b&gt;missing&lt;/b&gt;" in html
    assert "customer seems upset" not in html


def test_another_customers_transcript_is_not_found_and_signed_out_visitors_are_refused(
    client, customer, other_customer
):
    theirs = _ticket(other_customer, "my withdrawal is stuck")
    assert client.get(f"/support/tickets/{theirs.pk}/transcript/").status_code in (401, 302)
    client.get(f"/support/login/?token={jwt_for(customer)}")
    assert client.get(f"/support/tickets/{theirs.pk}/transcript/").status_code == 404
    assert client.post(f"/support/tickets/{theirs.pk}/transcript/").status_code == 405
