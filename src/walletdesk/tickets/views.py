"""Agent console and customer portal pages. Thin: parse, call one service or selector, render."""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.defaultfilters import filesizeformat
from django.template.loader import get_template
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.accounts.models import Team, customer_label
from walletdesk.accounts.views import customer_from_session
from walletdesk.core.errors import DomainError, RateLimited
from walletdesk.core.i18n import site_language
from walletdesk.core.ids import decimal_id
from walletdesk.core.markdown import markdown_render
from walletdesk.core.middleware import csrf_token
from walletdesk.core.ratelimit import rate_limit_public
from walletdesk.shield.services import warning_html as shield_warning_html
from walletdesk.tickets import outbox, selectors, services, timeline
from walletdesk.tickets.attachments import UploadedFile
from walletdesk.tickets.errors import RepliedMeanwhile
from walletdesk.tickets.jinja import page_template, translator
from walletdesk.tickets.models import AuthorKind, Channel, Delivery, Status, ticket_reference
from walletdesk.tickets.templatetags.when import when_parts
from walletdesk.triage.selectors import entity_chips_list
from walletdesk.verify.services import message_lookalike_warnings

INBOX_VIEWS = selectors.INBOX_VIEWS
INBOX_PAGE_SIZE = 25


def agent_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not agent_session_ok(request):
            return redirect(f"{settings.LOGIN_URL}?next={request.get_full_path()}")
        return view(request, *args, **kwargs)

    return wrapper


# --- console ---------------------------------------------------------------------------------
@agent_required
@require_GET
def console_inbox(request: HttpRequest) -> HttpResponse:
    view = request.GET.get("view", "open")
    if view not in INBOX_VIEWS:
        view = "open"
    filters = selectors.TicketFilters(
        view=view,
        text=request.GET.get("q") or None,
        category=request.GET.get("category") or None,
        status=request.GET.get("status") or None,
    )
    try:
        page = selectors.ticket_page_for_agent(
            agent=request.user,
            filters=filters,
            cursor=request.GET.get("cursor") or None,
            limit=INBOX_PAGE_SIZE,
            rows=True,
        )
    except DomainError:  # a mangled cursor in the address bar: start from the newest
        page = selectors.ticket_page_for_agent(
            agent=request.user, filters=filters, limit=INBOX_PAGE_SIZE, rows=True
        )
    _inbox_rows_label(page.tickets)
    context = {
        "view": view,
        "views": INBOX_VIEWS,
        "counts": selectors.inbox_counts(agent=request.user),
        "tickets": page.tickets,
        "next_cursor": page.next_cursor,
        "paged": bool(request.GET.get("cursor")),
        "q": request.GET.get("q", ""),
        "categories": selectors.console_choices()["categories"],
        "lang": site_language(),
        "statuses": Status.choices,
        "filter_category": filters.category or "",
        "filter_status": filters.status or "",
        "live_templates": _existing_templates(("chat/_console_inbox_live.html",)),
    }
    # Jinja2 copies of the Django templates of the same names (tickets.jinja says why).
    template = (
        "tickets/console/_inbox_rows.html"
        if request.headers.get("HX-Request")
        else "tickets/console/inbox.html"
    )
    return _jinja_render(request, template, context)


def _inbox_rows_label(rows: list[dict[str, Any]]) -> None:
    """Every cell as a ready string, once per request: the template then only looks up dict keys
    (no model attribute fallbacks, no per-cell translation, date or __str__ work)."""
    lang = site_language()
    labels = timeline.choice_labels()
    status, priority, channel = labels["status"], labels["priority"], labels["channel"]
    zone = timezone.get_current_timezone()
    for row in rows:
        last = row["last_message_at"]
        row.update(
            reference=ticket_reference(row["id"]),
            status_label=status[row["status"]],
            priority_label=priority[row["priority"]],
            channel_label=channel[row["channel"]],
            category_label=(row["category__name_en"] if lang == "en" else row["category__name_zh"])
            if row["category_id"]
            else "—",
            customer_label=customer_label(
                row["customer_id"], row["customer__name"], row["customer__email"], row["customer__wallet_uid"]
            ),
            assignee_label=row["assignee__username"] or "—",
        )
        row["last_activity_iso"], row["last_activity"] = (
            when_parts(last, "datetime", zone) if last else ("", "")
        )


