"""`{{ value|when }}`: a moment as <time datetime="…Z" data-local>server time + zone</time>.

The server writes the time in its own zone with the zone named, so a page without JavaScript is never
ambiguous; core/static/core/localtime.js rewrites every [data-local] element to the reader's own
clock in the page's language. Any app's template can use it ({% load when %}).
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta, tzinfo

from django import template
from django.utils import timezone
from django.utils.html import format_html

register = template.Library()

FORMATS = {"datetime": "%Y-%m-%d %H:%M", "seconds": "%Y-%m-%d %H:%M:%S", "short": "%m-%d %H:%M"}
# The same formats as plain string formatting: pages print a dozen or more moments each, and
# strftime plus a time-zone lookup per moment was a tenth of the ticket page's view time.
_TEXT = {
    "datetime": lambda t: f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}",
    "seconds": lambda t: f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d}",
    "short": lambda t: f"{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}",
}


def when_parts(value: datetime, style: str = "datetime", zone: tzinfo | None = None) -> tuple[str, str]:
    """(ISO-8601 UTC, server-local text with its zone) for one moment; also used for list rows.
    `zone`: the current time zone, when the caller looked it up once for many moments."""
    local = timezone.localtime(value, zone)
    u = value.astimezone(UTC)
    iso = f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}Z"
    return iso, f"{_TEXT.get(style, _TEXT['datetime'])(local)} {_zone(local.utcoffset())}"


@functools.lru_cache(maxsize=64)
def _zone(offset: timedelta | None) -> str:
    if offset is None:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@register.filter
def when(value: datetime | None, style: str = "datetime") -> str:
    if not value:
        return ""
    iso, text = when_parts(value, style)
    return format_html('<time datetime="{}" data-local="{}">{}</time>', iso, style, text)
