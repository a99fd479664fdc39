"""A NUL character (which PostgreSQL text cannot hold) gets a 400 with the reason on every way in,
instead of a 500 that lost the customer's message; files may still hold NUL bytes."""

import json

import pytest

from tests.conftest import jwt_for
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, Message, Ticket

pytestmark = pytest.mark.django_db
SAYS = "U+0000"  # in the message in both languages


def test_portal_reply_with_nul_is_refused_and_the_ticket_is_untouched(client, customer):
    ticket = receive(
        InboundMessage(channel=Channel.WEB, body="hi", customer=customer, new_ticket=True)
    ).ticket
    client.get(f"/support/login/?token={jwt_for(customer)}")
    response = client.post(f"/support/tickets/{ticket.pk}/", {"body": "hello\x00world"})
    assert response.status_code == 400 and SAYS in response.content.decode()
    assert Message.objects.filter(ticket=ticket).count() == 1


def test_customer_api_body_with_escaped_nul_is_a_json_400(customer_client, category):
    body = {"category": category.slug, "body": "hi\u0000there", "intake": {"txid": "0x" + "ab" * 32}}
    response = customer_client.post(
        "/api/v1/customer/tickets", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "nul_character" and SAYS in response.json()["error"]["message"]
    assert not Ticket.objects.exists()


@pytest.mark.parametrize(
    "url", ["/help/en/search/?q=%00", "/verify/?agent=%00", "/support/?x=%00", "/console/?q=a%00b"]
)
def test_searches_and_query_strings_with_nul_are_refused(client, url):
    response = client.get(url)
    assert response.status_code == 400 and SAYS in response.content.decode()


def test_in_chinese_the_reason_is_in_chinese(client):
    response = client.get("/help/zh-hans/search/?q=%00", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 400 and "空字符" in response.content.decode()


def test_a_file_may_hold_nul_bytes(client, customer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    ticket = receive(
        InboundMessage(channel=Channel.WEB, body="hi", customer=customer, new_ticket=True)
    ).ticket
    client.get(f"/support/login/?token={jwt_for(customer)}")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
    upload = SimpleUploadedFile("shot.png", png, content_type="image/png")
    response = client.post(f"/support/tickets/{ticket.pk}/", {"body": "see the screenshot", "files": upload})
    assert response.status_code != 400 or SAYS not in response.content.decode()
