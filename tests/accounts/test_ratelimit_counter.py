"""core.ratelimit.cache_count: one atomic counter per key, in the configured cache and in Redis."""

import pytest
from django.conf import settings

from walletdesk.core import ratelimit


def test_counts_from_one_and_keeps_counting():
    assert [ratelimit.cache_count("t:count", timeout=30) for _ in range(3)] == [1, 2, 3]
    assert ratelimit.cache_count("t:other", timeout=30) == 1


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL")
def test_redis_counter_is_readable_and_expires():
    from django.core.cache import cache, caches

    backend = caches["default"]
    key = "t:redis-count"
    cache.delete(key)
    assert [ratelimit.cache_count(key, timeout=30) for _ in range(3)] == [1, 2, 3]
    assert cache.get(key) == 3  # sign-in limits read the counter back through the cache
    full_key = backend.make_and_validate_key(key)
    ttl = backend._cache.get_client(full_key).ttl(full_key)
    assert 0 < ttl <= 30
