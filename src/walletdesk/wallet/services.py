"""Writes of the demo wallet backend (what its HTTP API does) and the demo data loader, then the
product's account actions (freeze, unfreeze) at the end.

The product never calls the demo_* functions to reach a wallet: it calls `connector_get()`. They
are the backend's side of the HTTP spec, plus `wallet_demo_load()` for `walletdesk demo load`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from walletdesk.accounts.models import supervisor_allowed
from walletdesk.audit.services import audit_record
from walletdesk.core.errors import DomainError, PermissionDenied, ValidationFailed
from walletdesk.core.ratelimit import rate_limit_hit
from walletdesk.wallet.connector import Account, Balance, WalletTransfer, connector_get
from walletdesk.wallet.errors import WalletAccountNotFound, WalletRejected, WalletRequestInvalid
from walletdesk.wallet.models import (
    AccountStatus,
    DemoAccount,
    DemoAction,
    DemoBalance,
    DemoDepositAddress,
    DemoTransfer,
    TransferKind,
    TransferStatus,
)

DEMO_UID = "demo-uid-1001"
# Largest single credit the demo backend accepts; a real backend applies its own limits.
CREDIT_LIMIT = Decimal("1000000")


def demo_account_lock(*, uid: str) -> DemoAccount:
    account = DemoAccount.objects.select_for_update().filter(uid=uid).first()
    if account is None:
        raise WalletAccountNotFound(f"No wallet account has the uid {uid!r}.")
    return account


def _reason(reason: object, by: object) -> tuple[str, str]:
    if not isinstance(reason, str) or not reason.strip() or len(reason) > 500:
        raise WalletRequestInvalid("A reason (1 to 500 characters) is required.")
    if not isinstance(by, str) or not by.strip() or len(by) > 128:
        raise WalletRequestInvalid("'by' must name who asks (1 to 128 characters).")
    return reason.strip(), by.strip()


def demo_account_freeze(*, uid: str, reason: str, by: str) -> DemoAccount:
    """Freeze (idempotent: freezing a frozen account keeps the first reason and logs the request)."""
    reason, by = _reason(reason, by)
    with transaction.atomic():
        account = demo_account_lock(uid=uid)
        if account.status != AccountStatus.FROZEN:
            account.status = AccountStatus.FROZEN
            account.frozen_reason = reason
            account.save(update_fields=["status", "frozen_reason"])
        DemoAction.objects.create(account=account, action="freeze", reason=reason, by=by)
    return account


def demo_account_unfreeze(*, uid: str, reason: str, by: str) -> DemoAccount:
    reason, by = _reason(reason, by)
    with transaction.atomic():
        account = demo_account_lock(uid=uid)
        account.status = AccountStatus.ACTIVE
        account.frozen_reason = ""
        account.save(update_fields=["status", "frozen_reason"])
        DemoAction.objects.create(account=account, action="unfreeze", reason=reason, by=by)
    return account


def _amount(raw: object) -> Decimal:
    try:
        amount = Decimal(str(raw)) if isinstance(raw, str | int) and not isinstance(raw, bool) else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise WalletRequestInvalid(f'The amount must be a decimal string such as "12.5", not {raw!r}.')
    if amount <= 0:
        raise WalletRequestInvalid("The amount must be more than zero.")
    if amount > CREDIT_LIMIT:
        raise WalletRejected(f"A single credit is limited to {CREDIT_LIMIT}.")
    return amount


def demo_account_credit(
    *, uid: str, asset: str, amount: object, reason: str, by: str, idempotency_key: str | None = None
) -> DemoBalance:
    """Add to the available balance. A repeated idempotency key returns the balance without crediting twice."""
    reason, by = _reason(reason, by)
    value = _amount(amount)
    if not isinstance(asset, str) or not asset.strip() or len(asset) > 32:
        raise WalletRequestInvalid("The asset symbol is required (up to 32 characters).")
    asset = asset.strip().upper()
    try:
        with transaction.atomic():
            account = demo_account_lock(uid=uid)
            if idempotency_key and DemoAction.objects.filter(idempotency_key=idempotency_key).exists():
                return DemoBalance.objects.get(account=account, asset=asset)
            balance, _ = DemoBalance.objects.select_for_update().get_or_create(account=account, asset=asset)
            balance.available = format(Decimal(balance.available) + value, "f")
            balance.save(update_fields=["available"])
            DemoAction.objects.create(
                account=account,
                action="credit",
                reason=reason,
                by=by,
                asset=asset,
                amount=format(value, "f"),
                idempotency_key=idempotency_key or None,
            )
    except IntegrityError:
        # Two requests with one idempotency key raced; the other one credited.
        return DemoBalance.objects.get(account__uid=uid, asset=asset)
    return balance


def wallet_demo_load() -> dict[str, int]:
    """Demo accounts, balances, deposit addresses and transfers for the demo customer. Idempotent."""
    now = timezone.now()
    with transaction.atomic():
        account, _ = DemoAccount.objects.update_or_create(
            uid=DEMO_UID,
            defaults={
                "email": "demo.customer@example.com",
                "kyc_level": 2,
                "status": AccountStatus.ACTIVE,
                "frozen_reason": "",
            },
        )
        other, _ = DemoAccount.objects.update_or_create(
            uid="demo-uid-2002",
            defaults={
                "email": "frozen.customer@example.com",
                "kyc_level": 1,
                "status": AccountStatus.FROZEN,
                "frozen_reason": "security change: new device login",
            },
        )
        for acct, balances in (
            (account, {"USDT": ("1250.5", "0"), "ETH": ("0.8", "0.8"), "BTC": ("0.0125", "0")}),
            (other, {"USDT": ("20", "0")}),
        ):
            acct.balances.all().delete()
            DemoBalance.objects.bulk_create(
                DemoBalance(account=acct, asset=asset, available=a, locked=lk)
                for asset, (a, lk) in balances.items()
            )
        account.addresses.all().delete()
        DemoDepositAddress.objects.bulk_create(
            [
                DemoDepositAddress(
                    account=account,
                    chain="eth",
                    asset="ETH",
                    address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                ),
                DemoDepositAddress(
                    account=account,
                    chain="eth",
                    asset="USDT",
                    address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                ),
                DemoDepositAddress(
                    account=account, chain="tron", asset="USDT", address="TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"
                ),
            ]
        )
        account.transfers.all().delete()
        rows = [
            (
                TransferKind.DEPOSIT,
                "tron",
                "USDT",
                "500",
                "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8",
                "7c3f0e5b9a6d4c2e8f1a0b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e",
                TransferStatus.CONFIRMING,
                20,
            ),
            (
                TransferKind.DEPOSIT,
                "eth",
                "USDT",
                "750.5",
                "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "0x" + "5a" * 32,
                TransferStatus.CREDITED,
                3 * 24 * 60,
            ),
            (
                TransferKind.WITHDRAWAL,
                "eth",
                "ETH",
                "0.8",
                "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
                "",
                TransferStatus.PENDING_REVIEW,
                6 * 60,
            ),
            (
                TransferKind.WITHDRAWAL,
                "eth",
                "USDT",
                "200",
                "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
                "",
                TransferStatus.SECURITY_HOLD,
                26 * 60,
            ),
            (
                TransferKind.WITHDRAWAL,
                "eth",
                "USDT",
                "100",
                "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
                "0x" + "6b" * 32,
                TransferStatus.BROADCAST,
                5 * 24 * 60,
            ),
        ]
        DemoTransfer.objects.bulk_create(
            DemoTransfer(
                account=account,
                kind=kind,
                chain=chain,
                asset=asset,
                amount=amount,
                address=address,
                tx_hash=tx_hash,
                status=status,
                created_at=now - timedelta(minutes=minutes_ago),
            )
            for kind, chain, asset, amount, address, tx_hash, status, minutes_ago in rows
        )
    return {"accounts": DemoAccount.objects.count(), "transfers": DemoTransfer.objects.count()}


# --- the product's account actions (through the connector) ------------------------------------
# A customer who lost control of the account freezes it at once; unfreezing needs support with
# identity checks, so only supervisors may unfreeze (the attacker may hold the customer's login).
FREEZE_RATE_LIMIT = 5  # per customer per minute: enough for a retry, too few to hammer the backend


@dataclass(frozen=True)
class FreezeResult:
    ticket: Any
    # frozen: done now · already_frozen: nothing to do · manual: the connector failed or the
    # customer has no wallet account linked; the ticket is urgent and support freezes it by hand.
    state: str
    account: Account | None = None
    problem: str = ""


def account_state_get(*, uid: str | None) -> Account | None:
    """The wallet account as the backend sees it, or None when unknown (no uid, backend down)."""
    if not uid:
        return None
    try:
        return connector_get().account_get(uid)
    except DomainError:
        return None


def account_freeze_by_customer(
    *, customer: Any, locale: str, channel: str, ticket: Any = None
) -> FreezeResult:
    """Freeze the signed-in customer's own account (never another uid: it is read off `customer`).

    The freeze is tied to `ticket` or to the customer's open theft ticket (opened when there is none).
    Idempotent: an account already frozen is reported so and nothing is recorded twice. When the
    backend cannot freeze, the ticket becomes urgent with a note asking support to freeze by hand,
    and the result says so instead of raising."""
    from walletdesk.tickets import services as tickets
    from walletdesk.tickets.models import OPEN_STATUSES

    rate_limit_hit(scope="wallet-freeze", key=str(customer.pk), limit=FREEZE_RATE_LIMIT)
    with translation.override(locale):
        body = gettext("I asked for an emergency freeze of my account.")
    if ticket is None or ticket.status not in OPEN_STATUSES:
        # A solved or closed ticket is out of every queue: a freeze (above all one that failed and
        # must be done by hand) goes on an open theft ticket an agent will see.
        ticket = tickets.ticket_theft_open(customer=customer, channel=channel, body=body, locale=locale)
    uid = customer.wallet_uid
    by = f"customer:{customer.pk}"
    try:
        if not uid:
            raise WalletAccountNotFound("No wallet account is linked to this customer's sign-in.")
        wallet = connector_get()
        account = wallet.account_get(uid)
        if account.status == AccountStatus.FROZEN:
            return FreezeResult(ticket=ticket, state="already_frozen", account=account)
        account = wallet.account_freeze(uid, f"customer self-freeze, ticket {ticket.reference}", by)
    except DomainError as exc:
        tickets.ticket_security_escalate(
            ticket=ticket,
            note=f"The customer asked to freeze their wallet account but the freeze failed ({exc.message}). "
            "Freeze it by hand now, then verify their identity.",
            by=None,
        )
        audit_record(
            actor=None,
            actor_label=by,
            action="wallet.freeze_failed",
            target=f"wallet:{uid or '-'}",
            data={"ticket": ticket.reference, "error": exc.message},
        )
        return FreezeResult(ticket=ticket, state="manual", problem=exc.message)
    tickets.ticket_security_escalate(
        ticket=ticket,
        note="The customer froze their wallet account from the portal. "
        "Unfreeze only after an identity check (supervisor).",
        by=None,
    )
    audit_record(
        actor=None,
        actor_label=by,
        action="wallet.freeze",
        target=f"wallet:{uid}",
        data={"ticket": ticket.reference, "by": "customer"},
    )
    return FreezeResult(ticket=ticket, state="frozen", account=account)


def _agent_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason or len(reason) > 500:
        raise ValidationFailed(
            gettext("Give a reason (up to 500 characters)."), fields={"reason": gettext("required")}
        )
    return reason


def _ticket_uid(ticket: Any) -> str:
    uid = getattr(ticket.customer, "wallet_uid", None) if ticket.customer_id else None
    if not uid:
        raise WalletAccountNotFound(gettext("This customer has no verified wallet account."))
    return uid


def account_freeze_by_agent(*, ticket: Any, agent: Any, reason: str) -> Account:
    """Any agent may freeze the account of a ticket's customer; the caller checked the agent may see
    the ticket. Connector errors propagate: the agent sees them and can retry."""
    from walletdesk.tickets import services as tickets

    reason = _agent_reason(reason)
    uid = _ticket_uid(ticket)
    account = connector_get().account_freeze(uid, reason, agent.get_username())
    tickets.ticket_security_escalate(ticket=ticket, note=f"Froze the wallet account: {reason}", by=agent)
    audit_record(
        actor=agent,
        action="wallet.freeze",
        target=f"wallet:{uid}",
        data={"ticket": ticket.reference, "reason": reason},
    )
    return account


def account_unfreeze_by_agent(*, ticket: Any, agent: Any, reason: str) -> Account:
    """Supervisors and admins only: unfreezing hands the account back, after identity checks."""
    from walletdesk.tickets import outbox

    if not supervisor_allowed(agent):
        raise PermissionDenied(gettext("Only a supervisor can unfreeze an account."))
    reason = _agent_reason(reason)
    uid = _ticket_uid(ticket)
    account = connector_get().account_unfreeze(uid, reason, agent.get_username())
    outbox.send(ticket=ticket, author=agent, body=f"Unfroze the wallet account: {reason}", internal=True)
    audit_record(
        actor=agent,
        action="wallet.unfreeze",
        target=f"wallet:{uid}",
        data={"ticket": ticket.reference, "reason": reason},
    )
    return account


# --- credits and the withdrawal history, for the compensation app ------------------------------
def account_credit(
    *, uid: str, asset: str, amount: Decimal, reason: str, by: str, idempotency_key: str
) -> Balance:
    """Credit the account through the connector. The key makes a retry safe: the backend credits a
    key once. Errors propagate; the caller records them and writes the audit log (it knows why)."""
    return connector_get().account_credit(uid, asset, amount, reason, by, idempotency_key=idempotency_key)


def account_withdrawals_list(*, uid: str) -> list[WalletTransfer]:
    """The account's withdrawals as the backend lists them (newest first, at most 50)."""
    return connector_get().transfers_list(uid, kind="withdrawal")
