"""Email intake against a real IMAP server (dovecot) and replies through a real SMTP server
(aiosmtpd), both on loopback: `walletdesk mail fetch` as an operator runs it."""

from __future__ import annotations

import io
import logging
from email.utils import make_msgid

import django
import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from tests.channels_email.conftest import PNG, mail
from walletdesk.channels_email.imap import HELD_FOLDER
from walletdesk.channels_email.models import HeldMail, MailboxState
from walletdesk.tickets import outbox
from walletdesk.tickets.models import Attachment, AuthorKind, Channel, Delivery, Message, Ticket

pytestmark = pytest.mark.django_db(transaction=True)

PHRASE = "abandon " * 11 + "about"


def fetch() -> str:
    out = io.StringIO()
    call_command("mail", "fetch", stdout=out)
    return out.getvalue()


def customer_messages(ticket: Ticket) -> list[Message]:
    return list(ticket.messages.filter(author_kind=AuthorKind.CUSTOMER).order_by("id"))


def test_a_new_mail_opens_a_ticket_with_what_the_customer_wrote(imap_settings, dovecot):
    first = mail(
        subject="Re: 提现失败",
        body="我的提现两天了还没到账。\n\n发自我的iPhone\n\n在 2026年11月27日 10:02，Support <support@demowallet.com> 写道：\n> 您好\n",
    )
    dovecot.append(first.as_bytes())

    out = fetch()

    ticket = Ticket.objects.get()
    assert f"uid 1: new ticket {ticket.reference} from carol@example.com" in out
    assert "1 new mails: 1 new tickets" in out
    assert ticket.channel == Channel.EMAIL and ticket.subject == "提现失败" and ticket.locale == "zh-hans"
    assert ticket.customer.email == "carol@example.com" and ticket.customer.name == "Carol"
    [message] = customer_messages(ticket)
    assert message.body == "我的提现两天了还没到账。"  # no quote, no "sent from my iPhone"
    assert message.external_id == first["Message-ID"] and message.channel == Channel.EMAIL
    state = MailboxState.objects.get()
    assert state.last_uid == 1 and state.uidvalidity


def test_the_next_poll_reads_only_the_mails_that_came_since(imap_settings, dovecot):
    dovecot.append(mail().as_bytes())
    fetch()
    dovecot.append(mail(sender="dave@example.com", subject="Deposit missing").as_bytes())

    out = fetch()

    assert "uid 1" not in out and "uid 2: new ticket" in out
    assert Ticket.objects.count() == 2 and MailboxState.objects.get().last_uid == 2
    assert "0 new mails" in fetch()


def test_a_first_poll_of_many_unread_mails_goes_on_where_it_stopped(imap_settings, dovecot):
    dovecot.append(mail(subject="read by a person before intake started").as_bytes())
    imap = dovecot.client()
    imap.select("INBOX")
    imap.uid("STORE", "1", "+FLAGS", r"(\Seen)")
    imap.logout()
    for n in range(3):
        dovecot.append(mail(subject=f"question {n}").as_bytes())

    outputs = []
    for _ in range(4):
        out = io.StringIO()
        call_command("mail", "fetch", "--limit", "2", stdout=out)
        outputs.append(out.getvalue())

    assert "uid 2: new ticket" in outputs[0] and "uid 3: new ticket" in outputs[0]
    assert "uid 4: new ticket" in outputs[1] and "0 new mails" in outputs[2]
    assert sorted(Ticket.objects.values_list("subject", flat=True)) == [
        "question 0",
        "question 1",
        "question 2",
    ]
    assert MailboxState.objects.get().last_uid == 4
    dovecot.append(mail(subject="question 3").as_bytes())
    assert "uid 5: new ticket" in fetch()


def test_a_reply_to_our_reply_threads_into_the_ticket(imap_settings, dovecot, smtp, agent):
    first = mail(subject="Withdrawal stuck")
    dovecot.append(first.as_bytes())
    fetch()
    ticket = Ticket.objects.get()

    reply = outbox.send(ticket=ticket, author=agent, body="Please send the transaction hash.")
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.SENT, reply.delivery_error
    [(to, sent)] = smtp.mails
    assert to == ["carol@example.com"]
    assert sent["Subject"] == f"Re: Withdrawal stuck [{ticket.reference}]"
    assert sent["In-Reply-To"] == first["Message-ID"] and sent["References"] == first["Message-ID"]
    assert sent["Message-ID"] == reply.external_id  # recorded: the customer's answer will name it
    assert sent["Auto-Submitted"] is None  # a person wrote it

    # The customer's client changed the subject: the headers alone thread it.
    answer = mail(
        subject="the hash",
        body="The transaction hash is 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\n\n"
        "On Fri, Nov 27, 2026 at 10:02 AM Support <support@demowallet.com> wrote:\n> Please send the hash.\n",
        headers={
            "In-Reply-To": sent["Message-ID"],
            "References": f"{first['Message-ID']} {sent['Message-ID']}",
        },
    )
    dovecot.append(answer.as_bytes())
    out = fetch()

    assert f"added to {ticket.reference}" in out
    assert Ticket.objects.count() == 1
    assert customer_messages(ticket)[-1].body.startswith("The transaction hash is 0x5c50")
    assert "wrote:" not in customer_messages(ticket)[-1].body

    # The next reply answers the customer's latest mail and carries the thread.
    outbox.send(ticket=ticket, author=agent, body="Thanks, it is on its way.")
    second = smtp.mails[-1][1]
    assert second["In-Reply-To"] == answer["Message-ID"]
    assert second["References"].split() == [first["Message-ID"], sent["Message-ID"], answer["Message-ID"]]

    # No headers at all (a new mail to the address), only the number in the subject: still threaded.
    dovecot.append(mail(subject=f"about [{ticket.reference}] again", body="Any news?").as_bytes())
    assert f"added to {ticket.reference}" in fetch()
    assert len(customer_messages(ticket)) == 3


