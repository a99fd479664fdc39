"""Fixed-window rate limits with counters in the cache (Redis at scale, shared by every process)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest

from walletdesk.core.errors import RateLimited


def client_ip(request: HttpRequest) -> str:
    # Behind a reverse proxy the operator sets it to overwrite REMOTE_ADDR; we never trust X-Forwarded-For.
    return request.META.get("REMOTE_ADDR", "unknown")


def cache_count(key: str, *, timeout: int) -> int:
    """Add one to a counter in the cache, atomically (concurrent hits are all counted); return it.
    A new counter lives `timeout` seconds from its first hit."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return _redis_count(backend, key, timeout)
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def _redis_count(backend: RedisCache, key: str, timeout: int) -> int:
    """One round trip instead of three (add, then incr's EXISTS and INCR), and a counter can never
    lose its expiry: SET NX EX creates it with the timeout, INCR counts, both in one MULTI."""
    full_key = backend.make_and_validate_key(key)
    pipe = backend._cache.get_client(full_key, write=True).pipeline(transaction=True)
    pipe.set(full_key, 0, ex=max(1, int(timeout)), nx=True)
    pipe.incr(full_key)
    return int(pipe.execute()[1])


def rate_limit_hit(*, scope: str, key: str, limit: int, window_seconds: int = 60) -> None:
    """Count one request for (scope, key); raise RateLimited past `limit` in the current window."""
    if not settings.WALLETDESK_RATE_LIMIT_ENABLED or limit <= 0:
        return
    now = int(time.time())
    window = now // window_seconds
    count = cache_count(f"rl:{scope}:{key}:{window}", timeout=window_seconds + 1)
    if count > limit:
        raise RateLimited(retry_after=(window + 1) * window_seconds - now)


def rate_limit_public(request: HttpRequest, scope: str, limit: int | None = None) -> None:
    rate_limit_hit(scope=scope, key=client_ip(request), limit=limit or settings.WALLETDESK_RATE_LIMIT_PUBLIC)
