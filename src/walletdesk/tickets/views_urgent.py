"""The theft report for a customer who cannot sign in: the thief holds the account, often its email.

Everything else in the portal needs a signed-in customer; this one page does not, so it is rate
limited per address and answers nothing about any account (the account named is only a claim)."""

from __future__ import annotations

import re
import secrets
import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from walletdesk.accounts.views import customer_from_session, customer_session_start
from walletdesk.core.errors import DomainError
from walletdesk.core.i18n import site_language
from walletdesk.core.ratelimit import rate_limit_public
from walletdesk.tickets import services
from walletdesk.tickets.views import portal_form_refused
from walletdesk.verify.selectors import official_urgent_channels
from walletdesk.wallet.views import stolen_account_help_url

# The anonymous reporter's visitor record lives in this session key: a second report from the same
# browser joins the same record, and the portal shows the reporter their ticket.
_VISITOR_SESSION = "wd_urgent_visitor"
_REPORTED_SESSION = "wd_urgent_ticket"


def _urgent_context(request: HttpRequest) -> dict:
    lang = site_language()
    contacts = official_urgent_channels(lang=lang)
    return {"contacts": contacts, "help_url": stolen_account_help_url(lang), "lang": lang}


@require_http_methods(["GET", "POST"])
def portal_urgent(request: HttpRequest) -> HttpResponse:
    if customer_from_session(request) is not None and _REPORTED_SESSION not in request.session:
        # Signed in: the usual theft form, with the freeze button the wallet account allows.
        return redirect(f"/support/new/?category={services.THEFT_CATEGORY}")
    context = {**_urgent_context(request), "values": request.POST, "errors": {}, "error": ""}
    if request.method == "GET":
        context["submission"] = uuid.uuid4().hex
        return render(request, "tickets/portal/urgent.html", context)
    submission = request.POST.get("submission", "")
    context["submission"] = submission if re.fullmatch(r"[0-9a-f]{32}", submission) else uuid.uuid4().hex
    visitor = request.session.get(_VISITOR_SESSION) or secrets.token_urlsafe(24)
    try:
        rate_limit_public(request, "urgent-report", limit=10)
        received = services.urgent_theft_report(
            visitor_token=visitor,
            account=request.POST.get("account", ""),
            email=request.POST.get("email", ""),
            phone=request.POST.get("phone", ""),
            body=request.POST.get("body", ""),
            submission=context["submission"],
            locale=site_language(),
        )
    except DomainError as exc:
        return portal_form_refused(request, "tickets/portal/urgent.html", context, exc)
    customer_session_start(request, received.ticket.customer)
    request.session[_VISITOR_SESSION] = visitor
    request.session[_REPORTED_SESSION] = received.ticket.pk
    return redirect("/support/urgent/sent/")


@require_GET
def portal_urgent_sent(request: HttpRequest) -> HttpResponse:
    customer = customer_from_session(request)
    ticket_pk = request.session.get(_REPORTED_SESSION)
    ticket = customer.tickets.filter(pk=ticket_pk).first() if customer and ticket_pk else None
    if ticket is None:
        return redirect("/support/urgent/")
    return render(request, "tickets/portal/urgent_sent.html", {**_urgent_context(request), "ticket": ticket})
