"""What the live-chat tests rely on when two xdist workers, or two test runs, share one PostgreSQL
and one Redis server (tests/conftest.py): another process's events and cache flushes never reach a
test, and the flush between transactional tests leaves the database as the test found it."""

import asyncio
import uuid

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

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


def _row_counts() -> dict[str, int]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True)
def test_the_flush_after_a_transactional_test_leaves_what_the_test_found():
    """The suite flushes PostgreSQL with DELETE, keeping content types and permissions; the tables
    must come out as Django's own flush and post_migrate leave them, which is how each test starts."""
    from walletdesk.accounts.models import Customer
    from walletdesk.accounts.services import agent_create
    from walletdesk.tickets import outbox
    from walletdesk.tickets.services import ticket_create_by_customer

    flush = {"verbosity": 0, "interactive": False, "reset_sequences": False}  # as after each test
    call_command("flush", **flush)
    found = _row_counts()
    assert not any(found[table] for table in found if table.startswith(("tickets_", "accounts_")))

    customer = Customer.objects.create(wallet_uid="uid-flush", name="Flush")
    ticket = ticket_create_by_customer(
        customer=customer, channel="web", body="deposit missing", category=None
    )
    agent = agent_create(username="flush-agent", password="flush-pass-123", display_name="Agent").user
    outbox.send(ticket=ticket.ticket, author=agent, body="looking")
    assert _row_counts() != found

    call_command("flush", **flush)
    assert _row_counts() == found
