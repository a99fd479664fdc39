"""`{{ row|first_response_due }}`: the inbox's Due cell, the first-response deadline relative to now
("in 35 min", "overdue 2 h") while no agent has answered an open ticket, nothing otherwise.

Overdue is `due-over` (red), due within the hour `due-soon` (amber). The row is a dict of
selectors.TICKET_ROW_FIELDS, so the deadline comes from the list's own query, never one per row."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop

from walletdesk.tickets.models import OPEN_STATUSES
from walletdesk.tickets.templatetags.when import when_parts

register = template.Library()

SOON_SECONDS = 3600


# Written out for makemessages; translated when a cell is drawn (one lookup per cell).
_TEXTS = {
    (True, "min"): gettext_noop("overdue %(n)s min"),
    (True, "h"): gettext_noop("overdue %(n)s h"),
    (True, "d"): gettext_noop("overdue %(n)s d"),
    (False, "min"): gettext_noop("in %(n)s min"),
    (False, "h"): gettext_noop("in %(n)s h"),
    (False, "d"): gettext_noop("in %(n)s d"),
}


def due_parts(due_at: datetime, now: datetime) -> tuple[str, str]:
    """(css class, relative text) of a deadline: minutes under an hour, hours under two days, then days."""
    seconds = (due_at - now).total_seconds()
    late = seconds <= 0
    left = abs(seconds)
    if left < 3600:
        n, unit = max(1, int(left // 60)), "min"
    elif left < 48 * 3600:
        n, unit = round(left / 3600), "h"
    else:
        n, unit = round(left / 86400), "d"
    css = "due-over" if late else "due-soon" if seconds <= SOON_SECONDS else "due-later"
    return css, gettext(_TEXTS[late, unit]) % {"n": n}


@register.filter
def first_response_due(row: dict[str, Any]) -> str:
    due_at = row.get("first_response_due_at")
    if due_at is None or row.get("first_response_at") is not None or row.get("status") not in OPEN_STATUSES:
        return ""
    css, text = due_parts(due_at, timezone.now())
    iso, local = when_parts(due_at)
    # Only our own catalog's strings and digits go in: no escaping pass (format_html was two
    # thirds of the cell's time).
    return mark_safe(  # noqa: S308
        f'<time class="{css}" datetime="{iso}" title="{gettext("First response due")} {local}">{text}</time>'
    )
