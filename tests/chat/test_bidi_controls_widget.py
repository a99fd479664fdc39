"""The widget's ways in (a chat line, a pasted file, the offline form) store the customer's text
without bidi controls (tickets.inbox), and a canned reply does not carry them in with a name."""

import pytest

from walletdesk.tickets.models import Message

pytestmark = pytest.mark.django_db

RLO, PDF = "\u202e", "\u202c"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def test_widget_upload_and_offline_message_are_stored_without_bidi_controls(visitor):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from walletdesk.chat.session import widget_session_sign

    headers = {"X-Widget-Session": widget_session_sign(customer=visitor)}
    upload = SimpleUploadedFile(f"shot{RLO}gnp.exe", PNG, content_type="image/png")
    response = Client().post(
        "/api/v1/chat/upload",
        {"client_id": "bidi-upload-1", "body": f"😀 {RLO}evil{PDF}", "file": upload},
        headers=headers,
    )
    assert response.status_code == 200, response.content
    message = Message.objects.get(pk=response.json()["message"]["id"])
    assert message.body == "😀 evil"
    assert message.attachments.get().filename == "shotgnp.exe"
    response = Client().post(
        "/api/v1/chat/offline",
        {"client_id": "bidi-offline-1", "email": "v@example.com", "body": f"{RLO}evil{PDF} later"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200, response.content
    assert Message.objects.order_by("id").last().body == "evil later"


def test_widget_chat_message_is_stored_without_bidi_controls(visitor):
    from walletdesk.chat.services import chat_message_receive

    result = chat_message_receive(customer=visitor, body=f"😀 {RLO}evil{PDF}", client_id="bidi-chat-1")
    assert Message.objects.get(pk=result.received.message.pk).body == "😀 evil"


def test_canned_reply_fills_in_a_stored_name_without_bidi_controls(agent, customer):
    from walletdesk.chat.canned import canned_placeholders
    from walletdesk.tickets.inbox import InboundMessage, receive

    customer.name = f"{RLO}ecilA{PDF}"  # stored before the inbox removed them, or from a wallet's token
    customer.save()
    ticket = receive(InboundMessage(channel="web", body="hi", customer=customer, new_ticket=True)).ticket
    assert canned_placeholders(ticket=ticket, agent=agent, locale="en")["customer_name"] == "ecilA"
