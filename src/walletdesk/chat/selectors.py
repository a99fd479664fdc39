"""Reads for the chat: the queue with positions and estimated waits, who is online, viewers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import DEFAULT_DB_ALIAS
from django.db.models import QuerySet
from django.utils import timezone

from walletdesk.accounts.models import AgentProfile, Customer, Presence
from walletdesk.chat.availability import Availability, availability_compute
from walletdesk.chat.errors import ConversationNotFound
from walletdesk.chat.models import (
    LIVE_STATUSES,
    BusinessHours,
    CannedReply,
    ChatSettings,
    Conversation,
    ConversationStatus,
    TicketViewer,
)
from walletdesk.chat.waitmodel import AgentLoad, HandlingStats, wait_estimates
from walletdesk.core.prepared import PreparedRows
from walletdesk.tickets.models import OPEN_STATUSES, Channel, Ticket

# A chat whose ticket was solved or closed elsewhere (console, API) while the customer was away is
# over even if nobody ended it: the selectors below only count chats on open tickets, so such a chat
# never holds an agent's capacity or a queue place.

# An agent counts as online while their console heartbeats (every 30 s) keep arriving.
PRESENCE_TTL = timedelta(seconds=90)
VIEWER_TTL = timedelta(seconds=75)
HANDLING_SAMPLE_LIMIT = 200


@dataclass(frozen=True)
class QueueEntry:
    conversation_id: int
    ticket_id: int
    customer_id: int
    position: int
    wait_seconds: float | None
    queued_at: datetime


@dataclass(frozen=True)
class QueueSnapshot:
    entries: list[QueueEntry]
    agents_online: int
    free_slots: int
    availability: Availability

    def for_customer(self, customer_id: int) -> QueueEntry | None:
        return next((e for e in self.entries if e.customer_id == customer_id), None)


def chat_settings_get() -> ChatSettings:
    return ChatSettings.objects.order_by("id").first() or ChatSettings()


def agents_online_list(*, now: datetime | None = None) -> list[AgentProfile]:
    now = now or timezone.now()
    return list(
        AgentProfile.objects.select_related("user")
        .filter(presence=Presence.ONLINE, presence_at__gte=now - PRESENCE_TTL, user__is_active=True)
        .order_by("id")
    )


def active_chats_by_agent(*, agent_ids: list[int]) -> dict[int, list[datetime]]:
    """Accept times of each agent's live chats (to know how long each has run)."""
    rows = Conversation.objects.filter(
        status=ConversationStatus.ACTIVE, agent_id__in=agent_ids, ticket__status__in=OPEN_STATUSES
    ).values_list("agent_id", "accepted_at")
    result: dict[int, list[datetime]] = {agent_id: [] for agent_id in agent_ids}
    for agent_id, accepted_at in rows:
        result.setdefault(agent_id, []).append(accepted_at)
    return result


def agent_active_count(*, agent: AbstractBaseUser) -> int:
    return Conversation.objects.filter(
        status=ConversationStatus.ACTIVE, agent=agent, ticket__status__in=OPEN_STATUSES
    ).count()


def handling_samples(*, limit: int = HANDLING_SAMPLE_LIMIT) -> list[float]:
    rows = (
        Conversation.objects.filter(
            status=ConversationStatus.ENDED, accepted_at__isnull=False, ended_at__isnull=False
        )
        .order_by("-ended_at")
        .values_list("accepted_at", "ended_at")[:limit]
    )
    return [(ended - accepted).total_seconds() for accepted, ended in rows]


def queue_list() -> QuerySet[Conversation]:
    return Conversation.objects.filter(
        status=ConversationStatus.QUEUED, ticket__status__in=OPEN_STATUSES
    ).order_by("queued_at", "id")


def chat_availability(*, now: datetime | None = None) -> Availability:
    now = now or timezone.now()
    return availability_compute(
        now=now, hours=list(BusinessHours.objects.all()), agents_online=len(agents_online_list(now=now))
    )


