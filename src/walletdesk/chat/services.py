"""Live-chat writes: messages in through tickets.inbox, the queue, accept / transfer / end, read
marks, presence, viewers. Consumers and views only parse input and call these.

Lock order, everywhere: ticket row, then conversation row, then the agent's profile row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from walletdesk.accounts import services as accounts
from walletdesk.accounts.identity import identity_token_verify
from walletdesk.accounts.models import AgentProfile, Customer, Presence, Team
from walletdesk.chat import events
from walletdesk.chat.errors import (
    AgentAtCapacity,
    AgentNotAvailable,
    ClientIdInvalid,
    ConversationCustomerGone,
    ConversationNotLive,
    ConversationTaken,
    EmailInvalid,
    VisitorTokenInvalid,
)
from walletdesk.chat.models import (
    LIVE_STATUSES,
    CannedReply,
    ChatSettings,
    Conversation,
    ConversationStatus,
    TicketViewer,
)
from walletdesk.chat.selectors import (
    agent_active_count,
    agents_online_list,
    chat_settings_get,
    queue_list,
    viewers_for_ticket,
)
from walletdesk.core.errors import DomainError, ValidationFailed
from walletdesk.tickets import services as tickets
from walletdesk.tickets.attachments import UploadedFile
from walletdesk.tickets.inbox import InboundMessage, Received, receive
from walletdesk.tickets.models import Channel, Status, Ticket
from walletdesk.tickets.selectors import agent_can_work, category_get

CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
VISITOR_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
HEARTBEAT_WRITE_EVERY = 20  # seconds: a heartbeat refreshes presence_at at most this often
# A waiting chat whose customer has had no widget connection this long leaves the queue and stays a
# ticket. An open widget pings every 15 s, but Chrome runs a background tab's timers once a minute
# and a dropped connection comes back within 30 s of backoff: five minutes is several missed pings
# past those, so a reload, a network change or a tab in the background keeps its place, while a
# customer who closed the tab (the walk-through's waited 7+ minutes) no longer holds the queue.
CUSTOMER_GONE_AFTER = timedelta(minutes=5)
CUSTOMER_SEEN_WRITE_EVERY = 30  # seconds: a widget ping refreshes customer_seen_at at most this often


def locale_clean(locale: str | None) -> str:
    return "en" if (locale or "").lower().startswith("en") else "zh-hans"


# --- who is the widget talking to ---------------------------------------------------------------
def widget_customer_resolve(
    *, identity_token: str | None, visitor_token: str | None, locale: str | None = None
) -> Customer:
    """The verified wallet customer for a JWT, else the anonymous visitor bound to the browser token.

    A token that is present but bad is refused (never silently downgraded to a visitor)."""
    if identity_token:
        identity = identity_token_verify(identity_token)  # raises IdentityTokenInvalid / Expired
        return accounts.customer_from_identity(identity=identity)
    if not visitor_token or not VISITOR_TOKEN.match(visitor_token):
        raise VisitorTokenInvalid()
    return accounts.customer_from_visitor(visitor_token=visitor_token, locale=locale_clean(locale))


# --- messages in --------------------------------------------------------------------------------
@dataclass
class ChatReceived:
    received: Received
    conversation: Conversation

    @property
    def duplicate(self) -> bool:
        return self.received.duplicate


def chat_message_receive(
    *,
    customer: Customer,
    body: str,
    client_id: str,
    locale: str | None = None,
    category_slug: str | None = None,
    intake: dict[str, Any] | None = None,
    attachments: list[UploadedFile] | None = None,
) -> ChatReceived:
    """A customer's chat message: stored through tickets.inbox, then the chat joins the queue.

    The client id makes it idempotent: a message resent after a dropped connection is one message."""
    if not CLIENT_ID.match(client_id or ""):
        raise ClientIdInvalid()
    category = category_get(slug=category_slug) if category_slug else None
    clean_intake = tickets.intake_validate(category=category, intake=intake or {}) if category else {}
    received = receive(
        InboundMessage(
            channel=Channel.WIDGET,
            body=body,
            customer=customer,
            external_id=f"{customer.pk}:{client_id}",
            category=category,
            intake=clean_intake,
            locale=locale_clean(locale or customer.locale),
            attachments=attachments or [],
        )
    )
    conversation, _ = conversation_ensure(ticket=received.ticket, customer=customer)
    return ChatReceived(received=received, conversation=conversation)


def conversation_ensure(*, ticket: Ticket, customer: Customer) -> tuple[Conversation, bool]:
    """The ticket's live chat, or a new queue entry for it."""
    try:
        with transaction.atomic():
            Ticket.objects.select_for_update().filter(pk=ticket.pk).first()
            live = (
                Conversation.objects.select_for_update()
                .filter(ticket=ticket, status__in=LIVE_STATUSES)
                .first()
            )
            if live is not None:
                return live, False
            conversation = Conversation.objects.create(
                ticket=ticket, customer=customer, locale=ticket.locale, team=None
            )
            events.conversation_changed(conversation, "queued")
            events.queue_changed()
            transaction.on_commit(queue_dispatch)
    except IntegrityError:  # a second tab raced us to the first message; theirs is the chat
        return Conversation.objects.get(ticket=ticket, status__in=LIVE_STATUSES), False
    return conversation, True


