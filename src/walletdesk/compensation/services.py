"""Compensation: an agent asks, a second person (supervisor, admin or finance) approves, and only
then the wallet backend credits the customer, under the idempotency key "comp-<id>".

Every step is written to the audit log and noted on the ticket's timeline (an internal note); the
customer hears of the money once it is credited, through the outbox like every other reply. The
connector is called outside any transaction: a request is claimed first with a conditional
update, so two approvals at once cannot both credit, and the key keeps a retry from paying twice
even when the backend credited and its answer was lost."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from walletdesk.audit.services import audit_record
from walletdesk.compensation.errors import (
    ApprovalNotAllowed,
    ApprovalSelfApprove,
    CompensationCreditFailed,
    CompensationDuplicate,
    CompensationInvalid,
    CompensationNotPending,
)
from walletdesk.compensation.models import (
    DECIDABLE,
    HELD,
    CompensationKind,
    CompensationRequest,
    CompensationStatus,
)
from walletdesk.compensation.selectors import approver_allowed, loss_assess, ticket_wallet_uid
from walletdesk.core.errors import DomainError, PermissionDenied
from walletdesk.wallet import services as wallet

# A request left "crediting" this long (its worker died during the backend call) may be approved
# again; the same idempotency key makes that safe.
CREDITING_STALE = timedelta(minutes=5)
PAYING = (CompensationStatus.CREDITING, CompensationStatus.CREDITED)
MAX_DECIMALS = 18  # an ETH amount's precision; more is a typo
_ASSET_RE = re.compile(r"^[A-Z0-9]{1,16}$")
_AMOUNT_RE = re.compile(r"^(?:[0-9]{1,30}(?:\.[0-9]*)?|\.[0-9]+)$")

CREDITED_TEXT = {
    CompensationKind.FEE_REFUND: gettext_lazy(
        "A refund of %(amount)s %(asset)s has been credited to your account."
    ),
    CompensationKind.THEFT_REMEDY: gettext_lazy(
        "%(amount)s %(asset)s has been credited to your account to make good your loss."
    ),
    CompensationKind.GOODWILL: gettext_lazy(
        "A compensation of %(amount)s %(asset)s has been credited to your account."
    ),
}


def amount_text(value: Decimal) -> str:
    """12.50 -> "12.5", 100 -> "100": no exponent, no trailing zeros (normalize() would round
    past 28 digits and print 1E+2)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def compensation_limits() -> dict[str, Decimal]:
    return dict(settings.WALLETDESK_COMPENSATION_LIMITS)


def _invalid(field: str, message: str) -> CompensationInvalid:
    return CompensationInvalid(message, fields={field: message})


def asset_clean(raw: object) -> str:
    asset = str(raw or "").strip().upper()
    limits = compensation_limits()
    if not _ASSET_RE.match(asset) or asset not in limits:
        return_assets = ", ".join(limits) or "—"
        raise _invalid(
            "asset", gettext("Choose one of the assets with a limit: %(assets)s.") % {"assets": return_assets}
        )
    return asset


def amount_clean(raw: object, *, asset: str) -> Decimal:
    """A positive decimal within the asset's cap and precision; a form error otherwise."""
    # Plain ASCII digits only: Decimal also reads "١٢", "1e3" and "NaN", and "12,5" means 12.5
    # to some people and 125 to others.
    text = format(raw, "f") if isinstance(raw, Decimal) else str(raw).strip()
    try:
        value = Decimal(text) if _AMOUNT_RE.match(text) else None
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise _invalid("amount", gettext('Write the amount as a number such as "12.5".'))
    if value <= 0:
        raise _invalid("amount", gettext("The amount must be more than zero."))
    if -value.as_tuple().exponent > MAX_DECIMALS:  # type: ignore[operator]
        raise _invalid("amount", gettext("At most %(n)s decimal places.") % {"n": MAX_DECIMALS})
    cap = compensation_limits()[asset]
    if value > cap:
        raise _invalid(
            "amount",
            gettext("At most %(cap)s %(asset)s per request.") % {"cap": amount_text(cap), "asset": asset},
        )
    return value


def _reason_clean(raw: object) -> str:
    reason = str(raw or "").strip()
    if not reason or len(reason) > 500:
        raise _invalid("reason", gettext("Give a reason (up to 500 characters)."))
    return reason


