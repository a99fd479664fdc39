"""Supervisors' figures: first-response SLA, volume, CSAT and agents, aggregated in the database.

Every figure of a period is over the tickets *created* in it (one cohort: a ticket's first
response, resolution and rating count in the period it arrived in), so the tables add up; the live
SLA queue and the backlog are "now" and ignore the period. A page costs the same few queries at
any number of tickets: the cohort is found through `ticket_created` and the unanswered queue
through `ticket_first_response_due` (tickets/migrations/0006), and medians and p90 are ranked in
SQL (window functions, nearest rank), never fetched row by row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Count,
    DateField,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from walletdesk.accounts.models import supervisor_allowed
from walletdesk.tickets.models import OPEN_STATUSES, AuthorKind, Channel, Message, Status, Ticket
from walletdesk.tickets.selectors import console_choices

THEFT_CATEGORY = "account_theft"
LOW_RATING = 2  # a rating at or below this is "low": the tickets a supervisor reads first
DUE_SOON = timedelta(hours=1)
QUEUE_LIMIT = 50  # rows of the live SLA queue shown (the counts cover all)
LIST_LIMIT = 20
SOLVED_STATUSES = (Status.SOLVED, Status.CLOSED)


def reports_allowed(*, user: Any) -> bool:
    """Supervisors and admins: the reports name agents and show every team's figures."""
    return supervisor_allowed(user)


def desk_zone() -> tzinfo:
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Period:
    first_day: date  # inclusive, in the desk's time zone
    last_day: date  # inclusive

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first_day, time.min, tzinfo=desk_zone())

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last_day + timedelta(days=1), time.min, tzinfo=desk_zone())

    @property
    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=n) for n in range((self.last_day - self.first_day).days + 1)]


def desk_today(now: datetime | None = None) -> date:
    return timezone.localtime(now or timezone.now(), desk_zone()).date()


def period_last(days: int, *, today: date | None = None) -> Period:
    """The last `days` calendar days in the desk's time zone, today included."""
    today = today or desk_today()
    return Period(first_day=today - timedelta(days=days - 1), last_day=today)


class SecondsBetween(Func):
    """`later - earlier` in seconds as a float, on both databases (Django's own duration
    arithmetic on SQLite calls a Python function per row)."""

    output_field = FloatField()
    arity = 2

    def as_sqlite(self, compiler: Any, conn: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            conn,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler: Any, conn: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, conn, template="EXTRACT(EPOCH FROM (%(expressions)s))", arg_joiner=" - ", **extra
        )


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def cohort(*, period: Period, team_id: int | None = None) -> QuerySet[Ticket]:
    qs = Ticket.objects.filter(created_at__gte=period.start, created_at__lt=period.end)
    return qs.filter(team_id=team_id) if team_id is not None else qs


@dataclass
class Summary:
    """One row of the SLA / agent tables: a group's tickets and how they went."""

    key: Any
    tickets: int = 0
    met: int = 0  # first response on or before its due time
    breached: int = 0  # answered late, or unanswered past the due time
    frt_p50: float | None = None  # seconds to the first public reply
    frt_p90: float | None = None
    res_p50: float | None = None  # seconds to solved
    res_p90: float | None = None
    solved: int = 0
    complaints: int = 0
    ratings: int = 0
    csat: float | None = None
    label: str = ""
    replies: int = 0

    @property
    def attainment(self) -> float | None:
        judged = self.met + self.breached
        return 100.0 * self.met / judged if judged else None

    @property
    def complaint_share(self) -> float | None:
        return 100.0 * self.complaints / self.tickets if self.tickets else None


