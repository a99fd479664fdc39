"""The outbox's adapter for Channel.TELEGRAM (registered in apps.TelegramConfig.ready)."""

from __future__ import annotations

from walletdesk.tickets.models import Message


class TelegramAdapter:
    """sendMessage to the customer's private chat with the bot; services.reply_deliver says which
    failures the outbox retries and which are final."""

    def deliver(self, message: Message) -> str:
        from walletdesk.channels_telegram.services import reply_deliver

        return reply_deliver(message)
