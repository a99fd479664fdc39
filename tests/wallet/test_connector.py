"""The HTTP connector against the demo backend over real HTTP (live server), signatures included."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest
import requests

from walletdesk.chain.devnet.anvil import free_port
from walletdesk.wallet.connector import HttpWalletConnector, WalletConnector
from walletdesk.wallet.errors import WalletAccountNotFound, WalletRequestInvalid, WalletUnavailable
from walletdesk.wallet.services import DEMO_UID
from walletdesk.wallet.signing import headers_sign

BASE = "/demo-wallet/api"


def test_reads_account_balances_addresses_and_transfers(wallet: WalletConnector) -> None:
    account = wallet.account_get(DEMO_UID)
    assert (account.uid, account.status, account.kyc_level) == (DEMO_UID, "active", 2)
    balances = {b.asset: b for b in wallet.balances_list(DEMO_UID)}
    assert balances["USDT"].available == Decimal("1250.5") and balances["ETH"].locked == Decimal("0.8")
    assert {(a.chain, a.asset) for a in wallet.deposit_addresses_list(DEMO_UID)} >= {
        ("eth", "USDT"),
        ("tron", "USDT"),
    }
    withdrawals = wallet.transfers_list(DEMO_UID, kind="withdrawal")
    assert {t.status for t in withdrawals} == {"pending_review", "security_hold", "broadcast"}
    deposits = wallet.transfers_list(DEMO_UID, kind="deposit")
    assert all(t.kind == "deposit" for t in deposits) and len(wallet.transfers_list(DEMO_UID)) == 5
    assert wallet.account_get("demo-uid-2002").status == "frozen"


def test_freeze_unfreeze_and_exact_credit(wallet: WalletConnector) -> None:
    frozen = wallet.account_freeze(DEMO_UID, "customer reported theft", "agent:wang")
    assert (frozen.status, frozen.frozen_reason) == ("frozen", "customer reported theft")
    assert wallet.account_get(DEMO_UID).status == "frozen"
    assert wallet.account_unfreeze(DEMO_UID, "identity re-verified", "agent:li").status == "active"
    balance = wallet.account_credit(
        DEMO_UID, "USDT", Decimal("0.000000000000000001"), "fee refund", "agent:li"
    )
    assert balance.available == Decimal("1250.500000000000000001")
    again = wallet.account_credit(
        DEMO_UID, "usdt", Decimal("10"), "compensation #7", "agent:li", idempotency_key="comp-7"
    )
    retried = wallet.account_credit(
        DEMO_UID, "USDT", Decimal("10"), "compensation #7", "agent:li", idempotency_key="comp-7"
    )
    assert again.available == retried.available == Decimal("1260.500000000000000001")


def test_backend_errors_become_domain_errors(wallet: WalletConnector) -> None:
    with pytest.raises(WalletAccountNotFound, match="nobody"):
        wallet.account_get("nobody")
    with pytest.raises(WalletRequestInvalid, match="more than zero"):
        wallet.account_credit(DEMO_UID, "USDT", Decimal("-5"), "oops", "agent:li")
    with pytest.raises(WalletRequestInvalid, match="reason"):
        wallet.account_freeze(DEMO_UID, "", "agent:li")
    with pytest.raises(WalletRequestInvalid):
        wallet.transfers_list(DEMO_UID, kind="trade")


def test_unreachable_backend_is_unavailable() -> None:
    connector = HttpWalletConnector(
        base_url=f"http://127.0.0.1:{free_port()}/api", key_id="k", secret="s", timeout=2
    )
    with pytest.raises(WalletUnavailable, match="cannot be reached"):
        connector.account_get(DEMO_UID)


def _signed(
    live_url: str,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    secret: str,
    now: float | None = None,
    headers: dict[str, str] | None = None,
) -> requests.Response:
    signed = headers or headers_sign(
        key_id="demo", secret=secret, method=method, path=path, body=body, now=now
    )
    return requests.request(method, live_url + path, data=body or None, headers=signed, timeout=10)


def test_demo_backend_refuses_unsigned_forged_stale_replayed_and_tampered(
    wallet: WalletConnector, live_server, settings
) -> None:
    path = f"{BASE}/accounts/{DEMO_UID}"
    secret = settings.WALLETDESK_WALLET_SECRET
    assert requests.get(live_server.url + path, timeout=10).status_code == 401
    assert _signed(live_server.url, "GET", path, secret="not-the-secret").status_code == 401
    stale = _signed(live_server.url, "GET", path, secret=secret, now=time.time() - 3600)
    assert stale.status_code == 401 and "timestamp" in stale.json()["error"]["message"]
    headers = headers_sign(key_id="demo", secret=secret, method="GET", path=path, body=b"")
    assert _signed(live_server.url, "GET", path, secret=secret, headers=headers).status_code == 200
    replay = _signed(live_server.url, "GET", path, secret=secret, headers=headers)
    assert replay.status_code == 401 and "replayed" in replay.json()["error"]["message"]
    body = json.dumps({"asset": "USDT", "amount": "1", "reason": "r", "by": "b"}).encode()
    credit_path = f"{path}/credits"
    headers = headers_sign(key_id="demo", secret=secret, method="POST", path=credit_path, body=body)
    tampered = body.replace(b'"1"', b'"1000"')
    assert (
        requests.post(live_server.url + credit_path, data=tampered, headers=headers, timeout=10).status_code
        == 401
    )


def test_demo_backend_is_off_when_a_real_backend_is_configured(
    wallet: WalletConnector, live_server, settings
) -> None:
    settings.WALLETDESK_WALLET_URL = "https://wallet.example/support-api"
    path = f"{BASE}/accounts/{DEMO_UID}"
    assert _signed(live_server.url, "GET", path, secret=settings.WALLETDESK_WALLET_SECRET).status_code == 404
