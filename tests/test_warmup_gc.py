"""A server process freezes what it loaded at start (core.warmup.gc_settle), raises the young
generation's threshold, and freezes once more after its first requests; the collector still
frees cycles made afterwards."""

import gc
import weakref

import pytest
from django.core.signals import request_finished

from walletdesk.core import warmup


@pytest.fixture
def settled(monkeypatch):
    threshold = gc.get_threshold()
    monkeypatch.setattr(warmup, "GC_FREEZE_AGAIN_AFTER", 3)
    try:
        warmup.gc_settle()
        yield
    finally:
        request_finished.disconnect(dispatch_uid="walletdesk.core.gc_freeze_warm")
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_start_freezes_and_the_first_requests_freeze_again(settled):
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == warmup.GC_YOUNG_THRESHOLD
    kept_from_start = [object() for _ in range(3)]  # untracked; a list of them is tracked
    # What request_finished calls after each request (sending the signal would also run Django's
    # connection clean-up, which needs a database).
    for _ in range(2):
        warmup._freeze_once_warm()
    frozen = gc.get_freeze_count()
    warmup._freeze_once_warm()  # the third request
    assert gc.get_freeze_count() > frozen
    # It did its work once and is no longer connected.
    assert request_finished.disconnect(dispatch_uid="walletdesk.core.gc_freeze_warm") is False
    del kept_from_start


def test_cycles_made_after_the_freeze_are_still_collected(settled):
    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None
