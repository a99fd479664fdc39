"""The customer panel beside a ticket: the wallet account as the operator's backend sees it."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.core.errors import DomainError
from walletdesk.wallet.connector import connector_get


def console_customer_panel(request: HttpRequest, ticket_id: str) -> HttpResponse:
    if not agent_session_ok(request):
        return redirect(f"{settings.LOGIN_URL}?next={request.get_full_path()}")
    from walletdesk.tickets import selectors as tickets

    try:
        ticket = tickets.ticket_get_for_agent(agent=request.user, ticket_id=ticket_id)
    except DomainError as exc:
        raise Http404(exc.message) from exc
    uid = getattr(ticket.customer, "wallet_uid", None) if ticket.customer_id else None
    context: dict = {"ticket": ticket, "uid": uid}
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
            context["error"] = exc.message
    return render(request, "wallet/_customer_panel_body.html", context)
