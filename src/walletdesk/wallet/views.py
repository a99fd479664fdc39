"""The customer panel beside a ticket: the wallet account as the operator's backend sees it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.core.errors import DomainError, RateLimited
from walletdesk.core.i18n import site_language
from walletdesk.tickets.views import customer_required
from walletdesk.wallet import services
from walletdesk.wallet.connector import WalletTransfer, connector_get
from walletdesk.wallet.errors import (
    WalletAccountNotFound,
    WalletRejected,
    WalletRequestInvalid,
    WalletSignatureInvalid,
    WalletUnavailable,
)
from walletdesk.wallet.models import AccountStatus
from walletdesk.wallet.selectors import theft_ticket_for_customer

# A panel load diagnoses at most this many uncredited deposits (one RPC round trip each).
FLAG_LIMIT = 5


def deposits_uncredited_confirmed(transfers: list[WalletTransfer]) -> dict[str, str]:
    """Ledger deposits not credited whose tx is confirmed on chain: id → verdict text, to escalate."""
    from walletdesk.chain.services import tx_diagnose

    flags: dict[str, str] = {}
    waiting = [t for t in transfers if t.kind == "deposit" and t.status != "credited" and t.tx_hash]
    for transfer in waiting[:FLAG_LIMIT]:
        try:
            diagnosis = tx_diagnose(
                chain_id=transfer.chain,
                tx_hash=transfer.tx_hash,
                address=transfer.address or None,
                locale=site_language(),
            )
        except DomainError:
            # Unknown chain or node down: the panel still shows the ledger; no flag is no claim.
            continue
        if diagnosis.should_be_credited:
            flags[transfer.id] = diagnosis.explanation
    return flags


def _agent_ticket(request: HttpRequest, ticket_id: str) -> Any:
    from walletdesk.tickets import selectors as tickets

    try:
        return tickets.ticket_get_for_agent(agent=request.user, ticket_id=ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc


def console_customer_panel(request: HttpRequest, ticket_id: str) -> HttpResponse:
    if not agent_session_ok(request):
        return redirect(f"{settings.LOGIN_URL}?next={request.get_full_path()}")
    ticket = _agent_ticket(request, ticket_id)
    return render(request, "wallet/_customer_panel_body.html", _panel_context(ticket))


_CONNECTOR_ERRORS = (
    WalletUnavailable,
    WalletAccountNotFound,
    WalletRejected,
    WalletRequestInvalid,
    WalletSignatureInvalid,
)


def _agent_error(exc: DomainError) -> tuple[str, str]:
    """(what went wrong in the agent's language, the backend's own words or "") for the panel: a
    Chinese console showed "The wallet backend at http://… cannot be reached (ConnectionError)." alone."""
    if isinstance(exc, _CONNECTOR_ERRORS) and exc.message_given:
        headline = str(type(exc).message)
        return headline, "" if exc.message == headline else exc.message
    return exc.message, ""


def _panel_context(ticket: Any, **extra: Any) -> dict[str, Any]:
    uid = getattr(ticket.customer, "wallet_uid", None) if ticket.customer_id else None
    context: dict[str, Any] = {"ticket": ticket, "uid": uid, **extra}
    if uid:
        wallet = connector_get()
        try:
            context.update(
                account=wallet.account_get(uid),
                balances=wallet.balances_list(uid),
                addresses=wallet.deposit_addresses_list(uid),
                transfers=wallet.transfers_list(uid),
            )
        except DomainError as exc:
            context["error"], context["error_detail"] = _agent_error(exc)
        else:
            context["flags"] = deposits_uncredited_confirmed(context["transfers"])
    return context


# --- account freeze -----------------------------------------------------------------------------
@require_POST
def console_account_action(request: HttpRequest, ticket_id: str, action: str) -> HttpResponse:
    """Freeze (any agent) or unfreeze (supervisors) the ticket's customer's account, with a reason.
    htmx swaps the panel in place; without JavaScript the agent goes back to the ticket."""
    if not agent_session_ok(request):
        return redirect(f"{settings.LOGIN_URL}?next=/console/tickets/{ticket_id}/")
    ticket = _agent_ticket(request, ticket_id)
    act = services.account_freeze_by_agent if action == "freeze" else services.account_unfreeze_by_agent
    status, problem, detail = 200, "", ""
    try:
        act(ticket=ticket, agent=request.user, reason=request.POST.get("reason", ""))
    except DomainError as exc:
        status, (problem, detail) = exc.status, _agent_error(exc)
    if not request.headers.get("HX-Request") and not problem:
        return redirect(f"/console/tickets/{ticket.pk}/")
    context = _panel_context(
        ticket, action_error=problem, action_error_detail=detail, action_done="" if problem else action
    )
    return render(request, "wallet/_customer_panel_body.html", context, status=status)


def _customer_ticket(request: HttpRequest) -> Any:
    """The ticket the freeze belongs to (?ticket= on the form), checked to be the customer's own."""
    from walletdesk.tickets import selectors as tickets

    ticket_id = request.POST.get("ticket") or request.GET.get("ticket")
    if not ticket_id:
        return None
    try:
        return tickets.ticket_get_for_customer(customer=request.customer, ticket_id=ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc


@customer_required
@require_http_methods(["GET", "POST"])
def portal_account_freeze(request: HttpRequest) -> HttpResponse:
    """GET: what a freeze does, and the one button that does it. POST: freeze the signed-in
    customer's own account (there is no uid parameter)."""
    ticket = _customer_ticket(request)
    context: dict[str, Any] = {"ticket": ticket, "help_url": stolen_account_help_url(site_language())}
    if request.method == "GET":
        account = _account_state(request)
        if account is not None and account.status == AccountStatus.FROZEN:
            # Nothing left to confirm: the page says what happens next, on which ticket.
            context["theft_ticket"] = ticket or theft_ticket_for_customer(customer=request.customer)
        return render(request, "wallet/portal_freeze.html", {**context, "account": account})
    try:
        result = services.account_freeze_by_customer(
            customer=request.customer, locale=site_language(), channel="web", ticket=ticket
        )
    except RateLimited as exc:
        context.update(error=exc.message, account=_account_state(request))
        response = render(request, "wallet/portal_freeze.html", context, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response
    context.update(result=result, ticket=result.ticket)
    return render(request, "wallet/portal_freeze.html", context)


def _account_state(request: HttpRequest) -> Any:
    """The account's state for the confirm page only: the freeze itself asks the backend again,
    and a backend that is down should cost a customer in a hurry one timeout, not two."""
    return services.account_state_get(uid=request.customer.wallet_uid)


def stolen_account_help_url(lang: str) -> str:
    return "/help/en/a/stolen-account-en/" if lang == "en" else "/help/zh-hans/a/stolen-account-zh/"
