"""core.events: publishing from the ORM thread never waits for delivery, and keeps per-process order;
the in-memory layer's sweep is throttled but still drops expired messages."""

import asyncio
import threading
import time

import pytest
from channels.layers import get_channel_layer

from walletdesk.chat.layers import SweepingInMemoryChannelLayer
from walletdesk.core import events

pytestmark = pytest.mark.asyncio


async def _collect(layer, channel, count, timeout=10.0):
    got = []
    async with asyncio.timeout(timeout):
        while len(got) < count:
            got.append((await layer.receive(channel))["event"]["n"])
    return got


async def test_publishes_from_another_thread_arrive_in_order_without_blocking_it(monkeypatch):
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add("ordertest.1", channel)
    monkeypatch.setattr(events, "_server_loop", asyncio.get_running_loop())
    monkeypatch.setattr(events, "_server_thread_id", threading.get_ident())
    returned = threading.Event()

    def worker() -> None:  # the ORM thread: publishes, then returns at once
        for n in range(200):
            events.publish_now("ordertest.1", {"type": "t", "n": n})
        returned.set()

    thread = threading.Thread(target=worker)
    thread.start()
    got = await _collect(layer, channel, 200)
    thread.join(5)
    assert returned.is_set()
    assert got == list(range(200))
    await layer.group_discard("ordertest.1", channel)


async def test_publish_inside_the_loop_is_ordered_too():
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add("ordertest.2", channel)
    for n in range(50):
        events.publish_now("ordertest.2", {"type": "t", "n": n})
    assert await _collect(layer, channel, 50) == list(range(50))
    await layer.group_discard("ordertest.2", channel)


async def test_a_failing_send_is_logged_and_the_next_ones_still_go(monkeypatch, caplog):
    layer = get_channel_layer()
    if not isinstance(layer, SweepingInMemoryChannelLayer):
        pytest.skip("the relay's error handling; Redis pub/sub goes through the publisher thread")
    channel = await layer.new_channel()
    await layer.group_add("ordertest.3", channel)
    real = layer.group_send

    async def flaky(group, message):
        if message["event"]["n"] == 1:
            raise RuntimeError("layer hiccup")
        await real(group, message)

    monkeypatch.setattr(layer, "group_send", flaky)
    for n in range(3):
        events.publish_now("ordertest.3", {"type": "t", "n": n})
    assert await _collect(layer, channel, 2) == [0, 2]
    assert "publishing t to ordertest.3 failed" in caplog.text
    await layer.group_discard("ordertest.3", channel)


async def test_sweeping_layer_still_expires_messages_and_members():
    layer = SweepingInMemoryChannelLayer(expiry=0.05, sweep_interval=0.1)
    channel = await layer.new_channel()
    await layer.group_add("sweep.1", channel)
    await layer.send(channel, {"type": "old"})
    time.sleep(0.2)
    layer._clean_expired()  # interval passed: the expired message goes, and the channel with it
    assert channel not in layer.channels
    assert channel not in layer.groups.get("sweep.1", {})


async def test_sweeping_layer_sweeps_at_most_once_per_interval(monkeypatch):
    layer = SweepingInMemoryChannelLayer(sweep_interval=60)
    calls = []
    monkeypatch.setattr("channels.layers.InMemoryChannelLayer._clean_expired", lambda self: calls.append(1))
    channel = await layer.new_channel()
    await layer.group_add("sweep.2", channel)
    for _ in range(100):
        await layer.group_send("sweep.2", {"type": "x"})
        await layer.receive(channel)
    assert len(calls) == 1


def test_sweep_interval_must_not_be_negative():
    with pytest.raises(ValueError, match="sweep_interval"):
        SweepingInMemoryChannelLayer(sweep_interval=-1)