def _note_clean(raw: object, *, required: bool) -> str:
    note = str(raw or "").strip()
    if (required and not note) or len(note) > 500:
        raise _invalid("note", gettext("Write a note for the requester (up to 500 characters)."))
    return note


def _timeline(ticket: Any, by: Any, body: str) -> None:
    """The step on the ticket's timeline, as an internal note (the ticket app's own event for it)."""
    from walletdesk.tickets import outbox

    outbox.send(ticket=ticket, author=by, body=body, internal=True)


def _summary(compensation: CompensationRequest) -> str:
    return (
        f"#{compensation.pk} · {compensation.get_kind_display()} · {compensation.amount} {compensation.asset}"
    )


def _audit(compensation: CompensationRequest, by: Any, action: str, **data: Any) -> None:
    audit_record(
        actor=by,
        action=f"compensation.{action}",
        target=f"compensation:{compensation.pk}",
        data={
            "ticket": compensation.ticket.reference,
            "wallet": compensation.wallet_uid,
            "kind": compensation.kind,
            "asset": compensation.asset,
            "amount": compensation.amount,
            **data,
        },
    )


# --- asking -----------------------------------------------------------------------------------
def _same_money(*, ticket: Any, kind: str, asset: str, amount: str) -> Any:
    return CompensationRequest.objects.filter(ticket=ticket, kind=kind, asset=asset, amount=amount)


def _duplicate(existing: CompensationRequest) -> CompensationDuplicate:
    message = gettext(
        "Request #%(id)s already asks for %(amount)s %(asset)s (%(kind)s) on this ticket and is %(status)s. "
        "Ask again only for a further, different amount."
    ) % {
        "id": existing.pk,
        "amount": existing.amount,
        "asset": existing.asset,
        "kind": existing.get_kind_display(),
        "status": existing.get_status_display(),
    }
    return CompensationDuplicate(
        message,
        details={"existing_id": existing.pk, "existing_status": existing.status},
        fields={"amount": message},
    )


def compensation_duplicate_check(*, ticket: Any, kind: str, asset: str, amount: str) -> None:
    """Refuse the same money asked again on a ticket while a request for it is open or paid (a
    second submit, a second agent): `amount` is the normalised text, so 12.50 repeats 12.5."""
    existing = (
        _same_money(ticket=ticket, kind=kind, asset=asset, amount=amount).filter(status__in=HELD).first()
    )
    if existing is not None:
        raise _duplicate(existing)


def compensation_request(
    *,
    ticket: Any,
    agent: Any,
    kind: str,
    asset: str,
    amount: object,
    reason: str,
    assessment: dict[str, Any] | None = None,
) -> CompensationRequest:
    """Any agent asks on a ticket they can see (the caller looked it up for them)."""
    from walletdesk.tickets.selectors import agent_can_work

    if not agent_can_work(agent):
        raise PermissionDenied()
    if kind not in CompensationKind.values:
        raise _invalid("kind", gettext("Choose the kind of compensation."))
    asset = asset_clean(asset)
    value = amount_clean(amount, asset=asset)
    reason = _reason_clean(reason)
    uid = ticket_wallet_uid(ticket)
    amount = amount_text(value)
    compensation_duplicate_check(ticket=ticket, kind=kind, asset=asset, amount=amount)
    try:
        return _request_store(
            ticket=ticket,
            agent=agent,
            kind=kind,
            asset=asset,
            amount=amount,
            reason=reason,
            uid=uid,
            assessment=assessment or {},
        )
    except IntegrityError:
        # Two requests passed the check at once; the constraint let the first one in.
        compensation_duplicate_check(ticket=ticket, kind=kind, asset=asset, amount=amount)
        raise


def _request_store(
    *, ticket: Any, agent: Any, kind: str, asset: str, amount: str, reason: str, uid: str, assessment: dict
) -> CompensationRequest:
    with transaction.atomic():
        compensation = CompensationRequest.objects.create(
            ticket=ticket,
            kind=kind,
            asset=asset,
            amount=amount,
            reason=reason,
            wallet_uid=uid,
            requested_by=agent,
            assessment=assessment,
        )
        _audit(compensation, agent, "request", reason=reason, assessment=compensation.assessment)
        _timeline(
            ticket,
            agent,
            gettext(
                "Compensation requested, waiting for a second person's approval: %(summary)s. Reason: %(reason)s"
            )
            % {"summary": _summary(compensation), "reason": reason},
        )
    return compensation


