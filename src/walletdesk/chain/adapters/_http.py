"""Shared HTTP plumbing for the REST-style adapters (Esplora, TRON)."""

from __future__ import annotations

import re
from typing import Any

import requests

from walletdesk.chain.adapters.base import ChainAdapter
from walletdesk.chain.errors import ChainUnreachable

_TXID_RE = re.compile(r"(?:0[xX])?([0-9a-fA-F]{64})")


class JsonHttp:
    """A pooled session bound to one base URL; transport failures become `ChainUnreachable`."""

    def __init__(self, base: str, timeout: float) -> None:
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()

    def call(
        self, method: str, path: str, *, body: dict[str, Any] | None = None, missing_ok: bool = False
    ) -> Any:
        url = self.base + path
        try:
            response = self.session.request(method, url, json=body, timeout=self.timeout)
        except requests.RequestException as exc:
            raise ChainUnreachable(
                f"The node at {self.base} cannot be reached ({type(exc).__name__}).",
                details={"rpc": self.base},
            ) from exc
        if missing_ok and response.status_code in (400, 404):
            return None
        if response.status_code >= 400:
            raise ChainUnreachable(
                f"The node at {self.base} answered HTTP {response.status_code}.", details={"rpc": self.base}
            )
        text = response.text
        try:
            return response.json()
        except ValueError:
            return text


class RestChainAdapter(ChainAdapter):
    """Base of the REST-style adapters: one pooled HTTP client and 64-hex transaction ids."""

    def __init__(self, *, rpc: str, timeout: float = 10.0) -> None:
        super().__init__(rpc=rpc, timeout=timeout)
        self.http = JsonHttp(rpc, timeout)

    @staticmethod
    def hash_normalize(raw: str) -> str | None:
        match = _TXID_RE.fullmatch(raw.strip())
        return match.group(1).lower() if match else None
