"""Pages: the console's chain list, the ticket-side tx panel, the customer's "check my transaction"."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.accounts.views import customer_from_session
from walletdesk.chain import product
from walletdesk.chain.errors import CUSTOMER_WORDED_ERRORS
from walletdesk.chain.models import TxCheck
from walletdesk.chain.selectors import chain_list, tx_check_stats
from walletdesk.chain.services import chains_import
from walletdesk.core.errors import DomainError
from walletdesk.core.i18n import site_language


def _agent(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not agent_session_ok(request):
            return redirect(f"{settings.LOGIN_URL}?next={request.get_full_path()}")
        return view(request, *args, **kwargs)

    return wrapper


def _ticket(request: HttpRequest, ticket_id: str) -> Any:
    from walletdesk.tickets import selectors as tickets

    try:
        return tickets.ticket_get_for_agent(agent=request.user, ticket_id=ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc


@_agent
@require_http_methods(["GET", "POST"])
def console_chains(request: HttpRequest) -> HttpResponse:
    """The configured networks; supervisors and admins import a chains file here as with the CLI."""
    profile = getattr(request.user, "agent_profile", None)
    may_import = bool(profile and profile.role in ("supervisor", "admin"))
    context: dict[str, Any] = {"may_import": may_import}
    status = 200
    if request.method == "POST":
        if not may_import:
            raise Http404()
        upload = request.FILES.get("chains_file")
        raw = upload.read() if upload else request.POST.get("chains_json", "").encode()
        try:
            data = json.loads(raw or b"null", parse_float=Decimal)
            imported = chains_import(data=data)
            context["imported"] = [chain.pk for chain in imported]
        except (ValueError, UnicodeDecodeError):
            context["error"] = _("The chains file is not valid JSON.")
            status = 400
        except DomainError as exc:
            context["error"] = exc.message
            status = 400
    context.update(chains=chain_list(), stats=tx_check_stats(), checks=TxCheck.objects.all()[:30])
    return render(request, "chain/console_chains.html", context, status=status)


@_agent
def console_ticket_panel(request: HttpRequest, ticket_id: str) -> HttpResponse:
    return render(request, "chain/_ticket_panel_body.html", _panel_context(_ticket(request, ticket_id)))


def _panel_context(ticket: Any) -> dict[str, Any]:
    from walletdesk.tickets import selectors as tickets

    texts = [m.body for m in tickets.messages_for_agent(ticket=ticket)]
    texts += [str(v) for v in (getattr(ticket, "intake", None) or {}).values()]
    hashes = product.tx_hashes_find("\n".join(texts))
    checks = TxCheck.objects.filter(ticket_ref=str(ticket.pk))[:10]
    choices = product.hash_choices(hashes, list(chain_list()), site_language())
    return {"ticket": ticket, "hashes": choices, "checks": checks}


@_agent
@require_POST
def console_ticket_diagnose(request: HttpRequest, ticket_id: str) -> HttpResponse:
    ticket = _ticket(request, ticket_id)
    try:
        product.ticket_diagnosis_note(
            ticket=ticket,
            agent=request.user,
            chain_id=request.POST.get("chain", ""),
            tx_hash=request.POST.get("tx", ""),
            address=request.POST.get("address"),
            locale=site_language(),
        )
    except DomainError as exc:
        message = _agent_error_message(exc)
        if request.headers.get("HX-Request"):
            # Inside the ticket page's panel, not a page of its own: the agent stays on the ticket.
            context = _panel_context(ticket) | {"error": message}
            return render(request, "chain/_ticket_panel_body.html", context)
        return render(request, "chain/_error.html", {"message": message}, status=exc.status)
    if request.headers.get("HX-Request"):
        return HttpResponse(status=204, headers={"HX-Redirect": f"/console/tickets/{ticket.pk}/"})
    return HttpResponseRedirect(f"/console/tickets/{ticket.pk}/")


def _agent_error_message(exc: DomainError) -> str:
    """The raisers' sentences name node URLs and exception classes, in English: an agent reads a
    sentence in the console's language, with the node's address kept for whoever fixes it."""
    from walletdesk.chain.errors import ChainUnreachable

    if isinstance(exc, ChainUnreachable):
        rpc = (exc.details or {}).get("rpc") or ""
        text = _("The node for this network cannot be reached right now; try again in a few minutes.")
        return f"{text} ({rpc})" if rpc else text
    if isinstance(exc, CUSTOMER_WORDED_ERRORS):
        return str(type(exc).message)
    return exc.message


@require_http_methods(["GET", "POST"])
def portal_check(request: HttpRequest) -> HttpResponse:
    """Self-service: choose the network, paste the hash, read the verdict. `?via=widget` counts the widget."""
    from walletdesk.core.ratelimit import rate_limit_public

    customer = customer_from_session(request)
    source = "widget" if request.GET.get("via") == "widget" else "portal"
    context: dict[str, Any] = {
        "chains": chain_list(),
        "customer": customer,
        "form": request.POST,
        "via": source,
    }
    status = 200
    if request.method == "POST":
        try:
            rate_limit_public(request, "tx-check", limit=20)
            diagnosis, ledger, check = product.self_service_check(
                chain_id=request.POST.get("chain", ""),
                tx_hash=request.POST.get("tx", ""),
                address=request.POST.get("address"),
                locale=site_language(),
                source=source,
                customer=customer,
            )
            context.update(result=product.diagnosis_view(diagnosis, ledger), check=check)
        except CUSTOMER_WORDED_ERRORS as exc:
            # The raisers' sentences are for operators (node URLs, the configured networks, English):
            # a customer reads the error's own sentence, in their language.
            context["error"] = str(type(exc).message)
            status = exc.status
        except DomainError as exc:
            context["error"] = exc.message
            status = exc.status
    return render(request, "chain/portal_check.html", context, status=status)


@require_POST
def portal_check_ticket(request: HttpRequest, check_id: int) -> HttpResponse:
    customer = customer_from_session(request)
    if customer is None:
        return redirect("/support/login/email/?next=/support/check/")
    check = TxCheck.objects.filter(pk=check_id, customer_ref=str(customer.pk)).first()
    if check is None:
        raise Http404()
    ticket = product.self_service_ticket_open(check=check, customer=customer, locale=site_language())
    if ticket is None:
        return HttpResponseRedirect("/support/tickets/")
    return HttpResponseRedirect(f"/support/tickets/{ticket.pk}/")