def theft_remedy_request(
    *,
    ticket: Any,
    agent: Any,
    asset: str,
    amount: object,
    reason: str,
    since: datetime,
    transfer_ids: list[str],
) -> CompensationRequest:
    """A theft remedy for one asset, with its loss assessment (worked out again from the backend's
    withdrawals, never taken from the form): at most the assessed loss."""
    asset = asset_clean(asset)
    assessed = loss_assess(ticket=ticket, since=since, transfer_ids=transfer_ids)
    if not assessed.chosen or set(assessed.totals) != {asset}:
        raise _invalid("transfer_ids", gettext("Tick the disowned withdrawals of this asset only."))
    total = assessed.totals[asset]
    value = amount_clean(amount, asset=asset)
    if value > total:
        raise _invalid(
            "amount",
            gettext("At most the assessed loss, %(total)s %(asset)s.")
            % {"total": amount_text(total), "asset": asset},
        )
    assessment = {
        "since": since.isoformat(),
        "transfer_ids": [t.id for t in assessed.chosen],
        "total": amount_text(total),
        "transfers": [
            {
                "id": t.id,
                "asset": t.asset,
                "amount": amount_text(t.amount),
                "chain": t.chain,
                "address": t.address,
                "tx_hash": t.tx_hash,
                "status": t.status,
                "created_at": t.created_at,
            }
            for t in assessed.chosen
        ],
    }
    return compensation_request(
        ticket=ticket,
        agent=agent,
        kind=CompensationKind.THEFT_REMEDY,
        asset=asset,
        amount=value,
        reason=reason,
        assessment=assessment,
    )


def compensation_cancel(*, compensation: CompensationRequest, by: Any) -> CompensationRequest:
    """The requester (or an approver) withdraws a request no one has decided yet."""
    if by.pk != compensation.requested_by_id and not approver_allowed(by):
        raise PermissionDenied(gettext("Only the requester or an approver can cancel this request."))
    with transaction.atomic():
        _claim(compensation, CompensationStatus.CANCELLED, by=by, note="", from_statuses=DECIDABLE)
        _audit(compensation, by, "cancel")
        _timeline(
            compensation.ticket,
            by,
            gettext("Compensation cancelled: %(summary)s.") % {"summary": _summary(compensation)},
        )
    return compensation


# --- deciding (the second person) ---------------------------------------------------------------
def _decider_check(compensation: CompensationRequest, by: Any) -> None:
    if not approver_allowed(by):
        raise ApprovalNotAllowed()
    if by.pk == compensation.requested_by_id:
        raise ApprovalSelfApprove()


def _claim(
    compensation: CompensationRequest,
    status: str,
    *,
    by: Any,
    note: str,
    from_statuses: Any,
    stale_too: bool = False,
) -> None:
    """Move the request to `status` only if it is still in one of `from_statuses` (a conditional
    update, so of two people deciding at once exactly one wins); refreshes `request`."""
    now = timezone.now()
    allowed = Q(status__in=list(from_statuses))
    if stale_too:
        allowed |= Q(status=CompensationStatus.CREDITING, updated_at__lt=now - CREDITING_STALE)
    changes: dict[str, Any] = {"status": status, "updated_at": now}
    if status != CompensationStatus.CANCELLED:
        changes.update(decided_by=by, decision_note=note)
    if status == CompensationStatus.CREDITING:
        changes["attempts"] = F("attempts") + 1
    claimable = CompensationRequest.objects.filter(allowed, pk=compensation.pk)
    if status == CompensationStatus.CREDITING:
        claimable = claimable.exclude(Exists(_paid_twin()))
    claimed = claimable.update(**changes)
    compensation.refresh_from_db()
    if not claimed:
        twin = (
            _same_money(
                ticket=compensation.ticket_id,
                kind=compensation.kind,
                asset=compensation.asset,
                amount=compensation.amount,
            )
            .filter(status__in=PAYING)
            .exclude(pk=compensation.pk)
            .first()
        )
        if status == CompensationStatus.CREDITING and twin is not None and compensation.decidable:
            raise _duplicate(twin)
        raise CompensationNotPending()


