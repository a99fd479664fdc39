"""Customer identity: a JWT the wallet's backend signs (HS256 shared secret or ES256 public key)."""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt
from django.conf import settings

from walletdesk.accounts.errors import IdentityTokenExpired, IdentityTokenInvalid
from walletdesk.core.bidi import bidi_strip


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


LEEWAY_SECONDS = 30  # clock skew allowed between the wallet's backend and us

# A wallet app sends the same token with every request until it expires, and checking it (header,
# signature, claims) cost ~0.15 ms of CPU each time. A token that passed is remembered by its exact
# text, with the settings it was checked against, until the moment its expiry would refuse it:
# only `exp` can turn a verified token invalid later (signature, issuer, audience and `nbf`/`iat`
# do not change with time). Any other text, a forged signature included, is verified in full.
_VERIFIED: dict[str, tuple[WalletIdentity, float, tuple[object, ...]]] = {}
_VERIFIED_MAX = 4096


def identity_token_verify(token: str) -> WalletIdentity:
    """Verify signature, expiry and claims. `alg: none` and any algorithm we did not configure fail."""
    config = (tuple(_keys()), settings.WALLETDESK_JWT_AUDIENCE, settings.WALLETDESK_JWT_ISSUER)
    known = _VERIFIED.get(token)
    if known is not None and known[2] == config and time.time() < known[1]:
        return known[0]
    identity, accepted_until = _verify(token)
    if len(_VERIFIED) >= _VERIFIED_MAX:
        _VERIFIED.clear()  # a bound on memory; the next requests verify their tokens again
    _VERIFIED[token] = (identity, accepted_until, config)
    return identity


def _verify(token: str) -> tuple[WalletIdentity, float]:
    """Verify signature, expiry and claims; the identity and the time it stops being accepted."""
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
        claims = jwt.decode(token, key, algorithms=[alg], options=options, leeway=LEEWAY_SECONDS, **kwargs)
    except jwt.ExpiredSignatureError as exc:
        raise IdentityTokenExpired() from exc
    except jwt.PyJWTError as exc:
        raise IdentityTokenInvalid() from exc
    sub = str(claims.get("sub") or "").strip()
    if not sub or len(sub) > 64:
        raise IdentityTokenInvalid()
    locale = str(claims.get("locale") or "zh-hans")
    identity = WalletIdentity(
        wallet_uid=sub,
        name=bidi_strip(str(claims.get("name") or ""))[:200],
        email=str(claims.get("email") or "")[:254],
        locale="en" if locale.lower().startswith("en") else "zh-hans",
    )
    return identity, float(claims["exp"]) + LEEWAY_SECONDS


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
