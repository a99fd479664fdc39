from datetime import datetime
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from walletdesk.reports.tables import Average, Duration, Link, Percent, cell_text, is_numeric

register = template.Library()


@register.simple_tag
def report_cell(cell: Any) -> SafeString:
    """One table cell, escaped; numbers align right."""
    if isinstance(cell, Link):
        return format_html('<td><a href="{}">{}</a></td>', cell.href, cell.text)
    if isinstance(cell, datetime):
        return format_html('<td class="when">{}</td>', cell_text(cell))
    if is_numeric(cell):
        return format_html('<td class="num">{}</td>', cell_text(cell))
    return format_html("<td>{}</td>", cell_text(cell))


@register.simple_tag
def report_value(value: Any, kind: str) -> str:
    """A headline figure: kind is percent, duration, average, or width (a bar's CSS percentage)."""
    if isinstance(value, Percent | Duration | Average):
        value = value.seconds if isinstance(value, Duration) else value.value
    if kind == "width":
        return f"{max(0.0, min(100.0, value or 0.0)):.1f}"
    wrapped = {"percent": Percent, "duration": Duration, "average": Average}[kind](value)
    return cell_text(wrapped)
