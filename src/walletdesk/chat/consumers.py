"""The widget's WebSocket: parse, call chat services, forward the customer's own events.

A widget socket only ever joins its own customer's group, decided by the server from the verified
identity token or the browser's visitor token; nothing the client sends names a group."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlsplit

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation

from walletdesk.chat import selectors, services
from walletdesk.chat.dispatch import DirectDispatchMixin
from walletdesk.chat.errors import error_message
from walletdesk.chat.session import widget_session_sign
from walletdesk.core.errors import DomainError
from walletdesk.core.ratelimit import rate_limit_hit
from walletdesk.tickets.events import customer_group, ticket_group

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN_ORIGIN = 4403
TYPING_PREVIEW_CHARS = 120


def widget_origin_allowed(scope: dict) -> bool:
    """Browsers send Origin: the walletdesk page itself (the iframe) or a configured host page."""
    headers = dict(scope.get("headers") or [])
    origin = headers.get(b"origin", b"").decode("latin-1").rstrip("/")
    if not origin:
        return False
    allowed = {o.rstrip("/") for o in settings.WALLETDESK_WIDGET_ORIGINS} | {settings.SITE_URL}
    if origin in allowed:
        return True
    host = headers.get(b"host", b"").decode("latin-1")
    return bool(host) and urlsplit(origin).netloc == host  # same origin as the server


def _typing_preview(text: str, locale: str) -> str:
    from walletdesk.shield import services as shield

    return shield.text_redact(text=text[:TYPING_PREVIEW_CHARS], locale=locale).text


class WidgetConsumer(DirectDispatchMixin, AsyncJsonWebsocketConsumer):
    customer: Any = None
    ticket_id: int | None = None
    locale: str = "zh-hans"
    seen_written: float = 0.0  # monotonic time customer_seen_at was last written from this socket

    async def connect(self) -> None:
        if not widget_origin_allowed(self.scope):
            await self.close(code=CLOSE_FORBIDDEN_ORIGIN)
            return
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.customer is not None:
            await self.channel_layer.group_discard(customer_group(self.customer.pk), self.channel_name)

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any
    ) -> None:
        try:
            content = json.loads(text_data or "")
        except ValueError:
            content = None
        if not isinstance(content, dict):
            await self.send_json({"type": "error", "code": "bad_json", "message": "Send one JSON object."})
            return
        await self.receive_json(content)

    async def receive_json(self, content: dict, **kwargs: Any) -> None:
        kind = content.get("type")
        if kind == "ping":
            await self.send_json({"type": "pong", "t": content.get("t")})
            await self._customer_seen()
            return
        if self.customer is None and kind != "hello":
            await self.send_json({"type": "error", "code": "hello_first", "message": "Say hello first."})
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        handler = {
            "hello": self.on_hello,
            "message": self.on_message,
            "typing": self.on_typing,
            "read": self.on_read,
            "rate": self.on_rate,
            "queue": self.on_queue,
        }.get(str(kind))
        if handler is None:
            await self.send_json(
                {"type": "error", "code": "unknown_type", "message": f"Unknown type {kind!r}."}
            )
            return
        try:
            # The handlers' own sentences (a field's reason) are made in the database thread:
            # Django's translation state is context-local, so the override reaches it.
            with translation.override(self.locale):
                await handler(content)
        except DomainError as exc:
            with translation.override(self.locale):
                await self.send_json(
                    {
                        "type": "error",
                        "code": exc.code,
                        "message": error_message(exc, self.locale),
                        "fields": exc.fields,
                        "client_id": content.get("client_id"),
                    }
                )

    async def _customer_seen(self, *, force: bool = False) -> None:
        if self.customer is None:
            return
        now = time.monotonic()
        if force or now - self.seen_written >= services.CUSTOMER_SEEN_WRITE_EVERY:
            self.seen_written = now
            await database_sync_to_async(services.chat_customer_seen)(customer=self.customer)

    # --- handlers --------------------------------------------------------------------------------
    async def on_hello(self, content: dict) -> None:
        if self.customer is not None:
            return
        self.locale = services.locale_clean(content.get("locale"))
        try:
            customer = await database_sync_to_async(services.widget_customer_resolve)(
                identity_token=str(content.get("identity") or "") or None,
                visitor_token=str(content.get("visitor") or "") or None,
                locale=self.locale,
            )
        except DomainError as exc:
            with translation.override(self.locale):
                await self.send_json(
                    {"type": "error", "code": exc.code, "message": error_message(exc, self.locale)}
                )
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.customer = customer
        await self.channel_layer.group_add(customer_group(customer.pk), self.channel_name)
        await self._customer_seen(force=True)  # a reconnect within CUSTOMER_GONE_AFTER keeps the place
        since = content.get("since")
        state = await database_sync_to_async(selectors.widget_state_get)(
            customer=customer, since_id=since if isinstance(since, int) else 0
        )
        if state["ticket"]:
            self.ticket_id = state["ticket"]["id"]
        await self.send_json(
            {
                "type": "welcome",
                "session": widget_session_sign(customer=customer),
                "identified": bool(customer.wallet_uid),
                "name": customer.name,
                "email": customer.email,
                **state,
            }
        )

    async def on_message(self, content: dict) -> None:
        await database_sync_to_async(rate_limit_hit)(
            scope="chat-message", key=str(self.customer.pk), limit=settings.WALLETDESK_RATE_LIMIT_CUSTOMER
        )
        intake = content.get("intake")
        result = await database_sync_to_async(services.chat_message_receive)(
            customer=self.customer,
            body=str(content.get("body") or ""),
            client_id=str(content.get("client_id") or ""),
            locale=self.locale,
            category_slug=str(content.get("category") or "") or None,
            intake=intake if isinstance(intake, dict) else None,
        )
        self.ticket_id = result.received.ticket.pk
        payload = await database_sync_to_async(_message_payload)(result.received.message)
        category = await database_sync_to_async(_ticket_category)(result.received.ticket)
        await self.send_json(
            {
                "type": "ack",
                "client_id": content.get("client_id"),
                "message": payload,
                "ticket_id": self.ticket_id,
                "duplicate": result.duplicate,
                # Chosen or found by triage ("my account was stolen"): the widget shows a theft
                # victim the urgent steps either way.
                "category": category,
            }
        )

    async def on_typing(self, content: dict) -> None:
        if self.ticket_id is None:
            return
        state = bool(content.get("state"))
        preview = str(content.get("preview") or "") if state else ""
        if preview:
            # Pure text work: not on the ORM thread, where it would queue behind stored replies.
            preview = await sync_to_async(_typing_preview, thread_sensitive=False)(preview, self.locale)
        event = {"type": "chat.typing", "side": "customer", "ticket_id": self.ticket_id, "state": state}
        event["preview"] = preview
        await self.channel_layer.group_send(
            ticket_group(self.ticket_id), {"type": "wd.event", "event": event}
        )

    async def on_read(self, content: dict) -> None:
        upto = content.get("upto")
        if not isinstance(upto, int) or self.ticket_id is None:
            return
        await database_sync_to_async(_read_mark)(self.customer, upto)

    async def on_rate(self, content: dict) -> None:
        ticket = await database_sync_to_async(_customer_ticket)(
            self.customer, content.get("ticket_id") or self.ticket_id
        )
        await database_sync_to_async(services.chat_rate)(
            ticket=ticket, rating=content.get("rating"), comment=str(content.get("comment") or "")
        )
        await self.send_json({"type": "rated", "ticket_id": ticket.pk})

    async def on_queue(self, content: dict) -> None:
        state = await database_sync_to_async(selectors.widget_state_get)(
            customer=self.customer, since_id=2**62
        )
        await self.send_json(
            {
                "type": "chat.queue",
                "ticket_id": self.ticket_id,
                **(state["queue"] or {}),
                "availability": state["availability"],
            }
        )

    # --- events from the customer's group ----------------------------------------------------------
    async def wd_event(self, message: dict) -> None:
        event = message.get("event") or {}
        kind = event.get("type", "")
        ticket_id = _event_ticket_id(event)
        if kind in ("chat.state", "chat.queue") and ticket_id:
            self.ticket_id = ticket_id  # another tab started the chat: follow it
        if ticket_id is None or ticket_id != self.ticket_id:
            return
        if kind == "chat.typing" and event.get("side") != "agent":
            return
        if kind == "ticket.changed" and event.get("ticket", {}).get("status") in ("solved", "closed"):
            await database_sync_to_async(services.conversation_end_for_ticket)(ticket_id=ticket_id)
        if kind in (
            "message.added",
            "ticket.changed",
            "chat.state",
            "chat.queue",
            "chat.read",
            "chat.typing",
        ):
            await self.send_json(event)


def _event_ticket_id(event: dict) -> int | None:
    for candidate in (
        event.get("ticket_id"),
        (event.get("message") or {}).get("ticket_id"),
        (event.get("ticket") or {}).get("id"),
        (event.get("conversation") or {}).get("ticket_id"),
    ):
        if isinstance(candidate, int):
            return candidate
    return None


def _ticket_category(ticket: Any) -> str | None:
    return ticket.category.slug if ticket.category_id else None


def _message_payload(message: Any) -> dict:
    from walletdesk.tickets.events import message_payload

    return message_payload(message)


def _read_mark(customer: Any, upto: int) -> None:
    conversation = selectors.conversation_current_for_customer(customer=customer)
    if conversation is not None:
        services.conversation_read(conversation=conversation, side="customer", upto=upto)


def _customer_ticket(customer: Any, ticket_id: Any) -> Any:
    from walletdesk.tickets.selectors import ticket_get_for_customer

    return ticket_get_for_customer(customer=customer, ticket_id=ticket_id if ticket_id is not None else 0)
