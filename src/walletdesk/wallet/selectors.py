"""Reads of the demo wallet backend, shaped as the HTTP spec's JSON."""

from __future__ import annotations

from typing import Any

from walletdesk.wallet.errors import WalletAccountNotFound, WalletRequestInvalid
from walletdesk.wallet.models import DemoAccount, DemoBalance, TransferKind


def demo_account_get(*, uid: str) -> DemoAccount:
    account = DemoAccount.objects.filter(uid=uid).first()
    if account is None:
        raise WalletAccountNotFound(f"No wallet account has the uid {uid!r}.")
    return account


def demo_account_json(account: DemoAccount) -> dict[str, Any]:
    return {
        "uid": account.uid,
        "status": account.status,
        "kyc_level": account.kyc_level,
        "email": account.email,
        "frozen_reason": account.frozen_reason,
    }


def demo_balance_json(balance: DemoBalance) -> dict[str, Any]:
    return {"asset": balance.asset, "available": balance.available, "locked": balance.locked}


def demo_balances_json(*, uid: str) -> list[dict[str, Any]]:
    return [demo_balance_json(b) for b in demo_account_get(uid=uid).balances.all()]


def demo_addresses_json(*, uid: str) -> list[dict[str, Any]]:
    return [
        {"chain": a.chain, "asset": a.asset, "address": a.address, "memo": a.memo}
        for a in demo_account_get(uid=uid).addresses.all()
    ]


def demo_transfers_json(*, uid: str, kind: str | None) -> list[dict[str, Any]]:
    account = demo_account_get(uid=uid)
    transfers = account.transfers.all()
    if kind:
        if kind not in TransferKind.values:
            raise WalletRequestInvalid(f"kind must be deposit or withdrawal, not {kind!r}.")
        transfers = transfers.filter(kind=kind)
    return [
        {
            "id": str(t.pk),
            "kind": t.kind,
            "chain": t.chain,
            "asset": t.asset,
            "amount": t.amount,
            "address": t.address,
            "tx_hash": t.tx_hash,
            "status": t.status,
            "created_at": t.created_at.isoformat(),
        }
        for t in transfers[:50]
    ]


def theft_ticket_for_customer(*, customer: Any) -> Any:
    """The ticket a frozen account's next steps happen on: the customer's newest open theft ticket,
    else their newest theft ticket of any status (a solved one still holds the history), else None."""
    from walletdesk.tickets import selectors as tickets

    theft = tickets.ticket_list_for_customer(customer=customer).filter(category__slug=THEFT_CATEGORY)
    return theft.filter(status__in=tickets.ticket_open_statuses()).first() or theft.first()


# The operator's category for stolen accounts (tickets.services.ticket_theft_open opens it on a freeze).
THEFT_CATEGORY = "account_theft"
