"""The agent console's WebSocket: live inbox, the open ticket's live view (customer typing, viewers,
collision warning), presence, and chat actions. It parses and calls chat/tickets services only.

Auth: the console session (cookie), an active agent, and TOTP passed unless WALLETDESK_REQUIRE_2FA
is off. The route is wrapped in AllowedHostsOriginValidator: another site cannot open this socket
with the agent's cookie (cross-site WebSocket hijacking)."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation

from walletdesk.chat import selectors as chat_selectors
from walletdesk.chat import services as chat
from walletdesk.chat.dispatch import DirectDispatchMixin
from walletdesk.chat.events import CONSOLE_GROUP, agent_name, conversation_payload
from walletdesk.chat.replies import ReplyRequest, replies_store, reply_enqueue
from walletdesk.core.errors import DomainError, ValidationFailed
from walletdesk.core.ids import decimal_id
from walletdesk.tickets.events import INBOX_GROUP, agent_group, customer_group, message_payload, ticket_group
from walletdesk.tickets.timeline import intake_rows

CLOSE_FORBIDDEN = 4403
log = logging.getLogger(__name__)


def console_user_ok(user: Any, session: Any) -> bool:
    """The same rule as the console pages: active agent, and 2FA verified in this session."""
    if not (user is not None and user.is_authenticated and user.is_active and hasattr(user, "agent_profile")):
        return False
    if not settings.WALLETDESK_REQUIRE_2FA:
        return True
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is not None and device.user_id == user.pk and device.confirmed


def _error_frame(exc: DomainError, client_id: Any) -> dict:
    return {
        "type": "error",
        "code": exc.code,
        "message": str(exc.message),
        "fields": exc.fields,
        "client_id": client_id,
    }


def _int(value: Any, field: str) -> int:
    number = decimal_id(value)
    if number is None:
        raise ValidationFailed(fields={field: "a number"})
    return number


class ConsoleConsumer(DirectDispatchMixin, AsyncJsonWebsocketConsumer):
    # Every ORM call below goes through database_sync_to_async: events to open consoles need not
    # queue on the ORM thread behind replies being stored (see chat.dispatch).
    user: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reply_acks: set[asyncio.Task] = set()  # strong references until each ack is sent

    async def connect(self) -> None:
        user = self.scope.get("user")
        ok = await database_sync_to_async(console_user_ok)(user, self.scope.get("session"))
        if not ok:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.user = user
        self.name = agent_name(user)
        self.ticket_customers: dict[int, int] = {}
        for group in (INBOX_GROUP, agent_group(user.pk), CONSOLE_GROUP):
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send_json(await database_sync_to_async(_console_hello)(user))

    async def disconnect(self, code: int) -> None:
        for task in self.reply_acks:  # the replies are stored all the same; nobody is left to ack
            task.cancel()
        if self.user is None:
            return
        await self._leave_groups()
        await database_sync_to_async(chat.viewer_leave)(channel_name=self.channel_name)

    async def _leave_groups(self) -> None:
        for group in (INBOX_GROUP, agent_group(self.user.pk), CONSOLE_GROUP):
            await self.channel_layer.group_discard(group, self.channel_name)
        for ticket_id in list(self.ticket_customers):
            await self.channel_layer.group_discard(ticket_group(ticket_id), self.channel_name)
        self.ticket_customers.clear()

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
        handler = (
            getattr(self, f"on_{content.get('type')}", None) if isinstance(content.get("type"), str) else None
        )
        if handler is None:
            await self.send_json(
                {"type": "error", "code": "unknown_type", "message": "Unknown message type."}
            )
            return
        try:
            await handler(content)
        except DomainError as exc:
            await self.send_json(_error_frame(exc, content.get("client_id")))

    async def _ticket(self, content: dict) -> Any:
        from walletdesk.tickets.selectors import ticket_get_for_agent

        ticket = await database_sync_to_async(ticket_get_for_agent)(
            agent=self.user, ticket_id=_int(content.get("ticket_id"), "ticket_id")
        )
        return ticket

    # --- handlers -----------------------------------------------------------------------------
    async def on_ping(self, content: dict) -> None:
        await self.send_json({"type": "pong", "t": content.get("t")})

    async def on_heartbeat(self, content: dict) -> None:
        if not await database_sync_to_async(_heartbeat)(self.user, self.channel_name):
            # Deactivated (or no longer an agent) since the socket opened: the inbox and ticket
            # events stop here instead of reaching someone who may not open those tickets any more
            # (now, not when the client's close handshake comes back).
            await self._leave_groups()
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.send_json({"type": "pong", "t": content.get("t")})

    async def on_presence(self, content: dict) -> None:
        profile = await database_sync_to_async(chat.agent_presence_change)(
            agent=self.user, presence=str(content.get("state") or "")
        )
        await self.send_json({"type": "presence", "state": profile.presence})

    async def on_watch(self, content: dict) -> None:
        ticket = await self._ticket(content)
        self.ticket_customers[ticket.pk] = ticket.customer_id
        await self.channel_layer.group_add(ticket_group(ticket.pk), self.channel_name)
        state = await database_sync_to_async(_watch)(ticket, self.user, self.channel_name)
        await self.send_json({"type": "watching", "ticket_id": ticket.pk, **state})

    async def on_unwatch(self, content: dict) -> None:
        ticket_id = _int(content.get("ticket_id"), "ticket_id")
        if self.ticket_customers.pop(ticket_id, None) is not None:
            await self.channel_layer.group_discard(ticket_group(ticket_id), self.channel_name)
            await database_sync_to_async(chat.viewer_leave)(
                channel_name=self.channel_name, ticket_id=ticket_id
            )

    async def on_typing(self, content: dict) -> None:
        ticket_id = _int(content.get("ticket_id"), "ticket_id")
        customer_id = self.ticket_customers.get(ticket_id)
        if customer_id is None:
            return  # only for a ticket this socket is watching (its access was checked then)
        event = {
            "type": "chat.typing",
            "side": "agent",
            "ticket_id": ticket_id,
            "state": bool(content.get("state")),
            "name": self.name,
        }
        if not content.get("internal"):
            # The customer sees "support is typing", never what: notes and drafts stay inside.
            await self.channel_layer.group_send(
                customer_group(customer_id), {"type": "wd.event", "event": event}
            )
        colleague = {**event, "user_id": self.user.pk, "internal": bool(content.get("internal"))}
        await self.channel_layer.group_send(ticket_group(ticket_id), {"type": "wd.event", "event": colleague})

    async def on_reply(self, content: dict) -> None:
        # Stored with the other replies arriving in this process (chat.replies). Not awaited here:
        # this socket's next reply joins the same batch instead of waiting for this one's commit.
        stored = reply_enqueue(_reply_request(self.user, content))
        task = asyncio.get_running_loop().create_task(self._reply_ack(content.get("client_id"), stored))
        self.reply_acks.add(task)
        task.add_done_callback(self.reply_acks.discard)

    async def _reply_ack(self, client_id: Any, stored: asyncio.Future) -> None:
        """The ack (or the refusal) once the reply is stored: in order, as the batcher sets them."""
        try:
            message, duplicate = await stored
        except DomainError as exc:
            await self.send_json(_error_frame(exc, client_id))
            return
        except Exception:
            log.exception("storing a console reply failed")
            await self.close(code=1011)
            return
        await self.send_json(
            {
                "type": "ack",
                "client_id": client_id,
                "message_id": message.pk if message else None,
                "duplicate": duplicate,
            }
        )

    async def on_accept(self, content: dict) -> None:
        conversation_id = _int(content.get("conversation_id"), "conversation_id")
        payload = await database_sync_to_async(_accept)(self.user, conversation_id)
        await self.send_json({"type": "accepted", "conversation": payload})

    async def on_transfer(self, content: dict) -> None:
        ticket = await self._ticket(content)
        payload = await database_sync_to_async(_transfer)(self.user, ticket, content)
        await self.send_json({"type": "transferred", "conversation": payload})

    async def on_solve(self, content: dict) -> None:
        ticket = await self._ticket(content)
        ticket = await database_sync_to_async(chat.chat_solve)(ticket=ticket, by=self.user)
        await self.send_json({"type": "solved", "ticket_id": ticket.pk, "status": ticket.status})

    async def on_read(self, content: dict) -> None:
        ticket = await self._ticket(content)
        upto = _int(content.get("upto"), "upto")
        await database_sync_to_async(_read)(ticket, upto)

    # --- events ---------------------------------------------------------------------------------
    async def wd_event(self, message: dict) -> None:
        event = message.get("event") or {}
        if event.get("type") == "chat.typing" and event.get("user_id") == self.user.pk:
            return  # our own typing, echoed by the ticket group
        await self.send_json(event)


def _console_hello(user: Any) -> dict:
    # Opening the console is a heartbeat: an agent whose chosen status is Online but whose last
    # heartbeat is older than the presence TTL would otherwise see "My status: Online" next to an
    # "Agents online" count (fresh heartbeats only) that leaves them out until the next beat.
    chat.agent_heartbeat(agent=user)
    snapshot = chat_selectors.queue_snapshot()
    profile = user.agent_profile
    return {
        "type": "hello",
        "user_id": user.pk,
        "name": agent_name(user),
        "presence": profile.presence,
        "capacity": profile.capacity,
        "active_chats": chat_selectors.agent_active_count(agent=user),
        "queue": [
            {
                "conversation_id": e.conversation_id,
                "ticket_id": e.ticket_id,
                "position": e.position,
                "wait_seconds": e.wait_seconds,
                "queued_at": e.queued_at.isoformat(),
            }
            for e in snapshot.entries
        ],
        "agents_online": snapshot.agents_online,
    }


def _heartbeat(user: Any, channel_name: str) -> bool:
    """False once the user may no longer use the console (the heartbeat's own profile query tells)."""
    if not chat.agent_heartbeat(agent=user):
        return False
    chat.viewer_touch(channel_name=channel_name)
    return True


def _watch(ticket: Any, user: Any, channel_name: str) -> dict:
    viewers = chat.viewer_join(ticket=ticket, user=user, channel_name=channel_name)
    conversation = chat_selectors.conversation_live_for_ticket(ticket=ticket)
    if conversation is None:
        conversation = ticket.chat_conversations.order_by("-id").first()
    return {
        "viewers": viewers,
        "conversation": conversation_payload(conversation) if conversation else None,
        "category": ticket.category.slug if ticket.category_id else None,
        "intake": ticket.intake,
        # The socket has no page language: both, so the panel shows what the page shows.
        "labels": {lang: _ticket_labels(ticket, lang) for lang in ("zh-hans", "en")},
    }


def _ticket_labels(ticket: Any, lang: str) -> dict:
    category = ticket.category if ticket.category_id else None
    with translation.override(lang):
        return {
            "category": category.name_for(lang) if category else None,
            "intake": intake_rows(ticket.intake, category, lang),
        }


def _reply_request(user: Any, content: dict) -> ReplyRequest:
    client_id = content.get("client_id")
    return ReplyRequest(
        agent=user,
        ticket_id=_int(content.get("ticket_id"), "ticket_id"),
        body=str(content.get("body") or ""),
        internal=bool(content.get("internal")),
        client_id=str(client_id) if client_id else None,
    )


def _reply(user: Any, content: dict) -> tuple[Any, bool]:
    """One reply on its own: the ticket's lookup (ownership) and the reply, as a batch of one."""
    outcome = replies_store([_reply_request(user, content)])[0]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _accept(user: Any, conversation_id: int) -> dict:
    conversation = chat_selectors.conversation_get_for_agent(agent=user, conversation_id=conversation_id)
    return conversation_payload(chat.conversation_accept(conversation=conversation, agent=user))


def _transfer(user: Any, ticket: Any, content: dict) -> dict:
    from walletdesk.accounts.models import Team
    from walletdesk.chat.errors import ConversationNotLive
    from walletdesk.tickets.services import agent_user_get

    conversation = chat_selectors.conversation_live_for_ticket(ticket=ticket)
    if conversation is None:
        raise ConversationNotLive()
    to_agent = to_team = None
    if content.get("agent_id") is not None:
        to_agent = agent_user_get(user_id=_int(content.get("agent_id"), "agent_id"))
        if to_agent is None:
            raise ValidationFailed(fields={"agent_id": "not an active agent"})
    if content.get("team"):
        to_team = Team.objects.filter(slug=str(content["team"])).first()
        if to_team is None:
            raise ValidationFailed(fields={"team": "unknown team"})
    result = chat.conversation_transfer(
        conversation=conversation, by=user, to_agent=to_agent, to_team=to_team
    )
    return conversation_payload(result)


def _read(ticket: Any, upto: int) -> None:
    conversation = chat_selectors.conversation_live_for_ticket(ticket=ticket)
    if conversation is not None:
        chat.conversation_read(conversation=conversation, side="agent", upto=upto)


__all__ = ["ConsoleConsumer", "message_payload"]
