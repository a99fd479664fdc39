"""Widget pages: the embed script, the iframe it opens, and a demo host page."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_http_methods

from walletdesk.chat import selectors, services
from walletdesk.tickets.selectors import category_list

STATIC_DIR = Path(__file__).resolve().parent / "static" / "chat"


def _frame_ancestors() -> str:
    return " ".join(["'self'", *settings.WALLETDESK_WIDGET_ORIGINS])


def categories_for_widget() -> list[dict]:
    """Category picker data: names, descriptions and the 'what to prepare' intake fields, both languages."""
    return [
        {
            "slug": c.slug,
            "name": {"zh-hans": c.name_zh, "en": c.name_en},
            "description": {"zh-hans": c.description_zh, "en": c.description_en},
            "fields": [
                {
                    "key": f.get("key"),
                    "type": f.get("type", "text"),
                    "required": bool(f.get("required")),
                    "label": {
                        "zh-hans": f.get("label_zh", f.get("key")),
                        "en": f.get("label_en", f.get("key")),
                    },
                    "help": {"zh-hans": f.get("help_zh", ""), "en": f.get("help_en", "")},
                }
                for f in c.intake_fields
                if f.get("key")
            ],
        }
        for c in category_list()
    ]


@require_GET
def widget_js(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        (STATIC_DIR / "widget.js").read_text(), content_type="text/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@xframe_options_exempt  # framing is governed by CSP frame-ancestors below, per allowed host origin
def widget_frame(request: HttpRequest) -> HttpResponse:
    host = request.get_host()
    response = render(
        request,
        "chat/widget_frame.html",
        {
            "categories": categories_for_widget(),
            "urgent": selectors.widget_urgent_help(),
            "allowed_origins": [*settings.WALLETDESK_WIDGET_ORIGINS, settings.SITE_URL],
            "locale": services.locale_clean(request.GET.get("lang") or request.LANGUAGE_CODE),
            "max_bytes": settings.WALLETDESK_MAX_ATTACHMENT_BYTES,
        },
    )
    response["Content-Security-Policy"] = (
        f"frame-ancestors {_frame_ancestors()}; default-src 'self'; script-src 'self'; "
        f"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        f"connect-src 'self' ws://{host} wss://{host}; object-src 'none'; base-uri 'none'; form-action 'self'"
    )
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_GET
def widget_demo(request: HttpRequest) -> HttpResponse:
    """A wallet's page embedding the widget, for trying it out and for the browser tests."""
    return render(request, "chat/widget_demo.html", {"widget_base": settings.SITE_URL})


def _console_ws_base(request: HttpRequest) -> str:
    scheme = "wss" if request.is_secure() else "ws"
    return f"{scheme}://{request.get_host()}"


def console_live_chat(request: HttpRequest, ticket_id: int | None = None) -> HttpResponse:
    """A minimal live-chat desk: the queue, and one chat with the live panel (the full ticket page
    is the console's; this page is what the live panels need to stand on their own)."""
    from django.contrib.auth.views import redirect_to_login

    from walletdesk.accounts.auth import agent_session_ok
    from walletdesk.tickets.selectors import ticket_get_for_agent

    if not agent_session_ok(request):
        return redirect_to_login(request.get_full_path())
    context = {"ws_url_base": _console_ws_base(request), "user": request.user}
    if ticket_id is None:
        return render(request, "chat/console_desk.html", context)
    from django.http import Http404

    from walletdesk.tickets.errors import TicketNotFound
    from walletdesk.tickets.selectors import messages_for_agent

    try:
        ticket = ticket_get_for_agent(agent=request.user, ticket_id=ticket_id)
    except TicketNotFound as exc:
        raise Http404(exc.message) from exc
    context.update(ticket=ticket, chat_messages=messages_for_agent(ticket=ticket))
    return render(request, "chat/console_chat.html", context)


# --- canned replies: the supervisors' page ------------------------------------------------------
def _canned_denied(request: HttpRequest) -> HttpResponse | None:
    from django.contrib.auth.views import redirect_to_login

    from walletdesk.accounts.auth import agent_session_ok
    from walletdesk.chat.canned import canned_manage_allowed

    if not agent_session_ok(request):
        return redirect_to_login(request.get_full_path())
    if not canned_manage_allowed(user=request.user):
        return render(request, "chat/console_canned_forbidden.html", status=403)
    return None


