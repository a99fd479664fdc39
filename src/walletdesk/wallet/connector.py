"""The one way the product reaches the operator's wallet backend: JSON over HTTP, HMAC-signed.

`connector_get()` returns the HTTP connector for settings.WALLETDESK_WALLET_URL or, when that is
empty, for the demo backend this project serves at SITE_URL/demo-wallet/api (still real HTTP).
Values come back as frozen dataclasses with Decimal amounts.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote, unquote, urlencode, urlsplit

import requests
from django.conf import settings

from walletdesk.wallet.errors import (
    WalletAccountNotFound,
    WalletRejected,
    WalletRequestInvalid,
    WalletUnavailable,
)
from walletdesk.wallet.signing import headers_sign

DEMO_API_PATH = "/demo-wallet/api"


@dataclass(frozen=True)
class Account:
    uid: str
    status: str  # active | frozen
    kyc_level: int
    email: str = ""
    frozen_reason: str = ""


@dataclass(frozen=True)
class Balance:
    asset: str
    available: Decimal
    locked: Decimal


@dataclass(frozen=True)
class DepositAddress:
    chain: str
    asset: str
    address: str
    memo: str = ""


@dataclass(frozen=True)
class WalletTransfer:
    id: str
    kind: str  # deposit | withdrawal
    chain: str
    asset: str
    amount: Decimal
    address: str
    tx_hash: str
    # deposit: confirming | credited; withdrawal: pending_review | security_hold | broadcast | completed | failed
    status: str
    created_at: str


class WalletConnector(ABC):
    @abstractmethod
    def account_get(self, uid: str) -> Account: ...

    @abstractmethod
    def balances_list(self, uid: str) -> list[Balance]: ...

    @abstractmethod
    def deposit_addresses_list(self, uid: str) -> list[DepositAddress]: ...

    @abstractmethod
    def transfers_list(self, uid: str, kind: str | None = None) -> list[WalletTransfer]: ...

    @abstractmethod
    def account_freeze(self, uid: str, reason: str, by: str) -> Account: ...

    @abstractmethod
    def account_unfreeze(self, uid: str, reason: str, by: str) -> Account: ...

    @abstractmethod
    def account_credit(
        self, uid: str, asset: str, amount: Decimal, reason: str, by: str, idempotency_key: str | None = None
    ) -> Balance: ...


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise WalletUnavailable(f"The wallet backend sent {value!r} where an amount belongs.") from None


def account_from_json(data: dict[str, Any]) -> Account:
    return Account(
        uid=str(data["uid"]),
        status=str(data["status"]),
        kyc_level=int(data.get("kyc_level", 0)),
        email=str(data.get("email") or ""),
        frozen_reason=str(data.get("frozen_reason") or ""),
    )


def balance_from_json(data: dict[str, Any]) -> Balance:
    return Balance(
        asset=str(data["asset"]), available=_decimal(data["available"]), locked=_decimal(data["locked"])
    )


class HttpWalletConnector(WalletConnector):
    """Talks the spec in docs/wallet-connector.md. Transport failures and 5xx become WalletUnavailable."""

    def __init__(self, *, base_url: str, key_id: str, secret: str, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.base_path = urlsplit(self.base_url).path
        self.key_id = key_id
        self.secret = secret
        self.timeout = timeout
        self.session = requests.Session()

    def _call(
        self,
        method: str,
        path: str,
        *,
        query: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        raw = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        # The spec signs the decoded path (what the server's framework hands it) plus the raw query.
        signed_path = unquote(self.base_path + path) + (("?" + urlencode(query)) if query else "")
        headers = headers_sign(
            key_id=self.key_id, secret=self.secret, method=method, path=signed_path, body=raw
        )
        if body is not None:
            headers["Content-Type"] = "application/json"
        url = self.base_url + path + (("?" + urlencode(query)) if query else "")
        try:
            response = self.session.request(
                method, url, data=raw or None, headers=headers, timeout=self.timeout
            )
        except requests.RequestException as exc:
            raise WalletUnavailable(
                f"The wallet backend at {self.base_url} cannot be reached ({type(exc).__name__})."
            ) from exc
        try:
            payload = response.json()
        except ValueError:
            payload = {}
        if response.status_code < 400 and isinstance(payload, dict):
            return payload
        error = payload.get("error", {}) if isinstance(payload, dict) else {}
        message = str(error.get("message") or f"HTTP {response.status_code}")
        if response.status_code == 404:
            raise WalletAccountNotFound(message)
        if response.status_code in (400, 422):
            raise WalletRequestInvalid(message)
        if response.status_code == 409:
            raise WalletRejected(message)
        raise WalletUnavailable(f"The wallet backend answered HTTP {response.status_code}: {message}")

    @staticmethod
    def _uid(uid: str) -> str:
        if not uid or len(uid) > 128:
            raise WalletRequestInvalid("A wallet uid is 1 to 128 characters.")
        return quote(uid, safe="")

    def account_get(self, uid: str) -> Account:
        return account_from_json(self._call("GET", f"/accounts/{self._uid(uid)}")["account"])

    def balances_list(self, uid: str) -> list[Balance]:
        data = self._call("GET", f"/accounts/{self._uid(uid)}/balances")
        return [balance_from_json(item) for item in data["balances"]]

    def deposit_addresses_list(self, uid: str) -> list[DepositAddress]:
        data = self._call("GET", f"/accounts/{self._uid(uid)}/deposit-addresses")
        return [
            DepositAddress(
                chain=str(i["chain"]),
                asset=str(i["asset"]),
                address=str(i["address"]),
                memo=str(i.get("memo") or ""),
            )
            for i in data["addresses"]
        ]

    def transfers_list(self, uid: str, kind: str | None = None) -> list[WalletTransfer]:
        if kind not in (None, "deposit", "withdrawal"):
            raise WalletRequestInvalid(f"kind must be deposit or withdrawal, not {kind!r}.")
        data = self._call(
            "GET", f"/accounts/{self._uid(uid)}/transfers", query={"kind": kind} if kind else None
        )
        return [
            WalletTransfer(
                id=str(i["id"]),
                kind=str(i["kind"]),
                chain=str(i["chain"]),
                asset=str(i["asset"]),
                amount=_decimal(i["amount"]),
                address=str(i.get("address") or ""),
                tx_hash=str(i.get("tx_hash") or ""),
                status=str(i["status"]),
                created_at=str(i.get("created_at") or ""),
            )
            for i in data["transfers"]
        ]

    def account_freeze(self, uid: str, reason: str, by: str) -> Account:
        data = self._call("POST", f"/accounts/{self._uid(uid)}/freeze", body={"reason": reason, "by": by})
        return account_from_json(data["account"])

    def account_unfreeze(self, uid: str, reason: str, by: str) -> Account:
        data = self._call("POST", f"/accounts/{self._uid(uid)}/unfreeze", body={"reason": reason, "by": by})
        return account_from_json(data["account"])

    def account_credit(
        self, uid: str, asset: str, amount: Decimal, reason: str, by: str, idempotency_key: str | None = None
    ) -> Balance:
        body: dict[str, Any] = {"asset": asset, "amount": str(amount), "reason": reason, "by": by}
        if idempotency_key:
            body["idempotency_key"] = idempotency_key
        data = self._call("POST", f"/accounts/{self._uid(uid)}/credits", body=body)
        return balance_from_json(data["balance"])


def connector_get() -> WalletConnector:
    """The HTTP connector for the configured backend, or for the built-in demo backend when none is set."""
    base = settings.WALLETDESK_WALLET_URL or (settings.SITE_URL.rstrip("/") + DEMO_API_PATH)
    return HttpWalletConnector(
        base_url=base, key_id=settings.WALLETDESK_WALLET_KEY_ID, secret=settings.WALLETDESK_WALLET_SECRET
    )
