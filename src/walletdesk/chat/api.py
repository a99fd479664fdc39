"""Chat API: the widget iframe's HTTP calls (config, suggestions, upload, offline message, transcript)
and the console's reads (queue, canned replies, agents to transfer to)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile as NinjaUploadedFile
from ninja.security import APIKeyHeader

from walletdesk.accounts.auth import agent_auth
from walletdesk.accounts.models import Customer
from walletdesk.chat import canned, selectors, services, transcripts
from walletdesk.chat.session import widget_session_customer
from walletdesk.core.ratelimit import rate_limit_hit, rate_limit_public
from walletdesk.tickets.attachments import UploadedFile
from walletdesk.tickets.events import message_payload
from walletdesk.tickets.selectors import CONSOLE_TICKET_RELATED, ticket_get_for_agent, ticket_get_for_customer

log = logging.getLogger(__name__)
router = Router()


class WidgetSession(APIKeyHeader):
    """The token the widget got in its WebSocket welcome (chat.session)."""

    param_name = "X-Widget-Session"

    def authenticate(self, request: HttpRequest, key: str | None) -> Customer | None:
        customer = widget_session_customer(token=key or "")  # raises 401 with the reason
        rate_limit_hit(scope="customer", key=str(customer.pk), limit=settings.WALLETDESK_RATE_LIMIT_CUSTOMER)
        return customer


widget_auth = WidgetSession()


class SuggestionOut(Schema):
    slug: str
    title: str
    url: str


@router.get("/chat/suggest", response=list[SuggestionOut])
def chat_suggest(request: HttpRequest, q: str = "", locale: str = "zh-hans") -> list[dict]:
    """Help-center articles for what the customer is typing (none until the help center exists)."""
    rate_limit_public(request, "chat-suggest", limit=settings.WALLETDESK_RATE_LIMIT_PUBLIC * 3)
    query = q.strip()[:200]
    if len(query) < 2:
        return []
    search = _article_search()
    if search is None:
        return []
    try:
        hits = search(query=query, locale=services.locale_clean(locale), limit=5)
    except Exception:  # suggestions are a convenience: the chat must open even if search is broken
        log.exception("help-center search failed for chat suggestions")
        return []
    return [{"slug": h.slug, "title": h.title, "url": h.url} for h in hits]


def _article_search():  # noqa: ANN202 - the help-center app's function, whichever module has it
    for module in ("walletdesk.helpcenter.services", "walletdesk.helpcenter.selectors"):
        try:
            imported = __import__(module, fromlist=["article_search"])
        except ImportError:
            continue
        search = getattr(imported, "article_search", None)
        if search is not None:
            return search
    return None


class AckOut(Schema):
    client_id: str
    ticket_id: int
    duplicate: bool
    message: dict


@router.post("/chat/upload", auth=widget_auth, response=AckOut)
def chat_upload(
    request: HttpRequest,
    client_id: Form[str],
    file: File[NinjaUploadedFile],
    body: Form[str] = "",
    locale: Form[str] = "",
) -> dict:
    """A pasted or dropped image/PDF, sent as a chat message (type sniffed from the bytes, ≤ 10 MB)."""
    content = file.read(settings.WALLETDESK_MAX_ATTACHMENT_BYTES + 1)
    result = services.chat_message_receive(
        customer=request.auth,
        body=body,
        client_id=client_id,
        locale=locale or None,
        attachments=[UploadedFile(filename=file.name or "file", content=content)],
    )
    return {
        "client_id": client_id,
        "ticket_id": result.received.ticket.pk,
        "duplicate": result.duplicate,
        "message": message_payload(result.received.message),
    }


class OfflineIn(Schema):
    client_id: str
    email: str
    body: str
    category: str | None = None
    intake: dict | None = None
    locale: str | None = None


class OfflineOut(Schema):
    reference: str
    email: str
    duplicate: bool
    secret_warning_html: str  # "" unless the message held a secret: shown at once, as the portal does
    category: str | None = None  # the ticket's, chosen or found by triage: theft shows the urgent steps


@router.post("/chat/offline", auth=widget_auth, response=OfflineOut)
def chat_offline(request: HttpRequest, payload: OfflineIn) -> dict:
    received = services.offline_message_receive(
        customer=request.auth,
        email=payload.email,
        body=payload.body,
        client_id=payload.client_id,
        locale=payload.locale,
        category_slug=payload.category,
        intake=payload.intake,
    )
    return {
        "reference": received.ticket.reference,
        "email": payload.email.strip().lower(),
        "duplicate": received.duplicate,
        "secret_warning_html": services.offline_secret_warning(received=received, locale=payload.locale),
        "category": received.ticket.category.slug if received.ticket.category_id else None,
    }


class TranscriptIn(Schema):
    ticket_id: int
    locale: str | None = None


class TranscriptEmailIn(TranscriptIn):
    email: str


@router.post("/chat/transcript", auth=widget_auth)
def chat_transcript(request: HttpRequest, payload: TranscriptIn) -> HttpResponse:
    ticket = ticket_get_for_customer(customer=request.auth, ticket_id=payload.ticket_id)
    html = transcripts.transcript_render(
        ticket=ticket, locale=services.locale_clean(payload.locale or ticket.locale)
    )
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{transcripts.transcript_filename(ticket)}"'
    return response


@router.post("/chat/transcript/email", auth=widget_auth)
def chat_transcript_email(request: HttpRequest, payload: TranscriptEmailIn) -> dict:
    ticket = ticket_get_for_customer(customer=request.auth, ticket_id=payload.ticket_id)
    transcripts.transcript_email_request(
        customer=request.auth,
        ticket=ticket,
        email=payload.email,
        locale=services.locale_clean(payload.locale or ticket.locale),
    )
    return {"queued": True, "email": payload.email.strip().lower()}


# --- console -----------------------------------------------------------------------------------
class CannedOut(Schema):
    shortcut: str
    title: str
    label: str  # the title in the console's language
    body: str  # what to insert: with a ticket, in its language with the placeholders filled
    body_zh: str
    body_en: str


@router.get("/chat/canned", auth=agent_auth, response=list[CannedOut])
def chat_canned(request: HttpRequest, q: str = "", ticket: str | None = None) -> list:
    """`ticket` (id or WD-number): bodies for that ticket's reply; a ticket the agent may not see is a 404."""
    console_locale = services.locale_clean(request.LANGUAGE_CODE)
    query = q.strip() or None
    if ticket is None:
        return canned.canned_list(console_locale=console_locale, query=query)
    found = ticket_get_for_agent(agent=request.auth, ticket_id=ticket, related=CONSOLE_TICKET_RELATED)
    return canned.canned_list(console_locale=console_locale, query=query, ticket=found, agent=request.auth)


@router.get("/chat/queue", auth=agent_auth)
def chat_queue(request: HttpRequest) -> dict:
    snapshot = selectors.queue_snapshot()
    return {
        "agents_online": snapshot.agents_online,
        "free_slots": snapshot.free_slots,
        "open": snapshot.availability.open,
        "reason": snapshot.availability.reason,
        "queue": [
            {
                "conversation_id": e.conversation_id,
                "ticket_id": e.ticket_id,
                "position": e.position,
                "wait_seconds": e.wait_seconds,
                "queued_at": e.queued_at.isoformat(),
            }
            for e in snapshot.entries
        ],
    }


@router.get("/chat/agents", auth=agent_auth)
def chat_agents(request: HttpRequest) -> list[dict]:
    """Online agents with their load, for the transfer menu."""
    profiles = selectors.agents_online_list()
    active = selectors.active_chats_by_agent(agent_ids=[p.user_id for p in profiles])
    return [
        {
            "user_id": p.user_id,
            "name": p.display_name or p.user.get_username(),
            "capacity": p.capacity,
            "active": len(active.get(p.user_id, [])),
            "teams": list(p.teams.values_list("slug", flat=True)),
        }
        for p in profiles
    ]
