"""What every chain adapter answers: find a transaction and list the value it moved."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Literal

TxStatus = Literal["pending", "success", "failed"]
NATIVE = "native"


@dataclass(frozen=True)
class Transfer:
    """Value moved to `to`: the native coin (`asset_key == NATIVE`) or a token known by its contract."""

    asset_key: str
    to: str
    units: int
    sender: str | None = None


@dataclass(frozen=True)
class TxView:
    """A transaction as one node sees it. `block` and `head` are None while it is pending."""

    tx_hash: str
    status: TxStatus
    block: int | None
    head: int | None
    transfers: list[Transfer] = field(default_factory=list)

    @property
    def confirmations(self) -> int | None:
        if self.block is None or self.head is None:
            return None
        # A node behind a load balancer may report a head older than the receipt's block.
        return max(self.head - self.block + 1, 1)


class ChainAdapter(ABC):
    """One network kind. Implementations raise `ChainUnreachable` when the node cannot answer."""

    def __init__(self, *, rpc: str, timeout: float = 10.0) -> None:
        self.rpc = rpc
        self.timeout = timeout

    @staticmethod
    @abstractmethod
    def hash_normalize(raw: str) -> str | None:
        """The canonical form of a transaction hash, or None when `raw` is not one on this kind."""

    @staticmethod
    @abstractmethod
    def address_normalize(raw: str) -> str | None:
        """The canonical form of an address (or token contract), or None when `raw` is not one."""

    @staticmethod
    def address_display(address: str) -> str:
        """How an address is shown to people and printed (normalized form unless the kind has a nicer one)."""
        return address

    def token_decimals(self, contract: str) -> int | None:
        """The decimals a token contract reports, for showing an unknown token's amount; None if unknown."""
        return None

    @abstractmethod
    def tx_find(self, tx_hash: str) -> TxView | None:
        """The transaction (mined or in the node's mempool), or None when the node does not know it.

        `tx_hash` is already normalized by `hash_normalize`.
        """
