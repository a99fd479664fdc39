"""Load the slow pieces once when a server process starts, not on its first customer's request."""

from __future__ import annotations

import gc
from typing import Any

from django.core.signals import request_finished

# The collector's youngest generation runs after this many new container objects (Python: 700,
# ~20 passes per ticket page, whose survivors then fill the older generations and their passes).
GC_YOUNG_THRESHOLD = 5_000
# After this many requests a server process has built what it keeps (templates, URL resolvers,
# catalogs, prepared statements, per-process copies): frozen too, out of every later full pass.
GC_FREEZE_AGAIN_AFTER = 200


def warm_up() -> None:
    from walletdesk.core.textsearch import index_text
    from walletdesk.shield.services import detector_warm
    from walletdesk.triage.services import triage_warm

    detector_warm()
    triage_warm()
    index_text("充值未到账 warm up")
    _console_warm()
    _queue_warm()
    gc_settle()


def _queue_warm() -> None:
    """The job queue's modules (huey, and with it redis and psycopg, ~0.17 s of imports): since
    django.setup() no longer loads them, the first request that enqueued a task paid for them,
    after the freeze."""
    import walletdesk.tickets.tasks  # noqa: F401


def _console_warm() -> None:
    """What the first console requests would build and keep: the URL resolver, both languages'
    catalogs, the ticket page's compiled templates (so that they are frozen with the rest)."""
    from django.conf import settings
    from django.template import engines
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().resolve("/console/")
    for code, _ in settings.LANGUAGES:
        translation.trans_real.translation(code)
    env = engines["jinja2"].env
    for name in (
        "tickets/console/ticket_body.html",
        "tickets/console/layout.html",
        "tickets/console/partials.html",
    ):
        env.get_template(name)


def gc_settle() -> None:
    """Keep the garbage collector's full passes off the requests.

    A server process holds ~1M objects once Django, the triage model, jieba's dictionary and
    web3 are loaded; Python's full collection walks all of them (tens of ms) every few requests,
    which is where page latency's tail came from. gc.freeze() moves what exists now into a
    generation the collector never walks: everything loaded so far lives as long as the process.
    Cycles made later are still collected."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, older, oldest)
    _served[0] = 0
    request_finished.connect(_freeze_once_warm, dispatch_uid="walletdesk.core.gc_freeze_warm")


_served = [0]


def _freeze_once_warm(**_: Any) -> None:
    _served[0] += 1
    if _served[0] < GC_FREEZE_AGAIN_AFTER:
        return
    request_finished.disconnect(dispatch_uid="walletdesk.core.gc_freeze_warm")
    # No collection first: it would be the pause this avoids (the few cycles of the last
    # requests that are frozen with the rest stay for the life of the process).
    gc.freeze()