def queue_snapshot(*, now: datetime | None = None) -> QueueSnapshot:
    """Every waiting customer's position and estimated wait, from one consistent read of the state."""
    now = now or timezone.now()
    online = agents_online_list(now=now)
    active = active_chats_by_agent(agent_ids=[p.user_id for p in online])
    loads = [
        AgentLoad(
            capacity=profile.capacity,
            active_elapsed=tuple(
                max((now - t).total_seconds(), 0.0) for t in active.get(profile.user_id, [])
            ),
        )
        for profile in online
    ]
    stats = HandlingStats(handling_samples())
    queued = list(queue_list().values_list("id", "ticket_id", "customer_id", "queued_at"))
    waits = wait_estimates(queue_length=len(queued), agents=loads, handling=stats) or [None] * len(queued)
    entries = [
        QueueEntry(
            conversation_id=conv_id,
            ticket_id=ticket_id,
            customer_id=customer_id,
            position=index,
            wait_seconds=waits[index - 1],
            queued_at=queued_at,
        )
        for index, (conv_id, ticket_id, customer_id, queued_at) in enumerate(queued, start=1)
    ]
    free = sum(max(load.capacity - len(load.active_elapsed), 0) for load in loads)
    availability = availability_compute(
        now=now, hours=list(BusinessHours.objects.all()), agents_online=len(online)
    )
    return QueueSnapshot(
        entries=entries, agents_online=len(online), free_slots=free, availability=availability
    )


def conversation_live_for_ticket(*, ticket: Ticket) -> Conversation | None:
    return Conversation.objects.filter(ticket=ticket, status__in=LIVE_STATUSES).first()


def conversation_current_for_customer(*, customer: Customer) -> Conversation | None:
    """The chat the widget shows: the customer's newest live-chat conversation, if any."""
    return (
        Conversation.objects.select_related("ticket", "agent", "agent__agent_profile")
        .filter(customer=customer, ticket__channel=Channel.WIDGET)
        .order_by("-id")
        .first()
    )


def conversation_get_for_agent(*, agent: AbstractBaseUser, conversation_id: int) -> Conversation:
    from walletdesk.tickets.selectors import agent_can_work

    if not agent_can_work(agent):
        raise ConversationNotFound()
    conversation = (
        Conversation.objects.select_related("ticket", "customer", "agent").filter(pk=conversation_id).first()
    )
    if conversation is None:
        raise ConversationNotFound()
    return conversation


def ticket_for_reply(*, agent: AbstractBaseUser, ticket_id: int) -> Ticket:
    """The ticket an agent replies to, with only what the reply reads before it locks the row.

    The same rule as tickets.selectors.ticket_get_for_agent (an active agent; the ticket exists),
    without its joins: the outbox re-reads the ticket under a row lock anyway, and the five-way
    join here was a third of a chat reply's CPU."""
    from walletdesk.tickets.errors import TicketNotFound
    from walletdesk.tickets.selectors import agent_can_work

    if not agent_can_work(agent) or not 0 < ticket_id < 2**63:  # larger: no database takes it
        raise TicketNotFound()
    found = _TICKET_FOR_REPLY.rows(ticket_id)
    if not found:
        raise TicketNotFound()
    return Ticket.from_db(DEFAULT_DB_ALIAS, ("id", "locale"), found[0])


def tickets_for_replies(*, requests: list[tuple[AbstractBaseUser, int]]) -> list[Ticket | None]:
    """`ticket_for_reply` for several (agent, ticket id) pairs in one query: for each pair, the
    ticket, or None where that agent may not reply to it (the same rule) or it does not exist."""
    from walletdesk.tickets.selectors import agent_can_work

    allowed = [agent_can_work(agent) and 0 < pk < 2**63 for agent, pk in requests]
    wanted = sorted({pk for (_, pk), ok in zip(requests, allowed, strict=True) if ok})
    if len(wanted) == 1:
        rows = _TICKET_FOR_REPLY.rows(wanted[0])
    else:
        rows = Ticket.objects.filter(pk__in=wanted).values_list("id", "locale") if wanted else []
    found = {row[0]: row for row in rows}
    return [
        Ticket.from_db(DEFAULT_DB_ALIAS, ("id", "locale"), found[pk]) if ok and pk in found else None
        for (_, pk), ok in zip(requests, allowed, strict=True)
    ]


# Compiled once per process (compiling the query cost more CPU than running it).
_TICKET_FOR_REPLY = PreparedRows(lambda key: Ticket.objects.filter(pk=key).values_list("id", "locale"))


