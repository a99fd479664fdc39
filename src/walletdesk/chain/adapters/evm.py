"""EVM chains through web3.py: one batched JSON-RPC round trip per lookup."""

from __future__ import annotations

import re
from typing import Any

import requests
from web3 import HTTPProvider, Web3

from walletdesk.chain.adapters.base import NATIVE, ChainAdapter, Transfer, TxView
from walletdesk.chain.errors import ChainUnreachable

TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
ERC20_TRANSFER_SELECTOR = "0xa9059cbb"
_HASH_RE = re.compile(r"(?:0[xX])?([0-9a-fA-F]{64})")
_ADDRESS_RE = re.compile(r"(?:0[xX])?([0-9a-fA-F]{40})")


def _int(value: str | None) -> int:
    return int(value, 16) if value else 0


def _topic_address(topic: str) -> str:
    return "0x" + topic[-40:].lower()


class EvmAdapter(ChainAdapter):
    def __init__(self, *, rpc: str, timeout: float = 10.0) -> None:
        super().__init__(rpc=rpc, timeout=timeout)
        self.provider = HTTPProvider(rpc, request_kwargs={"timeout": timeout})

    @staticmethod
    def hash_normalize(raw: str) -> str | None:
        match = _HASH_RE.fullmatch(raw.strip())
        return "0x" + match.group(1).lower() if match else None

    @staticmethod
    def address_normalize(raw: str) -> str | None:
        match = _ADDRESS_RE.fullmatch(raw.strip())
        return "0x" + match.group(1).lower() if match else None

    @staticmethod
    def address_display(address: str) -> str:
        # EIP-55 mixed case: what wallets and explorers show, so the customer can compare by eye.
        return Web3.to_checksum_address(address)

    def _batch(self, calls: list[tuple[str, list[Any]]]) -> list[Any]:
        try:
            replies = self.provider.make_batch_request(calls)  # type: ignore[arg-type]
        except (requests.RequestException, OSError, ValueError) as exc:
            raise ChainUnreachable(
                f"The node at {self.rpc} cannot be reached ({type(exc).__name__}).",
                details={"rpc": self.rpc},
            ) from exc
        if not isinstance(replies, list):
            # Some providers refuse batches; ask one call at a time.
            replies = [self._single(method, params) for method, params in calls]
        results = []
        for reply in replies:
            if reply.get("error"):
                raise ChainUnreachable(
                    f"The node at {self.rpc} answered with an error: {reply['error'].get('message', reply['error'])}.",
                    details={"rpc": self.rpc},
                )
            results.append(reply.get("result"))
        return results

    def _single(self, method: str, params: list[Any]) -> dict[str, Any]:
        try:
            return dict(self.provider.make_request(method, params))  # type: ignore[arg-type]
        except (requests.RequestException, OSError, ValueError) as exc:
            raise ChainUnreachable(
                f"The node at {self.rpc} cannot be reached.", details={"rpc": self.rpc}
            ) from exc

    def chain_id_get(self) -> int:
        return _int(self._batch([("eth_chainId", [])])[0])

    def token_decimals(self, contract: str) -> int | None:
        try:
            result = self._batch([("eth_call", [{"to": contract, "data": "0x313ce567"}, "latest"])])[0]
        except ChainUnreachable:
            return None
        if not result or len(result) != 66:
            return None
        decimals = int(result, 16)
        return decimals if decimals <= 77 else None

    def tx_find(self, tx_hash: str) -> TxView | None:
        tx, receipt, head = self._batch(
            [
                ("eth_getTransactionByHash", [tx_hash]),
                ("eth_getTransactionReceipt", [tx_hash]),
                ("eth_blockNumber", []),
            ]
        )
        if not tx:
            return None
        if tx.get("blockNumber") is None or not receipt:
            return TxView(
                tx_hash=tx_hash,
                status="pending",
                block=None,
                head=None,
                transfers=self._intended_transfers(tx),
            )
        status = "success" if _int(receipt.get("status")) == 1 else "failed"
        transfers = self._intended_transfers(tx) if status == "failed" else self._transfers(tx, receipt)
        return TxView(
            tx_hash=tx_hash,
            status=status,
            block=_int(receipt["blockNumber"]),
            head=_int(head),
            transfers=transfers,
        )

    @staticmethod
    def _native(tx: dict[str, Any], receipt: dict[str, Any] | None) -> list[Transfer]:
        value = _int(tx.get("value"))
        to = tx.get("to") or (receipt or {}).get("contractAddress")
        if value <= 0 or not to:
            return []
        return [Transfer(asset_key=NATIVE, to=to.lower(), units=value, sender=(tx.get("from") or "").lower())]

    def _transfers(self, tx: dict[str, Any], receipt: dict[str, Any]) -> list[Transfer]:
        """Native value first, then every ERC-20 Transfer log in log order, whoever was called."""
        transfers = self._native(tx, receipt)
        for log in receipt.get("logs") or []:
            topics = log.get("topics") or []
            # ERC-20 Transfer has from and to indexed (3 topics); ERC-721's 4th topic is a token id.
            if len(topics) != 3 or topics[0].lower() != TRANSFER_TOPIC:
                continue
            data = (log.get("data") or "0x")[2:]
            if len(data) != 64:
                continue
            transfers.append(
                Transfer(
                    asset_key=log["address"].lower(),
                    to=_topic_address(topics[2]),
                    units=int(data, 16),
                    sender=_topic_address(topics[1]),
                )
            )
        return transfers

    def _intended_transfers(self, tx: dict[str, Any]) -> list[Transfer]:
        """What a pending or reverted tx meant to move: its value, or a direct ERC-20 transfer() call."""
        transfers = self._native(tx, None)
        data = (tx.get("input") or tx.get("data") or "0x").lower()
        if tx.get("to") and data.startswith(ERC20_TRANSFER_SELECTOR) and len(data) >= 10 + 128:
            transfers.append(
                Transfer(
                    asset_key=tx["to"].lower(),
                    to="0x" + data[10 + 24 : 10 + 64],
                    units=int(data[10 + 64 : 10 + 128], 16),
                    sender=(tx.get("from") or "").lower(),
                )
            )
        return transfers
