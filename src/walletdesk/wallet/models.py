"""Tables of the demo wallet backend. The product itself keeps no wallet data: it asks the connector.

Amounts are decimal strings: SQLite stores a DecimalField as a float, and a ledger is never a float.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models


class AccountStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    FROZEN = "frozen", "Frozen"


class TransferKind(models.TextChoices):
    DEPOSIT = "deposit", "Deposit"
    WITHDRAWAL = "withdrawal", "Withdrawal"


class TransferStatus(models.TextChoices):
    CONFIRMING = "confirming", "Confirming"
    CREDITED = "credited", "Credited"
    PENDING_REVIEW = "pending_review", "Pending review"
    SECURITY_HOLD = "security_hold", "Security hold (after a security change)"
    BROADCAST = "broadcast", "Broadcast"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


class DemoAccount(models.Model):
    uid = models.CharField(max_length=128, unique=True)
    email = models.CharField(max_length=254, blank=True, default="")
    status = models.CharField(max_length=16, choices=AccountStatus.choices, default=AccountStatus.ACTIVE)
    kyc_level = models.PositiveSmallIntegerField(default=0)
    frozen_reason = models.CharField(max_length=500, blank=True, default="")

    def __str__(self) -> str:
        return self.uid


class DemoBalance(models.Model):
    account = models.ForeignKey(DemoAccount, on_delete=models.CASCADE, related_name="balances")
    asset = models.CharField(max_length=32)
    available = models.CharField(max_length=80, default="0")
    locked = models.CharField(max_length=80, default="0")

    class Meta:
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
    account = models.ForeignKey(DemoAccount, on_delete=models.CASCADE, related_name="addresses")
    chain = models.CharField(max_length=64)
    asset = models.CharField(max_length=32)
    address = models.CharField(max_length=128)
    memo = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["chain", "asset"]

    def __str__(self) -> str:
        return f"{self.chain}:{self.address}"


class DemoTransfer(models.Model):
    account = models.ForeignKey(DemoAccount, on_delete=models.CASCADE, related_name="transfers")
    kind = models.CharField(max_length=16, choices=TransferKind.choices)
    chain = models.CharField(max_length=64)
    asset = models.CharField(max_length=32)
    amount = models.CharField(max_length=80)
    address = models.CharField(max_length=128, blank=True, default="")
    tx_hash = models.CharField(max_length=130, blank=True, default="")
    status = models.CharField(max_length=16, choices=TransferStatus.choices)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} {self.asset}"


class DemoAction(models.Model):
    """What the backend was asked to do (freeze, unfreeze, credit), by whom and why; append-only."""

    account = models.ForeignKey(DemoAccount, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(max_length=16)
    reason = models.CharField(max_length=500)
    by = models.CharField(max_length=128)
    asset = models.CharField(max_length=32, blank=True, default="")
    amount = models.CharField(max_length=80, blank=True, default="")
    idempotency_key = models.CharField(max_length=128, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.account_id}"
