"""Configured networks and assets, and the record of each transaction check (deflection counting)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models


class ChainKind(models.TextChoices):
    EVM = "evm", "EVM"
    BITCOIN = "bitcoin", "Bitcoin (Esplora API)"
    TRON = "tron", "TRON (HTTP API)"


class Chain(models.Model):
    """A network the operator supports; `id` is the operator's own short name ("eth", "bsc")."""

    id = models.CharField(primary_key=True, max_length=64)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=16, choices=ChainKind.choices, default=ChainKind.EVM)
    rpc = models.CharField(max_length=500)
    chain_id = models.BigIntegerField(null=True, blank=True)
    confirmations = models.PositiveIntegerField()
    # Seconds per block, for "about M minutes" in explanations; from the file or a known default.
    block_seconds = models.FloatField()
    position = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


class Asset(models.Model):
    """A coin or token the operator credits on a chain. A token is known only by its contract."""

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="assets")
    symbol = models.CharField(max_length=32)
    native = models.BooleanField(default=False)
    # Normalized by the chain's adapter (EVM: lowercase 0x…); empty for the native coin.
    contract = models.CharField(max_length=128, blank=True, default="")
    decimals = models.PositiveSmallIntegerField()
    # A decimal string: SQLite would store a DecimalField as a float, and money is never a float.
    min_deposit = models.CharField(max_length=80, default="0")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["chain_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["chain", "contract"],
                condition=~models.Q(contract=""),
                name="chain_asset_contract_unique",
            ),
            models.UniqueConstraint(
                fields=["chain"], condition=models.Q(native=True), name="chain_asset_one_native"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} on {self.chain_id}"

    @property
    def min_deposit_decimal(self) -> Decimal:
        return Decimal(self.min_deposit)


class CheckSource(models.TextChoices):
    PORTAL = "portal", "Customer portal"
    WIDGET = "widget", "Chat widget"
    CONSOLE = "console", "Agent console"
    API = "api", "API"


class TxCheck(models.Model):
    """One diagnosis asked for in the product; self-service ones that open no ticket are deflections."""

    chain = models.CharField(max_length=64)
    tx_hash = models.CharField(max_length=130)
    address = models.CharField(max_length=128, blank=True, default="")
    verdict = models.CharField(max_length=32)
    source = models.CharField(max_length=16, choices=CheckSource.choices)
    # Plain strings, not foreign keys: accounts/tickets belong to other apps.
    customer_ref = models.CharField(max_length=128, blank=True, default="")
    should_be_credited = models.BooleanField(default=False)
    ticket_ref = models.CharField(max_length=64, blank=True, default="")
    result = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.chain}:{self.tx_hash} → {self.verdict}"

    @property
    def verdict_label(self) -> str:
        """The verdict in the reader's language ("已确认"), not its code ("confirmed")."""
        from django.utils.translation import get_language

        from walletdesk.chain.explain import verdict_label

        return verdict_label(self.verdict, get_language())
