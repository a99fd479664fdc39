"""Thin console views: the ticket page's Compensation panel (loaded by htmx, so the ticket page's
own render pays nothing for it) and the approvers' queue at /console/compensation/.

htmx 2 swaps no 4xx answer, so a refused form sent by htmx comes back 200 with its errors shown;
the same form posted without JavaScript gets the error's own status."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.compensation import selectors, services
from walletdesk.compensation.errors import CompensationInvalid
from walletdesk.compensation.models import CompensationKind
from walletdesk.core.errors import DomainError

DEFAULT_LOOKBACK = timedelta(hours=72)


def _login(request: HttpRequest) -> HttpResponse:
    return redirect(f"{settings.LOGIN_URL}?next={request.get_full_path()}")


def _ticket(request: HttpRequest, ticket_id: str) -> Any:
    from walletdesk.tickets import selectors as tickets

    try:
        return tickets.ticket_get_for_agent(agent=request.user, ticket_id=ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc


def _htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request"))


def _status(request: HttpRequest, exc: DomainError) -> int:
    return 200 if _htmx(request) else exc.status


def _since(raw: str | None) -> datetime:
    """The assessment's start, from a datetime-local field in the site's time zone; now - 72 h when empty."""
    if not raw:
        return timezone.now() - DEFAULT_LOOKBACK
    try:
        value = parse_datetime(raw.strip())
    except ValueError:
        value = None
    if value is None:
        message = gettext("Give the start as a date and time, e.g. 2026-11-24 09:30.")
        raise CompensationInvalid(message, fields={"since": message})
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _local_input(value: datetime) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


def _rows(transfers: list[Any]) -> list[tuple[Any, str]]:
    """Each withdrawal with its time as the agent reads it (the site's zone, to the minute)."""
    rows = []
    for transfer in transfers:
        created = selectors.transfer_created(transfer)
        rows.append((transfer, timezone.localtime(created).strftime("%Y-%m-%d %H:%M") if created else ""))
    return rows


def _panel_context(request: HttpRequest, ticket: Any, **extra: Any) -> dict[str, Any]:
    uid = getattr(ticket.customer, "wallet_uid", None) if ticket.customer_id else None
    limits = services.compensation_limits()
    return {
        "ticket": ticket,
        "uid": uid,
        "requests": list(selectors.compensation_list_for_ticket(ticket=ticket)),
        "kinds": CompensationKind.choices,
        "limits": [(asset, services.amount_text(cap)) for asset, cap in limits.items()],
        "approver": selectors.approver_allowed(request.user),
        "since_default": _local_input(timezone.now() - DEFAULT_LOOKBACK),
        "form": {},
        "errors": {},
        **extra,
    }


def _panel(request: HttpRequest, ticket: Any, status: int = 200, **extra: Any) -> HttpResponse:
    context = _panel_context(request, ticket, **extra)
    return render(request, "compensation/_panel_body.html", context, status=status)


def _done(request: HttpRequest, ticket: Any, message: str) -> HttpResponse:
    if not _htmx(request):
        return redirect(f"/console/tickets/{ticket.pk}/")
    return _panel(request, ticket, done=message)


@require_GET
def console_panel(request: HttpRequest, ticket_id: str) -> HttpResponse:
    if not agent_session_ok(request):
        return _login(request)
    return _panel(request, _ticket(request, ticket_id))


@require_POST
def console_request(request: HttpRequest, ticket_id: str) -> HttpResponse:
    if not agent_session_ok(request):
        return _login(request)
    ticket = _ticket(request, ticket_id)
    form = {k: request.POST.get(k, "") for k in ("kind", "asset", "amount", "reason")}
    try:
        made = services.compensation_request(ticket=ticket, agent=request.user, **form)
    except DomainError as exc:
        return _panel(
            request, ticket, _status(request, exc), form=form, errors=exc.fields, problem=exc.message
        )
    return _done(
        request, ticket, gettext("Request #%(id)s waits for a second person's approval.") % {"id": made.pk}
    )


@require_POST
def console_cancel(request: HttpRequest, ticket_id: str, request_id: str) -> HttpResponse:
    if not agent_session_ok(request):
        return _login(request)
    ticket = _ticket(request, ticket_id)
    try:
        found = selectors.compensation_get_for_ticket(ticket=ticket, request_id=request_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    try:
        services.compensation_cancel(compensation=found, by=request.user)
    except DomainError as exc:
        return _panel(request, ticket, _status(request, exc), problem=exc.message)
    return _done(request, ticket, gettext("Request #%(id)s is cancelled.") % {"id": found.pk})


@require_http_methods(["GET", "POST"])
def console_assess(request: HttpRequest, ticket_id: str) -> HttpResponse:
    """GET: the withdrawals since a time, to tick. POST: the ticked ones summed per asset, each sum
    a pre-filled theft-remedy form."""
    if not agent_session_ok(request):
        return _login(request)
    ticket = _ticket(request, ticket_id)
    data = request.POST if request.method == "POST" else request.GET
    context: dict[str, Any] = {"ticket": ticket, "errors": {}, "ticked": set(), "withdrawals": []}
    try:
        since = _since(data.get("since"))
        context["since"] = since.isoformat()
        context["since_input"] = _local_input(since)
        if request.method == "GET":
            context["withdrawals"] = _rows(selectors.withdrawals_since(ticket=ticket, since=since))
        else:
            ticked = data.getlist("transfer_ids")
            assessed = selectors.loss_assess(ticket=ticket, since=since, transfer_ids=ticked)
            context.update(
                withdrawals=_rows(assessed.withdrawals),
                ticked={t.id for t in assessed.chosen},
                totals=[
                    (asset, services.amount_text(total), assessed.ids_of(asset))
                    for asset, total in assessed.totals.items()
                ],
                reason_default=gettext("Loss from withdrawals the customer disowns (ticket %(ref)s)")
                % {"ref": ticket.reference},
            )
            if not assessed.chosen:
                context["problem"] = gettext("Tick the withdrawals the customer disowns.")
    except DomainError as exc:
        context.update(problem=exc.message, errors=exc.fields)
        return render(request, "compensation/_assess.html", context, status=_status(request, exc))
    return render(request, "compensation/_assess.html", context)


@require_POST
def console_remedy(request: HttpRequest, ticket_id: str) -> HttpResponse:
    if not agent_session_ok(request):
        return _login(request)
    ticket = _ticket(request, ticket_id)
    try:
        made = services.theft_remedy_request(
            ticket=ticket,
            agent=request.user,
            asset=request.POST.get("asset", ""),
            amount=request.POST.get("amount", ""),
            reason=request.POST.get("reason", ""),
            since=_since(request.POST.get("since") or "-"),
            transfer_ids=request.POST.getlist("transfer_ids"),
        )
    except DomainError as exc:
        return _panel(request, ticket, _status(request, exc), problem=exc.message)
    return _done(
        request, ticket, gettext("Request #%(id)s waits for a second person's approval.") % {"id": made.pk}
    )


# --- the approvers' queue -------------------------------------------------------------------------
def _queue(request: HttpRequest, status: int = 200, **extra: Any) -> HttpResponse:
    pending = list(selectors.compensation_pending_list())
    selectors.compensation_others_attach(pending=pending)
    context = {"pending": pending, "user_id": request.user.pk, **extra}
    return render(request, "compensation/console_queue.html", context, status=status)


@require_GET
def console_queue(request: HttpRequest) -> HttpResponse:
    if not agent_session_ok(request):
        return _login(request)
    if not selectors.approver_allowed(request.user):
        return render(request, "compensation/console_forbidden.html", status=403)
    done = None
    if request.GET.get("done"):
        try:
            done = selectors.compensation_get_for_approver(user=request.user, request_id=request.GET["done"])
        except DomainError:
            done = None
    return _queue(request, done=done)


@require_POST
def console_decide(request: HttpRequest, request_id: str, decision: str) -> HttpResponse:
    if not agent_session_ok(request):
        return _login(request)
    if not selectors.approver_allowed(request.user):
        return render(request, "compensation/console_forbidden.html", status=403)
    try:
        found = selectors.compensation_get_for_approver(user=request.user, request_id=request_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    act = services.compensation_approve if decision == "approve" else services.compensation_reject
    try:
        act(compensation=found, by=request.user, note=request.POST.get("note", ""))
    except DomainError as exc:
        return _queue(request, exc.status, problem=exc.message, problem_id=found.pk, errors=exc.fields)
    return redirect(f"/console/compensation/?done={found.pk}")