def offline_message_receive(
    *,
    customer: Customer,
    email: str,
    body: str,
    client_id: str,
    locale: str | None = None,
    category_slug: str | None = None,
    intake: dict[str, Any] | None = None,
) -> Received:
    """Outside hours or with nobody online the message becomes an email ticket: the reply goes by email."""
    if not CLIENT_ID.match(client_id or ""):
        raise ClientIdInvalid()
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise EmailInvalid(fields={"email": "invalid"}) from exc
    category = category_get(slug=category_slug) if category_slug else None
    clean_intake = tickets.intake_validate(category=category, intake=intake or {}) if category else {}
    if not customer.email:
        accounts.customer_update(customer=customer, email=email)
    received = receive(
        InboundMessage(
            channel=Channel.EMAIL,
            body=body,
            customer=customer,
            new_ticket=True,
            external_id=f"widget-offline:{customer.pk}:{client_id}",
            category=category,
            intake={**clean_intake, "reply_email": email},
            locale=locale_clean(locale or customer.locale),
        )
    )
    if not received.duplicate:
        Conversation.objects.create(
            ticket=received.ticket,
            customer=customer,
            status=ConversationStatus.OFFLINE,
            locale=received.ticket.locale,
            reply_email=email,
            ended_at=timezone.now(),
        )
    return received


def offline_secret_warning(*, received: Received, locale: str | None = None) -> str:
    """The seed-phrase warning as HTML when the offline message held a secret, else "".

    The live chat gets it as a system message from the worker and the portal on the page after
    sending; an offline message ends in a confirmation, which must carry it too. A resent form
    (its first answer lost) is a duplicate with no count: the stored findings tell."""
    from walletdesk.shield.services import warning_html

    if not (received.secrets_found or received.message.shield_findings):
        return ""
    return str(warning_html(locale=locale_clean(locale or received.ticket.locale)))


# --- agents take chats --------------------------------------------------------------------------
def _agent_check(agent: AbstractBaseUser | None) -> AgentProfile:
    if agent is None or not agent_can_work(agent):
        raise AgentNotAvailable()
    return agent.agent_profile  # type: ignore[attr-defined]


def _capacity_check(agent: AbstractBaseUser) -> None:
    """Caller holds the agent's profile row lock, so two accepts cannot both take the last slot."""
    profile = AgentProfile.objects.select_for_update().get(user=agent)
    if agent_active_count(agent=agent) >= profile.capacity:
        raise AgentAtCapacity()


def conversation_accept(*, conversation: Conversation, agent: AbstractBaseUser) -> Conversation:
    _agent_check(agent)
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=conversation.ticket_id)
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.status == ConversationStatus.ACTIVE and locked.agent_id == agent.pk:
            return locked
        if locked.status == ConversationStatus.ACTIVE:
            raise ConversationTaken()
        if locked.status != ConversationStatus.QUEUED:
            raise ConversationNotLive()
        gone = _customer_gone(locked, timezone.now())
        if gone:
            _conversation_abandon(locked)  # committed: the agent's refusal below must not undo it
        else:
            _capacity_check(agent)
            locked.status = ConversationStatus.ACTIVE
            locked.agent = agent
            locked.accepted_at = timezone.now()
            locked.save(update_fields=["status", "agent", "accepted_at"])
            tickets.ticket_assign(ticket=ticket, agent=agent, by=agent)
            events.conversation_changed(locked, "accepted")
            events.queue_changed()
    if gone:
        raise ConversationCustomerGone()
    return locked


