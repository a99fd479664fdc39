"""Reads: who may decide, a ticket's requests (the one ownership check per id), the approval queue,
and the loss assessment's withdrawals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext

from walletdesk.accounts.models import AgentRole
from walletdesk.compensation.errors import CompensationInvalid, CompensationNotFound, CustomerWithoutWallet
from walletdesk.compensation.models import DECIDABLE, CompensationRequest
from walletdesk.core.ids import decimal_id
from walletdesk.wallet import services as wallet
from walletdesk.wallet.connector import WalletTransfer

APPROVER_ROLES = (AgentRole.SUPERVISOR, AgentRole.ADMIN, AgentRole.FINANCE)
# Withdrawals that left (or are leaving) the account; one still in review or on hold is stopped in
# the wallet backend, not compensated.
LOST_STATUSES = ("broadcast", "completed")


def approver_allowed(user: Any) -> bool:
    """Who may release money at all; services also refuse the request's own requester."""
    profile = getattr(user, "agent_profile", None)
    return bool(user and user.is_active and profile is not None and profile.role in APPROVER_ROLES)


def compensation_list_for_ticket(*, ticket: Any) -> QuerySet[CompensationRequest]:
    return CompensationRequest.objects.filter(ticket=ticket).select_related(
        "requested_by__agent_profile", "decided_by__agent_profile"
    )


def compensation_get_for_ticket(*, ticket: Any, request_id: int | str) -> CompensationRequest:
    """The one ownership check in the ticket's panel: another ticket's request does not exist here."""
    pk = decimal_id(str(request_id))
    found = None if pk is None else compensation_list_for_ticket(ticket=ticket).filter(pk=pk).first()
    if found is None:
        raise CompensationNotFound()
    return found


def compensation_get_for_approver(*, user: Any, request_id: int | str) -> CompensationRequest:
    pk = decimal_id(str(request_id))
    found = (
        None
        if pk is None
        else CompensationRequest.objects.select_related("ticket", "ticket__customer", "requested_by")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise CompensationNotFound()
    return found


def compensation_pending_list() -> QuerySet[CompensationRequest]:
    """The queue: waiting or failed requests, oldest first (a customer has waited longest)."""
    return (
        CompensationRequest.objects.filter(status__in=DECIDABLE)
        .select_related("ticket", "requested_by__agent_profile")
        .order_by("id")
    )


def compensation_others_attach(*, pending: list[CompensationRequest]) -> None:
    """For the queue: sets `others` on each pending request, the other requests on its ticket (one
    query), so an approver sees what the customer was already paid or asked before releasing more."""
    others: dict[int, list[CompensationRequest]] = {}
    shown = {r.pk for r in pending}
    rows = CompensationRequest.objects.filter(ticket_id__in={r.ticket_id for r in pending}).order_by("id")
    for row in rows.exclude(pk__in=shown).only("id", "ticket_id", "kind", "asset", "amount", "status"):
        others.setdefault(row.ticket_id, []).append(row)
    for row in pending:
        row.others = others.get(row.ticket_id, []) + [
            r for r in pending if r.ticket_id == row.ticket_id and r.pk != row.pk
        ]


# --- loss assessment ------------------------------------------------------------------------------
@dataclass(frozen=True)
class LossAssessment:
    since: datetime
    withdrawals: list[WalletTransfer]  # every withdrawal since `since`, newest first
    chosen: list[WalletTransfer]  # the ones the customer disowns
    totals: dict[str, Decimal]  # asset -> sum of the chosen, in the order assets first appear

    def ids_of(self, asset: str) -> list[str]:
        return [t.id for t in self.chosen if t.asset == asset]


def ticket_wallet_uid(ticket: Any) -> str:
    uid = getattr(ticket.customer, "wallet_uid", None) if ticket.customer_id else None
    if not uid:
        raise CustomerWithoutWallet()
    return uid


def transfer_created(transfer: WalletTransfer) -> datetime | None:
    """The backend's ISO time, when it is one with a zone; None otherwise."""
    try:
        created = datetime.fromisoformat(transfer.created_at)
    except ValueError:
        return None
    return created if created.tzinfo is not None else None


def withdrawals_since(*, ticket: Any, since: datetime) -> list[WalletTransfer]:
    """The customer's withdrawals at or after `since` (the backend lists the newest 50; one whose
    time it sends unreadably is left out, not guessed). Connector errors propagate."""
    found = []
    for transfer in wallet.account_withdrawals_list(uid=ticket_wallet_uid(ticket)):
        created = transfer_created(transfer)
        if created is not None and created >= since:
            found.append(transfer)
    return found


def loss_assess(*, ticket: Any, since: datetime, transfer_ids: list[str]) -> LossAssessment:
    """Sum the withdrawals the customer disowns, per asset. Every id must be a withdrawal listed
    since `since` that left the account: the totals are worked out here, never taken from a form."""
    withdrawals = withdrawals_since(ticket=ticket, since=since)
    by_id = {t.id: t for t in withdrawals}
    wanted = list(dict.fromkeys(str(i) for i in transfer_ids))
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise CompensationInvalid(
            gettext("These are not withdrawals of this account in the chosen period: %(ids)s")
            % {"ids": ", ".join(unknown)[:200]},
            fields={"transfer_ids": gettext("unknown withdrawal")},
        )
    held = [i for i in wanted if by_id[i].status not in LOST_STATUSES]
    if held:
        raise CompensationInvalid(
            gettext("These withdrawals have not left the account; stop them instead: %(ids)s")
            % {"ids": ", ".join(held)[:200]},
            fields={"transfer_ids": gettext("not sent")},
        )
    chosen = [t for t in withdrawals if t.id in set(wanted)]
    totals: dict[str, Decimal] = {}
    for transfer in chosen:
        totals[transfer.asset] = totals.get(transfer.asset, Decimal(0)) + transfer.amount
    return LossAssessment(since=since, withdrawals=withdrawals, chosen=chosen, totals=totals)
