"""Is live chat open right now, and if not, when will someone be back?"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from walletdesk.chat.errors import BusinessHoursInvalid
from walletdesk.chat.models import BusinessHours

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_SPEC = re.compile(r"^(?P<days>[a-z]{3}(?:-[a-z]{3})?)\s+(?P<open>\d{1,2}:\d{2})-(?P<close>\d{1,2}:\d{2})$")


@dataclass(frozen=True)
class Availability:
    open: bool
    reason: str  # "" | "closed_hours" | "nobody_online"
    back_at: datetime | None  # next opening when closed by hours; None when unknown


def hours_open_at(*, when: datetime, hours: list[BusinessHours]) -> bool:
    if not hours:
        return True  # no hours configured: 24/7
    local = timezone.localtime(when)
    row = next((h for h in hours if h.weekday == local.weekday()), None)
    return row is not None and row.opens <= local.time() < row.closes


def hours_next_open(*, when: datetime, hours: list[BusinessHours]) -> datetime | None:
    if not hours:
        return None
    local = timezone.localtime(when)
    by_day = {h.weekday: h for h in hours}
    for offset in range(0, 8):
        day = (local + timedelta(days=offset)).date()
        row = by_day.get(day.weekday())
        if row is None:
            continue
        opening = timezone.make_aware(datetime.combine(day, row.opens), timezone.get_current_timezone())
        if opening > when:
            return opening
    return None


def availability_compute(*, now: datetime, hours: list[BusinessHours], agents_online: int) -> Availability:
    if not hours_open_at(when=now, hours=hours):
        return Availability(open=False, reason="closed_hours", back_at=hours_next_open(when=now, hours=hours))
    if agents_online <= 0:
        return Availability(open=False, reason="nobody_online", back_at=None)
    return Availability(open=True, reason="", back_at=None)


def business_hours_parse(spec: str) -> list[tuple[int, time, time]]:
    """'mon-fri 09:00-18:00; sat 10:00-14:00' → [(weekday, opens, closes), …]."""
    rows: dict[int, tuple[time, time]] = {}
    for part in filter(None, (p.strip().lower() for p in re.split(r"[;,\n]", spec))):
        match = _SPEC.match(part)
        if not match:
            raise BusinessHoursInvalid(fields={"hours": part})
        first, _, last = match["days"].partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise BusinessHoursInvalid(fields={"hours": part})
        start, end = DAYS.index(first), DAYS.index(last or first)
        if end < start:
            raise BusinessHoursInvalid(fields={"hours": part})
        try:
            opens = time.fromisoformat(match["open"].zfill(5))
            closes = time.fromisoformat(match["close"].zfill(5))
        except ValueError as exc:
            raise BusinessHoursInvalid(fields={"hours": part}) from exc
        if closes <= opens:
            raise BusinessHoursInvalid(fields={"hours": part})
        for weekday in range(start, end + 1):
            rows[weekday] = (opens, closes)
    return [(weekday, *rows[weekday]) for weekday in sorted(rows)]


def business_hours_set(*, spec: str) -> list[BusinessHours]:
    """Replace the opening hours; an empty spec means open around the clock."""
    parsed = business_hours_parse(spec)
    with transaction.atomic():
        BusinessHours.objects.all().delete()
        return BusinessHours.objects.bulk_create(
            [BusinessHours(weekday=w, opens=o, closes=c) for w, o, c in parsed]
        )


def business_hours_describe(hours: list[BusinessHours]) -> str:
    if not hours:
        return "24/7"
    return "; ".join(f"{DAYS[h.weekday]} {h.opens:%H:%M}-{h.closes:%H:%M}" for h in hours)