def canned_reply_list(*, query: str | None = None) -> QuerySet[CannedReply]:
    qs = CannedReply.objects.all()
    if query:
        qs = qs.filter(shortcut__icontains=query) | qs.filter(title__icontains=query)
    return qs.order_by("shortcut")


def viewers_for_ticket(*, ticket_id: int, now: datetime | None = None) -> list[dict]:
    """Distinct agents with the ticket open (a person with two tabs is listed once)."""
    now = now or timezone.now()
    rows = (
        TicketViewer.objects.filter(ticket_id=ticket_id, seen_at__gte=now - VIEWER_TTL)
        .select_related("user", "user__agent_profile")
        .order_by("seen_at")
    )
    seen: dict[int, dict] = {}
    for row in rows:
        profile = getattr(row.user, "agent_profile", None)
        name = profile.display_name if profile else row.user.get_username()
        seen.setdefault(row.user_id, {"user_id": row.user_id, "name": name})
    return list(seen.values())


def widget_state_get(*, customer: Customer, since_id: int = 0, limit: int = 200) -> dict:
    """What the widget needs after (re)connecting: its chat, what it missed, queue place, hours."""
    from walletdesk.chat.events import conversation_payload
    from walletdesk.tickets.events import message_payload
    from walletdesk.tickets.models import OPEN_STATUSES, Status
    from walletdesk.tickets.selectors import messages_for_customer

    conversation = conversation_current_for_customer(customer=customer)
    state: dict = {"conversation": None, "ticket": None, "messages": [], "queue": None}
    if conversation is not None:
        ticket = conversation.ticket
        messages = list(messages_for_customer(ticket=ticket).filter(id__gt=since_id).order_by("-id")[:limit])
        state["conversation"] = conversation_payload(conversation)
        state["ticket"] = {
            "id": ticket.pk,
            "reference": ticket.reference,
            "status": ticket.status,
            "open": ticket.status in OPEN_STATUSES,
            "rating_pending": ticket.status == Status.SOLVED and ticket.csat_rating is None,
            # The widget keeps a theft victim's urgent steps above the chat while it lasts.
            "category": ticket.category.slug if ticket.category_id else None,
        }
        state["messages"] = [message_payload(m) for m in reversed(messages)]
    snapshot = queue_snapshot()
    entry = snapshot.for_customer(customer.pk)
    if entry is not None:
        state["queue"] = {
            "position": entry.position,
            "wait_seconds": None if entry.wait_seconds is None else round(entry.wait_seconds),
            "queued": len(snapshot.entries),
        }
    availability = snapshot.availability
    state["availability"] = {
        "open": availability.open,
        "reason": availability.reason,
        "back_at": availability.back_at.isoformat() if availability.back_at else None,
    }
    return state


# Channels a theft victim can reach at once, before anyone answers the chat (the portal's urgent
# page lists the same kinds).
def widget_urgent_help() -> dict:
    """What the widget shows a customer whose account or assets were stolen, in both languages:
    the category it applies to, where to freeze the account (signed in) or report the theft (not
    signed in), the official channels that can freeze it at once, and the help article."""
    from django.utils import translation

    from walletdesk.tickets.services import THEFT_CATEGORY
    from walletdesk.verify.selectors import official_urgent_channels
    from walletdesk.wallet.views import stolen_account_help_url

    contacts = []
    for channel in official_urgent_channels():
        kind_names = {}
        for lang in ("zh-hans", "en"):
            with translation.override(lang):
                kind_names[lang] = str(channel.get_kind_display())
        contacts.append(
            {
                "kind": channel.kind,
                "kind_name": kind_names,
                "value": channel.value,
                "label": {
                    "zh-hans": channel.label_zh or channel.label,
                    "en": channel.label or channel.label_zh,
                },
                "locale": (channel.locale or "").lower(),
            }
        )
    return {
        "category": THEFT_CATEGORY,
        "freeze_url": "/support/account/freeze/",
        "report_url": "/support/urgent/",
        "help_url": {lang: stolen_account_help_url(lang) for lang in ("zh-hans", "en")},
        "contacts": contacts,
    }
