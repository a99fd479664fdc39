from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet

from walletdesk.accounts.models import Customer
from walletdesk.tickets import search
from walletdesk.tickets.errors import TicketNotFound
from walletdesk.tickets.models import (
    OPEN_STATUSES,
    Category,
    Message,
    Status,
    Ticket,
    ticket_pk_from_reference,
)


def _ticket_pk(ticket_id: int | str) -> int:
    if isinstance(ticket_id, int):
        return ticket_id
    raw = str(ticket_id).strip()
    if raw.isdigit():
        return int(raw)
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


def ticket_get_for_agent(*, agent: AbstractBaseUser, ticket_id: int | str) -> Ticket:
    if not agent_can_work(agent):
        raise TicketNotFound()
    ticket = (
        Ticket.objects.select_related("category", "customer", "team", "assignee", "assignee__agent_profile")
        .filter(pk=_ticket_pk(ticket_id))
        .first()
    )
    if ticket is None:
        raise TicketNotFound()
    return ticket


def agent_can_work(user: AbstractBaseUser) -> bool:
    return bool(user and user.is_active and hasattr(user, "agent_profile"))


def messages_for_customer(*, ticket: Ticket) -> QuerySet[Message]:
    return (
        Message.objects.filter(ticket=ticket, is_internal=False)
        .select_related("author_user", "author_user__agent_profile")
        .prefetch_related("attachments")
        .order_by("id")
    )


def messages_for_agent(*, ticket: Ticket) -> QuerySet[Message]:
    return (
        Message.objects.filter(ticket=ticket)
        .select_related("author_user", "author_user__agent_profile")
        .prefetch_related("attachments")
        .order_by("id")
    )


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


def ticket_list_for_agent(*, agent: AbstractBaseUser, filters: TicketFilters) -> QuerySet[Ticket]:
    qs = Ticket.objects.select_related("category", "customer", "team", "assignee")
    view = filters.view or "open"
    if view == "mine":
        qs = qs.filter(assignee=agent, status__in=OPEN_STATUSES)
    elif view == "unassigned":
        qs = qs.filter(assignee__isnull=True, status__in=OPEN_STATUSES)
    elif view == "team":
        qs = qs.filter(team__in=agent.agent_profile.teams.all(), status__in=OPEN_STATUSES)
    elif view == "open":
        qs = qs.filter(status__in=OPEN_STATUSES)
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
    if filters.text:
        text = filters.text.strip()
        pk = ticket_pk_from_reference(text) if text.upper().startswith("WD-") else None
        if pk:
            qs = qs.filter(pk=pk)
        else:
            sql, params = search.ticket_ids_matching(text)
            qs = qs.extra(where=[f"tickets_ticket.id IN ({sql})"], params=params)
    return qs.order_by("-last_message_at", "-id")


def inbox_counts(*, agent: AbstractBaseUser) -> dict[str, int]:
    """The four inbox views in one query."""
    team_ids = list(agent.agent_profile.teams.values_list("id", flat=True))
    row = Ticket.objects.filter(status__in=OPEN_STATUSES).aggregate(
        open=Count("id"),
        mine=Count("id", filter=Q(assignee=agent)),
        unassigned=Count("id", filter=Q(assignee__isnull=True)),
        team=Count("id", filter=Q(team_id__in=team_ids)),
    )
    return {key: value or 0 for key, value in row.items()}


def ticket_list_for_customer(*, customer: Customer) -> QuerySet[Ticket]:
    return Ticket.objects.filter(customer=customer).select_related("category").order_by("-id")


def category_list() -> QuerySet[Category]:
    return Category.objects.select_related("default_team").order_by("position", "slug")


def category_get(*, slug: str) -> Category | None:
    return Category.objects.filter(slug=slug).first()


def ticket_open_statuses() -> tuple[str, ...]:
    return tuple(OPEN_STATUSES)


__all__ = ["Prefetch", "Status"]
