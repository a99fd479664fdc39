"""TRON through its full-node HTTP API (/wallet/*, as served by java-tron and TronGrid)."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import base58

from walletdesk.chain.adapters._http import RestChainAdapter
from walletdesk.chain.adapters.base import NATIVE, Transfer, TxView

_HEX_ADDRESS_RE = re.compile(r"(?:0[xX])?(41[0-9a-fA-F]{40})")
TRANSFER_TOPIC = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"


def tron_base58(hex41: str) -> str:
    """'41' + 20-byte hex → base58check 'T…'."""
    raw = bytes.fromhex(hex41)
    checksum = hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    return base58.b58encode(raw + checksum).decode()


class TronAdapter(RestChainAdapter):
    @staticmethod
    def address_normalize(raw: str) -> str | None:
        raw = raw.strip()
        hex_match = _HEX_ADDRESS_RE.fullmatch(raw)
        if hex_match:
            return tron_base58(hex_match.group(1).lower())
        try:
            decoded = base58.b58decode_check(raw)
        except ValueError:
            return None
        return raw if len(decoded) == 21 and decoded[0] == 0x41 else None

    def tx_find(self, tx_hash: str) -> TxView | None:
        tx = self.http.call("POST", "/wallet/gettransactionbyid", body={"value": tx_hash, "visible": True})
        if not tx or not isinstance(tx, dict) or not tx.get("txID"):
            return None
        info = self.http.call("POST", "/wallet/gettransactioninfobyid", body={"value": tx_hash})
        if not info or not isinstance(info, dict) or "blockNumber" not in info:
            return TxView(
                tx_hash=tx_hash, status="pending", block=None, head=None, transfers=self._native(tx)
            )
        head_block = self.http.call("POST", "/wallet/getnowblock", body={})
        head = int(head_block["block_header"]["raw_data"]["number"])
        contract_ret = ((tx.get("ret") or [{}])[0]).get("contractRet", "SUCCESS")
        receipt_ret = (info.get("receipt") or {}).get("result", "SUCCESS")
        ok = contract_ret == "SUCCESS" and receipt_ret == "SUCCESS" and info.get("result") != "FAILED"
        transfers = self._native(tx) + (self._logs(info) if ok else [])
        return TxView(
            tx_hash=tx_hash,
            status="success" if ok else "failed",
            block=int(info["blockNumber"]),
            head=head,
            transfers=transfers,
        )

    @staticmethod
    def _native(tx: dict[str, Any]) -> list[Transfer]:
        transfers = []
        for contract in (tx.get("raw_data") or {}).get("contract") or []:
            if contract.get("type") != "TransferContract":
                continue
            value = contract.get("parameter", {}).get("value", {})
            amount = int(value.get("amount") or 0)
            to = TronAdapter.address_normalize(str(value.get("to_address", "")))
            if amount > 0 and to:
                transfers.append(
                    Transfer(
                        asset_key=NATIVE,
                        to=to,
                        units=amount,
                        sender=TronAdapter.address_normalize(str(value.get("owner_address", ""))),
                    )
                )
        return transfers

    @staticmethod
    def _logs(info: dict[str, Any]) -> list[Transfer]:
        transfers = []
        for log in info.get("log") or []:
            topics = [t.lower().removeprefix("0x") for t in log.get("topics") or []]
            data = (log.get("data") or "").removeprefix("0x")
            if len(topics) != 3 or topics[0] != TRANSFER_TOPIC or len(data) != 64:
                continue
            transfers.append(
                Transfer(
                    asset_key=tron_base58("41" + log["address"][-40:].lower()),
                    to=tron_base58("41" + topics[2][-40:]),
                    units=int(data, 16),
                    sender=tron_base58("41" + topics[1][-40:]),
                )
            )
        return transfers