def _customer_gone(conversation: Conversation, now: datetime) -> bool:
    return (
        conversation.status == ConversationStatus.QUEUED
        and conversation.customer_seen_at < now - CUSTOMER_GONE_AFTER
    )


def _conversation_abandon(locked: Conversation) -> None:
    """The customer left while waiting: out of the queue, the ticket stays open for a reply (shown
    when they come back, and emailed by the reply notice when we have their address).
    Caller holds the ticket and conversation row locks."""
    locked.status = ConversationStatus.OFFLINE
    locked.ended_at = timezone.now()
    locked.save(update_fields=["status", "ended_at"])
    events.conversation_changed(locked, "abandoned")
    events.queue_changed()


def queue_abandoned_sweep(*, now: datetime | None = None) -> int:
    """Every waiting chat whose customer has been gone CUSTOMER_GONE_AFTER leaves the queue (the
    periodic task runs it each minute). Returns how many left."""
    now = now or timezone.now()
    stale = Conversation.objects.filter(
        status=ConversationStatus.QUEUED, customer_seen_at__lt=now - CUSTOMER_GONE_AFTER
    ).values_list("pk", "ticket_id")[:200]
    left = 0
    for pk, ticket_id in list(stale):
        with transaction.atomic():
            Ticket.objects.select_for_update().filter(pk=ticket_id).first()
            locked = Conversation.objects.select_for_update().get(pk=pk)
            if _customer_gone(locked, now):  # re-read under the lock: a reconnect keeps the place
                _conversation_abandon(locked)
                left += 1
    return left


def chat_customer_seen(*, customer: Customer) -> int:
    """The customer's widget is connected (hello, or a ping): their live chats keep their place."""
    return Conversation.objects.filter(customer=customer, status__in=LIVE_STATUSES).update(
        customer_seen_at=timezone.now()
    )


def conversation_transfer(
    *,
    conversation: Conversation,
    by: AbstractBaseUser,
    to_agent: AbstractBaseUser | None = None,
    to_team: Team | None = None,
) -> Conversation:
    """Hand a live chat to another agent (who must have a free slot) or back to the queue for a team.

    A chat sent to a team keeps its original queue time, so the customer does not start over."""
    _agent_check(by)
    if (to_agent is None) == (to_team is None):
        raise ValidationFailed(fields={"to": "give exactly one of an agent or a team"})
    if to_agent is not None:
        _agent_check(to_agent)
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=conversation.ticket_id)
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.status not in LIVE_STATUSES:
            raise ConversationNotLive()
        if to_agent is not None:
            if locked.agent_id != to_agent.pk:
                _capacity_check(to_agent)
            locked.status = ConversationStatus.ACTIVE
            locked.agent = to_agent
            locked.accepted_at = locked.accepted_at or timezone.now()
            tickets.ticket_assign(ticket=ticket, agent=to_agent, by=by)
        else:
            locked.status = ConversationStatus.QUEUED
            locked.agent = None
            locked.team = to_team
            tickets.ticket_team_set(ticket=ticket, team=to_team, by=by)
            tickets.ticket_assign(ticket=ticket, agent=None, by=by)
        locked.save(update_fields=["status", "agent", "team", "accepted_at"])
        events.conversation_changed(locked, "transferred")
        events.queue_changed()
        transaction.on_commit(queue_dispatch)
    return locked


def conversation_end(
    *, conversation: Conversation, by: AbstractBaseUser | None, solve: bool = True
) -> Conversation:
    """End the chat; by default the ticket is marked solved, which asks the customer for a rating."""
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=conversation.ticket_id)
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.status in LIVE_STATUSES:
            locked.status = ConversationStatus.ENDED
            locked.ended_at = timezone.now()
            locked.save(update_fields=["status", "ended_at"])
            events.conversation_changed(locked, "ended")
            events.queue_changed()
            transaction.on_commit(queue_dispatch)
        if solve and ticket.status not in (Status.SOLVED, Status.CLOSED):
            tickets.ticket_status_set(ticket=ticket, status=Status.SOLVED, by=by)
    return locked


def conversation_end_for_ticket(*, ticket_id: int) -> int:
    """The ticket was solved or closed elsewhere (console, API): its live chat is over too.

    A conditional update, so every consumer that sees the event may call it; one wins."""
    ended = Conversation.objects.filter(
        ~Q(ticket__status__in=[Status.NEW, Status.OPEN, Status.WAITING, Status.ON_HOLD]),
        ticket_id=ticket_id,
        status__in=LIVE_STATUSES,
    ).update(status=ConversationStatus.ENDED, ended_at=timezone.now())
    if ended:
        events.queue_changed()
        transaction.on_commit(queue_dispatch)
    return ended


