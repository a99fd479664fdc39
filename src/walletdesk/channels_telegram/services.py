"""Telegram as a support channel: a bot customers write to in a private chat.

Built against the real Bot API HTTP interface (https://core.telegram.org/bots/api: getMe,
getUpdates, setWebhook with secret_token, sendMessage, deleteMessage, getFile and the file
download) through botapi.BotApi. Telegram's servers cannot be reached from where this was built,
so the tests run it against a faithful local stand-in of that HTTP API on loopback
(tests/channels_telegram/botapi_standin.py: the same paths, the same JSON answers
`{"ok": true, "result": ...}` / `{"ok": false, "error_code", "description", "parameters"}`),
pointed at by WALLETDESK_TELEGRAM_API_BASE.

In: a webhook (views.webhook, the scale layout) or long polling in one process (`walletdesk
telegram poll`) hands each Update to `update_handle`, which makes it an InboundMessage for
tickets.inbox.receive: the text or caption, photos and documents downloaded through getFile,
external id "<chat_id>:<message_id>" (a replayed update is one message). Private chats only.
Out: adapters.TelegramAdapter, registered for Channel.TELEGRAM, calls `reply_deliver` from the
outbox's task; the outbox retries what `reply_deliver` calls transient.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext as _

from walletdesk.channels_telegram.botapi import (
    DOWNLOAD_LIMIT_BYTES,
    BotApi,
    FileTooLarge,
    TelegramError,
    TelegramUnreachable,
)
from walletdesk.channels_telegram.errors import TelegramOff, UpdateInvalid
from walletdesk.channels_telegram.formatting import TEXT_LIMIT, plain_chunks, telegram_html
from walletdesk.core.errors import DomainError
from walletdesk.tickets import outbox
from walletdesk.tickets.attachments import UploadedFile, attachment_check
from walletdesk.tickets.errors import AttachmentRejected, DeliveryError, DeliveryRejected, MessageEmpty
from walletdesk.tickets.inbox import InboundMessage, Received, receive
from walletdesk.tickets.models import AuthorKind, Channel, Message, Ticket

log = logging.getLogger(__name__)

# Only what the desk reads: no edits, reactions, callback queries or member updates are sent.
ALLOWED_UPDATES = ["message"]
POLL_TIMEOUT_SECONDS = 50
# A group is told once an hour at most that support happens in a private chat.
GROUP_NOTE_EVERY_SECONDS = 3600
# A sent piece of a reply is remembered this long: an outbox retry after a crash between sending
# and marking it sent does not send the customer the same text twice (Telegram has no idempotency key).
SENT_MEMORY_SECONDS = 86400
_COMMANDS_WELCOME = {"/start", "/help"}


def channel_on() -> bool:
    return bool(settings.WALLETDESK_TELEGRAM_BOT_TOKEN)


def locale_from(language_code: Any) -> str:
    """Telegram's IETF tag of the user's client ('zh-hans', 'zh-CN', 'en', 'ru' ...) as a locale
    the desk ships; '' when the client sent none (the customer's own locale then applies)."""
    if not isinstance(language_code, str) or not language_code:
        return ""
    return "zh-hans" if language_code.lower().startswith("zh") else "en"


# --- intake -----------------------------------------------------------------------------------
@dataclass
class Handled:
    """What became of one update: `kind` is message, duplicate, welcome or ignored."""

    kind: str
    received: Received | None = None
    reason: str = ""


@dataclass(frozen=True)
class _FileRef:
    file_id: str
    filename: str
    size: int | None


def update_handle(update: Any, *, api: BotApi | None = None) -> Handled:
    """One Update, from the webhook or from getUpdates. Raises UpdateInvalid for what is not an
    Update at all; anything else the desk does not take is answered politely and ignored."""
    if not channel_on():
        raise TelegramOff()
    api = api or BotApi()
    message = _update_message(update)
    if message is None:
        return Handled("ignored", reason="not a new message")
    chat, sender = message["chat"], message.get("from")
    if chat.get("type") != "private":
        _group_note(api, message)
        return Handled("ignored", reason="not a private chat")
    if not isinstance(sender, dict) or not isinstance(sender.get("id"), int) or sender.get("is_bot"):
        return Handled("ignored", reason="not from a person")
    locale = locale_from(sender.get("language_code"))
    chat_id = chat["id"]
    text = message.get("text") if isinstance(message.get("text"), str) else message.get("caption")
    # PostgreSQL text cannot hold NUL; the webhook's middleware refuses it, getUpdates brings it as is.
    text = text.replace("\x00", "") if isinstance(text, str) else ""
    if _command(text) in _COMMANDS_WELCOME:
        _say(api, chat_id, welcome_text(locale))
        return Handled("welcome")
    external_id = f"{chat_id}:{message['message_id']}"
    telegram_id = str(sender["id"])
    if _already_received(telegram_id, external_id):  # before downloading its files again
        return Handled("duplicate")
    refs = _file_refs(message)
    if not text.strip() and not refs:
        _say(api, chat_id, _in(locale, _unsupported_text))
        return Handled("ignored", reason="nothing the desk can read")
    attachments = _download(api, chat_id, refs, locale)
    try:
        received = receive(
            InboundMessage(
                channel=Channel.TELEGRAM,
                body=text,
                telegram_id=telegram_id,
                name=_name(sender),
                external_id=external_id,
                locale=locale,
                attachments=attachments,
            )
        )
    except MessageEmpty:  # only files, none of which could be taken: the customer was told
        return Handled("ignored", reason="no text and no usable file")
    if received.duplicate:
        return Handled("duplicate", received=received)
    if received.secrets_found:
        # The words stay in the customer's Telegram history (and Telegram's cloud) otherwise;
        # a bot may delete a user's message in its private chat within 48 hours.
        _call_quietly(api, "deleteMessage", {"chat_id": chat_id, "message_id": message["message_id"]})
    if received.ticket_created:
        ticket = received.ticket
        outbox.send(
            ticket=ticket,
            author=None,
            author_kind=AuthorKind.SYSTEM,
            body=_in(ticket.locale, lambda: _acknowledgement(ticket.reference)),
        )
    return Handled("message", received=received)


def _update_message(update: Any) -> dict[str, Any] | None:
    if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
        raise UpdateInvalid()
    message = update.get("message")
    if message is None:
        return None
    if (
        not isinstance(message, dict)
        or not isinstance(message.get("message_id"), int)
        or not isinstance(message.get("chat"), dict)
        or not isinstance(message["chat"].get("id"), int)
    ):
        raise UpdateInvalid()
    return message


def _command(text: str) -> str:
    """'/start@DemoWalletBot payload' -> '/start'."""
    if not text.startswith("/"):
        return ""
    return text.split(maxsplit=1)[0].split("@", 1)[0].lower()


def _name(sender: dict[str, Any]) -> str:
    name = " ".join(str(sender.get(key) or "").strip() for key in ("first_name", "last_name")).strip()
    if sender.get("username"):
        name = f"{name} (@{sender['username']})".strip()
    return name.replace("\x00", "")[:200]


def _already_received(telegram_id: str, external_id: str) -> bool:
    return Message.objects.filter(
        channel=Channel.TELEGRAM, external_id=external_id, customer__telegram_id=telegram_id
    ).exists()


def _file_refs(message: dict[str, Any]) -> list[_FileRef]:
    refs = []
    photos = [p for p in message.get("photo") or [] if isinstance(p, dict) and p.get("file_id")]
    if photos:
        # Telegram lists the sizes of one photo, smallest first: the largest the desk takes.
        limit = _size_limit()
        fitting = [p for p in photos if (p.get("file_size") or 0) <= limit] or photos[:1]
        best = max(fitting, key=lambda p: (p.get("width") or 0) * (p.get("height") or 0))
        unique = str(best.get("file_unique_id") or message["message_id"])
        refs.append(_FileRef(str(best["file_id"]), f"photo-{unique}.jpg", best.get("file_size")))
    document = message.get("document")
    if isinstance(document, dict) and document.get("file_id"):
        name = str(document.get("file_name") or f"document-{message['message_id']}")
        refs.append(_FileRef(str(document["file_id"]), name, document.get("file_size")))
    return refs


def _size_limit() -> int:
    return min(settings.WALLETDESK_MAX_ATTACHMENT_BYTES, DOWNLOAD_LIMIT_BYTES)


def _download(api: BotApi, chat_id: int, refs: list[_FileRef], locale: str) -> list[UploadedFile]:
    """The files the desk can take; the customer hears about each one it cannot."""
    uploads = []
    for ref in refs:
        try:
            if isinstance(ref.size, int) and ref.size > _size_limit():
                raise FileTooLarge()
            described = api.call("getFile", {"file_id": ref.file_id})
            if not isinstance(described, dict) or not described.get("file_path"):
                raise FileTooLarge()  # Telegram gives no path for a file a bot may not download
            content = api.file_download(str(described["file_path"]), max_bytes=_size_limit())
            upload = UploadedFile(filename=ref.filename, content=content)
            attachment_check(upload)
        except (FileTooLarge, AttachmentRejected):
            _say(api, chat_id, _in(locale, _file_rejected_text))
        except (TelegramError, TelegramUnreachable) as exc:
            # Telegram keeps a file for the customer to send again; the message's text is stored
            # now rather than held back (or lost) while Telegram cannot hand over the file.
            log.warning("Telegram file %s could not be downloaded: %s", ref.filename, exc)
            _say(api, chat_id, _in(locale, _file_failed_text))
        else:
            uploads.append(upload)
    return uploads


def _group_note(api: BotApi, message: dict[str, Any]) -> None:
    """In a group the bot answers only a command addressed to it, once an hour, and says where
    support happens: a conversation about someone's wallet does not belong in a group."""
    text = message.get("text")
    chat_id = message["chat"]["id"]
    if not isinstance(text, str) or not _command(text):
        return
    if not cache.add(f"telegram:group-note:{chat_id}", 1, timeout=GROUP_NOTE_EVERY_SECONDS):
        return
    locale = locale_from((message.get("from") or {}).get("language_code"))
    _say(api, chat_id, _in(locale, _group_text))


# --- what the bot says ------------------------------------------------------------------------
def _in(locale: str, text: Any) -> str:
    with translation.override(locale or settings.LANGUAGE_CODE):
        return text()


def welcome_text(locale: str) -> str:
    """The answer to /start: what the bot is for, what support never asks, how to check a contact."""

    def text() -> str:
        brand = settings.BRAND_NAME
        return "\n\n".join(
            [
                _(
                    "Welcome to %(brand)s support. Write your question here (text, screenshots or a PDF) "
                    "and an agent will answer you in this chat."
                )
                % {"brand": brand},
                _(
                    "%(brand)s support will never ask for your seed phrase (recovery words), private key "
                    "or password, and never asks you to send funds to “verify” a wallet. Anyone who does "
                    "is a scammer, even with our name and logo."
                )
                % {"brand": brand},
                _(
                    "To check that an account, a bot (this one too), a website, an email address or a "
                    "phone number is really ours, paste it on %(verify)s. All official contacts: %(contacts)s"
                )
                % {"verify": f"{settings.SITE_URL}/verify/", "contacts": f"{settings.SITE_URL}/contact/"},
            ]
        )

    return _in(locale, text)


def _acknowledgement(reference: str) -> str:
    return _(
        "We received your request %(ref)s. An agent will answer you in this chat. We will never ask "
        "for your seed phrase or private key."
    ) % {"ref": reference}


def _unsupported_text() -> str:
    return _("I can read text, photos and documents (images or PDF). Please describe your question in words.")


def _file_rejected_text() -> str:
    return _("This file cannot be attached: images (PNG, JPEG, GIF, WebP) and PDF up to %(mb)s MB only.") % {
        "mb": _size_limit() // (1024 * 1024)
    }


def _file_failed_text() -> str:
    return _("We could not receive your file from Telegram. Please send it again.")


def _group_text() -> str:
    return _(
        "I answer support questions in a private chat only: open a chat with me and write there. "
        "Support never asks for your seed phrase or private key, in a group or anywhere else."
    )


def _say(api: BotApi, chat_id: int, text: str) -> None:
    """A message from the bot outside any ticket (welcome, notices): best effort."""
    _call_quietly(
        api, "sendMessage", {"chat_id": chat_id, "text": text, "link_preview_options": {"is_disabled": True}}
    )


def _call_quietly(api: BotApi, method: str, params: dict[str, Any]) -> Any:
    try:
        return api.call(method, params)
    except (TelegramError, TelegramUnreachable) as exc:
        log.warning("Telegram %s failed: %s", method, exc)
        return None


# --- outbound ---------------------------------------------------------------------------------
def reply_deliver(message: Message) -> str:
    """Send one reply (an agent's, or a system message such as the shield's warning) to the
    customer's chat; return "<chat_id>:<message_id>" of what Telegram stored.

    DeliveryError (flood control, Telegram's 5xx, no answer) is retried by the outbox;
    DeliveryRejected (the bot was blocked, the chat is gone, the token is refused) is final and
    its text is what the agent sees beside the reply."""
    if not channel_on():
        raise DeliveryRejected("Telegram is off here: WALLETDESK_TELEGRAM_BOT_TOKEN is not set")
    # One query for the chat (the ticket's customer); message.ticket.customer would be two.
    chat_id = (
        Ticket.objects.filter(pk=message.ticket_id).values_list("customer__telegram_id", flat=True).first()
    )
    if not chat_id:
        raise DeliveryRejected("the customer has no Telegram chat with the bot")
    wait = flood_wait_left(chat_id)
    if wait:
        raise DeliveryError(
            f"Telegram flood control: {wait} s left before this chat may be sent to again", retry_after=wait
        )
    api = BotApi()
    pieces: list[tuple[str, str | None]] = []
    if message.body.strip():
        html, length = telegram_html(message.body_html)
        if html.strip() and length <= TEXT_LIMIT:
            pieces = [(html, "HTML")]
        else:
            pieces = [(chunk, None) for chunk in plain_chunks(message.body)]
    attachments = list(message.attachments.all())
    if not pieces and not attachments:
        raise DeliveryRejected("the reply has no text Telegram can show")
    reply_to = _customer_last_message_id(message.ticket_id, chat_id)
    sent_ids = []
    for index, (text, parse_mode) in enumerate(pieces):
        sent_ids.append(
            _once(
                message,
                f"text{index}",
                lambda text=text, mode=parse_mode, quoted=reply_to: _send_piece(
                    api, chat_id, text, mode, quoted, message
                ),
            )
        )
        reply_to = None  # the first piece quotes the customer; the rest follow it
    for index, attachment in enumerate(attachments):
        sent_ids.append(
            _once(
                message,
                f"file{index}",
                lambda item=attachment, quoted=reply_to: _send_file(api, chat_id, item, quoted),
            )
        )
        reply_to = None
    return f"{chat_id}:{sent_ids[0]}"


def _once(message: Message, part: str, send: Any) -> int:
    """Send one part of a reply unless an earlier attempt already did (see SENT_MEMORY_SECONDS)."""
    key = f"telegram:sent:{message.pk}:{part}"
    sent_id = cache.get(key)
    if sent_id is None:
        sent_id = send()
        cache.set(key, sent_id, timeout=SENT_MEMORY_SECONDS)
    return sent_id


def _send_file(api: BotApi, chat_id: str, attachment: Any, reply_to: int | None) -> int:
    """An agent's attachment as a document (sendDocument keeps the file as it was, a photo would be
    recompressed). The bytes are read from storage: the desk's files are not on a public URL."""
    with attachment.file.open("rb") as handle:
        content = handle.read()
    params: dict[str, Any] = {"chat_id": chat_id}
    if reply_to:
        params["reply_parameters"] = {"message_id": reply_to, "allow_sending_without_reply": True}
    try:
        sent = api.upload(
            "sendDocument",
            params,
            field="document",
            filename=attachment.filename,
            content=content,
            content_type=attachment.content_type,
        )
    except TelegramError as exc:
        raise _delivery_failure(exc, chat_id) from None
    except TelegramUnreachable as exc:
        raise DeliveryError(f"Telegram's Bot API did not answer ({exc})") from None
    return _sent_message_id(sent, "sendDocument")


def _sent_message_id(sent: Any, method: str) -> int:
    if not isinstance(sent, dict) or not isinstance(sent.get("message_id"), int):
        raise DeliveryError(f"Telegram's answer to {method} had no message id")
    return sent["message_id"]


def _send_piece(
    api: BotApi, chat_id: str, text: str, parse_mode: str | None, reply_to: int | None, message: Message
) -> int:
    params: dict[str, Any] = {
        "chat_id": chat_id,
        "text": text,
        "parse_mode": parse_mode,
        "link_preview_options": {"is_disabled": True},
    }
    if reply_to:
        params["reply_parameters"] = {"message_id": reply_to, "allow_sending_without_reply": True}
    try:
        sent = api.call("sendMessage", params)
    except TelegramError as exc:
        if parse_mode and exc.error_code == 400 and "parse entities" in exc.description:
            # Our markup should always parse; if it ever does not, the customer still gets the words.
            log.warning("Telegram refused the HTML of message %s (%s); sent as plain text", message.pk, exc)
            return _send_piece(api, chat_id, plain_chunks(message.body)[0], None, reply_to, message)
        raise _delivery_failure(exc, chat_id) from None
    except TelegramUnreachable as exc:
        raise DeliveryError(f"Telegram's Bot API did not answer ({exc})") from None
    return _sent_message_id(sent, "sendMessage")


def _delivery_failure(exc: TelegramError, chat_id: str) -> Exception:
    said = f"(Telegram: {exc.error_code} {exc.description})"
    if exc.error_code == 429:
        wait = max(int(exc.retry_after or 1), 1)
        cache.set(f"telegram:flood:{chat_id}", time.time() + wait, timeout=wait + 1)
        return DeliveryError(f"Telegram flood control: retry after {wait} s {said}", retry_after=wait)
    if exc.error_code >= 500:
        return DeliveryError(f"Telegram had a server error {said}")
    if exc.error_code == 403:
        return DeliveryRejected(
            f"The customer blocked the bot or deleted the chat: Telegram will not deliver to them {said}"
        )
    if exc.error_code in (401, 404):
        return DeliveryRejected(f"Telegram refused the bot token: check WALLETDESK_TELEGRAM_BOT_TOKEN {said}")
    if "chat not found" in exc.description.lower():
        return DeliveryRejected(f"Telegram does not know this chat {said}")
    return DeliveryRejected(f"Telegram refused the message {said}")


def flood_wait_left(chat_id: str) -> int:
    """Seconds Telegram's last 429 for this chat still asks to wait (retry_after), 0 when none."""
    until = cache.get(f"telegram:flood:{chat_id}")
    if not until:
        return 0
    left = until - time.time()
    return int(left) + 1 if left > 0 else 0


def _customer_last_message_id(ticket_id: int, chat_id: str) -> int | None:
    """The customer's last message in this ticket, which the reply quotes in Telegram."""
    external_id = (
        Message.objects.filter(
            ticket_id=ticket_id,
            author_kind=AuthorKind.CUSTOMER,
            channel=Channel.TELEGRAM,
            external_id__startswith=f"{chat_id}:",
        )
        .order_by("-id")
        .values_list("external_id", flat=True)
        .first()
    )
    if not external_id:
        return None
    tail = external_id.rpartition(":")[2]
    return int(tail) if tail.isascii() and tail.isdigit() else None


# --- polling and the webhook ------------------------------------------------------------------
class PollConflict(Exception):
    """Another getUpdates consumer or a webhook holds the bot's updates."""


def poll_once(
    *, api: BotApi, offset: int | None, timeout: int = POLL_TIMEOUT_SECONDS
) -> tuple[int | None, int]:
    """One getUpdates round: handle what came and return the next offset (which confirms them to
    Telegram on the next call) and how many came. An update is confirmed only once handled or
    refused as unusable; a database that is down stops the round (that update comes again)."""
    try:
        updates = api.call(
            "getUpdates",
            {"offset": offset, "timeout": timeout, "allowed_updates": ALLOWED_UPDATES},
            timeout=timeout + 10,
        )
    except TelegramError as exc:
        if exc.error_code == 409:
            raise PollConflict(exc.description) from None
        raise
    if not isinstance(updates, list):
        raise TelegramUnreachable("getUpdates: the answer is not a list of updates")
    for update in updates:
        update_id = update.get("update_id") if isinstance(update, dict) else None
        try:
            update_handle(update, api=api)
        except DatabaseError:
            raise
        except DomainError as exc:
            log.warning("Telegram update %s refused: %s", update_id, exc.message)
        if isinstance(update_id, int):
            offset = update_id + 1
    return offset, len(updates)


def poll_forever(*, api: BotApi, stop: Any = lambda: False) -> None:
    """Long polling for one process. Trouble on the way (Telegram unreachable, its 5xx or flood
    control, the database down) waits and tries again, doubling the wait up to a minute."""
    offset: int | None = None
    backoff = 1.0
    while not stop():
        try:
            offset, _count = poll_once(api=api, offset=offset)
            backoff = 1.0
            continue
        except TelegramError as exc:
            if not exc.transient:
                raise
            wait = float(exc.retry_after or backoff)
            log.warning("Telegram getUpdates: %s; trying again in %.0f s", exc, wait)
        except (TelegramUnreachable, DatabaseError) as exc:
            wait = backoff
            log.warning("Telegram polling paused: %s; trying again in %.0f s", exc, wait)
        time.sleep(wait)
        backoff = min(backoff * 2, 60.0)


def webhook_set(*, url: str, api: BotApi | None = None) -> dict[str, Any]:
    """Point Telegram at our webhook with the secret it must send back; return the bot (getMe)."""
    api = api or BotApi()
    me = api.call("getMe")
    api.call(
        "setWebhook",
        {
            "url": url,
            "secret_token": settings.WALLETDESK_TELEGRAM_WEBHOOK_SECRET,
            "allowed_updates": ALLOWED_UPDATES,
        },
    )
    return me if isinstance(me, dict) else {}
