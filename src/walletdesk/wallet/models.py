"""Tables of the demo wallet backend. The product itself keeps no wallet data: it asks the connector.

Amounts are decimal strings: SQLite stores a DecimalField as a float, and a ledger is never a float.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    FROZEN = "frozen", _("Frozen")


class TransferKind(models.TextChoices):
    DEPOSIT = "deposit", _("Deposit")
    WITHDRAWAL = "withdrawal", _("Withdrawal")


class TransferStatus(models.TextChoices):
    CONFIRMING = "confirming", _("Confirming")
    CREDITED = "credited", _("Credited")
    PENDING_REVIEW = "pending_review", _("Pending review")
    SECURITY_HOLD = "security_hold", _("Security hold (after a security change)")
    BROADCAST = "broadcast", _("Broadcast")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")


class DemoAccount(models.Model):
    uid = models.CharField(max_length=128, unique=True, verbose_name=_("UID"))
    email = models.CharField(max_length=254, blank=True, default="", verbose_name=_("Email"))
    status = models.CharField(
        max_length=16, choices=AccountStatus.choices, default=AccountStatus.ACTIVE, verbose_name=_("Status")
    )
    kyc_level = models.PositiveSmallIntegerField(default=0, verbose_name=_("KYC level"))
    frozen_reason = models.CharField(max_length=500, blank=True, default="", verbose_name=_("Frozen reason"))

    class Meta:
        verbose_name = _("Demo account")
        verbose_name_plural = _("Demo accounts")

    def __str__(self) -> str:
        return self.uid


class DemoBalance(models.Model):
    account = models.ForeignKey(
        DemoAccount, on_delete=models.CASCADE, related_name="balances", verbose_name=_("Account")
    )
    asset = models.CharField(max_length=32, verbose_name=_("Asset"))
    available = models.CharField(max_length=80, default="0", verbose_name=_("Available"))
    locked = models.CharField(max_length=80, default="0", verbose_name=_("Locked"))

    class Meta:
        verbose_name = _("Demo balance")
        verbose_name_plural = _("Demo balances")
        ordering = ["asset"]
        constraints = [
            models.UniqueConstraint(fields=["account", "asset"], name="demo_balance_account_asset")
        ]

    def __str__(self) -> str:
        return f"{self.account_id}:{self.asset}"

    @property
    def available_decimal(self) -> Decimal:
        return Decimal(self.available)


class DemoDepositAddress(models.Model):
    account = models.ForeignKey(
        DemoAccount, on_delete=models.CASCADE, related_name="addresses", verbose_name=_("Account")
    )
    chain = models.CharField(max_length=64, verbose_name=_("Chain"))
    asset = models.CharField(max_length=32, verbose_name=_("Asset"))
    address = models.CharField(max_length=128, verbose_name=_("Address"))
    memo = models.CharField(max_length=64, blank=True, default="", verbose_name=_("Memo"))

    class Meta:
        verbose_name = _("Demo deposit address")
        verbose_name_plural = _("Demo deposit addresses")
        ordering = ["chain", "asset"]

    def __str__(self) -> str:
        return f"{self.chain}:{self.address}"


class DemoTransfer(models.Model):
    account = models.ForeignKey(
        DemoAccount, on_delete=models.CASCADE, related_name="transfers", verbose_name=_("Account")
    )
    kind = models.CharField(max_length=16, choices=TransferKind.choices, verbose_name=_("Kind"))
    chain = models.CharField(max_length=64, verbose_name=_("Chain"))
    asset = models.CharField(max_length=32, verbose_name=_("Asset"))
    amount = models.CharField(max_length=80, verbose_name=_("Amount"))
    address = models.CharField(max_length=128, blank=True, default="", verbose_name=_("Address"))
    tx_hash = models.CharField(max_length=130, blank=True, default="", verbose_name=_("Transaction hash"))
    status = models.CharField(max_length=16, choices=TransferStatus.choices, verbose_name=_("Status"))
    created_at = models.DateTimeField(verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Demo transfer")
        verbose_name_plural = _("Demo transfers")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} {self.asset}"


class DemoAction(models.Model):
    """What the backend was asked to do (freeze, unfreeze, credit), by whom and why; append-only."""

    account = models.ForeignKey(
        DemoAccount, on_delete=models.CASCADE, related_name="actions", verbose_name=_("Account")
    )
    action = models.CharField(max_length=16, verbose_name=_("Action"))
    reason = models.CharField(max_length=500, verbose_name=_("Reason"))
    by = models.CharField(max_length=128, verbose_name=_("By"))
    asset = models.CharField(max_length=32, blank=True, default="", verbose_name=_("Asset"))
    amount = models.CharField(max_length=80, blank=True, default="", verbose_name=_("Amount"))
    idempotency_key = models.CharField(
        max_length=128, null=True, blank=True, unique=True, verbose_name=_("Idempotency key")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Demo action")
        verbose_name_plural = _("Demo actions")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.account_id}"
