"""Load the slow pieces once when a server process starts, not on its first customer's request."""

from __future__ import annotations


def warm_up() -> None:
    from walletdesk.core.textsearch import index_text
    from walletdesk.shield.services import detector_warm
    from walletdesk.triage.model import model_get

    detector_warm()
    model_get()
    index_text("充值未到账 warm up")