def conversation_read(*, conversation: Conversation, side: str, upto: int) -> bool:
    """Move one side's read mark forward (never back). Returns whether it moved."""
    if side not in ("customer", "agent"):
        raise ValidationFailed(fields={"side": "customer or agent"})
    field = f"{side}_read_upto"
    moved = Conversation.objects.filter(pk=conversation.pk, **{f"{field}__lt": upto}).update(**{field: upto})
    if moved:
        setattr(conversation, field, upto)
        events.read_changed(conversation, side, upto)
    return bool(moved)


def queue_dispatch() -> int:
    """With auto-assign on, give waiting chats (oldest first) to the online agent with most free slots."""
    if not chat_settings_get().auto_assign:
        return 0
    assigned = 0
    for conversation in list(queue_list().select_related("team")[:50]):
        agent = _dispatch_pick(conversation)
        if agent is None:
            break
        try:
            conversation_accept(conversation=conversation, agent=agent)
            assigned += 1
        except (ConversationTaken, ConversationNotLive, ConversationCustomerGone, AgentAtCapacity):
            continue  # another process got there first; the next round sees the new state
    return assigned


def _dispatch_pick(conversation: Conversation) -> AbstractBaseUser | None:
    best: tuple[int, AbstractBaseUser] | None = None
    for profile in agents_online_list():
        if conversation.team_id and not profile.teams.filter(pk=conversation.team_id).exists():
            continue
        free = profile.capacity - agent_active_count(agent=profile.user)
        if free > 0 and (best is None or free > best[0]):
            best = (free, profile.user)
    return best[1] if best else None


def chat_settings_set(*, auto_assign: bool) -> ChatSettings:
    current = ChatSettings.objects.order_by("id").first() or ChatSettings()
    current.auto_assign = auto_assign
    current.save()
    if auto_assign:
        transaction.on_commit(queue_dispatch)
    return current


# --- presence and viewers -----------------------------------------------------------------------
def agent_presence_change(*, agent: AbstractBaseUser, presence: str) -> AgentProfile:
    profile = _agent_check(agent)
    profile = accounts.agent_presence_set(profile=profile, presence=presence)
    events.presence_changed(agent.pk, events.agent_name(agent), presence)
    events.queue_changed()
    if presence == Presence.ONLINE:
        transaction.on_commit(queue_dispatch)
    return profile


def agent_heartbeat(*, agent: AbstractBaseUser) -> bool:
    """The console is open: keep an online agent counted as online (see selectors.PRESENCE_TTL).
    False when the user is no longer an active agent (deactivated, profile removed): one query
    answers both."""
    profile = AgentProfile.objects.filter(user=agent, user__is_active=True).first()
    if profile is None:
        return False
    if profile.presence != Presence.ONLINE:
        return True
    now = timezone.now()
    if profile.presence_at is None or (now - profile.presence_at).total_seconds() >= HEARTBEAT_WRITE_EVERY:
        accounts.agent_presence_refresh(profile=profile)
    return True


def viewer_join(*, ticket: Ticket, user: AbstractBaseUser, channel_name: str) -> list[dict]:
    TicketViewer.objects.update_or_create(
        ticket=ticket, channel_name=channel_name, defaults={"user": user, "seen_at": timezone.now()}
    )
    viewers = viewers_for_ticket(ticket_id=ticket.pk)
    events.viewers_changed(ticket.pk, viewers)
    return viewers


def viewer_leave(*, channel_name: str, ticket_id: int | None = None) -> None:
    rows = TicketViewer.objects.filter(channel_name=channel_name)
    if ticket_id is not None:
        rows = rows.filter(ticket_id=ticket_id)
    ticket_ids = set(rows.values_list("ticket_id", flat=True))
    rows.delete()
    for tid in ticket_ids:
        events.viewers_changed(tid, viewers_for_ticket(ticket_id=tid))


def viewer_touch(*, channel_name: str) -> None:
    TicketViewer.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


# --- canned replies -----------------------------------------------------------------------------
CANNED_TITLE_MAX = 120  # the stored "中文 / English" title (CannedReply.title)
CANNED_BODY_MAX = 5000  # per language: a reply, not a manual; the picker shows every body in full