def _ticket_context(
    request: HttpRequest, ticket_id: str, error: str = "", errors: dict[str, str] | None = None
) -> dict[str, Any]:
    page = selectors.ticket_view_for_agent(agent=request.user, ticket_id=ticket_id)
    ticket = page.ticket
    choices = selectors.console_choices()
    labels = timeline.choice_labels()
    presence = labels["presence"]
    lang = site_language()
    category = ticket.category
    name_key = "name_en" if lang == "en" else "name_zh"
    return {
        "ticket": ticket,
        "customer_label": str(ticket.customer),
        "created_iso_text": when_parts(ticket.created_at),
        "category_label": category.name_for(lang) if category else "",
        "intake_rows": timeline.intake_rows(ticket.intake, category, lang),
        "status_label": labels["status"].get(ticket.status, ticket.status),
        "priority_label": labels["priority"].get(ticket.priority, ticket.priority),
        "channel_label": labels["channel"].get(ticket.channel, ticket.channel),
        "messages": _conversation_label(page.conversation, ticket, labels),
        # The newest message this page shows: a reply posted from it must not go out over a
        # colleague's answer sent since (_unseen_replies_check).
        "seen_upto": max((m["id"] for m in page.conversation), default=0),
        "events": timeline.event_rows(page.events, choices, lang),
        "errors": errors or {},
        "tags": ", ".join(page.tags),
        "agents": [
            (
                a["user_id"],
                f"{a['display_name']} ({presence.get(a['presence'], '')})",
                a["user_id"] == ticket.assignee_id,
            )
            for a in choices["agents"]
        ],
        "statuses": [(v, label, v == ticket.status) for v, label in labels["status"].items()],
        "priorities": [(v, label, v == ticket.priority) for v, label in labels["priority"].items()],
        "categories": [
            (c["slug"], c[name_key], c["id"] == ticket.category_id) for c in choices["categories"]
        ],
        "teams": [(t["slug"], t[name_key], t["id"] == ticket.team_id) for t in choices["teams"]],
        "lang": lang,
        "error": error,
        "user": request.user,
        "check_codes": page.check_codes,
        "panels": _existing_templates(TICKET_PANELS),
        "live_templates": _existing_templates(("chat/_console_ticket_live.html",)),
    }


# Message backgrounds (internal notes stand out from replies) and delivery chip colours.
_MESSAGE_STYLE = {"internal": "background:#fffbea;", AuthorKind.AGENT: "background:#f1f7ff;"}
_DELIVERY_CLASS = {Delivery.FAILED: "bad", Delivery.SENT: "ok"}


