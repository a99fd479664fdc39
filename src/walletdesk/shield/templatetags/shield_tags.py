"""Template tags for the shield's notices: {% load shield_tags %}.

{% shield_agent_banner counts %}  on the console ticket page (counts: Redaction.counts, summed)
{% shield_customer_warning %}     in the widget/transcript right after a redacted message
Both speak the active language (zh-hans or en).
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from walletdesk.shield.services import agent_banner, warning_html

register = template.Library()


@register.inclusion_tag("shield/_notice.html")
def shield_agent_banner(counts: dict[str, int] | None) -> dict[str, str]:
    text = agent_banner(counts=counts, locale=get_language() or "zh-hans") if counts else ""
    return {"text": text, "role": "alert"}


@register.inclusion_tag("shield/_notice.html")
def shield_customer_warning() -> dict[str, str]:
    return {"html": warning_html(locale=get_language() or "zh-hans"), "role": "alert"}
