from __future__ import annotations

import base64
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db import transaction
from django.db.models import CharField, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from walletdesk.accounts.models import AgentProfile, Customer, Team
from walletdesk.core.errors import ValidationFailed
from walletdesk.core.ids import decimal_id
from walletdesk.core.prepared import PreparedObjects, PreparedRows, rows_together
from walletdesk.tickets import search
from walletdesk.tickets.errors import TicketNotFound
from walletdesk.tickets.models import (
    OPEN_STATUSES,
    Attachment,
    AuthorKind,
    Category,
    Message,
    Ticket,
    TicketEvent,
    TicketTag,
    ticket_pk_from_reference,
)
from walletdesk.verify.models import SupportCheckCode


def _ticket_pk(ticket_id: int | str) -> int:
    if isinstance(ticket_id, int):
        return ticket_id
    raw = str(ticket_id).strip()
    pk = decimal_id(raw)
    if pk is not None:
        return pk
    pk = ticket_pk_from_reference(raw)
    if pk is None:
        raise TicketNotFound()
    return pk


def ticket_get_for_customer(*, customer: Customer, ticket_id: int | str) -> Ticket:
    """The one ownership check for customers: another customer's ticket does not exist for them."""
    ticket = (
        Ticket.objects.select_related("category", "customer")
        .filter(pk=_ticket_pk(ticket_id), customer=customer)
        .first()
    )
    if ticket is None:
        raise TicketNotFound()
    return ticket


TICKET_RELATED = ("category", "customer", "team", "assignee", "assignee__agent_profile")
# The console's ticket page reads only the customer and the category of the ticket itself.
CONSOLE_TICKET_RELATED = ("customer", "category")


def ticket_get_for_agent(
    *, agent: AbstractBaseUser, ticket_id: int | str, related: tuple[str, ...] = TICKET_RELATED
) -> Ticket:
    """`related`: the objects the caller reads, filled in as `select_related` would."""
    if not agent_can_work(agent):
        raise TicketNotFound()
    found = _ticket_lookup(related).objects(_ticket_pk(ticket_id))
    if not found:
        raise TicketNotFound()
    return found[0]


# The agent lookups run on every console page and API call; compiling them cost more CPU than
# running them (core.prepared), so each set of relations is compiled once per process, and on
# PostgreSQL parsed and planned once per connection (the ticket page's four lookups: ~1 ms of the
# server's CPU per page when planned on every request).
_TICKET_LOOKUPS: dict[tuple[str, ...], PreparedObjects] = {}


def _ticket_lookup(related: tuple[str, ...]) -> PreparedObjects:
    lookup = _TICKET_LOOKUPS.get(related)
    if lookup is None:
        lookup = _TICKET_LOOKUPS[related] = PreparedObjects(
            Ticket, related, lambda key: Ticket.objects.filter(pk=key), server_prepared=True
        )
    return lookup


def agent_can_work(user: AbstractBaseUser) -> bool:
    return bool(user and user.is_active and hasattr(user, "agent_profile"))


def messages_for_customer(*, ticket: Ticket) -> QuerySet[Message]:
    return (
        Message.objects.filter(ticket=ticket, is_internal=False)
        .select_related("author_user", "author_user__agent_profile")
        .prefetch_related("attachments")
        .order_by("id")
    )


# What the console's conversation shows of a message, with its attachments joined in (a message
# with two files comes back as two rows): plain values, no model instances, no prefetch query.
CONVERSATION_FIELDS = (
    "id",
    "author_kind",
    "author_user_id",
    "body",
    "body_html",
    "is_internal",
    "delivery_status",
    "delivery_error",
    "created_at",
    "entities",
    "shield_findings",
    "author_user__username",
    "author_user__agent_profile__display_name",
)
_CONVERSATION = PreparedRows(
    lambda key: (
        Message.objects.filter(ticket_id=key)
        .order_by("id", "attachments__id")
        .values_list(*CONVERSATION_FIELDS, "attachments__id", "attachments__filename", "attachments__size")
    ),
    server_prepared=True,
)


