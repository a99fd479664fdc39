"""Compensation requests: money credited to a ticket's customer once a second person approves."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CompensationKind(models.TextChoices):
    FEE_REFUND = "fee_refund", _("Fee refund")
    THEFT_REMEDY = "theft_remedy", _("Theft remedy")
    GOODWILL = "goodwill", _("Goodwill compensation")


class CompensationStatus(models.TextChoices):
    REQUESTED = "requested", _("waiting for approval")
    # Claimed by an approver while the wallet backend is asked; a crash here is retried later
    # under the same idempotency key, so it can never pay twice.
    CREDITING = "crediting", _("crediting")
    CREDITED = "credited", _("approved and credited")
    REJECTED = "rejected", _("rejected")
    FAILED = "failed", _("credit failed")
    CANCELLED = "cancelled", _("cancelled")


# A decision can still be taken on these (a failed credit is approved again to retry).
DECIDABLE = (CompensationStatus.REQUESTED, CompensationStatus.FAILED)
# Still on its way to being paid: at most one such request per ticket, kind, asset and amount.
OPEN = (CompensationStatus.REQUESTED, CompensationStatus.CREDITING, CompensationStatus.FAILED)
# Open or paid: asking for the same money again while one of these exists is a duplicate.
HELD = (*OPEN, CompensationStatus.CREDITED)


class CompensationRequest(models.Model):
    ticket = models.ForeignKey(
        "tickets.Ticket",
        on_delete=models.PROTECT,
        related_name="compensation_requests",
        verbose_name=_("Ticket"),
    )
    kind = models.CharField(max_length=20, choices=CompensationKind.choices, verbose_name=_("Kind"))
    asset = models.CharField(max_length=16, verbose_name=_("Asset"))
    # A decimal string ("12.5"): SQLite reads DecimalField back through a float with 15 digits,
    # and an ETH amount has 18 decimals. The wallet app keeps its amounts the same way.
    amount = models.CharField(max_length=64, verbose_name=_("Amount"))
    reason = models.TextField(max_length=500, verbose_name=_("Reason"))
    # The account credited is the one linked when the request was made, so relinking the customer
    # after approval was asked cannot send the money elsewhere.
    wallet_uid = models.CharField(max_length=128, verbose_name=_("Wallet UID"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Requested by"),
    )
    status = models.CharField(
        max_length=12,
        choices=CompensationStatus.choices,
        default=CompensationStatus.REQUESTED,
        db_index=True,
        verbose_name=_("Status"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    decision_note = models.CharField(max_length=500, blank=True, verbose_name=_("Decision note"))
    last_error = models.CharField(max_length=500, blank=True, verbose_name=_("Last error"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("Credit attempts"))
    # Loss assessment for a theft remedy: {"since", "transfer_ids", "total", "transfers": [...]}.
    assessment = models.JSONField(default=dict, blank=True, verbose_name=_("Loss assessment"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))
    credited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Credited at"))

    class Meta:
        verbose_name = _("Compensation request")
        verbose_name_plural = _("Compensation requests")
        ordering = ["-id"]
        indexes = [models.Index(fields=["ticket", "-id"], name="compensation_ticket_idx")]
        constraints = [
            # Two agents (or one double submit) asking the same refund at once: the service's
            # check reads before it writes, so only the database can refuse the second insert.
            # Paid requests are left out so a ticket whose history already holds two credits
            # (before this rule) still migrates; the service refuses a repeat of a paid one.
            models.UniqueConstraint(
                fields=["ticket", "kind", "asset", "amount"],
                condition=models.Q(status__in=[s.value for s in OPEN]),
                name="compensation_one_open_per_amount",
            )
        ]

    def __str__(self) -> str:
        return f"comp-{self.pk} {self.amount} {self.asset}"

    @property
    def idempotency_key(self) -> str:
        return f"comp-{self.pk}"

    @property
    def amount_decimal(self) -> Decimal:
        return Decimal(self.amount)

    @property
    def decidable(self) -> bool:
        return self.status in DECIDABLE
