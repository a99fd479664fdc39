"""`{% load triage_tags %}{% triage_chips message.entities %}` renders a message's entity chips."""

from __future__ import annotations

from django import template

from walletdesk.triage.selectors import entity_chips_list

register = template.Library()


@register.inclusion_tag("triage/_entity_chips.html")
def triage_chips(entities: dict | None) -> dict:
    return {"chips": entity_chips_list(entities=entities or {})}
