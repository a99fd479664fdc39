"""From what the nodes saw to a verdict: pure functions, no I/O (services.py does the lookups)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Context, Decimal
from enum import StrEnum
from typing import Any

from walletdesk.chain.adapters.base import NATIVE, Transfer, TxView

# uint256 has 78 digits; the default 28-digit context would round large token amounts.
_EXACT = Context(prec=200)


class Verdict(StrEnum):
    """In the order they are decided: the first that applies wins."""

    NOT_FOUND = "not_found"
    # Not on the chosen network, and some network the hash may belong to could not be asked (not
    # set up here, or its node did not answer): whether the transaction exists is unknown.
    NETWORK_UNCHECKED = "network_unchecked"
    WRONG_NETWORK = "wrong_network"
    PENDING = "pending"
    FAILED = "failed"
    WRONG_ADDRESS = "wrong_address"
    UNSUPPORTED_ASSET = "unsupported_asset"
    BELOW_MINIMUM = "below_minimum"
    CONFIRMING = "confirming"
    CONFIRMED = "confirmed"


@dataclass(frozen=True)
class AssetRule:
    """What the diagnosis needs to know of a configured asset (decoupled from the ORM row)."""

    symbol: str
    decimals: int
    min_deposit: Decimal


@dataclass(frozen=True)
class Moved:
    """The transfer the verdict is about: summed per asset when several logs pay the same address."""

    asset_key: str
    to: str
    units: int
    rule: AssetRule | None


@dataclass
class Diagnosis:
    verdict: Verdict
    chain: str
    found_on: str | None
    confirmations: int | None
    required: int
    asset: str | None
    amount: Decimal | None
    to: str | None
    explanation: str
    tx_hash: str = ""
    address: str | None = None
    claimed_asset: str | None = None
    block: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The CLI / API shape; amounts as exact decimal strings."""
        return {
            "verdict": str(self.verdict),
            "chain": self.chain,
            "found_on": self.found_on,
            "confirmations": self.confirmations,
            "required": self.required,
            "asset": self.asset,
            "amount": amount_format(self.amount),
            "to": self.to,
            "explanation": self.explanation,
        }

    @property
    def should_be_credited(self) -> bool:
        """Confirmed on chain to a supported asset above the minimum: the ledger must show it."""
        return self.verdict == Verdict.CONFIRMED and self.asset is not None and self.amount is not None


def amount_from_units(units: int, decimals: int) -> Decimal:
    return _EXACT.scaleb(Decimal(units), -decimals)


def amount_format(amount: Decimal | None) -> str | None:
    if amount is None:
        return None
    text = format(_EXACT.normalize(amount), "f")
    return text


def moved_pick(
    transfers: list[Transfer], rules: dict[str, AssetRule], *, address: str | None, claimed: str | None
) -> Moved | None:
    """The transfer a verdict is about.

    With an address: only transfers to it count; several of the same asset are summed (a customer
    asks "what did I receive in this tx"); a configured asset wins over an unknown one, and among
    configured ones the asset the customer names wins, else the first in tx order (native value first,
    then logs). Without an address: the native value if non-zero, else the first Transfer of a
    configured asset, else the first Transfer.
    """
    if address is not None:
        mine = [t for t in transfers if t.to == address]
        if not mine:
            return None
        groups: dict[str, int] = {}
        for transfer in mine:
            groups[transfer.asset_key] = groups.get(transfer.asset_key, 0) + transfer.units
        known = [key for key in groups if key in rules]
        if known:
            claimed_keys = [key for key in known if claimed and rules[key].symbol.lower() == claimed.lower()]
            key = (claimed_keys or known)[0]
        else:
            key = next(iter(groups))
        return Moved(asset_key=key, to=address, units=groups[key], rule=rules.get(key))
    if not transfers:
        return None
    native = [t for t in transfers if t.asset_key == NATIVE]
    known = [t for t in transfers if t.asset_key != NATIVE and t.asset_key in rules]
    chosen = (native or known or transfers)[0]
    return Moved(
        asset_key=chosen.asset_key, to=chosen.to, units=chosen.units, rule=rules.get(chosen.asset_key)
    )


def verdict_decide(view: TxView, moved: Moved | None, *, address: str | None, required: int) -> Verdict:
    """Verdicts from pending on, for a tx found on the chain the customer named."""
    if view.status == "pending":
        return Verdict.PENDING
    if view.status == "failed":
        return Verdict.FAILED
    if address is not None and moved is None:
        return Verdict.WRONG_ADDRESS
    if moved is not None:
        if moved.rule is None:
            return Verdict.UNSUPPORTED_ASSET
        if amount_from_units(moved.units, moved.rule.decimals) < moved.rule.min_deposit:
            return Verdict.BELOW_MINIMUM
    confirmations = view.confirmations or 0
    return Verdict.CONFIRMING if confirmations < required else Verdict.CONFIRMED