_CANNED_REFUSALS = {
    ("shortcut", "pattern"): "1-40 of a-z, 0-9, '-', '_'",
    ("shortcut", "taken"): "a canned reply with this shortcut exists already",
    ("title", "too_long"): f"at most {CANNED_TITLE_MAX} characters",
    ("body", "missing"): "both the Chinese and the English text are needed",
    ("body", "too_long"): f"at most {CANNED_BODY_MAX} characters in each language",
}


def _canned_refused(codes: dict[str, str]) -> ValidationFailed:
    fields = {field: _CANNED_REFUSALS[field, code] for field, code in codes.items()}
    return ValidationFailed(fields=fields, details={"codes": codes})


def canned_reply_upsert(
    *, shortcut: str, title: str, body_zh: str, body_en: str, new: bool = False
) -> CannedReply:
    """Add or replace the reply under `shortcut`. With `new` (the supervisors' "new reply" form) an
    existing shortcut is refused (fields {"shortcut": "taken"}) instead of overwriting that reply.
    Refusals are ValidationFailed: `fields` says why in English (the command line prints it),
    details["codes"] has a code per field for the page: shortcut "pattern"/"taken", title
    "too_long", body "missing"/"too_long". Secrets (a pasted recovery phrase, a key) are replaced by
    the shield's marker as in help articles: a canned reply goes out under every agent's name."""
    from walletdesk.shield.services import text_redact

    shortcut = shortcut.strip().lower()
    codes: dict[str, str] = {}
    if not re.match(r"^[a-z0-9_-]{1,40}$", shortcut):
        codes["shortcut"] = "pattern"
    elif new and CannedReply.objects.filter(shortcut=shortcut).exists():
        codes["shortcut"] = "taken"
    title = title.strip()
    if len(title) > CANNED_TITLE_MAX:
        codes["title"] = "too_long"
    if not body_zh.strip() or not body_en.strip():
        codes["body"] = "missing"
    elif max(len(body_zh), len(body_en)) > CANNED_BODY_MAX:
        codes["body"] = "too_long"
    if codes:
        raise _canned_refused(codes)
    defaults = {
        "title": text_redact(text=title, locale=None).text[:CANNED_TITLE_MAX] or shortcut,
        "body_zh": text_redact(text=body_zh, locale="zh-hans").text,
        "body_en": text_redact(text=body_en, locale="en").text,
    }
    if new:
        try:
            with transaction.atomic():
                return CannedReply.objects.create(shortcut=shortcut, **defaults)
        except IntegrityError:  # added in another tab between the check and the insert
            raise _canned_refused({"shortcut": "taken"}) from None
    reply, _ = CannedReply.objects.update_or_create(shortcut=shortcut, defaults=defaults)
    return reply


def canned_reply_delete(*, shortcut: str) -> None:
    from walletdesk.chat.errors import CannedReplyNotFound

    deleted, _ = CannedReply.objects.filter(shortcut=shortcut.strip().lower()).delete()
    if not deleted:
        raise CannedReplyNotFound()


# --- agent actions from the console socket ------------------------------------------------------
REPLY_DEDUPE_SECONDS = 3600


@dataclass(frozen=True)
class AgentReply:
    """One reply (or internal note) an agent sent from the console, for `agent_replies_send`."""

    ticket: Ticket
    agent: AbstractBaseUser
    body: str
    internal: bool = False
    client_id: str | None = None


# What became of one AgentReply: (the message, or None while a first copy is still being stored;
# whether it was a resend), or the error that refused this reply alone.
ReplyOutcome = tuple[Any, bool] | Exception