def conversation_for_agent(*, ticket: Ticket) -> list[dict[str, Any]]:
    """Every message of the ticket, oldest first, as a dict of CONVERSATION_FIELDS plus
    `attachment_rows` (id, filename, size): one query however many messages and files."""
    return _conversation_from_rows(_CONVERSATION.rows(ticket.pk))


@dataclass(frozen=True)
class TicketView:
    ticket: Ticket
    conversation: list[dict[str, Any]]
    events: list[dict[str, Any]]
    tags: list[str]
    # The customer's unexpired support check codes, newest first, as verify.selectors.
    # support_check_codes_shown gives them ({"code": …} rows for the check-codes partial).
    check_codes: list[dict[str, str]]


def ticket_view_for_agent(*, agent: AbstractBaseUser, ticket_id: int | str) -> TicketView:
    """What the console's ticket page shows from the database: the ticket (with
    CONSOLE_TICKET_RELATED), as `conversation_for_agent`, `events_for_agent` and `tag_names` give
    them, and the customer's check codes. The five lookups only need the ticket's id, so they go
    together (core.prepared.rows_together: one round trip on PostgreSQL instead of five); nothing of
    a ticket that is not found leaves here."""
    if not agent_can_work(agent):
        raise TicketNotFound()
    key = _ticket_pk(ticket_id)
    lookup = _ticket_lookup(CONSOLE_TICKET_RELATED)
    ticket_rows, conversation, events, tags, codes = rows_together(
        [
            (lookup.prepared_rows, key),
            (_CONVERSATION, key),
            (_EVENTS, key),
            (_TAGS, key),
            (_CHECK_CODES_OF_TICKET, key),
        ]
    )
    found = lookup.from_rows(ticket_rows)
    if not found:
        raise TicketNotFound()
    now = timezone.now()
    return TicketView(
        ticket=found[0],
        conversation=_conversation_from_rows(conversation),
        events=_events_from_rows(events),
        tags=_tags_from_rows(tags),
        check_codes=[{"code": code} for code, expires in codes if expires > now],
    )


# The check codes of the ticket's customer (verify keeps the customer's id as text), found by the
# ticket's id so that the lookup joins the page's round trip instead of waiting for the ticket
# (a round trip of its own after it). The same rows as verify.selectors' lookup by customer.
_CHECK_CODES_OF_TICKET = PreparedRows(
    lambda key: SupportCheckCode.objects.filter(
        customer_id=Cast(Subquery(Ticket.objects.filter(pk=key).values("customer_id")), CharField())
    ).values_list("code", "expires_at"),
    server_prepared=True,
)


