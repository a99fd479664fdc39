"""Customer identity: a JWT the wallet's backend signs (HS256 shared secret or ES256 public key)."""

from __future__ import annotations

from dataclasses import dataclass

import jwt
from django.conf import settings

from walletdesk.accounts.errors import IdentityTokenExpired, IdentityTokenInvalid


@dataclass(frozen=True)
class WalletIdentity:
    wallet_uid: str
    name: str
    email: str
    locale: str


def _keys() -> list[tuple[str, str]]:
    keys = []
    if settings.WALLETDESK_JWT_ES256_PUBLIC_KEY:
        keys.append(("ES256", settings.WALLETDESK_JWT_ES256_PUBLIC_KEY))
    if settings.WALLETDESK_JWT_HS256_SECRET:
        keys.append(("HS256", settings.WALLETDESK_JWT_HS256_SECRET))
    return keys


def identity_token_verify(token: str) -> WalletIdentity:
    """Verify signature, expiry and claims. `alg: none` and any algorithm we did not configure fail."""
    if not token or token.count(".") != 2:
        raise IdentityTokenInvalid()
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as exc:
        raise IdentityTokenInvalid() from exc
    alg = header.get("alg")
    key = dict(_keys()).get(alg)
    if key is None:
        raise IdentityTokenInvalid()
    options = {"require": ["exp", "sub"]}
    kwargs: dict = {}
    if settings.WALLETDESK_JWT_AUDIENCE:
        kwargs["audience"] = settings.WALLETDESK_JWT_AUDIENCE
    else:
        options["verify_aud"] = False  # type: ignore[assignment]
    if settings.WALLETDESK_JWT_ISSUER:
        kwargs["issuer"] = settings.WALLETDESK_JWT_ISSUER
    try:
        claims = jwt.decode(token, key, algorithms=[alg], options=options, leeway=30, **kwargs)
    except jwt.ExpiredSignatureError as exc:
        raise IdentityTokenExpired() from exc
    except jwt.PyJWTError as exc:
        raise IdentityTokenInvalid() from exc
    sub = str(claims.get("sub") or "").strip()
    if not sub or len(sub) > 64:
        raise IdentityTokenInvalid()
    locale = str(claims.get("locale") or "zh-hans")
    return WalletIdentity(
        wallet_uid=sub,
        name=str(claims.get("name") or "")[:200],
        email=str(claims.get("email") or "")[:254],
        locale="en" if locale.lower().startswith("en") else "zh-hans",
    )


def identity_token_sign(
    *, wallet_uid: str, name: str = "", email: str = "", locale: str = "zh-hans", ttl_seconds: int = 3600
) -> str:
    """What the wallet's backend does; used by the demo page and tests."""
    import time

    now = int(time.time())
    claims = {
        "sub": wallet_uid,
        "name": name,
        "email": email,
        "locale": locale,
        "iat": now,
        "exp": now + ttl_seconds,
    }
    if settings.WALLETDESK_JWT_ISSUER:
        claims["iss"] = settings.WALLETDESK_JWT_ISSUER
    if settings.WALLETDESK_JWT_AUDIENCE:
        claims["aud"] = settings.WALLETDESK_JWT_AUDIENCE
    return jwt.encode(claims, settings.WALLETDESK_JWT_HS256_SECRET, algorithm="HS256")