@require_http_methods(["GET", "POST"])
def console_canned(request: HttpRequest, shortcut: str | None = None) -> HttpResponse:
    """The list, and the form for a new reply (no shortcut) or the one being edited."""
    from django.http import Http404
    from django.shortcuts import redirect

    from walletdesk.chat import canned, selectors
    from walletdesk.core.errors import ValidationFailed

    if (denied := _canned_denied(request)) is not None:
        return denied
    replies = list(selectors.canned_reply_list())
    editing = next((r for r in replies if r.shortcut == shortcut), None)
    if shortcut and editing is None:
        raise Http404("No such canned reply")
    title_zh, title_en = canned.canned_title_parts(editing.title) if editing else ("", "")
    data = {
        "shortcut": editing.shortcut if editing else "",
        "title_zh": title_zh,
        "title_en": title_en,
        "body_zh": editing.body_zh if editing else "",
        "body_en": editing.body_en if editing else "",
    }
    errors: dict[str, str] = {}
    taken = None
    if request.method == "POST":
        data.update({k: request.POST.get(k, "") for k in data if not (k == "shortcut" and editing)})
        try:
            saved = services.canned_reply_upsert(
                shortcut=data["shortcut"],
                title=canned.canned_title_join(title_zh=data["title_zh"], title_en=data["title_en"]),
                body_zh=data["body_zh"],
                body_en=data["body_en"],
                new=editing is None,
            )
        except ValidationFailed as exc:
            errors = exc.details["codes"]
            if errors.get("shortcut") == "taken":
                wanted = data["shortcut"].strip().lower()
                taken = selectors.canned_reply_list().filter(shortcut=wanted).first()
        else:
            # The shield replaced something the supervisor typed (the bodies are stored as typed
            # otherwise): say so, or the reply would go out with a marker nobody expected.
            redacted = (saved.body_zh, saved.body_en) != (data["body_zh"], data["body_en"])
            return redirect(f"/console/canned/?saved={saved.shortcut}{'&redacted=1' if redacted else ''}")
    rows = [(r, canned.canned_title_for(r.title, request.LANGUAGE_CODE)) for r in replies]
    context = {"rows": rows, "editing": editing, "data": data, "errors": errors, "taken": taken}
    context["saved"] = request.GET.get("saved", "")
    context["deleted"] = request.GET.get("deleted", "")
    context["redacted"] = request.GET.get("redacted") == "1"
    context["title_max"], context["body_max"] = services.CANNED_TITLE_MAX, services.CANNED_BODY_MAX
    # The lengths the limits are measured on, for the error that names them.
    context["title_length"] = len(
        canned.canned_title_join(title_zh=data["title_zh"], title_en=data["title_en"])
    )
    context["body_zh_length"], context["body_en_length"] = len(data["body_zh"]), len(data["body_en"])
    return render(request, "chat/console_canned.html", context, status=400 if errors else 200)


@require_http_methods(["GET", "POST"])
def console_canned_delete(request: HttpRequest, shortcut: str) -> HttpResponse:
    """GET asks (a page with the reply and a POST form, no script needed); only POST deletes."""
    from django.shortcuts import redirect

    from walletdesk.chat import canned, selectors
    from walletdesk.chat.errors import CannedReplyNotFound

    if (denied := _canned_denied(request)) is not None:
        return denied
    if request.method == "GET":
        reply = selectors.canned_reply_list().filter(shortcut=shortcut).first()
        if reply is None:  # deleted in another tab
            return redirect(f"/console/canned/?deleted={shortcut}")
        title = canned.canned_title_for(reply.title, request.LANGUAGE_CODE)
        return render(request, "chat/console_canned_delete.html", {"reply": reply, "title": title})
    try:
        services.canned_reply_delete(shortcut=shortcut)
    except CannedReplyNotFound:
        pass  # deleted in another tab: the list shows it is gone either way
    return redirect(f"/console/canned/?deleted={shortcut}")