_SUMMARY_COLUMNS = (
    "tickets",
    "met",
    "breached",
    "frt_p50",
    "frt_p90",
    "res_p50",
    "res_p90",
    "solved",
    "complaints",
    "ratings",
    "csat",
)
# What a summary is grouped by: the ticket column aliased in the base rows (`_summary_base`).
GROUPINGS = {"all": None, "team": "t", "category": "c", "agent": "a"}
# One grouping over the base rows. Nearest-rank percentiles: the smallest value whose cumulative
# share within its group (CUME_DIST, unanswered / unsolved rows in a partition of their own) is at
# least p; then counts and the CSAT average per group.
_GROUPING_SQL = """
SELECT '{name}', g, COUNT(*), SUM(met), SUM(breached),
  MIN(CASE WHEN frt IS NOT NULL AND frt_share >= 0.5 THEN frt END),
  MIN(CASE WHEN frt IS NOT NULL AND frt_share >= 0.9 THEN frt END),
  MIN(CASE WHEN res IS NOT NULL AND res_share >= 0.5 THEN res END),
  MIN(CASE WHEN res IS NOT NULL AND res_share >= 0.9 THEN res END),
  SUM(solved), SUM(complaint_n), COUNT(csat), AVG(1.0 * csat)
FROM (
  SELECT {column} AS g, frt, res, met, breached, solved, complaint_n, csat,
    CUME_DIST() OVER (PARTITION BY {partition}frt IS NULL ORDER BY frt) AS frt_share,
    CUME_DIST() OVER (PARTITION BY {partition}res IS NULL ORDER BY res) AS res_share
  FROM base {where}
) ranked GROUP BY g
"""


def _summary_base(tickets: QuerySet[Ticket], now: datetime) -> QuerySet[Ticket]:
    """One row per ticket with what the summaries need, each time computed once."""
    return tickets.annotate(
        t=F("team_id"),
        c=F("category_id"),
        a=F("assignee_id"),
        frt=SecondsBetween("first_response_at", "created_at"),
        res=SecondsBetween("solved_at", "created_at"),
        met=_flag(
            Q(first_response_due_at__isnull=False, first_response_at__isnull=False)
            & Q(first_response_at__lte=F("first_response_due_at"))
        ),
        breached=_flag(
            Q(first_response_due_at__isnull=False)
            & (
                Q(first_response_at__isnull=False, first_response_at__gt=F("first_response_due_at"))
                | Q(first_response_at__isnull=True, first_response_due_at__lt=now)
            )
        ),
        solved=_flag(Q(status__in=SOLVED_STATUSES)),
        complaint_n=_flag(Q(complaint=True)),
        csat=F("csat_rating"),
    ).values("t", "c", "a", "frt", "res", "met", "breached", "solved", "complaint_n", "csat")


