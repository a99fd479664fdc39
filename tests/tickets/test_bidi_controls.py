"""Bidi controls in a customer's text would make it display in another order than it reads ("\u202eevil"
shows as "live"): tickets.inbox removes them from everything a channel hands in, and keeps the rest."""

import json

import pytest

from walletdesk.accounts.models import Customer
from walletdesk.core.bidi import bidi_strip
from walletdesk.tickets.attachments import UploadedFile
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Attachment, Channel, Ticket

pytestmark = pytest.mark.django_db

RLO, PDF, LRI, PDI, RLM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200f"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (f"😀 {RLO}evil{PDF}", "😀 evil"),
        (f"send 11{RLM} 22{RLM} 33 USDT", "send 11 22 33 USDT"),
        (f"addr {LRI}0xAB{PDI} \u202a\u202b\u202d\u2067\u2068\u200e\u061c!", "addr 0xAB !"),
        # Joiners, emoji sequences, Arabic and Chinese letters are text, not controls.
        ("👩\u200d💻 مرحبا 你好 a\u200bb", "👩\u200d💻 مرحبا 你好 a\u200bb"),
    ],
)
def test_bidi_strip_removes_bidi_controls_only(typed, stored):
    assert bidi_strip(typed) == stored


def test_body_subject_name_intake_and_file_name_are_stored_without_bidi_controls(category):
    received = receive(
        InboundMessage(
            channel=Channel.EMAIL,
            email="new@example.com",
            name=f"Mallory {RLO}nimda{PDF}",
            subject=f"refund to {RLO}0987{PDF}",
            body=f"😀 {RLO}evil{PDF} ok",
            intake={"txid": f"{RLO}abc{PDF}"},
            attachments=[UploadedFile(filename=f"invoice{RLO}gnp.exe", content=PNG)],
            new_ticket=True,
        )
    )
    ticket = Ticket.objects.get(pk=received.ticket.pk)
    assert received.message.body == "😀 evil ok"
    assert ticket.subject == "refund to 0987"
    assert ticket.intake == {"txid": "abc"}
    assert Customer.objects.get(email="new@example.com").name == "Mallory nimda"
    assert Attachment.objects.get(message=received.message).filename == "invoicegnp.exe"


def test_a_message_of_bidi_controls_alone_is_empty(customer):
    from walletdesk.tickets.errors import MessageEmpty

    with pytest.raises(MessageEmpty):
        receive(InboundMessage(channel=Channel.WEB, body=f"{RLO}{PDF} {RLM}", customer=customer))


def test_the_callers_message_is_left_alone(customer):
    inbound = InboundMessage(channel=Channel.WEB, body=f"{RLO}evil", customer=customer, new_ticket=True)
    receive(inbound)
    assert inbound.body == f"{RLO}evil"


def test_telegram_name_is_stored_without_bidi_controls(db):
    receive(InboundMessage(channel=Channel.TELEGRAM, body="hi", telegram_id="42", name=f"{RLO}boB"))
    assert Customer.objects.get(telegram_id="42").name == "boB"


def test_customer_api_stores_subject_and_body_without_bidi_controls(customer_client, category):
    response = customer_client.post(
        "/api/v1/customer/tickets",
        data=json.dumps(
            {
                "category": "deposit",
                "subject": f"{RLO}gnorw{PDF} deposit",
                "body": f"😀 {RLO}evil{PDF}",
                "intake": {"txid": "0x" + "ab" * 32},
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["subject"] == "gnorw deposit"
    ticket = Ticket.objects.get(pk=response.json()["id"])
    assert ticket.messages.get().body == "😀 evil"
    reply = customer_client.post(
        f"/api/v1/customer/tickets/{ticket.pk}/replies",
        data=json.dumps({"body": f"and {RLM}11 22{RLM} 33"}),
        content_type="application/json",
    )
    assert reply.status_code == 201, reply.content
    assert ticket.messages.order_by("id").last().body == "and 11 22 33"
