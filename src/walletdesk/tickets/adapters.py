"""Channel adapters for outbound delivery. A new channel registers one adapter and nothing else.

An adapter's `deliver(message)` returns the channel's id for the sent message, raises DeliveryError
for a transient failure (the outbox retries) or DeliveryRejected for a permanent one. It may be
called twice for the same message (at-least-once), so it passes `message.pk` on as an idempotency
key where the channel supports one.
"""

from __future__ import annotations

from typing import Protocol

from walletdesk.tickets.models import Channel, Message


class ChannelAdapter(Protocol):
    def deliver(self, message: Message) -> str: ...


class InAppAdapter:
    """Portal, widget and API customers read replies in walletdesk itself: stored means delivered."""

    # The outbox marks such a reply sent in the transaction that stores it, with no queued task: a
    # task per chat reply cost the embedded worker more CPU than storing the reply itself.
    delivered_on_store = True

    def deliver(self, message: Message) -> str:
        return f"inapp-{message.pk}"


class EmailAdapter:
    """The reply goes out by SMTP to the address the customer left; the worker retries on failure."""

    def deliver(self, message: Message) -> str:
        from walletdesk.tickets.notify import reply_email_deliver

        return reply_email_deliver(message)


_adapters: dict[str, ChannelAdapter] = {
    Channel.EMAIL: EmailAdapter(),
    Channel.WEB: InAppAdapter(),
    Channel.WIDGET: InAppAdapter(),
    Channel.API: InAppAdapter(),
    Channel.PHONE: InAppAdapter(),
}


def adapter_register(channel: str, adapter: ChannelAdapter) -> None:
    _adapters[channel] = adapter


def adapter_get(channel: str) -> ChannelAdapter:
    return _adapters.get(channel) or _adapters[Channel.WEB]


def adapter_delivers_on_store(channel: str) -> bool:
    """The channel's customers read replies from walletdesk's own database (no outside service)."""
    return bool(getattr(adapter_get(channel), "delivered_on_store", False))
