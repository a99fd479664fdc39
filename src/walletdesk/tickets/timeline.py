"""What the console shows of a ticket's events and intake answers, in the reader's language.

Events store codes (status "solved", category slug "deposit"); the page shows the labels an agent
reads ("已解决", "充值"). Everything is looked up in dicts already in memory: no query per event.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from walletdesk.accounts.models import Presence
from walletdesk.tickets.models import Category, Channel, Delivery, EventKind, Priority, Status
from walletdesk.tickets.templatetags.when import when_parts


def intake_rows(intake: dict[str, Any], category: Category | None, lang: str) -> list[tuple[str, Any]]:
    """(label, answer) pairs in the category's field order, unknown keys last under their own name."""
    specs = {f.get("key"): f for f in (category.intake_fields if category else []) if isinstance(f, dict)}
    order = [k for k in specs if k in intake] + [k for k in intake if k not in specs]
    rows = []
    for key in order:
        spec = specs.get(key, {})
        label = spec.get("label_en" if lang == "en" else "label_zh") or _intake_fallback(key)
        rows.append((label, intake[key]))
    return rows


def _intake_fallback(key: str) -> str:
    """Labels for keys a category no longer lists (the category was changed or edited)."""
    labels = {
        "account": _("Account"),
        "txid": _("Transaction ID"),
        "network": _("Network"),
        "amount": _("Amount"),
        "error": _("Error message"),
        "address": _("Address"),
        # The offline chat form's address: replies to the ticket go there by email.
        "reply_email": _("Reply by email to"),
        # A theft reported without signing in (tickets.views_urgent): nobody has checked it is theirs.
        "claimed_account": _("Account named (identity not verified)"),
        "phone": _("Phone number"),
        "callback_window": _("Call back"),
        "callback_language": _("Language of the call"),
    }
    return labels.get(key, key)


def choice_labels() -> dict[str, dict[str, str]]:
    """Status, priority, channel, delivery, presence and event labels as plain text in the active
    language. The catalogs do not change while the process runs, so each language is worked out
    once instead of translating some thirty labels on every page."""
    return _choice_labels(get_language() or "")


@functools.lru_cache(maxsize=8)
def _choice_labels(language: str) -> dict[str, dict[str, str]]:
    choices = {
        "status": Status,
        "priority": Priority,
        "channel": Channel,
        "delivery": Delivery,
        "presence": Presence,
        "event": EventKind,
    }
    return {name: {k: str(v) for k, v in kind.choices} for name, kind in choices.items()}


def event_rows(
    events: Iterable[dict[str, Any]], choices: dict[str, list[dict[str, Any]]], lang: str
) -> list[dict[str, Any]]:
    """`events`: dicts as `selectors.events_for_agent` gives them; every cell comes back as text."""
    labels = choice_labels()
    kind, status, priority = labels["event"], labels["status"], labels["priority"]
    name_key = "name_en" if lang == "en" else "name_zh"
    category = {c["slug"]: c[name_key] for c in choices["categories"]}
    team = {t["slug"]: t[name_key] for t in choices["teams"]}
    agent = {a["user_id"]: a["display_name"] for a in choices["agents"]}
    zone = timezone.get_current_timezone()
    rows = []
    for event in events:
        data = event["data"] or {}
        kind_code = event["kind"]
        change = ""
        if kind_code == EventKind.STATUS:
            change = _arrow(data, status)
        elif kind_code == EventKind.PRIORITY:
            change = _arrow(data, priority)
        elif kind_code == EventKind.CATEGORY:
            change = _arrow(data, category)
        elif kind_code == EventKind.TEAM:
            new = data.get("new", data.get("team"))
            change = "→ " + (team.get(new, new) if new else _("no team"))
        elif kind_code == EventKind.ASSIGNED:
            who = data.get("assignee_id")
            change = "→ " + (agent.get(who, str(who)) if who else _("Unassigned"))
        elif kind_code == EventKind.TAGS:
            change = ", ".join(data.get("tags") or []) or _("no tags")
        elif kind_code == EventKind.RATED:
            change = "★" * int(data.get("rating") or 0)
        actor = ""
        if event["actor_id"]:
            actor = agent.get(event["actor_id"]) or event["actor__username"]
        when_iso, when_text = when_parts(event["created_at"], "short", zone)
        rows.append(
            {
                "when_iso": when_iso,
                "when_text": when_text,
                "kind": kind_code,
                "label": kind.get(kind_code, kind_code),
                "actor": actor,
                "change": change,
                "message_id": data.get("message_id"),
            }
        )
    return rows


def _arrow(data: dict[str, Any], labels: dict[str, str]) -> str:
    old, new = data.get("old"), data.get("new")
    if not new:
        return ""
    new_label = labels.get(new, new)
    return f"{labels.get(old, old)} → {new_label}" if old else f"→ {new_label}"