def _conversation_from_rows(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    messages: dict[int, dict[str, Any]] = {}
    width = len(CONVERSATION_FIELDS)
    for row in rows:
        message = messages.get(row[0])
        if message is None:
            message = messages[row[0]] = dict(zip(CONVERSATION_FIELDS, row[:width], strict=True))
            message["attachment_rows"] = []
        if row[width] is not None:
            message["attachment_rows"].append(
                {"id": row[width], "filename": row[width + 1], "size": row[width + 2]}
            )
    return list(messages.values())


EVENT_FIELDS = ("id", "kind", "data", "actor_id", "actor__username", "created_at")
_EVENTS = PreparedRows(
    lambda key: TicketEvent.objects.filter(ticket_id=key).order_by("id").values_list(*EVENT_FIELDS),
    server_prepared=True,
)
_TAGS = PreparedRows(
    lambda key: TicketTag.objects.filter(ticket_id=key).order_by("name").values_list("name"),
    server_prepared=True,
)


def _events_from_rows(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    return [dict(zip(EVENT_FIELDS, row, strict=True)) for row in rows]


def _tags_from_rows(rows: list[tuple[Any, ...]]) -> list[str]:
    return [name for (name,) in rows]


def events_for_agent(*, ticket: Ticket) -> list[dict[str, Any]]:
    """The ticket's timeline, oldest first, as dicts of EVENT_FIELDS."""
    return _events_from_rows(_EVENTS.rows(ticket.pk))


def tag_names(*, ticket: Ticket) -> list[str]:
    return _tags_from_rows(_TAGS.rows(ticket.pk))


def replies_by_others_since(*, ticket: Ticket, after_id: int, agent: AbstractBaseUser) -> list[str]:
    """Names of the colleagues who answered the customer on `ticket` after message `after_id`
    (the newest one `agent`'s page showed), in order: the console's reply form refuses to send
    over an answer its author has not seen. Internal notes and the customer's messages do not count."""
    rows = (
        Message.objects.filter(
            ticket=ticket, pk__gt=after_id, author_kind=AuthorKind.AGENT, is_internal=False
        )
        .exclude(author_user_id=agent.pk)
        .order_by("id")
        .values_list("author_user__agent_profile__display_name", "author_user__username")
    )
    names: list[str] = []
    for display_name, username in rows:
        name = display_name or username or str(_("A colleague"))
        if name not in names:
            names.append(name)
    return names


def messages_for_agent(*, ticket: Ticket) -> list[Message]:
    """The ticket's messages, oldest first, with author, author's profile and attachments loaded
    (`select_related` / `prefetch_related` as before, from two queries compiled once)."""
    messages = _MESSAGES_FOR_AGENT.objects(ticket.pk)
    files: dict[int, list[Attachment]] = {}
    for attachment in _ATTACHMENTS_OF_TICKET.objects(ticket.pk):
        files.setdefault(attachment.message_id, []).append(attachment)
    for message in messages:
        prefetched = Attachment.objects.none()
        prefetched._result_cache = files.get(message.pk, [])
        prefetched._prefetch_done = True
        message._prefetched_objects_cache = {"attachments": prefetched}
    return messages


_MESSAGES_FOR_AGENT = PreparedObjects(
    Message,
    ("author_user", "author_user__agent_profile"),
    lambda key: Message.objects.filter(ticket_id=key).order_by("id"),
    server_prepared=True,
)
_ATTACHMENTS_OF_TICKET = PreparedObjects(
    Attachment,
    (),
    lambda key: Attachment.objects.filter(message__ticket_id=key).order_by("id"),
    server_prepared=True,
)


INBOX_VIEWS = ("mine", "unassigned", "team", "open", "all")


@dataclass(frozen=True)
class TicketFilters:
    view: str | None = None  # mine | unassigned | team | open | all
    status: str | None = None
    category: str | None = None
    team: str | None = None
    assignee: int | None = None
    customer: int | None = None
    text: str | None = None
    tag: str | None = None


# The open statuses written out as SQL constants, exactly as the partial inbox indexes (migration
# 0003) spell them: SQLite uses a partial index only when the query repeats its condition literally,
# and with the statuses as bound parameters it walked other indexes and read the rows instead
# (at 100k tickets: "mine" 36 ms instead of 0.1 ms, the four counts 200 ms instead of 10 ms).
assert all(s.isidentifier() for s in OPEN_STATUSES)
_OPEN_SQL = '"tickets_ticket"."status" IN (' + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"


def open_tickets(qs: QuerySet[Ticket] | None = None) -> QuerySet[Ticket]:
    """Open tickets, in a form every database matches to the partial inbox indexes."""
    return (Ticket.objects.all() if qs is None else qs).extra(where=[_OPEN_SQL])


def ticket_list_for_agent(
    *, agent: AbstractBaseUser, filters: TicketFilters, any_status: bool = False
) -> QuerySet[Ticket]:
    """Tickets in a view, newest activity first (text search is `ticket_page_for_agent`'s job).
    `any_status`: the view's who/which-team rule without its open-only rule (a search looks for a
    ticket the agent remembers, and that one is often already solved)."""
    qs = Ticket.objects.select_related("category", "customer", "team", "assignee")
    view = filters.view or "open"

    def scoped(q: QuerySet[Ticket]) -> QuerySet[Ticket]:
        return q if any_status else open_tickets(q)

    if view == "mine":
        qs = scoped(qs).filter(assignee=agent)
    elif view == "unassigned":
        qs = scoped(qs).filter(assignee__isnull=True)
    elif view == "team":
        team_ids = list(agent.agent_profile.teams.values_list("id", flat=True))
        qs = scoped(qs).filter(team_id__in=team_ids)
    elif view == "open":
        qs = scoped(qs)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.category:
        qs = qs.filter(category__slug=filters.category)
    if filters.team:
        qs = qs.filter(team__slug=filters.team)
    if filters.assignee:
        qs = qs.filter(assignee_id=filters.assignee)
    if filters.customer:
        qs = qs.filter(customer_id=filters.customer)
    if filters.tag:
        qs = qs.filter(tag_rows__name=filters.tag)
    return qs.order_by("-last_message_at", "-id")


# --- pages: keyset cursors, never OFFSET or COUNT over the whole table ------------------------
def cursor_encode(ticket: Ticket | dict[str, Any], *, by_id: bool = False) -> str:
    if isinstance(ticket, dict):
        last, pk = ticket["last_message_at"], ticket["id"]
    else:
        last, pk = ticket.last_message_at, ticket.pk
    stamp = "" if by_id or not last else last.isoformat()
    return base64.urlsafe_b64encode(f"{stamp}|{pk}".encode()).decode()


def cursor_decode(cursor: str) -> tuple[datetime | None, int]:
    try:
        stamp, pk = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return (datetime.fromisoformat(stamp) if stamp else None), int(pk)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed(_("The cursor is malformed."), fields={"cursor": "malformed"}) from exc


@dataclass(frozen=True)
class TicketPage:
    tickets: list[Ticket] | list[dict[str, Any]]
    next_cursor: str | None


# What a list row shows (console inbox and API list). Plain dicts of these cost a third of the CPU
# of model instances with four related objects each, and the page is the product's hottest read.
TICKET_ROW_FIELDS = (
    "id",
    "subject",
    "status",
    "priority",
    "channel",
    "locale",
    "complaint",
    "secret_leaks",
    "created_at",
    "last_message_at",
    "first_response_at",
    "first_response_due_at",  # the inbox's Due column, from the same row query
    "solved_at",
    "customer_id",
    "customer__name",
    "customer__email",
    "customer__wallet_uid",
    "category_id",
    "category__slug",
    "category__name_zh",
    "category__name_en",
    "team_id",
    "team__slug",
    "assignee_id",
    "assignee__username",
)


# A first look at one page's worth of matches; later looks widen (see search.ticket_ids_matching_batches).
SEARCH_BATCH = 0


def ticket_page_for_agent(
    *,
    agent: AbstractBaseUser,
    filters: TicketFilters,
    cursor: str | None = None,
    limit: int = 25,
    rows: bool = False,
) -> TicketPage:
    """One page of a view. Browsing walks an inbox index newest-activity first; a text search walks
    the full-text index newest-ticket first in batches and stops once the page is full, so neither
    depends on how many tickets exist or match. `rows=True` gives dicts of TICKET_ROW_FIELDS."""
    text = (filters.text or "").strip()
    base = ticket_list_for_agent(agent=agent, filters=filters, any_status=bool(text))
    if rows:
        base = base.values(*TICKET_ROW_FIELDS)
    if text:
        pk = ticket_pk_from_reference(text)
        if pk:
            return TicketPage(tickets=list(base.filter(pk=pk)), next_cursor=None)
        customer_id = _customer_id_named(text)
        if customer_id is None:
            return _search_page(base, text, cursor, limit, rows)
        # The customer's own tickets, through the (customer, -id) index.
        qs = base.filter(customer_id=customer_id).order_by("-id")
        if cursor:
            qs = qs.filter(id__lt=cursor_decode(cursor)[1])
        found = list(qs[: limit + 1])
        page = found[:limit]
        return TicketPage(
            tickets=page, next_cursor=cursor_encode(page[-1], by_id=True) if len(found) > limit else None
        )
    qs = base
    if cursor:
        stamp, pk = cursor_decode(cursor)
        if stamp is None:
            qs = qs.filter(last_message_at__isnull=True, id__lt=pk)
        else:
            qs = qs.filter(
                Q(last_message_at__lt=stamp)
                | Q(last_message_at=stamp, id__lt=pk)
                | Q(last_message_at__isnull=True)
            )
    rows = list(qs[: limit + 1])
    page = rows[:limit]
    return TicketPage(tickets=page, next_cursor=cursor_encode(page[-1]) if len(rows) > limit else None)


def _customer_id_named(text: str) -> int | None:
    """The customer a search names by wallet uid or email (one indexed lookup), if it is one."""
    if " " in text or len(text) > 254:
        return None
    condition = Q(wallet_uid=text)
    if "@" in text:
        condition |= Q(email__in=list({text, text.lower()}))
    return Customer.objects.filter(condition).order_by("id").values_list("id", flat=True).first()


def _search_page(base: QuerySet[Ticket], text: str, cursor: str | None, limit: int, rows: bool) -> TicketPage:
    before = cursor_decode(cursor)[1] if cursor else None
    found: list[Any] = []
    for batch in search.ticket_ids_matching_batches(text, before_id=before, batch=SEARCH_BATCH or limit + 1):
        matches = base.order_by().filter(pk__in=batch)
        by_id = {t["id"]: t for t in matches} if rows else {t.pk: t for t in matches}
        found.extend(by_id[pk] for pk in batch if pk in by_id)
        if len(found) > limit:
            break
    page = found[:limit]
    return TicketPage(
        tickets=page, next_cursor=cursor_encode(page[-1], by_id=True) if len(found) > limit else None
    )


COUNTS_TTL_SECONDS = 5


def inbox_counts(*, agent: AbstractBaseUser) -> dict[str, int]:
    """The four inbox view counts, each answered from its own partial index; cached for a few
    seconds because every console page shows them and they need not be exact to the second.
    Counting is shared: the all-open and unassigned counts (the large ones) by every agent, the team
    count by agents of the same teams; only "mine" is counted per agent. At most 2 TTLs old."""
    key = f"inbox-counts:{agent.pk}"
    counts = cache.get(key)
    if counts is not None:
        return counts
    team_ids = sorted(agent.agent_profile.teams.values_list("id", flat=True))
    shared_key, team_key = "inbox-counts:shared", "inbox-counts:team:" + ",".join(map(str, team_ids))
    found = cache.get_many([shared_key, team_key])
    open_ones = open_tickets()
    counted: dict[str, Any] = {}
    shared = found.get(shared_key)
    if shared is None:
        shared = counted[shared_key] = {
            "open": open_ones.count(),
            "unassigned": open_ones.filter(assignee__isnull=True).count(),
        }
    team = found.get(team_key)
    if team is None:
        team = counted[team_key] = open_ones.filter(team_id__in=team_ids).count() if team_ids else 0
    counts = {
        "open": shared["open"],
        "mine": open_ones.filter(assignee=agent).count(),
        "unassigned": shared["unassigned"],
        "team": team,
    }
    cache.set_many({**counted, key: counts}, COUNTS_TTL_SECONDS)
    return counts


def ticket_list_for_customer(*, customer: Customer) -> QuerySet[Ticket]:
    return Ticket.objects.filter(customer=customer).select_related("category").order_by("-id")


CHOICES_VERSION_KEY = "console-choices-version"


def console_choices() -> dict[str, list[dict[str, Any]]]:
    """The agents, categories and teams the console's pickers offer, as plain dicts. Every console
    page shows them and they change a few times a day, so each process keeps a copy (`_ProcessCopy`,
    like the categories): reading the lists from Redis and unpickling them cost ~0.3 ms of CPU per
    ticket page. Saving an agent, user, category or team moves the version (tickets.apps).
    Callers share the lists: read them, never change them."""
    return _choices.get()


def _console_choices_read() -> dict[str, list[dict[str, Any]]]:
    return {
        "agents": list(
            AgentProfile.objects.filter(user__is_active=True)
            .order_by("display_name")
            .values("user_id", "display_name", "presence")
        ),
        "categories": list(
            Category.objects.order_by("position", "slug").values("id", "slug", "name_zh", "name_en")
        ),
        "teams": list(Team.objects.order_by("slug").values("id", "slug", "name_zh", "name_en")),
    }


# A sign-in saves the user's last_login: nothing the pickers show.
_UNSHOWN_FIELDS = frozenset({"last_login"})


def console_choices_forget(sender: type | None = None, update_fields: Any = None, **_: Any) -> None:
    if update_fields and set(update_fields) <= _UNSHOWN_FIELDS:
        return
    _choices_forget()
    # Again once committed: a process that reloaded in between read the rows as they were.
    transaction.on_commit(_choices_forget)
    if sender is None or sender in (Category, Team):  # what a category lookup carries
        categories_forget()
        transaction.on_commit(categories_forget)


def _choices_forget() -> None:
    """Every process reads the console choices again (this one at once, the others within a second)."""
    _choices.forget()


def category_list() -> QuerySet[Category]:
    return Category.objects.select_related("default_team").order_by("position", "slug")


CATEGORIES_VERSION_KEY = "categories-version"
CATEGORIES_RECHECK_SECONDS = 1.0  # how often a process asks the shared cache whether they changed
CATEGORIES_MAX_AGE_SECONDS = 30.0  # read again after this long whatever the version says


@dataclass(frozen=True)
class _Held:
    version: str | None
    value: Any
    loaded: float
    checked: float


class _ProcessCopy:
    """A value each process keeps while the version under `version_key` in the shared cache (Redis
    at scale) stays the same; `forget()` (a save anywhere) moves it. The version is looked at no
    more than once every CATEGORIES_RECHECK_SECONDS, so a process sees a change within a second and
    most reads cost no round trip; the value is read again after CATEGORIES_MAX_AGE_SECONDS anyway."""

    def __init__(self, version_key: str, read: Callable[[], Any]) -> None:
        self.version_key, self.read = version_key, read
        self.held: _Held | None = None

    def get(self) -> Any:
        now = time.monotonic()
        held = self.held
        if held is not None and now - held.checked < CATEGORIES_RECHECK_SECONDS:
            return held.value
        version = _shared_version(self.version_key)
        if held is None or held.version != version or now - held.loaded > CATEGORIES_MAX_AGE_SECONDS:
            held = _Held(version, self.read(), loaded=now, checked=now)
        else:
            held = _Held(version, held.value, held.loaded, checked=now)
        self.held = held
        return held.value

    def forget(self) -> None:
        self.held = None
        cache.set(self.version_key, uuid.uuid4().hex, timeout=None)


def _shared_version(key: str) -> str | None:
    version = cache.get(key)
    if version is None:  # first use, or the cache was emptied
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


_categories = _ProcessCopy(
    CATEGORIES_VERSION_KEY, lambda: {c.slug: c for c in Category.objects.select_related("default_team")}
)
_choices = _ProcessCopy(CHOICES_VERSION_KEY, _console_choices_read)


def category_get(*, slug: str) -> Category | None:
    """A category with its default team (a new ticket takes both). Every ticket creation looks one
    up, so the dozen categories are kept in each process (`_categories_by_slug`). Callers share
    the objects: read them, never change them."""
    return _categories_by_slug().get(slug)


def _categories_by_slug() -> dict[str, Category]:
    """The categories by slug, from this process's copy (`_ProcessCopy`): a creation mostly costs
    no round trip (it used to unpickle every category from Redis)."""
    return _categories.get()


def categories_forget() -> None:
    """Every process reads the categories again (this one at once, the others within a second),
    and the console choices, which list them."""
    _categories.forget()
    _choices_forget()


def category_by_id(category_id: int | None) -> Category | None:
    """A category by id from the same short-lived cache as `category_get` (the ticket page shows
    its name and intake labels without a query of its own)."""
    if category_id is None:
        return None
    found = next((c for c in _categories_by_slug().values() if c.pk == category_id), None)
    return found or Category.objects.filter(pk=category_id).first()


def ticket_open_statuses() -> tuple[str, ...]:
    return tuple(OPEN_STATUSES)