def test_a_mail_without_a_reference_opens_a_new_ticket(imap_settings, dovecot):
    dovecot.append(mail(subject="Withdrawal stuck").as_bytes())
    dovecot.append(mail(subject="Another question").as_bytes())
    fetch()
    assert Ticket.objects.filter(customer__email="carol@example.com").count() == 2


def test_the_same_mail_twice_is_one_message(imap_settings, dovecot):
    raw = mail().as_bytes()
    dovecot.append(raw)
    dovecot.append(raw)  # delivered twice (a retrying mail server, a copy filed back)

    out = fetch()

    ticket = Ticket.objects.get()
    assert "uid 2: already stored in" in out
    assert len(customer_messages(ticket)) == 1

    # The mailbox rebuilt with new UIDs (a restored backup): read again, stored once.
    MailboxState.objects.update(uidvalidity=1)
    imap = dovecot.client()
    imap.select("INBOX")
    imap.uid("STORE", "1:*", "-FLAGS", r"(\Seen)")
    imap.logout()
    fetch()
    assert Message.objects.filter(author_kind=AuthorKind.CUSTOMER).count() == 1


def test_a_sender_quoting_another_customers_ticket_gets_a_new_ticket(imap_settings, dovecot, smtp, agent):
    alice_mail = mail(sender="alice@example.com", subject="My deposit")
    dovecot.append(alice_mail.as_bytes())
    fetch()
    alices = Ticket.objects.get()
    outbox.send(ticket=alices, author=agent, body="We are checking your deposit.")
    our_reply = smtp.mails[-1][1]

    # Mallory copies the thread headers and the ticket number of Alice's conversation.
    dovecot.append(
        mail(
            sender="mallory@example.net",
            subject=f"Re: My deposit [{alices.reference}]",
            body="Please send the refund to my new address.",
            headers={"In-Reply-To": our_reply["Message-ID"], "References": alice_mail["Message-ID"]},
        ).as_bytes()
    )
    out = fetch()

    mallorys = Ticket.objects.exclude(pk=alices.pk).get()
    assert f"new ticket {mallorys.reference} from mallory@example.net" in out
    assert mallorys.customer.email == "mallory@example.net" and mallorys.subject == "My deposit"
    assert len(customer_messages(alices)) == 1


def test_a_seed_phrase_in_the_body_and_an_attachment_name_is_redacted(imap_settings, dovecot, smtp):
    dovecot.append(
        mail(
            body=f"Is this my backup? {PHRASE}",
            attachments=[(f"{PHRASE}.png", PNG, "image", "png"), ("notes.txt", b"hello", "text", "plain")],
        ).as_bytes()
    )
    fetch()

    ticket = Ticket.objects.get()
    [message] = customer_messages(ticket)
    assert "abandon abandon" not in message.body and "[seed phrase removed]" in message.body
    assert "[Attachment not accepted: notes.txt" in message.body
    [attachment] = Attachment.objects.all()
    assert "abandon" not in attachment.filename and attachment.content_type == "image/png"
    assert ticket.secret_leaks == 2
    # The customer is told at once, by mail, marked as the desk's automatic answer.
    [(_to, warning)] = smtp.mails
    assert warning["Auto-Submitted"] == "auto-replied"
    assert warning["In-Reply-To"] == message.external_id
    assert "abandon abandon" not in warning.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    "robot",
    [
        {"headers": {"Auto-Submitted": "auto-replied"}, "subject": "Out of office"},
        {"headers": {"Precedence": "bulk"}},
        {"headers": {"X-Autoreply": "yes"}},
        {"sender": "MAILER-DAEMON@mx.example.com", "subject": "Undelivered Mail Returned to Sender"},
        {"sender": "support@demowallet.com"},  # our own mail coming back
    ],
)
def test_auto_replies_and_bounces_are_skipped(imap_settings, dovecot, smtp, robot):
    dovecot.append(mail(**robot).as_bytes())
    out = fetch()
    assert "uid 1: skipped" in out
    assert not Ticket.objects.exists() and smtp.mails == []
    assert MailboxState.objects.get().last_uid == 1  # not read again


