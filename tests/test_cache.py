"""The Redis cache backend that keeps one client per connection pool (walletdesk.core.cache)."""

import os
import threading

import pytest
import redis

from walletdesk.core.cache import ReusedClientRedisCache

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/13"


@pytest.fixture
def cache():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    backend = ReusedClientRedisCache(REDIS_URL, {"KEY_PREFIX": f"test-cache-{os.getpid()}"})
    yield backend
    backend.clear()


def test_one_client_serves_every_call(cache):
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    assert cache._cache.get_client("a", write=True) is first  # one server: reads and writes share the pool


def test_values_round_trip_and_count(cache):
    cache.set("greeting", {"zh": "你好"}, 30)
    assert cache.get("greeting") == {"zh": "你好"}
    cache.set("n", 1, 30)
    assert cache.incr("n", 5) == 6
    cache.delete("greeting")
    assert cache.get("greeting", "gone") == "gone"


def test_threads_share_the_client_without_mixing_replies(cache):
    errors = []

    def work(worker: int) -> None:
        for i in range(200):
            key = f"t{worker}-{i}"
            cache.set(key, (worker, i), 30)
            if cache.get(key) != (worker, i):
                errors.append(key)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_add_many_claims_only_the_keys_nobody_holds(cache):
    cache.set("taken", 7, 30)
    assert cache.add_many({"taken": 0, "free": 0, "other": 1}, 30) == [False, True, True]
    assert cache.get("taken") == 7 and cache.get("free") == 0 and cache.get("other") == 1
    assert cache.add_many({"free": 5}, 30) == [False]
    assert cache.add_many({}, 30) == []