def _conversation_label(
    messages: list[dict[str, Any]], ticket: Any, labels: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    """Every cell of the conversation as a ready string or list, once per request, so the page's
    message loop only looks up dict keys (it is the page's longest loop). Look-alike warnings are
    judged for customer messages only, in the customer's language; entity chips come from the
    entities triage stored with the message."""
    customer = str(ticket.customer)
    system = _("System")
    delivery = labels["delivery"]
    zone = timezone.get_current_timezone()
    for m in messages:
        kind = m["author_kind"]
        if kind == AuthorKind.CUSTOMER:
            author = customer
            m["lookalikes"] = message_lookalike_warnings(
                text=m["body"] or "", locale=ticket.locale or "zh-hans"
            )
        else:
            author = (
                (m["author_user__agent_profile__display_name"] or m["author_user__username"] or system)
                if m["author_user_id"]
                else system
            )
            m["lookalikes"] = ()
        m["author_label"] = author
        m["css_class"] = f"card message {kind} internal" if m["is_internal"] else f"card message {kind}"
        m["style"] = _MESSAGE_STYLE.get("internal" if m["is_internal"] else kind, "")
        m["when_iso"], m["when_text"] = when_parts(m["created_at"], "seconds", zone)
        status = m["delivery_status"]
        m["delivery_label"] = "" if status == Delivery.NONE else delivery.get(status, status)
        m["delivery_class"] = _DELIVERY_CLASS.get(status, "")
        m["chips"] = entity_chips_list(entities=m["entities"]) if m["entities"] else ()
        for a in m["attachment_rows"]:
            a["size_label"] = filesizeformat(a["size"])
    return messages


# Side panels other apps contribute to the ticket page (customer's wallet account, chain lookups).
TICKET_PANELS = ("wallet/_customer_panel.html", "chain/_ticket_panel.html", "verify/_ticket_panel.html")


@functools.cache
def _existing_templates(names: tuple[str, ...]) -> tuple[str, ...]:
    """Which optional templates the installed apps provide (fixed for the life of the process)."""
    found = []
    for name in names:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            continue
        found.append(name)
    return tuple(found)


@agent_required
@require_http_methods(["GET", "HEAD", "POST"])
def console_ticket(request: HttpRequest, ticket_id: str) -> HttpResponse:
    """GET shows the ticket; the reply form posts here too (action=reply|note) so that a refused
    reply re-renders at the ticket's own address, not at …/reply/."""
    if request.method == "POST":
        action = request.POST.get("action", "reply")
        if action not in ("reply", "note"):
            raise Http404()
        return _ticket_act(request, ticket_id, action)
    try:
        context = _ticket_context(request, ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    return _ticket_render(request, context)


# The whole page is one Jinja2 template (tickets.jinja says why), the console layout included.
_TICKET_PAGE = "tickets/console/ticket_body.html"


def _ticket_render(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return _jinja_render(request, _TICKET_PAGE, context, status)


def _jinja_render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """A console page from the Jinja2 environment, with what the Django layout's context
    processors gave it. One masked CSRF token for the page's forms and the layout's (the backends'
    lazy tokens mask a new one wherever they are printed), so the page is rendered without the
    backend's request extras."""
    language = get_language()
    page_context = {
        "user": request.user,
        **context,
        "request": request,
        "csrf_token": csrf_token(request),
        "LANG": language,
        "BRAND_NAME": settings.BRAND_NAME,
        "_": translator(language),  # the page's own strings, without asking the language each time
    }
    page = page_template(template, language).render(page_context)
    return HttpResponse(page, status=status)


@agent_required
@require_POST
def console_ticket_action(request: HttpRequest, ticket_id: str, action: str) -> HttpResponse:
    return _ticket_act(request, ticket_id, action)


def _ticket_act(request: HttpRequest, ticket_id: str, action: str) -> HttpResponse:
    try:
        ticket = selectors.ticket_get_for_agent(agent=request.user, ticket_id=ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    post = request.POST
    try:
        if action in ("reply", "note"):
            if action == "reply":
                _unseen_replies_check(ticket, request.user, post.get("seen_upto"))
            uploads = [
                UploadedFile(filename=f.name, content=f.read()) for f in request.FILES.getlist("files")
            ]
            outbox.send(
                ticket=ticket,
                author=request.user,
                body=post.get("body", ""),
                internal=action == "note",
                attachments=uploads,
            )
        elif action == "assign":
            # A tampered id ("abc", 30 digits) is no agent, said in words, not a Python ValueError text.
            raw_assignee = post.get("assignee", "").strip()
            assignee_id = decimal_id(raw_assignee)
            agent = services.agent_user_get(user_id=assignee_id) if assignee_id is not None else None
            if raw_assignee and agent is None:
                raise DomainError(_("This person is not an active agent."))
            services.ticket_assign(ticket=ticket, agent=agent, by=request.user)
        elif action == "take":
            services.ticket_assign(ticket=ticket, agent=request.user, by=request.user)
        elif action == "fields":
            # Tags first: a refused tag changes nothing else of the form.
            tags = (
                services.ticket_tags_clean(tags=post["tags"].replace("，", ",").split(","))
                if "tags" in post
                else None
            )
            if post.get("status"):
                services.ticket_status_set(ticket=ticket, status=post["status"], by=request.user)
            if post.get("priority"):
                services.ticket_priority_set(ticket=ticket, priority=post["priority"], by=request.user)
            if post.get("category"):
                services.ticket_category_set(ticket=ticket, category_slug=post["category"], by=request.user)
            if "team" in post:
                team = Team.objects.filter(slug=post["team"]).first()
                services.ticket_team_set(ticket=ticket, team=team, by=request.user)
            if tags is not None:
                services.ticket_tags_set(ticket=ticket, tags=tags, by=request.user)
        else:
            raise Http404()
    except (DomainError, ValueError) as exc:
        message = getattr(exc, "message", str(exc))
        errors = {"body": message} if action in ("reply", "note") else {action: message}
        context = _ticket_context(request, ticket_id, error=message, errors=errors)
        context["draft"] = post.get("body", "")
        context["draft_action"] = action
        if action == "fields" and "tags" in post:
            context["tags"] = post["tags"]  # what the agent typed, to correct
        return _ticket_render(request, context, status=getattr(exc, "page_status", 400))
    return HttpResponseRedirect(f"/console/tickets/{ticket.pk}/")


def _unseen_replies_check(ticket: Any, user: Any, seen_upto: str | None) -> None:
    """Two agents on one ticket: the second one's reply would reach the customer right after the
    first one's answer, unread. The page comes back with the colleague's reply shown and the draft
    kept; sending again sends it. A form without the field (an older page) is not checked."""
    if seen_upto is None:
        return
    after_id = decimal_id(seen_upto)
    if after_id is None:
        raise DomainError(_("This page is out of date. Reload it, then send your reply again."))
    names = selectors.replies_by_others_since(ticket=ticket, after_id=after_id, agent=user)
    if names:
        raise RepliedMeanwhile(
            _(
                "A new reply from %(names)s was sent while you were writing. Review it before "
                "sending yours: your reply is kept below, send it again to send it as it is."
            )
            % {"names": ", ".join(names)}
        )


@agent_required
@require_POST
def console_preview(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        markdown_render(request.POST.get("body", "")) or f'<p class="muted">{_("Nothing to preview")}</p>'
    )


# --- customer portal -------------------------------------------------------------------------
def customer_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        customer = customer_from_session(request)
        if customer is None:
            return render(
                request, "accounts/portal_login.html", {"next": request.get_full_path()}, status=401
            )
        request.customer = customer  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
def portal_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "tickets/portal/home.html",
        {
            "customer": customer_from_session(request),
            "categories": selectors.category_list(),
            "lang": site_language(),
        },
    )


@customer_required
def portal_new(request: HttpRequest) -> HttpResponse:
    categories = list(selectors.category_list())
    chosen = next(
        (c for c in categories if c.slug == (request.POST.get("category") or request.GET.get("category"))),
        None,
    )
    context: dict[str, Any] = {
        "categories": categories,
        "chosen": chosen,
        "lang": site_language(),
        "values": request.POST,
        "errors": {},
        "error": "",
        "subject": request.POST.get("subject") or request.GET.get("q", ""),
    }
    if chosen is not None and chosen.slug == services.THEFT_CATEGORY:
        context["theft"] = _portal_theft(request, None, chosen)
        context["within"] = _portal_duration(chosen.first_response_minutes)
    if request.method == "POST":
        if chosen is None:
            context["errors"] = {"category": _("Choose what your request is about.")}
        else:
            intake = {f["key"]: request.POST.get(f"intake_{f['key']}", "") for f in chosen.intake_fields}
            uploads = [
                UploadedFile(filename=f.name, content=f.read()) for f in request.FILES.getlist("files")
            ]
            try:
                received = services.ticket_create_by_customer(
                    customer=request.customer,
                    channel=Channel.WEB,
                    body=request.POST.get("body", ""),
                    category=chosen,
                    subject=request.POST.get("subject", ""),
                    intake=intake,
                    attachments=uploads,
                    external_id=_portal_submission_id(request),
                    locale=site_language(),
                )
            except DomainError as exc:
                context["error"] = exc.message
                context["errors"] = _field_errors(exc)
            else:
                _secret_warning_remember(request, received)
                return redirect(f"/support/tickets/{received.ticket.pk}/")
        context["fields"] = _intake_fields(chosen, request.POST, context["errors"])
        context["submission"] = request.POST.get("submission") or uuid.uuid4().hex
        return render(request, "tickets/portal/new.html", context, status=400)
    context["fields"] = _intake_fields(chosen, {}, {})
    context["submission"] = uuid.uuid4().hex
    return render(request, "tickets/portal/new.html", context)


def _portal_submission_id(request: HttpRequest) -> str | None:
    """The form's one-time id as the message's external id: a double click or a resent POST is then
    the same (channel, external id), and receive's idempotency answers with the ticket the first one
    opened instead of a second ticket. Scoped to the customer, so another's id finds nothing of theirs."""
    submission = request.POST.get("submission", "")
    if not re.fullmatch(r"[0-9a-f]{32}", submission):
        return None
    return f"portal-new:{request.customer.pk}:{submission}"


@customer_required
@require_http_methods(["GET", "POST"])
def portal_callback(request: HttpRequest) -> HttpResponse:
    lang = site_language()
    categories = list(selectors.category_list())
    context = {
        "categories": categories,
        "windows": services.CALLBACK_WINDOWS,
        "languages": services.CALLBACK_LANGUAGES,
        "lang": lang,
        "time_zone": settings.TIME_ZONE,
        "values": request.POST
        if request.method == "POST"
        else {"phone": request.customer.phone, "language": lang},
        "errors": {},
        "error": "",
    }
    if request.method == "GET":
        return render(request, "tickets/portal/callback.html", context)
    chosen = next((c for c in categories if c.slug == request.POST.get("category")), None)
    try:
        rate_limit_public(request, "callback", limit=5)
        received = services.callback_request(
            customer=request.customer,
            phone=request.POST.get("phone", ""),
            window=request.POST.get("window", ""),
            language=request.POST.get("language", ""),
            body=request.POST.get("body", ""),
            category=chosen,
            locale=lang,
        )
    except DomainError as exc:
        return portal_form_refused(request, "tickets/portal/callback.html", context, exc)
    return redirect(f"/support/tickets/{received.ticket.pk}/")


def portal_form_refused(
    request: HttpRequest, template: str, context: dict[str, Any], exc: DomainError
) -> HttpResponse:
    """A portal form shown again with what was typed and why it was refused: each field's error
    beside it, or the whole form's (a rate limit also says when to try again)."""
    context["error"], context["errors"] = exc.message, exc.fields or {}
    response = render(request, template, context, status=exc.status)
    if isinstance(exc, RateLimited):
        response["Retry-After"] = str(exc.retry_after)
    return response


def _intake_fields(category: Any, values: Any, errors: dict[str, str]) -> list[dict[str, Any]]:
    """The category's intake form with what the customer typed, so an error loses nothing."""
    if category is None:
        return []
    return [
        {
            **spec,
            "name": f"intake_{spec['key']}",
            "value": values.get(f"intake_{spec['key']}", ""),
            "error": errors.get(spec["key"]),
        }
        for spec in category.intake_fields
    ]


@customer_required
@require_GET
def portal_tickets(request: HttpRequest) -> HttpResponse:
    tickets = selectors.ticket_list_for_customer(customer=request.customer)[:200]
    return render(request, "tickets/portal/tickets.html", {"tickets": tickets, "lang": site_language()})


def _portal_ticket(request: HttpRequest, ticket_id: str) -> Any:
    try:
        return selectors.ticket_get_for_customer(customer=request.customer, ticket_id=ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc


@customer_required
def portal_ticket(request: HttpRequest, ticket_id: str) -> HttpResponse:
    ticket = _portal_ticket(request, ticket_id)
    error = ""
    errors: dict[str, str] = {}
    if request.method == "POST":
        uploads = [UploadedFile(filename=f.name, content=f.read()) for f in request.FILES.getlist("files")]
        try:
            received = services.ticket_reply_by_customer(
                ticket=ticket, body=request.POST.get("body", ""), attachments=uploads
            )
        except DomainError as exc:
            error = exc.message
            errors = _field_errors(exc)
        else:
            _secret_warning_remember(request, received)
            return redirect(f"/support/tickets/{ticket.pk}/")
    category = selectors.category_by_id(ticket.category_id)
    context = {
        "ticket": ticket,
        "messages": selectors.messages_for_customer(ticket=ticket),
        "lang": site_language(),
        "error": error,
        "errors": errors,
        "draft": request.POST.get("body", ""),
        "secret_warning": _secret_warning_pop(request, ticket),
        # What the customer filled in on the request form (account, TxID, network …), so they can
        # see what support has and spot a wrong hash without writing again.
        "intake_rows": timeline.intake_rows(ticket.intake, category, site_language()),
        "first_response": _portal_first_response(ticket),
    }
    if context["secret_warning"] or (category is not None and category.slug == services.THEFT_CATEGORY):
        context["theft"] = _portal_theft(request, ticket, category)
    return render(request, "tickets/portal/ticket.html", context, status=400 if error else 200)


def _portal_theft(request: HttpRequest, ticket: Any, category: Any = None) -> dict[str, Any]:
    """What a customer reporting a theft sees up front: the account's frozen state (asked of the
    wallet backend), the freeze address, the help article and what to prepare."""
    from walletdesk.wallet.services import account_state_get
    from walletdesk.wallet.views import stolen_account_help_url

    account = account_state_get(uid=request.customer.wallet_uid)
    return {
        "is_theft": category is not None and category.slug == services.THEFT_CATEGORY,
        "frozen": account is not None and account.status == "frozen",
        "known": account is not None,
        "freeze_url": "/support/account/freeze/" + (f"?ticket={ticket.pk}" if ticket else ""),
        "help_url": stolen_account_help_url(site_language()),
        "prepare": [
            f["label_en"] if site_language() == "en" else f["label_zh"]
            for f in (category.intake_fields if category else ())
        ],
        # The checklist's own line on addresses and hashes, unless the form already asks for the address.
        "asks_address": any(f.get("key") == "address" for f in (category.intake_fields if category else ())),
    }


def _portal_first_response(ticket: Any) -> dict[str, Any] | None:
    """ "We usually answer within …; expected by …" while no agent has answered an open ticket."""
    if ticket.first_response_at or not ticket.first_response_due_at or not ticket.is_open:
        return None
    minutes = round((ticket.first_response_due_at - ticket.created_at).total_seconds() / 60)
    return {"within": _portal_duration(minutes), "due": ticket.first_response_due_at}


def _portal_duration(minutes: int) -> str:
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    if minutes < 48 * 60:
        hours = round(minutes / 60)
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    days = round(minutes / 1440)
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}


# Errors that belong to one form field, so the page shows them beside it (and in the summary).
_FIELD_OF_ERROR = {"message_empty": "body", "message_too_long": "body", "attachment_rejected": "files"}


def _field_errors(exc: DomainError) -> dict[str, str]:
    errors = {key: str(value) for key, value in (exc.fields or {}).items()}
    field = _FIELD_OF_ERROR.get(exc.code)
    if field:
        errors[field] = exc.message
    return errors


SECRET_WARNING_SESSION = "wd_secret_warning"


def _secret_warning_remember(request: HttpRequest, received: Any) -> None:
    """The automatic warning is posted by the worker a moment later; the page the customer lands on
    right after sending must already tell them to treat the phrase as leaked."""
    if received.secrets_found:
        request.session[SECRET_WARNING_SESSION] = received.ticket.pk


def _secret_warning_pop(request: HttpRequest, ticket: Any) -> str:
    if request.session.get(SECRET_WARNING_SESSION) != ticket.pk:
        return ""
    del request.session[SECRET_WARNING_SESSION]
    return shield_warning_html(locale=site_language())


@customer_required
@require_GET
def portal_ticket_messages(request: HttpRequest, ticket_id: str) -> HttpResponse:
    ticket = _portal_ticket(request, ticket_id)
    return render(
        request,
        "tickets/portal/_messages.html",
        {
            "ticket": ticket,
            "messages": selectors.messages_for_customer(ticket=ticket),
            "lang": site_language(),
        },
    )


@customer_required
@require_GET
def portal_ticket_transcript(request: HttpRequest, ticket_id: str) -> HttpResponse:
    """The conversation as one HTML file the customer keeps (what support said, in writing): the
    live chat's transcript, for any of the customer's own tickets; internal notes never in it."""
    from walletdesk.chat import transcripts  # chat builds on tickets; imported where it is used

    ticket = _portal_ticket(request, ticket_id)
    response = HttpResponse(
        transcripts.transcript_render(ticket=ticket, locale=site_language()),
        content_type="text/html; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{transcripts.transcript_filename(ticket)}"'
    return response


@customer_required
@require_POST
def portal_ticket_close(request: HttpRequest, ticket_id: str) -> HttpResponse:
    services.ticket_close_by_customer(ticket=_portal_ticket(request, ticket_id))
    return redirect(f"/support/tickets/{ticket_id}/")


@customer_required
@require_POST
def portal_ticket_rate(request: HttpRequest, ticket_id: str) -> HttpResponse:
    ticket = _portal_ticket(request, ticket_id)
    try:
        services.ticket_rate(
            ticket=ticket,
            rating=decimal_id(request.POST.get("rating", "")) or 0,
            comment=request.POST.get("comment", ""),
        )
    except DomainError:
        # The form requires 1–5; a post without one (the browser's check skipped) was dropped
        # silently with a 200 and the customer believed it was sent.
        context = {
            "heading": _("Your rating was not sent"),
            "message": _("Choose from 1 to 5 stars, then send the rating again."),
            "back": f"/support/tickets/{ticket.pk}/#rating",
            "back_label": _("Back to the ticket"),
        }
        return render(request, "core/form_refused.html", context, status=400)
    return redirect(f"/support/tickets/{ticket.pk}/")


@require_GET
def attachment_download(request: HttpRequest, attachment_id: int) -> HttpResponse:
    """Attachments are never public files: agents, or the customer who owns the ticket, only."""
    from django.http import FileResponse

    from walletdesk.tickets.models import Attachment

    attachment = Attachment.objects.select_related("ticket", "message").filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404()
    if not agent_session_ok(request):
        customer = customer_from_session(request)
        internal = attachment.message is not None and attachment.message.is_internal
        if customer is None or attachment.ticket.customer_id != customer.pk or internal:
            raise Http404()
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = (
        f'inline; filename="{attachment.filename.encode("ascii", "ignore").decode() or "file"}"'
    )
    return response
