"""The demo wallet backend's HTTP API (docs/wallet-connector.md), served from this project's tables.

Thin: verify the signature, parse JSON, call one selector or service, render JSON. Switched off
(404) when a real backend is configured, so the demo's well-known secret opens nothing in production.
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from walletdesk.core.errors import DomainError
from walletdesk.wallet import selectors, services
from walletdesk.wallet.errors import WalletRequestInvalid, WalletSignatureInvalid
from walletdesk.wallet.signing import (
    HEADER_KEY,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    MAX_SKEW_SECONDS,
    signature_compute,
)

View = Callable[..., JsonResponse]


def _error(exc: DomainError) -> JsonResponse:
    return JsonResponse({"error": {"code": exc.code, "message": exc.message}}, status=exc.status)


def signature_verify(request: HttpRequest) -> None:
    """Raise WalletSignatureInvalid unless the request carries a fresh, unused, correct signature."""
    key_id = request.headers.get(HEADER_KEY, "")
    timestamp = request.headers.get(HEADER_TIMESTAMP, "")
    nonce = request.headers.get(HEADER_NONCE, "")
    signature = request.headers.get(HEADER_SIGNATURE, "")
    if not (key_id and timestamp and nonce and signature):
        raise WalletSignatureInvalid(
            "The request is not signed: send X-WD-Key, X-WD-Timestamp, X-WD-Nonce and X-WD-Signature."
        )
    if not hmac.compare_digest(key_id, settings.WALLETDESK_WALLET_KEY_ID):
        raise WalletSignatureInvalid("Unknown key id.")
    if (
        not (timestamp.isascii() and timestamp.isdigit())
        or abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS
    ):
        raise WalletSignatureInvalid(f"The timestamp is more than {MAX_SKEW_SECONDS} seconds away from ours.")
    path = request.path + (("?" + request.META["QUERY_STRING"]) if request.META.get("QUERY_STRING") else "")
    expected = signature_compute(
        secret=settings.WALLETDESK_WALLET_SECRET,
        timestamp=timestamp,
        nonce=nonce,
        method=request.method or "GET",
        path=path,
        body=request.body,
    )
    if not hmac.compare_digest(expected, signature.lower()):
        raise WalletSignatureInvalid("The signature does not match the request.")
    # Only after the signature holds, so nobody can burn nonces; kept past the skew window.
    if not cache.add(f"wallet-demo-nonce:{nonce}", 1, timeout=2 * MAX_SKEW_SECONDS + 60):
        raise WalletSignatureInvalid("This nonce was already used: the request looks replayed.")


def signed_api(methods: tuple[str, ...]) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
            if settings.WALLETDESK_WALLET_URL:
                return JsonResponse(
                    {"error": {"code": "not_found", "message": "The demo backend is off."}}, status=404
                )
            if request.method not in methods:
                return JsonResponse(
                    {"error": {"code": "method_not_allowed", "message": "Method not allowed."}}, status=405
                )
            try:
                signature_verify(request)
                return view(request, *args, **kwargs)
            except DomainError as exc:
                return _error(exc)

        return wrapper

    return decorate


def _body(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise WalletRequestInvalid("The body is not JSON.") from None
    if not isinstance(data, dict):
        raise WalletRequestInvalid("The body must be a JSON object.")
    return data


@signed_api(("GET",))
def account_detail(request: HttpRequest, uid: str) -> JsonResponse:
    return JsonResponse({"account": selectors.demo_account_json(selectors.demo_account_get(uid=uid))})


@signed_api(("GET",))
def balances(request: HttpRequest, uid: str) -> JsonResponse:
    return JsonResponse({"balances": selectors.demo_balances_json(uid=uid)})


@signed_api(("GET",))
def deposit_addresses(request: HttpRequest, uid: str) -> JsonResponse:
    return JsonResponse({"addresses": selectors.demo_addresses_json(uid=uid)})


@signed_api(("GET",))
def transfers(request: HttpRequest, uid: str) -> JsonResponse:
    return JsonResponse({"transfers": selectors.demo_transfers_json(uid=uid, kind=request.GET.get("kind"))})


@signed_api(("POST",))
def freeze(request: HttpRequest, uid: str) -> JsonResponse:
    body = _body(request)
    account = services.demo_account_freeze(uid=uid, reason=body.get("reason"), by=body.get("by"))
    return JsonResponse({"account": selectors.demo_account_json(account)})


@signed_api(("POST",))
def unfreeze(request: HttpRequest, uid: str) -> JsonResponse:
    body = _body(request)
    account = services.demo_account_unfreeze(uid=uid, reason=body.get("reason"), by=body.get("by"))
    return JsonResponse({"account": selectors.demo_account_json(account)})


@signed_api(("POST",))
def credits(request: HttpRequest, uid: str) -> JsonResponse:
    body = _body(request)
    balance = services.demo_account_credit(
        uid=uid,
        asset=body.get("asset"),
        amount=body.get("amount"),
        reason=body.get("reason"),
        by=body.get("by"),
        idempotency_key=body.get("idempotency_key") or None,
    )
    return JsonResponse({"balance": selectors.demo_balance_json(balance)})


# --- the demo wallet's own signed-in page ------------------------------------------------------
# What a wallet's website does for a signed-in customer: its backend signs an identity token and the
# page hands it to the support widget, so the chat is the customer's verified account, not a visitor.
DEMO_CUSTOMER = {"name": "Demo Customer", "email": "demo.customer@example.com"}


@never_cache
def wallet_home(request: HttpRequest) -> HttpResponse:
    """The demo wallet's home page, signed in as the demo customer, with the chat widget identified.
    404 unless the demo is on (WALLETDESK_DEMO): the demo signs a token for a well-known account."""
    from walletdesk.accounts.identity import identity_token_sign

    if not settings.WALLETDESK_DEMO:
        raise Http404()
    locale = "en" if request.LANGUAGE_CODE == "en" else "zh-hans"
    token = identity_token_sign(wallet_uid=services.DEMO_UID, locale=locale, **DEMO_CUSTOMER)
    context = {
        "token": token,
        "uid": services.DEMO_UID,
        "customer": DEMO_CUSTOMER,
        "widget_base": settings.SITE_URL,
        "locale": locale,
    }
    return render(request, "wallet/demo_wallet_home.html", context)