def summaries(*, tickets: QuerySet[Ticket], now: datetime) -> dict[str, dict[Any, Summary]]:
    """Per grouping (GROUPINGS: everything under key None, team, category, assignee) and group:
    counts, SLA attainment, median and p90 first-response and resolution times, CSAT. One query:
    the tickets are selected once (a CTE) and ranked per grouping."""
    base_sql, params = _summary_base(tickets, now).query.sql_with_params()
    branches = []
    for name, column in GROUPINGS.items():
        branches.append(
            _GROUPING_SQL.format(
                name=name,
                column=column or "CAST(NULL AS BIGINT)",
                partition=f"{column}, " if column else "",
                where=f"WHERE {column} IS NOT NULL" if column == "a" else "",
            )
        )
    sql = f"WITH base AS ({base_sql}) " + " UNION ALL ".join(branches)
    out: dict[str, dict[Any, Summary]] = {name: {} for name in GROUPINGS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            values = dict(zip(_SUMMARY_COLUMNS, row[2:], strict=True))
            out[row[0]][row[1]] = Summary(key=row[1], **{k: _number(k, v) for k, v in values.items()})
    return out


_FLOATS = frozenset({"frt_p50", "frt_p90", "res_p50", "res_p90", "csat"})


def _number(name: str, value: Any) -> Any:
    """Counts as int (0 for an empty SUM), times and averages as float or None (PostgreSQL gives
    Decimal for EXTRACT and AVG)."""
    if name in _FLOATS:
        return None if value is None else float(value)
    return int(value or 0)


@dataclass
class QueueRow:
    id: int
    subject: str
    priority: str
    due: datetime
    overdue: bool
    team_id: int | None
    category_id: int | None


@dataclass
class Queue:
    overdue: int
    due_soon: int
    rows: list[QueueRow] = field(default_factory=list)


def sla_queue(*, team_id: int | None, now: datetime) -> Queue:
    """Open tickets with no first response yet, overdue now or due within the hour. Two queries
    over `ticket_first_response_due`, which holds only unanswered open tickets."""
    qs = Ticket.objects.filter(
        status__in=OPEN_STATUSES, first_response_at__isnull=True, first_response_due_at__isnull=False
    )
    if team_id is not None:
        qs = qs.filter(team_id=team_id)
    soon = now + DUE_SOON
    counts = qs.filter(first_response_due_at__lt=soon).aggregate(
        overdue=Count("id", filter=Q(first_response_due_at__lt=now)),
        due_soon=Count("id", filter=Q(first_response_due_at__gte=now)),
    )
    rows = [
        QueueRow(**row, overdue=row["due"] < now)
        for row in qs.filter(first_response_due_at__lt=soon)
        .order_by("first_response_due_at", "id")
        .values("id", "subject", "priority", "team_id", "category_id", due=F("first_response_due_at"))[
            :QUEUE_LIMIT
        ]
    ]
    return Queue(overdue=counts["overdue"], due_soon=counts["due_soon"], rows=rows)


def backlog_by_status(*, team_id: int | None) -> dict[str, int]:
    qs = Ticket.objects.filter(status__in=OPEN_STATUSES)
    if team_id is not None:
        qs = qs.filter(team_id=team_id)
    found = dict(qs.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return {status: found.get(status, 0) for status in OPEN_STATUSES}


class _ShiftedDate(Func):
    """SQLite's own date() of a UTC timestamp shifted by a fixed number of minutes: the desk-local
    day without Django's per-row Python function (TruncDate's, ~7 µs a row)."""

    output_field = DateField()

    def __init__(self, expression: Any, minutes: int) -> None:
        super().__init__(expression)
        self.minutes = int(minutes)

    def as_sql(self, compiler: Any, conn: Any, **extra: Any) -> Any:
        return super().as_sql(
            compiler, conn, template=f"date(%(expressions)s, '{self.minutes:+d} minutes')", **extra
        )


def _local_day(period: Period) -> Func:
    zone = desk_zone()
    offsets = {
        datetime.combine(day, time(12), tzinfo=zone).utcoffset()
        for day in [*period.days, period.last_day + timedelta(days=1)]
    }
    if connection.vendor == "sqlite" and len(offsets) == 1:
        (offset,) = offsets
        return _ShiftedDate("created_at", minutes=offset.total_seconds() // 60)
    # A clock change inside the period (or PostgreSQL, where this is native AT TIME ZONE).
    return TruncDate("created_at", tzinfo=zone)


def per_day(*, tickets: QuerySet[Ticket], period: Period) -> dict[tuple[date, str, int | None], int]:
    """New tickets per desk-local day, channel and category (one query; the page sums it both ways)."""
    rows = (
        tickets.annotate(day=_local_day(period))
        .values("day", "channel", "category_id")
        .annotate(n=Count("id"))
        .values_list("day", "channel", "category_id", "n")
        .order_by()
    )
    return {(day, channel, category): n for day, channel, category, n in rows}


def rating_distribution(*, tickets: QuerySet[Ticket]) -> dict[int, int]:
    found = dict(
        tickets.filter(csat_rating__isnull=False)
        .values("csat_rating")
        .annotate(n=Count("id"))
        .values_list("csat_rating", "n")
        .order_by()
    )
    return {stars: found.get(stars, 0) for stars in range(5, 0, -1)}


def low_rated(*, tickets: QuerySet[Ticket]) -> list[dict[str, Any]]:
    return list(
        tickets.filter(csat_rating__lte=LOW_RATING)
        .order_by("-created_at", "-id")
        .values("id", "subject", "csat_rating", "csat_comment", "assignee_id", "created_at")[:LIST_LIMIT]
    )


def theft_cases(*, tickets: QuerySet[Ticket], category_id: int | None) -> list[dict[str, Any]]:
    if category_id is None:
        return []
    return list(
        tickets.filter(category_id=category_id)
        .annotate(frt=SecondsBetween("first_response_at", "created_at"))
        .order_by("-created_at", "-id")
        .values("id", "subject", "status", "priority", "created_at", "frt")[:LIST_LIMIT]
    )


def replies_by_agent(*, period: Period, team_id: int | None) -> dict[int | None, int]:
    """Public agent replies on the period's tickets, per author (one query: the cohort's tickets by
    `ticket_created`, their messages by `message_ticket_order`)."""
    qs = Message.objects.filter(
        ticket__created_at__gte=period.start,
        ticket__created_at__lt=period.end,
        author_kind=AuthorKind.AGENT,
        is_internal=False,
    )
    if team_id is not None:
        qs = qs.filter(ticket__team_id=team_id)
    return dict(
        qs.values("author_user_id").annotate(n=Count("id")).values_list("author_user_id", "n").order_by()
    )


@dataclass
class Report:
    period: Period
    team_id: int | None
    now: datetime
    queue: Queue
    overall: Summary
    by_team: list[Summary]
    by_category: list[Summary]
    agents: list[Summary]
    theft: Summary
    theft_cases: list[dict[str, Any]]
    backlog: dict[str, int]
    per_day: dict[tuple[date, str, int | None], int]
    ratings: dict[int, int]
    low_rated: list[dict[str, Any]]
    names: dict[str, dict[Any, str]]


def report_get(*, period: Period, team_id: int | None, lang: str, now: datetime | None = None) -> Report:
    """Everything the reports page shows, in a fixed number of queries whatever the number of
    tickets (nine, plus the console choices that each process keeps)."""
    now = now or timezone.now()
    choices = console_choices()
    zh = lang.startswith("zh")
    names = {
        "team": {t["id"]: t["name_zh"] if zh else t["name_en"] for t in choices["teams"]},
        "category": {c["id"]: c["name_zh"] if zh else c["name_en"] for c in choices["categories"]},
        "agent": {a["user_id"]: a["display_name"] for a in choices["agents"]},
        "channel": dict(Channel.choices),
        "status": dict(Status.choices),
    }
    theft_id = next((c["id"] for c in choices["categories"] if c["slug"] == THEFT_CATEGORY), None)
    tickets = cohort(period=period, team_id=team_id)
    groups = summaries(tickets=tickets, now=now)
    overall = groups["all"].get(None) or Summary(key=None)
    by_category = groups["category"]
    agents = groups["agent"]
    for user_id, n in replies_by_agent(period=period, team_id=team_id).items():
        if user_id is not None:
            agents.setdefault(user_id, Summary(key=user_id)).replies = n
    return Report(
        period=period,
        team_id=team_id,
        now=now,
        queue=sla_queue(team_id=team_id, now=now),
        overall=overall,
        by_team=_labelled(groups["team"], names["team"]),
        by_category=_labelled(by_category, names["category"]),
        agents=_labelled(agents, names["agent"]),
        theft=by_category.get(theft_id) or Summary(key=theft_id),
        theft_cases=theft_cases(tickets=tickets, category_id=theft_id),
        backlog=backlog_by_status(team_id=team_id),
        per_day=per_day(tickets=tickets, period=period),
        ratings=rating_distribution(tickets=tickets),
        low_rated=low_rated(tickets=tickets),
        names=names,
    )


def _labelled(rows: dict[Any, Summary], names: dict[Any, str]) -> list[Summary]:
    for key, row in rows.items():
        row.label = names.get(key, "") if key is not None else ""
        if key is not None and not row.label:
            row.label = f"#{key}"
    return sorted(rows.values(), key=lambda r: (-r.tickets, r.label))
