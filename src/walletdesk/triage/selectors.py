"""Reads for the agent console: entity chips with a link to the chain's explorer."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from walletdesk.triage.addresses import address_kind
from walletdesk.triage.services import Entities

# Explorer roots per network for EVM hashes and addresses (0x… is the same on every EVM chain,
# so the network the customer named decides which explorer is right).
_EVM_EXPLORERS = {
    "ERC20": "https://etherscan.io",
    "BEP20": "https://bscscan.com",
    "POLYGON": "https://polygonscan.com",
    "ARBITRUM": "https://arbiscan.io",
    "OPTIMISM": "https://optimistic.etherscan.io",
    "BASE": "https://basescan.org",
}
_TRON_TX = "https://tronscan.org/#/transaction/"
_TRON_ADDRESS = "https://tronscan.org/#/address/"
_BTC_TX = "https://mempool.space/tx/"
_BTC_ADDRESS = "https://mempool.space/address/"
_SOL_TX = "https://solscan.io/tx/"
_SOL_ADDRESS = "https://solscan.io/account/"
_TON_ADDRESS = "https://tonviewer.com/"


@dataclass(frozen=True)
class Chip:
    kind: str  # "tx", "address", "network", "amount"
    label: str
    title: str
    url: str | None = None


def _entities_of(entities: Entities | dict) -> Entities:
    if isinstance(entities, Entities):
        return entities
    return Entities(
        tx_hashes=list(entities.get("tx_hashes") or []),
        addresses=list(entities.get("addresses") or []),
        networks=list(entities.get("networks") or []),
        amounts=list(entities.get("amounts") or []),
    )


def _evm_root(networks: list[str]) -> str:
    for net in networks:
        if net in _EVM_EXPLORERS:
            return _EVM_EXPLORERS[net]
    return _EVM_EXPLORERS["ERC20"]


def _tx_url(tx: str, ents: Entities) -> str:
    if tx[:2] in ("0x", "0X"):
        return f"{_evm_root(ents.networks)}/tx/{tx}"
    if len(tx) != 64:
        return _SOL_TX + tx
    kinds = {address_kind(a) for a in ents.addresses}
    # A bare 64-hex hash is a BTC or a TRON transaction; the network or the addresses in the
    # same message tell which. TRON is the default: USDT-TRC20 is what most customers send.
    if "BTC" in ents.networks or ("btc" in kinds and "tron" not in kinds and "TRC20" not in ents.networks):
        return _BTC_TX + tx
    return _TRON_TX + tx


def _address_url(address: str, ents: Entities) -> str | None:
    kind = address_kind(address)
    if kind == "evm":
        return f"{_evm_root(ents.networks)}/address/{address}"
    return (
        {
            "tron": _TRON_ADDRESS,
            "btc": _BTC_ADDRESS,
            "solana": _SOL_ADDRESS,
            "ton": _TON_ADDRESS,
        }.get(kind or "", "")
        + address
        if kind
        else None
    )


def entity_chips_list(*, entities: Entities | dict) -> list[Chip]:
    """Chips for a message's stored entities (a dict from the message row, or Entities)."""
    ents = _entities_of(entities)
    chips = [Chip("tx", tx, str(_("Transaction")), _tx_url(tx, ents)) for tx in ents.tx_hashes]
    chips += [Chip("address", a, str(_("Address")), _address_url(a, ents)) for a in ents.addresses]
    chips += [Chip("network", n, str(_("Network"))) for n in ents.networks]
    chips += [Chip("amount", f"{a['value']} {a['asset']}", str(_("Amount"))) for a in ents.amounts]
    return chips
