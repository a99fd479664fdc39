"""The Telegram channel end to end against a local stand-in of the Bot API (botapi_standin): the
webhook and long polling in, the outbox's adapter out, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import logging
import socket
import struct
import time
import zlib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from walletdesk.accounts.models import Customer
from walletdesk.channels_telegram import services
from walletdesk.channels_telegram.botapi import BotApi, TelegramUnreachable
from walletdesk.channels_telegram.formatting import telegram_html
from walletdesk.core.markdown import markdown_render
from walletdesk.shield.services import warning_message
from walletdesk.tickets import outbox
from walletdesk.tickets.attachments import UploadedFile
from walletdesk.tickets.models import Attachment, AuthorKind, Channel, Delivery, Message, Ticket

from .botapi_standin import BotApiStandIn

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "wd-test_secret-0123456789"
WEBHOOK = "/channels/telegram/webhook/"
CHAT = 5550001
SEED = " ".join(["abandon"] * 11 + ["about"])


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")  # fmt: skip


@pytest.fixture
def bot(settings):
    standin = BotApiStandIn().start()
    settings.WALLETDESK_TELEGRAM_BOT_TOKEN = standin.token
    settings.WALLETDESK_TELEGRAM_API_BASE = standin.base
    settings.WALLETDESK_TELEGRAM_WEBHOOK_SECRET = SECRET
    yield standin
    standin.stop()


def _post(client, update, secret=SECRET):
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return client.post(WEBHOOK, data=update, content_type="application/json", headers=headers)


def _texts(bot) -> list[str]:
    return [params["text"] for params in bot.sent()]


# --- in ---------------------------------------------------------------------------------------
def test_a_text_opens_a_ticket_and_the_customer_hears_its_number(client, bot):
    update = bot.message_update(CHAT, "My USDT deposit has not arrived after two hours", queue=False)
    assert _post(client, update).status_code == 200
    ticket = Ticket.objects.get()
    customer = ticket.customer
    assert (ticket.channel, ticket.locale) == (Channel.TELEGRAM, "en")
    assert (customer.telegram_id, customer.name) == (str(CHAT), "Alice (@alice_w)")
    message = ticket.messages.get(author_kind=AuthorKind.CUSTOMER)
    assert message.external_id == f"{CHAT}:{update['message']['message_id']}"
    assert message.body.startswith("My USDT deposit")
    [ack] = bot.sent()
    assert ack["chat_id"] == str(CHAT) and ticket.reference in ack["text"]
    assert "seed phrase" in ack["text"]


def test_a_second_message_threads_into_the_open_ticket(client, bot):
    _post(client, bot.message_update(CHAT, "withdrawal stuck", queue=False))
    _post(client, bot.message_update(CHAT, "the txid is 0x" + "ab" * 32, queue=False))
    ticket = Ticket.objects.get()
    assert ticket.messages.filter(author_kind=AuthorKind.CUSTOMER).count() == 2
    assert len(bot.sent()) == 1  # one acknowledgement, for the ticket opened


def test_the_webhook_needs_no_csrf_token(bot):
    from django.test import Client

    update = bot.message_update(CHAT, "hello from Telegram's servers", queue=False)
    assert _post(Client(enforce_csrf_checks=True), update).status_code == 200
    assert Ticket.objects.count() == 1


def test_the_same_update_twice_is_one_message(client, bot):
    update = bot.message_update(CHAT, "hello, my account is frozen", queue=False)
    assert _post(client, update).status_code == 200
    assert _post(client, update).status_code == 200  # Telegram retrying a webhook it thinks failed
    assert Message.objects.filter(author_kind=AuthorKind.CUSTOMER).count() == 1
    assert len(bot.sent()) == 1


def test_a_photo_with_a_caption_is_attached_through_getfile(client, bot):
    png = _png()
    update = bot.message_update(
        CHAT, None, caption="screenshot of the error", photo=bot.photo_sizes(png), queue=False
    )
    assert _post(client, update).status_code == 200
    message = Message.objects.get(author_kind=AuthorKind.CUSTOMER)
    assert message.body == "screenshot of the error"
    [attachment] = Attachment.objects.filter(message=message)
    assert attachment.content_type == "image/png" and attachment.file.read() == png
    assert attachment.filename.startswith("photo-") and attachment.size == len(png)
    [get_file] = bot.sent("getFile")
    assert get_file["file_id"] == update["message"]["photo"][-1]["file_id"]  # the largest size


def test_a_document_of_a_refused_type_is_not_stored_and_the_customer_is_told(client, bot):
    file_id, unique = bot.file_add(b"MZ\x90\x00 not a picture", folder="documents", extension="exe")
    document = {"file_id": file_id, "file_unique_id": unique, "file_name": "wallet.exe", "file_size": 20}
    _post(client, bot.message_update(CHAT, None, caption="see file", document=document, queue=False))
    message = Message.objects.get(author_kind=AuthorKind.CUSTOMER)
    assert message.body == "see file" and not Attachment.objects.exists()
    assert any("cannot be attached" in text for text in _texts(bot))


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [
        ("zh-hans", ["助记词", "私钥", "/verify/", "/contact/"]),
        ("en", ["seed phrase", "private key", "/verify/"]),
    ],
)
def test_start_is_answered_with_a_welcome_in_the_users_language(client, bot, language_code, expected):
    _post(client, bot.message_update(CHAT, "/start", language_code=language_code, queue=False))
    [welcome] = _texts(bot)
    for fragment in expected:
        assert fragment in welcome
    assert not Ticket.objects.exists()


def test_zh_variants_of_the_client_language_are_chinese(client, bot):
    _post(client, bot.message_update(CHAT, "充值没有到账", language_code="zh-TW", queue=False))
    assert Ticket.objects.get().locale == "zh-hans"


def test_a_seed_phrase_is_redacted_deleted_from_the_chat_and_warned_about(client, bot):
    update = bot.message_update(CHAT, f"support asked me for my words: {SEED}", queue=False)
    _post(client, update)
    message = Message.objects.get(author_kind=AuthorKind.CUSTOMER)
    assert "abandon" not in message.body
    texts = _texts(bot)
    assert all("abandon abandon" not in text for text in texts)
    assert any("Security warning" in text and "seed phrase" in text for text in texts)
    warning = Message.objects.get(author_kind=AuthorKind.SYSTEM, body=warning_message(locale="en"))
    assert warning.delivery_status == Delivery.SENT, warning.delivery_error
    [deleted] = bot.sent("deleteMessage")
    assert deleted["message_id"] == update["message"]["message_id"]


def test_group_chats_are_ignored_and_a_command_there_gets_one_note(client, bot):
    assert _post(client, bot.message_update(-100200, "my wallet was drained", chat_type="supergroup", queue=False)).status_code == 200  # fmt: skip
    assert not Ticket.objects.exists() and bot.sent() == []
    _post(client, bot.message_update(-100200, "/start@DemoWalletSupportBot", chat_type="group", queue=False))
    _post(client, bot.message_update(-100200, "/help", chat_type="group", queue=False))
    [note] = _texts(bot)
    assert "private chat" in note
    assert not Customer.objects.exists()


# --- the webhook's door -------------------------------------------------------------------------
def test_the_webhook_refuses_a_wrong_or_missing_secret(client, bot):
    update = bot.message_update(CHAT, "hello", queue=False)
    assert _post(client, update, secret="wrong").status_code == 403
    assert _post(client, update, secret=None).status_code == 403
    assert _post(client, update, secret=SECRET[:-1] + "Ä").status_code == 403  # not even ASCII
    assert not Ticket.objects.exists()


def test_the_webhook_answers_bad_input_with_4xx(client, bot):
    assert client.get(WEBHOOK).status_code == 405
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    assert (
        client.post(WEBHOOK, data="{not json", content_type="application/json", headers=headers).status_code
        == 400
    )
    assert _post(client, {"message": {"text": "no update id"}}).status_code == 400
    assert _post(client, [1, 2]).status_code == 400
    assert _post(client, {"update_id": 5, "message": {"message_id": "x", "chat": {}}}).status_code == 400
    assert _post(client, {"update_id": 6, "edited_message": {}}).status_code == 200  # not read


def test_the_webhook_is_rate_limited_after_wrong_secrets(client, bot, settings):
    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    update = bot.message_update(CHAT, "hello", queue=False)
    statuses = [_post(client, update, secret="guess").status_code for _ in range(12)]
    assert statuses[:10] == [403] * 10 and statuses[10:] == [429, 429]


def test_the_webhook_is_off_without_a_token(client, bot, settings):
    settings.WALLETDESK_TELEGRAM_BOT_TOKEN = ""
    assert _post(client, bot.message_update(CHAT, "hello", queue=False)).status_code == 404


def test_the_webhook_refuses_everything_while_no_secret_is_set(client, bot, settings):
    settings.WALLETDESK_TELEGRAM_WEBHOOK_SECRET = ""
    assert _post(client, bot.message_update(CHAT, "hello", queue=False), secret="").status_code == 403


# --- polling ------------------------------------------------------------------------------------
def test_poll_once_takes_queued_updates_and_confirms_them(bot, capsys):
    bot.message_update(CHAT, "deposit missing")
    bot.message_update(CHAT, "any news?")
    bot.message_update(CHAT + 1, "/start", language_code="zh-hans")
    call_command("telegram", "poll", "--once")
    assert "3 update(s)" in capsys.readouterr().out
    assert (
        Ticket.objects.count() == 1 and Message.objects.filter(author_kind=AuthorKind.CUSTOMER).count() == 2
    )
    assert bot.allowed_updates == ["message"]
    call_command("telegram", "poll", "--once")
    assert "0 update(s)" in capsys.readouterr().out


def test_a_nul_character_from_getupdates_is_dropped(bot):
    bot.message_update(CHAT, "my deposit\x00 is missing", first_name="Al\x00ice")
    call_command("telegram", "poll", "--once")
    message = Message.objects.get(author_kind=AuthorKind.CUSTOMER)
    assert message.body == "my deposit is missing" and message.ticket.customer.name == "Alice (@alice_w)"


def test_poll_forever_waits_out_telegrams_trouble_and_goes_on(bot, monkeypatch):
    waits = []
    monkeypatch.setattr(services.time, "sleep", waits.append)
    bot.fail_next("getUpdates", 502, "Bad Gateway")
    bot.fail_next("getUpdates", 429, "Too Many Requests: retry after 7", retry_after=7)
    bot.message_update(CHAT, "deposit missing")
    rounds = iter([False, False, False, True])
    services.poll_forever(api=BotApi(), stop=lambda: next(rounds))
    assert waits == [1.0, 7.0]
    assert Message.objects.filter(author_kind=AuthorKind.CUSTOMER).count() == 1


def test_poll_refuses_with_a_sentence_while_a_webhook_is_set(bot):
    call_command("telegram", "set-webhook", "https://desk.example.com")
    with pytest.raises(CommandError, match="delete-webhook"):
        call_command("telegram", "poll", "--once")


# --- out ----------------------------------------------------------------------------------------
def _ticket(client, bot, text="my withdrawal is pending"):
    update = bot.message_update(CHAT, text, queue=False)
    _post(client, update)
    return Ticket.objects.get(), update["message"]["message_id"]


def test_an_agent_reply_is_delivered_as_telegram_html_quoting_the_customer(client, bot, agent):
    ticket, customer_message_id = _ticket(client, bot)
    reply = outbox.send(
        ticket=ticket, author=agent, body="**Done**: see [the checker](/verify/) and `0xabc`."
    )
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.SENT, reply.delivery_error
    sent = bot.sent()[-1]
    assert sent["parse_mode"] == "HTML"
    assert sent["text"] == '<b>Done</b>: see <a href="http://127.0.0.1:8000/verify/">the checker</a> and <code>0xabc</code>.'  # fmt: skip
    assert sent["reply_parameters"] == {
        "message_id": customer_message_id,
        "allow_sending_without_reply": True,
    }
    assert (
        reply.external_id.startswith(f"{CHAT}:")
        and int(reply.external_id.split(":")[1]) > customer_message_id
    )


def test_an_agents_attachment_is_sent_as_a_document(client, bot, agent):
    ticket, customer_message_id = _ticket(client, bot)
    png = _png()
    reply = outbox.send(
        ticket=ticket, author=agent, body="", attachments=[UploadedFile(filename="steps.png", content=png)]
    )
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.SENT, reply.delivery_error
    [sent] = bot.sent("sendDocument")
    assert sent["document"] == {"filename": "steps.png", "content": png, "type": "image/png"}
    assert sent["reply_parameters"]["message_id"] == customer_message_id
    assert len(bot.sent()) == 1  # the acknowledgement only: no empty text was sent


def test_a_429_is_retried_after_telegrams_retry_after(client, bot, agent):
    ticket, _ = _ticket(client, bot)
    bot.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    reply = outbox.send(ticket=ticket, author=agent, body="We are checking.")
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.PENDING and "retry after 1 s" in reply.delivery_error
    calls = len(bot.sent())
    outbox.deliver(message=reply)  # too early: Telegram is not asked again
    assert len(bot.sent()) == calls and reply.delivery_status == Delivery.PENDING
    time.sleep(1.1)
    outbox.deliver(message=reply)
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.SENT and reply.external_id


def test_a_5xx_is_retried(client, bot, agent):
    ticket, _ = _ticket(client, bot)
    bot.fail_next("sendMessage", 502, "Bad Gateway")
    reply = outbox.send(ticket=ticket, author=agent, body="We are checking.")
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.PENDING and "server error" in reply.delivery_error
    outbox.deliver(message=reply)
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.SENT


def test_a_blocked_bot_marks_the_reply_failed_with_the_reason(client, bot, agent):
    ticket, _ = _ticket(client, bot)
    bot.blocked.add(CHAT)
    reply = outbox.send(ticket=ticket, author=agent, body="Hello?")
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.FAILED
    assert "blocked the bot" in reply.delivery_error and "403" in reply.delivery_error
    calls = len(bot.sent())
    outbox.deliver(message=reply)  # final: no retry reaches Telegram
    assert len(bot.sent()) == calls


def test_a_long_reply_is_sent_in_pieces(client, bot, agent):
    ticket, _ = _ticket(client, bot)
    body = "\n\n".join(f"Step {n}: " + "check the network and the address. " * 20 for n in range(12))
    reply = outbox.send(ticket=ticket, author=agent, body=body)
    reply.refresh_from_db()
    assert reply.delivery_status == Delivery.SENT, reply.delivery_error
    pieces = bot.sent()[1:]
    assert len(pieces) >= 2 and all(len(p["text"]) <= 4096 for p in pieces)


def test_a_reply_while_the_channel_is_off_fails_with_the_reason(client, bot, agent, settings):
    ticket, _ = _ticket(client, bot)
    settings.WALLETDESK_TELEGRAM_BOT_TOKEN = ""
    reply = outbox.send(ticket=ticket, author=agent, body="Hello")
    reply.refresh_from_db()
    assert (
        reply.delivery_status == Delivery.FAILED and "WALLETDESK_TELEGRAM_BOT_TOKEN" in reply.delivery_error
    )


# --- commands -----------------------------------------------------------------------------------
def test_set_webhook_gives_telegram_the_url_and_the_secret(bot, capsys):
    call_command("telegram", "set-webhook", "https://desk.example.com")
    assert bot.webhook["url"] == "https://desk.example.com/channels/telegram/webhook/"
    assert bot.webhook["secret_token"] == SECRET and bot.webhook["allowed_updates"] == ["message"]
    assert "@DemoWalletSupportBot" in capsys.readouterr().out
    call_command("telegram", "delete-webhook")
    assert bot.webhook["url"] == ""


def test_set_webhook_says_why_it_cannot(bot, settings):
    with pytest.raises(CommandError, match="https"):
        call_command("telegram", "set-webhook", "http://desk.example.com")
    settings.WALLETDESK_TELEGRAM_BOT_TOKEN = "7012345678:AAE-revoked"
    with pytest.raises(CommandError, match="refused the bot token"):
        call_command("telegram", "set-webhook", "https://desk.example.com")
    settings.WALLETDESK_TELEGRAM_API_BASE = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(CommandError, match="cannot be reached") as refused:
        call_command("telegram", "set-webhook", "https://desk.example.com")
    assert "AAE-revoked" not in str(refused.value)
    settings.WALLETDESK_TELEGRAM_BOT_TOKEN = ""
    with pytest.raises(CommandError, match="is not set"):
        call_command("telegram", "poll", "--once")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the token stays out of logs ----------------------------------------------------------------
def test_the_bot_token_never_reaches_a_log_record(bot, caplog, settings):
    caplog.set_level(logging.DEBUG)
    BotApi().call("getMe")  # urllib3 logs the request line, with the URL, at DEBUG
    logging.getLogger("walletdesk.test").warning("calling %s", f"{bot.base}/bot{bot.token}/getMe")
    settings.WALLETDESK_TELEGRAM_API_BASE = f"http://127.0.0.1:{_closed_port()}"
    try:
        BotApi().call("getMe")
    except TelegramUnreachable:
        logging.getLogger("walletdesk.test").exception("Telegram down")
    assert caplog.records
    secret_part = bot.token.split(":")[1]
    for record in caplog.records:
        assert secret_part not in record.getMessage()
        assert secret_part not in (record.exc_text or "")
    assert any("<bot-token>" in record.getMessage() for record in caplog.records)


# --- formatting ---------------------------------------------------------------------------------
def test_markdown_becomes_html_telegram_accepts():
    body = "# Steps\n\n1. open **Assets**\n2. tap *Deposit*\n\n- a\n- b\n\n> quoted\n\n```\ncode <here>\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |"  # fmt: skip
    html, length = telegram_html(markdown_render(body))
    assert html.startswith("<b>Steps</b>\n\n1. open <b>Assets</b>\n2. tap <i>Deposit</i>")
    assert "• a\n• b" in html and "<blockquote>quoted</blockquote>" in html
    assert "<pre>code &lt;here&gt;\n</pre>" in html and "a | b" in html
    from .botapi_standin import _entities_text

    assert len(_entities_text(html)) == length


def test_locale_from_language_code():
    assert services.locale_from("zh-hans") == services.locale_from("zh-CN") == "zh-hans"
    assert services.locale_from("en") == services.locale_from("ru") == "en"
    assert services.locale_from(None) == services.locale_from("") == ""
