"""The customer panel beside a ticket: the wallet account as the operator's backend sees it."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.core.errors import DomainError
from walletdesk.wallet.connector import WalletTransfer, connector_get

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
                locale=_lang(),
            )
        except DomainError:
            # Unknown chain or node down: the panel still shows the ledger; no flag is no claim.
            continue
        if diagnosis.should_be_credited:
            flags[transfer.id] = diagnosis.explanation
    return flags


def _lang() -> str:
    return "en" if (get_language() or "").startswith("en") else "zh-hans"


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
        else:
            context["flags"] = deposits_uncredited_confirmed(context["transfers"])
    return render(request, "wallet/_customer_panel_body.html", context)
