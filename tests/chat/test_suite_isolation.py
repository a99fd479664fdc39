"""What the live-chat tests rely on when two xdist workers, or two test runs, share one PostgreSQL
and one Redis server (tests/conftest.py): another process's events and cache flushes never reach a
test."""

import asyncio
import uuid

import pytest
from django.conf import settings

needs_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL")


@needs_redis
def test_a_tests_cache_clear_leaves_other_processes_keys():
    from django.core.cache import cache

    client = cache._cache.get_client(write=True)
    theirs = f"another-run-{uuid.uuid4().hex}:1:sign-in-failures"
    client.set(theirs, b"3", ex=60)
    cache.set("sign-in-failures", 3, 60)
    try:
        cache.clear()  # was FLUSHDB: the other worker's counters, sessions and layer queues went too
        assert cache.get("sign-in-failures") is None
        assert client.get(theirs) == b"3"
    finally:
        client.delete(theirs)


@needs_redis
@pytest.mark.asyncio
async def test_another_processes_ticket_events_do_not_reach_this_ones_sockets():
    """Pub/sub channels are server-wide whatever the Redis db: a worker (or a developer's server)
    with the same group name must not feed this process's widget."""
    from channels.layers import get_channel_layer
    from channels_redis.pubsub import RedisPubSubChannelLayer

    from walletdesk.core import events

    ours = get_channel_layer()
    theirs = RedisPubSubChannelLayer(hosts=[settings.REDIS_URL])  # the default prefix
    channel = await ours.new_channel()
    await ours.group_add("ticket.1", channel)
    try:
        await theirs.group_send("ticket.1", {"type": "wd.event", "event": {"from": "theirs"}})
        events.publish_now("ticket.1", {"type": "message.added", "from": "ours"})
        message = await asyncio.wait_for(ours.receive(channel), timeout=10)
        assert message["event"]["from"] == "ours"
    finally:
        await ours.group_discard("ticket.1", channel)
        await theirs.flush()
