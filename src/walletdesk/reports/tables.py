"""The report as tables and charts: one definition serves the page and its CSV exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from walletdesk.reports.selectors import Report, Summary, desk_zone
from walletdesk.tickets.models import Priority, ticket_reference


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Duration:
    seconds: float | None


@dataclass(frozen=True)
class Percent:
    value: float | None


@dataclass(frozen=True)
class Average:
    value: float | None


@dataclass
class Table:
    name: str
    title: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    @property
    def numeric(self) -> set[int]:
        """The columns whose header aligns right, over numbers."""
        return {i for i, cell in enumerate(self.rows[0] if self.rows else []) if is_numeric(cell)}


def is_numeric(cell: Any) -> bool:
    return isinstance(cell, int | float | Average | Duration | Percent) and not isinstance(cell, bool)


# --- cells ------------------------------------------------------------------------------------
def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes = int(round(seconds / 60))
    if minutes < 1:
        return _("< 1 min")
    if minutes < 60:
        return _("%(m)d min") % {"m": minutes}
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _("%(h)d h %(m)02d min") % {"h": hours, "m": minutes}
    days, hours = divmod(hours, 24)
    return _("%(d)d d %(h)d h") % {"d": days, "h": hours}


def when_text(value: datetime) -> str:
    return timezone.localtime(value, desk_zone()).strftime("%Y-%m-%d %H:%M")


def cell_text(cell: Any) -> str:
    """How a cell reads on the page (the template escapes it)."""
    if isinstance(cell, Link):
        return cell.text
    if isinstance(cell, Duration):
        return duration_text(cell.seconds)
    if isinstance(cell, Percent):
        return "–" if cell.value is None else f"{cell.value:.1f} %"
    if isinstance(cell, Average):
        return "–" if cell.value is None else f"{cell.value:.2f}"
    if isinstance(cell, datetime):
        return when_text(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    if cell is None:
        return "–"
    return str(cell)


def csv_value(cell: Any) -> Any:
    """A cell in a CSV file: numbers stay numbers (durations in minutes), text is guarded."""
    if isinstance(cell, Duration):
        return "" if cell.seconds is None else round(cell.seconds / 60, 1)
    if isinstance(cell, Percent | Average):
        return "" if cell.value is None else round(cell.value, 2)
    if isinstance(cell, int | float):
        return cell
    if cell is None:
        return ""
    return csv_guard(cell_text(cell))


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection: a customer
# writes `=HYPERLINK(...)` as a subject or rating comment); tab and carriage return start one too.
# Some importers trim leading blanks and read full-width ＝＋－＠ as their ASCII forms, so the
# first character that is not a blank decides.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_BLANKS = " \t\r\n\u00a0\u200b\u3000\ufeff"


def csv_guard(text: str) -> str:
    return (
        "'" + text
        if text.startswith(_FORMULA_START) or text.lstrip(_BLANKS).startswith(_FORMULA_START)
        else text
    )


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    # Durations go out as numbers of minutes (csv_value), so their header names the unit.
    in_minutes = {i for row in table.rows for i, cell in enumerate(row) if isinstance(cell, Duration)}
    writer.writerow(
        [
            csv_guard(_("%(header)s (minutes)") % {"header": h} if i in in_minutes else h)
            for i, h in enumerate(table.headers)
        ]
    )
    for row in table.rows:
        writer.writerow([csv_value(cell) for cell in row])
    return out.getvalue()


# --- tables -----------------------------------------------------------------------------------
def _ticket(pk: int) -> Link:
    return Link(ticket_reference(pk), f"/console/tickets/{pk}/")


def _sla_headers(first: str) -> list[str]:
    return [
        first,
        _("Tickets"),
        _("Within SLA"),
        _("Breached"),
        _("SLA attainment"),
        _("First response, median"),
        _("First response, p90"),
        _("Resolution, median"),
        _("Resolution, p90"),
    ]


def _sla_row(row: Summary) -> list[Any]:
    return [
        row.label or _("No team"),
        row.tickets,
        row.met,
        row.breached,
        Percent(row.attainment),
        Duration(row.frt_p50),
        Duration(row.frt_p90),
        Duration(row.res_p50),
        Duration(row.res_p90),
    ]


def _per_day(
    report: Report, name: str, title: str, first: str, keys: list[Any], labels: dict[Any, str], pick: int
) -> Table:
    counts: dict[tuple[date, Any], int] = {}
    for key, n in report.per_day.items():
        day_key = (key[0], key[pick])
        counts[day_key] = counts.get(day_key, 0) + n
    table = Table(name, title, [first, *(labels.get(k) or _("None") for k in keys), _("Total")])
    for day in report.period.days:
        values = [counts.get((day, k), 0) for k in keys]
        table.rows.append([day, *values, sum(values)])
    return table


def _present(report: Report, pick: int, order: Iterable[Any]) -> list[Any]:
    """The keys (channels, categories) that have tickets in the period, in the given order."""
    seen = {key[pick] for key in report.per_day}
    ordered = [k for k in order if k in seen]
    return ordered + sorted((k for k in seen if k not in ordered), key=lambda k: (k is None, str(k)))


def report_tables(report: Report) -> dict[str, Table]:
    names = report.names
    channels = _present(report, 1, names["channel"])
    categories = _present(report, 2, names["category"])
    tables = [
        Table(
            "queue",
            _("Waiting for a first response"),
            [_("Ticket"), _("Subject"), _("Priority"), _("Team"), _("Category"), _("Due"), _("State")],
            [
                [
                    _ticket(r.id),
                    r.subject,
                    Priority(r.priority).label if r.priority in Priority.values else r.priority,
                    names["team"].get(r.team_id, ""),
                    names["category"].get(r.category_id, ""),
                    r.due,
                    _("Overdue") if r.overdue else _("Due within the hour"),
                ]
                for r in report.queue.rows
            ],
        ),
        Table("sla_team", _("SLA by team"), _sla_headers(_("Team")), [_sla_row(r) for r in report.by_team]),
        Table(
            "sla_category",
            _("SLA by category"),
            _sla_headers(_("Category")),
            [
                _sla_row(r) if r.key is not None else [_("No category"), *_sla_row(r)[1:]]
                for r in report.by_category
            ],
        ),
        _per_day(
            report,
            "volume_channel",
            _("New tickets per day by channel"),
            _("Day"),
            channels,
            names["channel"],
            1,
        ),
        _per_day(
            report,
            "volume_category",
            _("New tickets per day by category"),
            _("Day"),
            categories,
            names["category"],
            2,
        ),
        Table(
            "backlog",
            _("Backlog by status"),
            [_("Status"), _("Tickets")],
            [[names["status"].get(s, s), n] for s, n in report.backlog.items()],
        ),
        Table(
            "theft",
            _("Account theft cases"),
            [_("Ticket"), _("Subject"), _("Status"), _("Created"), _("First response")],
            [
                [
                    _ticket(r["id"]),
                    r["subject"],
                    names["status"].get(r["status"], r["status"]),
                    r["created_at"],
                    Duration(r["frt"]) if r["frt"] is not None else _("Not yet"),
                ]
                for r in report.theft_cases
            ],  # fmt: skip
        ),
        Table(
            "csat",
            _("Rating distribution"),
            [_("Stars"), _("Ratings"), _("Share")],
            [
                [stars, n, Percent(100.0 * n / report.overall.ratings if report.overall.ratings else None)]
                for stars, n in report.ratings.items()
            ],
        ),
        Table(
            "low_rated",
            _("Latest low ratings"),
            [_("Ticket"), _("Subject"), _("Stars"), _("Comment"), _("Agent"), _("Created")],
            [
                [
                    _ticket(r["id"]),
                    r["subject"],
                    r["csat_rating"],
                    r["csat_comment"],
                    names["agent"].get(r["assignee_id"], ""),
                    r["created_at"],
                ]
                for r in report.low_rated
            ],  # fmt: skip
        ),
        Table(
            "agents",
            _("Per agent"),
            [
                _("Agent"),
                _("Assigned tickets"),
                _("Solved"),
                _("Replies"),
                _("First response, median"),
                _("CSAT"),
                _("Ratings"),
            ],
            [
                [r.label, r.tickets, r.solved, r.replies, Duration(r.frt_p50), Average(r.csat), r.ratings]
                for r in report.agents
            ],
        ),
    ]
    return {t.name: t for t in tables}


TABLE_NAMES = (
    "queue",
    "sla_team",
    "sla_category",
    "volume_channel",
    "volume_category",
    "backlog",
    "theft",
    "csat",
    "low_rated",
    "agents",
)


# --- charts -----------------------------------------------------------------------------------
PALETTE = ("#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
           "#ea580c", "#4b5563", "#0d9488", "#a16207", "#9333ea", "#be123c")  # fmt: skip
CHART_HEIGHT = 120.0
BAR_STEP = 10.0  # viewBox units per day; the SVG stretches to the page's width


@dataclass
class Segment:
    y: float
    height: float
    color: str
    title: str


@dataclass
class Bar:
    x: float
    width: float
    title: str
    segments: list[Segment]


@dataclass
class Chart:
    width: float
    height: float
    top: int
    first_day: str
    last_day: str
    bars: list[Bar]
    legend: list[tuple[str, str]]


def stacked_chart(table: Table) -> Chart:
    """A stacked bar per day from a per-day table (day, one column per series, total)."""
    series = table.headers[1:-1]
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    top = max((row[-1] for row in table.rows), default=0) or 1
    scale = CHART_HEIGHT / top
    bars = []
    for i, row in enumerate(table.rows):
        day, values, total = cell_text(row[0]), row[1:-1], row[-1]
        y = CHART_HEIGHT
        segments = []
        for label, color, value in zip(series, colors, values, strict=True):
            if value:
                height = value * scale
                y -= height
                segments.append(Segment(round(y, 2), round(height, 2), color, f"{day} · {label}: {value}"))
        width = BAR_STEP * 0.8 if len(table.rows) < 60 else BAR_STEP
        bars.append(Bar(i * BAR_STEP + (BAR_STEP - width) / 2, width, f"{day}: {total}", segments))
    return Chart(
        width=BAR_STEP * max(len(table.rows), 1),
        height=CHART_HEIGHT,
        top=top,
        first_day=cell_text(table.rows[0][0]) if table.rows else "",
        last_day=cell_text(table.rows[-1][0]) if table.rows else "",
        bars=bars,
        legend=list(zip(series, colors, strict=True)),
    )
