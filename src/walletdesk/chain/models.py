"""Configured networks and assets, and the record of each transaction check (deflection counting)."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChainKind(models.TextChoices):
    EVM = "evm", _("EVM")
    BITCOIN = "bitcoin", _("Bitcoin (Esplora API)")
    TRON = "tron", _("TRON (HTTP API)")


class Chain(models.Model):
    """A network the operator supports; `id` is the operator's own short name ("eth", "bsc")."""

    id = models.CharField(primary_key=True, max_length=64, verbose_name=_("ID"))
    name = models.CharField(max_length=120, verbose_name=_("Name"))
    kind = models.CharField(
        max_length=16, choices=ChainKind.choices, default=ChainKind.EVM, verbose_name=_("Kind")
    )
    rpc = models.CharField(max_length=500, verbose_name=_("RPC endpoint"))
    chain_id = models.BigIntegerField(null=True, blank=True, verbose_name=_("Chain ID"))
    confirmations = models.PositiveIntegerField(verbose_name=_("Confirmations"))
    # Seconds per block, for "about M minutes" in explanations; from the file or a known default.
    block_seconds = models.FloatField(verbose_name=_("Block seconds"))
    position = models.PositiveIntegerField(default=0, verbose_name=_("Position"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("Updated at"))

    class Meta:
        verbose_name = _("Chain")
        verbose_name_plural = _("Chains")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


class Asset(models.Model):
    """A coin or token the operator credits on a chain. A token is known only by its contract."""

    chain = models.ForeignKey(Chain, on_delete=models.CASCADE, related_name="assets", verbose_name=_("Chain"))
    symbol = models.CharField(max_length=32, verbose_name=_("Symbol"))
    native = models.BooleanField(default=False, verbose_name=_("Native"))
    # Normalized by the chain's adapter (EVM: lowercase 0x…); empty for the native coin.
    contract = models.CharField(max_length=128, blank=True, default="", verbose_name=_("Contract"))
    decimals = models.PositiveSmallIntegerField(verbose_name=_("Decimals"))
    # A decimal string: SQLite would store a DecimalField as a float, and money is never a float.
    min_deposit = models.CharField(max_length=80, default="0", verbose_name=_("Min deposit"))
    position = models.PositiveIntegerField(default=0, verbose_name=_("Position"))

    class Meta:
        verbose_name = _("Asset")
        verbose_name_plural = _("Assets")
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
    PORTAL = "portal", _("Customer portal")
    WIDGET = "widget", _("Chat widget")
    CONSOLE = "console", _("Agent console")
    API = "api", _("API")


class TxCheck(models.Model):
    """One diagnosis asked for in the product; self-service ones that open no ticket are deflections."""

    chain = models.CharField(max_length=64, verbose_name=_("Chain"))
    tx_hash = models.CharField(max_length=130, verbose_name=_("Transaction hash"))
    address = models.CharField(max_length=128, blank=True, default="", verbose_name=_("Address"))
    verdict = models.CharField(max_length=32, verbose_name=_("Verdict"))
    source = models.CharField(max_length=16, choices=CheckSource.choices, verbose_name=_("Source"))
    # Plain strings, not foreign keys: accounts/tickets belong to other apps.
    customer_ref = models.CharField(max_length=128, blank=True, default="", verbose_name=_("Customer ref"))
    should_be_credited = models.BooleanField(default=False, verbose_name=_("Should be credited"))
    ticket_ref = models.CharField(max_length=64, blank=True, default="", verbose_name=_("Ticket ref"))
    result = models.JSONField(default=dict, verbose_name=_("Result"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("Created at"))

    class Meta:
        verbose_name = _("Transaction check")
        verbose_name_plural = _("Transaction checks")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.chain}:{self.tx_hash} → {self.verdict}"

    @property
    def verdict_label(self) -> str:
        """The verdict in the reader's language ("已确认"), not its code ("confirmed")."""
        from django.utils.translation import get_language

        from walletdesk.chain.explain import verdict_label

        return verdict_label(self.verdict, get_language())
