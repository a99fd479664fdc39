"""`{{ value|when }}`: a moment as <time datetime="…Z" data-local>server time + zone</time>.

The server writes the time in its own zone with the zone named, so a page without JavaScript is never
ambiguous; core/static/core/localtime.js rewrites every [data-local] element to the reader's own
clock in the page's language. Any app's template can use it ({% load when %}).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django import template
from django.utils import timezone
from django.utils.html import format_html

register = template.Library()

FORMATS = {"datetime": "%Y-%m-%d %H:%M", "seconds": "%Y-%m-%d %H:%M:%S", "short": "%m-%d %H:%M"}


def when_parts(value: datetime, style: str = "datetime") -> tuple[str, str]:
    """(ISO-8601 UTC, server-local text with its zone) for one moment; also used for list rows."""
    local = timezone.localtime(value)
    iso = value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return iso, f"{local.strftime(FORMATS.get(style, FORMATS['datetime']))} {_zone(local)}"


def _zone(local: datetime) -> str:
    offset = local.utcoffset()
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
