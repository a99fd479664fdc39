"""A verified wallet token is remembered until its expiry; nothing else about verification changes."""

import time

import jwt
import pytest

from walletdesk.accounts import identity
from walletdesk.accounts.errors import IdentityTokenExpired, IdentityTokenInvalid
from walletdesk.accounts.identity import identity_token_sign, identity_token_verify


@pytest.fixture(autouse=True)
def _forget():
    identity._VERIFIED.clear()
    yield
    identity._VERIFIED.clear()


@pytest.fixture
def decodes(monkeypatch):
    calls = []
    real = jwt.decode

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(identity.jwt, "decode", counting)
    return calls


def test_the_same_token_is_verified_once(decodes):
    token = identity_token_sign(wallet_uid="w-1", name="Ann", locale="en")
    first = identity_token_verify(token)
    assert identity_token_verify(token) == first and first.wallet_uid == "w-1"
    assert len(decodes) == 1


def test_a_remembered_token_is_refused_once_it_expires():
    # Accepted now only thanks to the clock-skew leeway, and for at most one more second.
    token = identity_token_sign(wallet_uid="w-1", ttl_seconds=1 - identity.LEEWAY_SECONDS)
    identity_token_verify(token)
    time.sleep(1.2)
    with pytest.raises(IdentityTokenExpired):
        identity_token_verify(token)


def test_a_token_with_another_signature_is_verified_in_full(decodes):
    token = identity_token_sign(wallet_uid="w-1")
    identity_token_verify(token)
    header, claims, _ = token.split(".")
    forged = jwt.encode(jwt.decode(token, options={"verify_signature": False}), "not-the-secret", "HS256")
    for bad in (forged, f"{header}.{claims}.", f"{header}.{claims}.AAAA"):
        with pytest.raises(IdentityTokenInvalid):
            identity_token_verify(bad)


def test_a_remembered_token_is_checked_again_when_the_keys_change(settings):
    token = identity_token_sign(wallet_uid="w-1")
    identity_token_verify(token)
    settings.WALLETDESK_JWT_HS256_SECRET = "a-rotated-secret-of-thirty-two-bytes!"
    with pytest.raises(IdentityTokenInvalid):
        identity_token_verify(token)


def test_memory_stays_bounded(monkeypatch):
    monkeypatch.setattr(identity, "_VERIFIED_MAX", 3)
    for n in range(7):
        identity_token_verify(identity_token_sign(wallet_uid=f"w-{n}"))
    assert len(identity._VERIFIED) <= 3
