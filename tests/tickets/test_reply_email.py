"""Replies by email through a real SMTP server on loopback (aiosmtpd): the whole reply to a customer
who left an address in the offline chat form, a notice to portal customers, retries when the
server is down."""

from __future__ import annotations

import pytest

from tests.smtp_server import free_port, smtp_start
from walletdesk.tickets import outbox
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, Delivery

pytestmark = pytest.mark.django_db(transaction=True)


def _offline_ticket(customer, email="visitor@example.com"):
    inbound = InboundMessage(
        channel=Channel.WIDGET, body="my deposit has not arrived", customer=customer,
        new_ticket=True, intake={"reply_email": email}, locale="en",
    )  # fmt: skip
    return receive(inbound).ticket


def _body(mail) -> str:
    return mail.get_body(("plain",)).get_content()


def test_a_reply_to_an_offline_chat_goes_to_the_address_left(smtp, customer, agent):
    ticket = _offline_ticket(customer)
    message = outbox.send(ticket=ticket, author=agent, body="We found your deposit, it is credited now.")
    message.refresh_from_db()
    assert message.channel == Channel.EMAIL
    assert message.delivery_status == Delivery.SENT, message.delivery_error
    [(to, mail)] = smtp.mails
    assert to == ["visitor@example.com"]
    assert mail["Subject"].startswith(f"[{ticket.reference}]")
    body = _body(mail)
    assert "We found your deposit" in body
    assert "We never ask for your password, seed phrase or private key." in body
    assert mail["Message-ID"] == message.external_id


def test_an_internal_note_is_never_mailed(smtp, customer, agent):
    ticket = _offline_ticket(customer)
    outbox.send(ticket=ticket, author=agent, body="customer seems confused", internal=True)
    assert smtp.mails == []


def test_a_secret_in_the_reply_is_redacted_before_the_mail(smtp, customer, agent):
    ticket = _offline_ticket(customer)
    phrase = "abandon " * 11 + "about"
    outbox.send(ticket=ticket, author=agent, body=f"is this yours? {phrase}")
    body = _body(smtp.mails[0][1])
    assert "abandon abandon" not in body


def test_server_down_keeps_the_reply_pending_and_a_retry_sends_it_once(settings, customer, agent):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    ticket = _offline_ticket(customer)
    message = outbox.send(ticket=ticket, author=agent, body="hello")
    message.refresh_from_db()
    assert message.delivery_status == Delivery.PENDING
    assert "mail server" in message.delivery_error and message.next_attempt_at is not None

    mailbox, controller = smtp_start(settings, port=settings.EMAIL_PORT)
    try:
        outbox.deliver(message=message)
        outbox.deliver(message=message)  # a second worker picking it up: no second mail
    finally:
        controller.stop()
    message.refresh_from_db()
    assert message.delivery_status == Delivery.SENT
    assert len(mailbox.mails) == 1


def test_a_portal_customer_gets_a_notice_in_their_language(smtp, customer, agent):
    customer.email, customer.locale = "alice@example.com", "zh-hans"
    customer.save()
    ticket = receive(InboundMessage(channel=Channel.WEB, body="提现一直在处理中", customer=customer, new_ticket=True, locale="zh-hans")).ticket  # fmt: skip
    message = outbox.send(ticket=ticket, author=agent, body="已为您加急处理。")
    message.refresh_from_db()
    assert message.channel == Channel.WEB and message.delivery_status == Delivery.SENT
    [(to, mail)] = smtp.mails
    assert to == ["alice@example.com"]
    body = _body(mail)
    assert "已为您加急处理。" in body and ticket.reference in body
    assert "我们绝不会索要您的密码、助记词或私钥。" in body


def test_no_email_no_notice_and_the_reply_stays_in_the_portal(smtp, customer, agent):
    customer.email = ""
    customer.save()
    ticket = receive(
        InboundMessage(channel=Channel.WEB, body="hi", customer=customer, new_ticket=True)
    ).ticket
    message = outbox.send(ticket=ticket, author=agent, body="hello")
    message.refresh_from_db()
    assert message.delivery_status == Delivery.SENT and smtp.mails == []


@pytest.mark.parametrize(("lang", "label"), [("en", "Reply by email to"), ("zh-hans", "邮件回复至")])
def test_the_console_labels_the_offline_address_in_the_agents_language(lang, label):
    from django.utils import translation

    from walletdesk.tickets.timeline import intake_rows

    with translation.override(lang):
        assert intake_rows({"reply_email": "v@example.com"}, None, lang) == [(label, "v@example.com")]


def test_the_mail_shows_the_reply_formatted_beside_the_plain_text(smtp, customer, agent):
    ticket = _offline_ticket(customer)
    customer.name = "<img src=x onerror=alert(1)>"
    customer.save()
    outbox.send(
        ticket=ticket,
        author=agent,
        body="**Credited** now:\n\n- tx `0xabc`\n- [status](https://demowallet.com/s)",
    )
    [(_to, mail)] = smtp.mails

    html = mail.get_body(("html",)).get_content()
    assert "<strong>Credited</strong>" in html and "<li>tx <code>0xabc</code></li>" in html
    assert '<a href="https://demowallet.com/s" rel="noopener noreferrer nofollow">status</a>' in html
    assert "We never ask for your password, seed phrase or private key.<br>" in html
    assert "<img" not in html and "onerror" not in html
    assert "**Credited**" in _body(mail)  # the plain part stays what the agent wrote