def agent_reply_send(
    *,
    ticket: Ticket,
    agent: AbstractBaseUser,
    body: str,
    internal: bool = False,
    client_id: str | None = None,
) -> tuple[Any, bool]:
    """An agent's chat reply (or internal note) through tickets.outbox; a resend with the same
    client id after a reconnect returns the first message instead of sending twice."""
    outcome = agent_replies_send(replies=[AgentReply(ticket, agent, body, internal, client_id)])[0]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def agent_replies_send(*, replies: list[AgentReply]) -> list[ReplyOutcome]:
    """Several replies stored together (tickets.outbox.send_many: one transaction), each deduplicated
    by its agent and client id; one outcome per reply, in order.

    A reply that is refused (empty, too long, bad client id, agent gone) does not hold back the
    others: when the shared transaction fails, each reply is tried alone."""
    from django.core.cache import cache

    from walletdesk.tickets.models import Message

    outcomes: list[ReplyOutcome | None] = [None] * len(replies)
    keys: dict[int, str] = {}
    for index, reply in enumerate(replies):
        try:
            _agent_check(reply.agent)
            if reply.client_id and not CLIENT_ID.match(reply.client_id):
                raise ClientIdInvalid()
        except DomainError as exc:
            outcomes[index] = exc
            continue
        if reply.client_id:
            keys[index] = f"chat:reply:{reply.agent.pk}:{reply.client_id}"
    claimed = _reply_keys_claim(cache, list(keys.values()))
    resent = {index: key for (index, key), fresh in zip(keys.items(), claimed, strict=True) if not fresh}
    if resent:
        first_ids = cache.get_many(list(resent.values()))
        firsts = Message.objects.in_bulk([pk for pk in first_ids.values() if pk])
        for index, key in resent.items():
            outcomes[index] = (firsts.get(first_ids.get(key) or 0), True)
    pending = [index for index, outcome in enumerate(outcomes) if outcome is None]
    try:
        stored = _replies_store([replies[index] for index in pending])
    except Exception:
        cache.delete_many([keys[index] for index in pending if index in keys])  # let them resend
        raise
    done: dict[str, int] = {}
    for index, outcome in zip(pending, stored, strict=True):
        outcomes[index] = outcome
        key = keys.get(index)
        if key is None:
            continue
        if isinstance(outcome, Exception):
            cache.delete(key)  # nothing was sent: let the client try again with the same id
        else:
            done[key] = outcome[0].pk
    if done:
        cache.set_many(done, timeout=REPLY_DEDUPE_SECONDS)
    return outcomes  # type: ignore[return-value]


def _reply_keys_claim(cache: Any, keys: list[str]) -> list[bool]:
    """Claim each dedupe key (True: this is the first copy), in one round trip where the cache can.
    A key repeated within `keys` is a resend of the first: only the first may claim it."""
    distinct = list(dict.fromkeys(keys))
    add_many = getattr(cache, "add_many", None)
    if add_many is not None and len(distinct) > 1:
        fresh = dict(zip(distinct, add_many(dict.fromkeys(distinct, 0), REPLY_DEDUPE_SECONDS), strict=True))
    else:
        fresh = {key: cache.add(key, 0, timeout=REPLY_DEDUPE_SECONDS) for key in distinct}
    claimed = []
    for key in keys:
        claimed.append(fresh[key])
        fresh[key] = False
    return claimed


def _replies_store(replies: list[AgentReply]) -> list[ReplyOutcome]:
    from django.core.exceptions import ObjectDoesNotExist
    from django.db import DatabaseError

    from walletdesk.tickets import outbox

    def outgoing(reply: AgentReply) -> outbox.Outgoing:
        return outbox.Outgoing(
            ticket=reply.ticket, author=reply.agent, body=reply.body, internal=reply.internal
        )

    if not replies:
        return []
    try:
        messages = outbox.send_many(outgoing=[outgoing(reply) for reply in replies])
        return [(message, False) for message in messages]
    except (DomainError, ObjectDoesNotExist, DatabaseError) as exc:
        # Refused or rolled back before anything was stored: find which reply, keep the others.
        # Anything else may come after the commit (an on-commit hook), so it is not retried.
        if len(replies) == 1:
            return [exc]
    outcomes: list[ReplyOutcome] = []
    for reply in replies:
        try:
            outcomes.append((outbox.send_many(outgoing=[outgoing(reply)])[0], False))
        except (DomainError, ObjectDoesNotExist, DatabaseError) as exc:  # noqa: PERF203 - its outcome
            outcomes.append(exc)
    return outcomes


def chat_solve(*, ticket: Ticket, by: AbstractBaseUser) -> Ticket:
    """The agent marks the chat solved: the chat ends and the customer is asked for a rating."""
    _agent_check(by)
    live = Conversation.objects.filter(ticket=ticket, status__in=LIVE_STATUSES).first()
    if live is not None:
        conversation_end(conversation=live, by=by, solve=True)
    else:
        tickets.ticket_status_set(ticket=ticket, status=Status.SOLVED, by=by)
    ticket.refresh_from_db()
    return ticket


def chat_rate(*, ticket: Ticket, rating: Any, comment: str = "") -> Ticket:
    try:
        value = int(rating)
    except (TypeError, ValueError) as exc:
        raise ValidationFailed(fields={"rating": "1 to 5"}) from exc
    return tickets.ticket_rate(ticket=ticket, rating=value, comment=str(comment or ""))
