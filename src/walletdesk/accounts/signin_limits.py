"""Lockouts for the agent sign-in steps: failed passwords and failed TOTP codes, per account and per
client address, counted in the cache (shared by every process with Redis).

Only failures count, so an agent who signs in normally never meets a limit. Wrong passwords lock
an account for the address that sent them after a few tries, and for every address only after many:
a lock after ten tries from anywhere let anyone shut a supervisor out for good by sending ten wrong
passwords every quarter hour (the second factor still stands behind a guessed password). Wrong codes
lock the account outright: that step needs the right password first. An address that tries many
accounts is stopped too. A lock lasts until its window ends; the page says how long (Retry-After).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import RateLimited
from walletdesk.core.ratelimit import cache_count


@dataclass(frozen=True)
class Limit:
    failures: int  # this many failures within the window lock the key until the window ends
    window_seconds: int


# A 6-digit code has a million values: 5 guesses per quarter hour per account is ~500 a day.
LIMITS = {
    ("otp", "user"): Limit(failures=5, window_seconds=15 * 60),
    ("otp", "ip"): Limit(failures=20, window_seconds=15 * 60),
    ("password", "user_ip"): Limit(failures=10, window_seconds=15 * 60),
    ("password", "user"): Limit(failures=50, window_seconds=15 * 60),
    ("password", "ip"): Limit(failures=30, window_seconds=15 * 60),
}


class SignInLocked(RateLimited):
    code = "signin_locked"
    message = _("Too many failed attempts. Wait %(minutes)s minutes, then try again.")

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, -(-retry_after // 60))
        super().__init__(retry_after, message=str(self.message) % {"minutes": minutes})


def _key(step: str, kind: str, value: str) -> str:
    return f"signin-fail:{step}:{kind}:{value}"


def _enabled() -> bool:
    return bool(getattr(settings, "WALLETDESK_RATE_LIMIT_ENABLED", True))


def _keys(step: str, user_key: str | None, ip: str) -> list[tuple[str, str]]:
    candidates = [("user", user_key), ("user_ip", f"{user_key}|{ip}" if user_key else None), ("ip", ip)]
    return [(kind, value) for kind, value in candidates if value and (step, kind) in LIMITS]


def signin_check(*, step: str, user_key: str | None, ip: str) -> None:
    """Raise SignInLocked when the account or the address has failed too often at this step."""
    if not _enabled():
        return
    now = time.time()
    keys = _keys(step, user_key, ip)
    names = [_key(step, kind, value) for kind, value in keys]
    found = cache.get_many([n + ":n" for n in names] + [n + ":t" for n in names])
    wait = 0
    for (kind, _value), name in zip(keys, names, strict=True):
        limit = LIMITS[(step, kind)]
        count, start = found.get(name + ":n", 0), found.get(name + ":t", now)
        if count >= limit.failures:
            wait = max(wait, int(start + limit.window_seconds - now) + 1)
    if wait > 0:
        raise SignInLocked(retry_after=wait)


def signin_failed(*, step: str, user_key: str | None, ip: str) -> None:
    """Count one failure for the account and the address; the window starts at the first failure.
    The counter is incremented atomically (concurrent guesses are all counted)."""
    if not _enabled():
        return
    now = time.time()
    for kind, value in _keys(step, user_key, ip):
        window = LIMITS[(step, kind)].window_seconds
        name = _key(step, kind, value)
        cache.add(name + ":t", now, timeout=window)
        cache_count(name + ":n", timeout=window)


def signin_succeeded(*, step: str, user_key: str, ip: str | None = None) -> None:
    """A right code or password clears the account's counts (not the address's)."""
    names = [_key(step, "user", user_key)] + ([_key(step, "user_ip", f"{user_key}|{ip}")] if ip else [])
    cache.delete_many([n + suffix for n in names for suffix in (":n", ":t")])
