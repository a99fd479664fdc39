"""Canned replies as an agent inserts them into one ticket's reply: the title in the console's
language, the body in the ticket's language with {customer_name}, {ticket_number} and {agent_name}
filled in. Used by the ticket page's picker and the live-chat panel (chat.api `chat_canned`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils import translation

from walletdesk.accounts.models import supervisor_allowed
from walletdesk.chat import selectors
from walletdesk.chat.events import agent_name
from walletdesk.chat.models import CannedReply
from walletdesk.core.bidi import bidi_strip
from walletdesk.tickets.models import Ticket

# CommonMark lets a backslash escape any ASCII punctuation; these are the ones that start inline
# syntax (emphasis, code, links, autolinks, tables, strikethrough), and "&" only where it would
# begin an entity ("AT&T" stays readable in the textarea).
_INLINE = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")
# What opens a block when it starts a line: a heading, quote, list item, setext/thematic rule.
_BLOCK_START = re.compile(r"^([#>+=-])|^(\d+)([.)])")


def markdown_text_escape(value: str) -> str:
    """`value` as literal text inside a Markdown reply: a customer named "*Bob*" stays "*Bob*",
    not bold, and a name cannot open a list or a link. One line: a newline would end a paragraph."""
    text = _INLINE.sub(r"\\\1", " ".join(value.split()))
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def canned_title_parts(title: str) -> tuple[str, str]:
    """(Chinese, English) of a stored title, written "中文 / English" (canned_title_join,
    chat.management.canned); one that does not split in two non-empty halves is both."""
    parts = [part.strip() for part in title.split(" / ")]
    return (parts[0], parts[1]) if len(parts) == 2 and all(parts) else (title, title)


def canned_title_for(title: str, locale: str) -> str:
    return canned_title_parts(title)[0 if locale.startswith("zh") else 1]


def canned_body_for(reply: CannedReply, locale: str) -> str:
    """The body in `locale`, or in the other language when that one is empty."""
    first, other = (
        (reply.body_zh, reply.body_en) if locale.startswith("zh") else (reply.body_en, reply.body_zh)
    )
    return first if first.strip() else other


def _customer_name(ticket: Ticket, locale: str) -> str:
    # A name stored before tickets.inbox removed bidi controls (or from a wallet's identity token)
    # would reorder the agent's own reply around it.
    name = bidi_strip(ticket.customer.name or "").strip() if ticket.customer_id else ""
    if name:
        return name
    with translation.override(locale):
        return translation.pgettext("canned reply: {customer_name} of a customer without a name", "customer")


def canned_placeholders(*, ticket: Ticket, agent: AbstractBaseUser, locale: str) -> dict[str, str]:
    values = {
        "customer_name": _customer_name(ticket, locale),
        "ticket_number": ticket.reference,
        "agent_name": agent_name(agent, locale),
    }
    return {key: markdown_text_escape(value) for key, value in values.items()}


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def canned_fill(body: str, values: dict[str, str]) -> str:
    """Known placeholders replaced; anything else in braces (a JSON sample, "{x}") is left alone."""
    return _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), body)


@dataclass(frozen=True)
class CannedForAgent:
    shortcut: str
    title: str  # the stored "中文 / English" title
    label: str  # the title in the console's language
    body: str  # in the ticket's language, placeholders filled (without a ticket: the console's, as stored)
    body_zh: str
    body_en: str


def canned_list(
    *,
    console_locale: str,
    query: str | None = None,
    ticket: Ticket | None = None,
    agent: AbstractBaseUser | None = None,
) -> list[CannedForAgent]:
    """With `ticket` (and the `agent` replying): bodies in the ticket's language, placeholders
    filled; the caller has checked that `agent` may see `ticket` (tickets.selectors.ticket_get_for_agent).
    Without (the live desk's menus): nothing to fill in, the body in the console's language."""
    if ticket is None or agent is None:
        locale, values = console_locale, {}
    else:
        locale = "zh-hans" if ticket.locale.startswith("zh") else "en"
        values = canned_placeholders(ticket=ticket, agent=agent, locale=locale)
    return [
        CannedForAgent(
            shortcut=reply.shortcut,
            title=reply.title,
            label=canned_title_for(reply.title, console_locale),
            body=canned_fill(canned_body_for(reply, locale), values),
            body_zh=reply.body_zh,
            body_en=reply.body_en,
        )
        for reply in selectors.canned_reply_list(query=query)[:100]
    ]


# --- the supervisors' page (chat.views.console_canned) -----------------------------------------
def canned_manage_allowed(*, user: AbstractBaseUser) -> bool:
    """Supervisors and admins: the canned replies go out under every agent's name."""
    return supervisor_allowed(user)


def canned_title_join(*, title_zh: str, title_en: str) -> str:
    zh, en = " ".join(title_zh.split()), " ".join(title_en.split())
    return f"{zh} / {en}" if zh and en and zh != en else zh or en
