"""Bitcoin through an Esplora-style HTTP API (blockstream.info, mempool.space, electrs)."""

from __future__ import annotations

import re

from walletdesk.chain.adapters._http import RestChainAdapter
from walletdesk.chain.adapters.base import NATIVE, Transfer, TxView
from walletdesk.chain.errors import ChainUnreachable

_BECH32_RE = re.compile(r"(bc|tb|bcrt)1[02-9ac-hj-np-z]{6,87}")
_BASE58_RE = re.compile(r"[123mn][1-9A-HJ-NP-Za-km-z]{25,34}")


class EsploraAdapter(RestChainAdapter):
    @staticmethod
    def address_normalize(raw: str) -> str | None:
        raw = raw.strip()
        # Bech32 is case-insensitive (but never mixed); base58 is case-sensitive.
        if _BECH32_RE.fullmatch(raw.lower()) and (raw.lower() == raw or raw.upper() == raw):
            return raw.lower()
        return raw if _BASE58_RE.fullmatch(raw) else None

    def tx_find(self, tx_hash: str) -> TxView | None:
        tx = self.http.call("GET", f"/tx/{tx_hash}", missing_ok=True)
        if tx is None:
            return None
        if not isinstance(tx, dict):
            raise ChainUnreachable(f"The node at {self.rpc} gave an answer that is not a transaction.")
        transfers = [
            Transfer(asset_key=NATIVE, to=str(out["scriptpubkey_address"]), units=int(out.get("value") or 0))
            for out in tx.get("vout") or []
            if out.get("scriptpubkey_address") and int(out.get("value") or 0) > 0
        ]
        status = tx.get("status") or {}
        if not status.get("confirmed"):
            return TxView(tx_hash=tx_hash, status="pending", block=None, head=None, transfers=transfers)
        head = self.http.call("GET", "/blocks/tip/height")
        # Bitcoin has no reverted transactions: a mined one always did what it says.
        return TxView(
            tx_hash=tx_hash,
            status="success",
            block=int(status["block_height"]),
            head=int(head),
            transfers=transfers,
        )
