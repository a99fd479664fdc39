"""Template tags other apps' pages use: look-alike chips on a message, check codes beside a ticket,
official contacts in footers.

    {% load verify_tags %}
    {% lookalike_chips message.body customer.locale %}
    {% support_check_codes ticket.customer_id %}
    {% official_contacts_line %}
"""

from __future__ import annotations

from django import template
from django.utils import translation

from walletdesk.verify import selectors, services

register = template.Library()


@register.inclusion_tag("verify/_lookalike_chips.html")
def lookalike_chips(text: str, locale: str | None = None) -> dict:
    return {"warnings": services.message_lookalike_warnings(text=text or "", locale=locale or "zh-hans")}


@register.inclusion_tag("verify/_check_codes.html")
def support_check_codes(customer_id: object) -> dict:
    return {"codes": list(selectors.support_check_codes_active(customer_id=str(customer_id)))}


@register.simple_tag
def official_contacts_line(locale: str | None = None) -> str:
    return services.official_contacts_footer(locale=locale or translation.get_language() or "zh-hans")