def _paid_twin() -> Any:
    """Another request for the same money that is paid or being paid. The constraint keeps two
    requests from being open together; this keeps one from being paid after its twin was (rows
    from before the constraint, or a twin asked while the first was already credited)."""
    return CompensationRequest.objects.filter(
        ticket=OuterRef("ticket"),
        kind=OuterRef("kind"),
        asset=OuterRef("asset"),
        amount=OuterRef("amount"),
        status__in=PAYING,
    ).exclude(pk=OuterRef("pk"))


def compensation_reject(*, compensation: CompensationRequest, by: Any, note: str) -> CompensationRequest:
    _decider_check(compensation, by)
    note = _note_clean(note, required=True)
    with transaction.atomic():
        _claim(compensation, CompensationStatus.REJECTED, by=by, note=note, from_statuses=DECIDABLE)
        _audit(compensation, by, "reject", note=note)
        _timeline(
            compensation.ticket,
            by,
            gettext("Compensation rejected: %(summary)s. Note: %(note)s")
            % {"summary": _summary(compensation), "note": note},
        )
    return compensation


def compensation_approve(
    *, compensation: CompensationRequest, by: Any, note: str = ""
) -> CompensationRequest:
    """Approve and credit. A backend failure leaves the request `failed` with the error, to be
    approved again; the key "comp-<id>" makes the backend credit it at most once whatever happens."""
    _decider_check(compensation, by)
    note = _note_clean(note, required=False)
    _claim(
        compensation, CompensationStatus.CREDITING, by=by, note=note, from_statuses=DECIDABLE, stale_too=True
    )
    _audit(compensation, by, "approve", note=note, attempt=compensation.attempts)
    try:
        wallet.account_credit(
            uid=compensation.wallet_uid,
            asset=compensation.asset,
            amount=compensation.amount_decimal,
            reason=f"{compensation.kind} {compensation.idempotency_key}, ticket {compensation.ticket.reference}: {compensation.reason}"[
                :500
            ],
            by=f"agent:{by.get_username()}",
            idempotency_key=compensation.idempotency_key,
        )
    except DomainError as exc:
        error = exc.message[:500]
        with transaction.atomic():
            CompensationRequest.objects.filter(pk=compensation.pk).update(
                status=CompensationStatus.FAILED, last_error=error, updated_at=timezone.now()
            )
            compensation.refresh_from_db()
            _audit(compensation, by, "credit_failed", error=error, attempt=compensation.attempts)
            _timeline(
                compensation.ticket,
                by,
                gettext(
                    "Compensation approved but the wallet backend did not credit it (%(error)s): %(summary)s."
                )
                % {"error": error, "summary": _summary(compensation)},
            )
        raise CompensationCreditFailed(
            gettext("The wallet backend did not credit the amount (%(error)s); approve again to retry.")
            % {"error": error},
            details={"error": error},
        ) from exc
    with transaction.atomic():
        CompensationRequest.objects.filter(pk=compensation.pk).update(
            status=CompensationStatus.CREDITED,
            last_error="",
            credited_at=timezone.now(),
            updated_at=timezone.now(),
        )
        compensation.refresh_from_db()
        _audit(compensation, by, "credited", attempt=compensation.attempts)
        _timeline(
            compensation.ticket,
            by,
            gettext("Compensation approved and credited: %(summary)s.") % {"summary": _summary(compensation)},
        )
        _customer_tell(compensation)
    return compensation


def _customer_tell(compensation: CompensationRequest) -> None:
    """The customer's message, in the ticket's language, through the outbox (every channel)."""
    from walletdesk.tickets import outbox
    from walletdesk.tickets.models import AuthorKind

    ticket = compensation.ticket
    with translation.override(ticket.locale or settings.LANGUAGE_CODE):
        body = str(CREDITED_TEXT[CompensationKind(compensation.kind)]) % {
            "amount": compensation.amount,
            "asset": compensation.asset,
        }
    outbox.send(ticket=ticket, author=None, body=body, author_kind=AuthorKind.SYSTEM)
