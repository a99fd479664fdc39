"""Faithful local stand-ins of the Esplora (Bitcoin) and TRON full-node HTTP APIs.

They answer the endpoints the adapters use with the same shapes, status codes and quirks as the
real services (Esplora: 404 text "Transaction not found", the tip height as plain text; TRON: `{}`
for an unknown id, log addresses as 20-byte hex without the 41 prefix, "visible" base58 addresses).
EVM is never faked: it runs against anvil.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class StandIn:
    def __init__(self) -> None:
        self.txs: dict[str, dict[str, Any]] = {}
        self.infos: dict[str, dict[str, Any]] = {}
        self.tip = 800_000
        self.url = ""


class _Handler(BaseHTTPRequestHandler):
    state: StandIn
    kind: str

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any, content_type: str = "application/json") -> None:
        raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.kind != "esplora":
            return self._send(405, {"Error": "method not allowed"})
        if self.path == "/blocks/tip/height":
            return self._send(200, str(self.state.tip), "text/plain")
        if self.path.startswith("/tx/"):
            txid = self.path[4:]
            if len(txid) != 64 or any(c not in "0123456789abcdef" for c in txid):
                return self._send(400, "Invalid hex string", "text/plain")
            tx = self.state.txs.get(txid)
            return self._send(200, tx) if tx else self._send(404, "Transaction not found", "text/plain")
        return self._send(404, "Not Found", "text/plain")

    def do_POST(self) -> None:  # noqa: N802
        if self.kind != "tron":
            return self._send(404, "Not Found", "text/plain")
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        txid = str(body.get("value", ""))
        if self.path == "/wallet/gettransactionbyid":
            return self._send(200, self.state.txs.get(txid, {}))
        if self.path == "/wallet/gettransactioninfobyid":
            return self._send(200, self.state.infos.get(txid, {}))
        if self.path == "/wallet/getnowblock":
            return self._send(
                200, {"blockID": "00" * 32, "block_header": {"raw_data": {"number": self.state.tip}}}
            )
        return self._send(404, "Not Found", "text/plain")


@contextmanager
def standin_serve(kind: str) -> Iterator[StandIn]:
    state = StandIn()
    handler = type(f"{kind}Handler", (_Handler,), {"state": state, "kind": kind})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def esplora_tx(txid: str, outputs: list[tuple[str, int]], *, height: int | None) -> dict[str, Any]:
    status: dict[str, Any] = {"confirmed": False}
    if height is not None:
        status = {
            "confirmed": True,
            "block_height": height,
            "block_hash": "00" * 32,
            "block_time": 1_700_000_000,
        }
    return {
        "txid": txid,
        "version": 2,
        "locktime": 0,
        "size": 222,
        "weight": 561,
        "fee": 1410,
        "vin": [
            {
                "txid": "11" * 32,
                "vout": 0,
                "is_coinbase": False,
                "sequence": 4294967293,
                "prevout": {
                    "scriptpubkey_address": "bc1qsender000000000000000000000000000000",
                    "value": 10**8,
                },
            }
        ],
        "vout": [
            {
                "scriptpubkey": "0014" + "00" * 20,
                "scriptpubkey_type": "v0_p2wpkh",
                "scriptpubkey_address": address,
                "value": value,
            }
            for address, value in outputs
        ]
        + [{"scriptpubkey": "6a", "scriptpubkey_type": "op_return", "value": 0}],
        "status": status,
    }
