"""`walletdesk telegram poll | set-webhook URL | delete-webhook`: run the Telegram bot channel.

poll           long polling in this process (one process only: Telegram gives each update to one
               getUpdates consumer); --once does a single round without waiting and exits.
set-webhook    points Telegram at URL (https; a bare https://host gets /channels/telegram/webhook/)
               with WALLETDESK_TELEGRAM_WEBHOOK_SECRET as its secret token: the scale layout.
delete-webhook back to polling.
A bad token, an unreachable Bot API or a refused request exits non-zero with a sentence.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from walletdesk.channels_telegram import services
from walletdesk.channels_telegram.botapi import BotApi, TelegramError, TelegramUnreachable

WEBHOOK_PATH = "/channels/telegram/webhook/"
# What Telegram accepts as a secret_token (setWebhook): 1-256 of A-Z, a-z, 0-9, _ and -.
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Command(BaseCommand):
    help = "Run the Telegram bot channel: long polling, or setting the webhook."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTION")
        actions.required = True
        poll = actions.add_parser("poll", help="Receive updates by long polling (one process).")
        poll.add_argument("--once", action="store_true", help="One round without waiting, then exit.")
        hook = actions.add_parser("set-webhook", help="Have Telegram POST updates to URL.")
        hook.add_argument("url", help=f"https URL of this desk (its path defaults to {WEBHOOK_PATH})")
        actions.add_parser("delete-webhook", help="Stop the webhook (to poll instead).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not services.channel_on():
            raise CommandError("WALLETDESK_TELEGRAM_BOT_TOKEN is not set: the Telegram channel is off.")
        api = BotApi()
        try:
            if options["action"] == "poll":
                self._poll(api, once=options["once"])
            elif options["action"] == "set-webhook":
                self._set_webhook(api, options["url"])
            else:
                api.call("deleteWebhook")
                self.stdout.write("Webhook deleted: the bot can be polled now (walletdesk telegram poll).")
        except TelegramUnreachable as exc:
            raise CommandError(
                f"Telegram's Bot API at {api.base} cannot be reached ({exc}). "
                "Check the network or WALLETDESK_TELEGRAM_API_BASE."
            ) from None
        except TelegramError as exc:
            raise CommandError(_refusal(exc)) from None
        except services.PollConflict as exc:
            raise CommandError(
                f"Telegram will not hand updates to this process ({exc}). A webhook is set (run "
                "`walletdesk telegram delete-webhook` to poll instead) or another poller is running."
            ) from None

    def _poll(self, api: BotApi, *, once: bool) -> None:
        me = api.call("getMe")
        if once:
            offset, count = services.poll_once(api=api, offset=None, timeout=0)
            if count and offset is not None:
                # Telegram forgets updates only when asked for those after them.
                api.call("getUpdates", {"offset": offset, "limit": 1, "timeout": 0})
            self.stdout.write(f"@{me.get('username', '?')}: {count} update(s) handled.")
            return
        self.stdout.write(f"Polling Telegram as @{me.get('username', '?')}; Ctrl-C to stop.")
        try:
            services.poll_forever(api=api)
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")

    def _set_webhook(self, api: BotApi, url: str) -> None:
        secret = settings.WALLETDESK_TELEGRAM_WEBHOOK_SECRET
        if not secret:
            raise CommandError(
                "Set WALLETDESK_TELEGRAM_WEBHOOK_SECRET first: without it the webhook refuses every request."
            )
        if not _SECRET_RE.fullmatch(secret):
            raise CommandError(
                "WALLETDESK_TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - "
                "(what Telegram accepts as a secret token)."
            )
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise CommandError(f"{url!r} is not an https URL: Telegram sends webhooks over HTTPS only.")
        if parts.path in ("", "/"):
            url = url.rstrip("/") + WEBHOOK_PATH
        me = services.webhook_set(url=url, api=api)
        self.stdout.write(f"Webhook set for @{me.get('username', '?')}: {url}")


def _refusal(exc: TelegramError) -> str:
    if exc.error_code in (401, 404):
        return (
            f"Telegram refused the bot token ({exc.error_code} {exc.description}): "
            "check WALLETDESK_TELEGRAM_BOT_TOKEN (from @BotFather)."
        )
    return f"Telegram refused {exc.method}: {exc.error_code} {exc.description}"