def test_a_broken_mail_is_held_and_the_next_one_is_stored(imap_settings, dovecot, caplog):
    broken = f"Message-ID: <{PHRASE}@x>\r\nSubject: help\r\n\r\nno sender at all\r\n".encode()
    dovecot.append(broken)
    dovecot.append(mail().as_bytes())

    with caplog.at_level(logging.WARNING, logger="walletdesk.channels_email"):
        out = fetch()

    assert "uid 1: held no sender address" in out and "uid 2: new ticket" in out
    assert Ticket.objects.count() == 1
    held = HeldMail.objects.get()
    assert held.uid == 1 and held.reason == "no sender address"
    assert "abandon abandon" not in held.message_id
    assert dovecot.folder_uids(HELD_FOLDER) == [1]  # a copy for a person to look at
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "held" in logged and "abandon abandon" not in logged


def test_a_mail_with_only_a_subject_becomes_a_message(imap_settings, dovecot):
    dovecot.append(mail(subject="Cannot log in", body="").as_bytes())
    fetch()
    assert customer_messages(Ticket.objects.get())[0].body == "Cannot log in"


def test_an_html_mail_is_read_as_text(imap_settings, dovecot):
    html = (
        "<html><head><style>p{color:red}</style></head><body><p>My deposit&nbsp;is <b>missing</b>"
        "<script>alert(1)</script></p><div class=gmail_quote>On Fri, Nov 27, 2026 Support wrote:"
        "<blockquote>old</blockquote></div></body></html>"
    )
    message = mail(body="")
    message.clear_content()
    message.set_content(html, subtype="html")
    dovecot.append(message.as_bytes())
    fetch()
    body = customer_messages(Ticket.objects.get())[0].body
    assert body == "My deposit is missing"


def test_bad_credentials_exit_non_zero_with_a_sentence(imap_settings, capsys, monkeypatch):
    imap_settings.WALLETDESK_IMAP_PASSWORD = "wrong"
    # execute_from_command_line calls django.setup(), which configures logging again: the root
    # handler would write to this test's captured stderr, closed once the test ends (the canary
    # test then failed on it). Django is set up already.
    monkeypatch.setattr(django, "setup", lambda *args, **kwargs: None)
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["walletdesk", "mail", "fetch"])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err
    assert "refused the login of 'support@demowallet.com'" in err and "WALLETDESK_IMAP_PASSWORD" in err
    assert "Traceback" not in err


def test_an_unreachable_server_and_intake_off_are_said(imap_settings, dovecot):
    dovecot.stop()
    with pytest.raises(CommandError, match="Cannot reach the IMAP server 127.0.0.1:"):
        fetch()
    imap_settings.WALLETDESK_IMAP_HOST = ""
    with pytest.raises(CommandError, match="Email intake is off"):
        fetch()


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_mail_is_read_over_tls(settings, dovecot_tls, monkeypatch, security):
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot_tls.cert_file))  # the test's own authority
    settings.WALLETDESK_IMAP_HOST = "localhost"
    settings.WALLETDESK_IMAP_PORT = dovecot_tls.tls_port if security == "ssl" else dovecot_tls.port
    settings.WALLETDESK_IMAP_SSL = security
    settings.WALLETDESK_IMAP_USER, settings.WALLETDESK_IMAP_PASSWORD = dovecot_tls.user, dovecot_tls.password
    dovecot_tls.append(mail().as_bytes())
    assert "uid 1: new ticket" in fetch()


def test_a_certificate_nobody_vouches_for_is_refused(settings, dovecot_tls, monkeypatch):
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    settings.WALLETDESK_IMAP_HOST, settings.WALLETDESK_IMAP_PORT = "localhost", dovecot_tls.tls_port
    settings.WALLETDESK_IMAP_SSL = "ssl"
    settings.WALLETDESK_IMAP_USER, settings.WALLETDESK_IMAP_PASSWORD = dovecot_tls.user, dovecot_tls.password
    with pytest.raises(
        CommandError, match="Cannot reach the IMAP server localhost:.*certificate verify failed"
    ):
        fetch()


def test_the_periodic_task_runs_only_when_intake_is_configured(settings):
    import datetime

    from walletdesk.channels_email.tasks import _every_minute_when_configured

    moment = datetime.datetime(2026, 11, 27, 10, 2)
    settings.WALLETDESK_IMAP_HOST = ""
    assert not _every_minute_when_configured(moment)
    settings.WALLETDESK_IMAP_HOST = "imap.example.com"
    assert _every_minute_when_configured(moment)


def test_an_external_id_that_is_not_ours_names_no_reply():
    from walletdesk.tickets.notify import reply_pk_from_message_id

    assert reply_pk_from_message_id("<wd-reply-12@demowallet.com>") == 12
    assert reply_pk_from_message_id("<wd-reply-12@evil.example>") is None
    assert reply_pk_from_message_id(make_msgid()) is None
