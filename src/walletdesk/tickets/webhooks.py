"""Outgoing webhooks: ticket events POSTed to the operator's URLs, signed, with secrets redacted.

The payload passes the shield again even though stored text is already clean: a webhook is a copy
of our data leaving the building, and it must never be the one place a secret slipped through.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import requests
from django.conf import settings
from django.db import transaction

from walletdesk.shield import services as shield
from walletdesk.tickets.errors import DeliveryError

TIMEOUT_SECONDS = 5


def webhook_payload_prepare(event: dict[str, Any]) -> bytes:
    clean = shield.data_redact(data=event)
    return json.dumps(clean, ensure_ascii=False, sort_keys=True, default=str).encode()


def webhook_signature(body: bytes, timestamp: int) -> str:
    mac = hmac.new(settings.SECRET_KEY.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def webhooks_enqueue(event: dict[str, Any]) -> None:
    if not settings.WALLETDESK_WEBHOOK_URLS:
        return
    body = webhook_payload_prepare(event)
    from walletdesk.tickets import tasks

    for url in settings.WALLETDESK_WEBHOOK_URLS:
        transaction.on_commit(lambda url=url: tasks.webhook_deliver(url, body.decode()))


def webhook_deliver(*, url: str, body: bytes) -> None:
    timestamp = int(time.time())
    try:
        response = requests.post(
            url,
            data=body,
            timeout=TIMEOUT_SECONDS,
            headers={
                "Content-Type": "application/json",
                "X-Walletdesk-Signature": webhook_signature(body, timestamp),
            },
        )
    except requests.RequestException as exc:
        raise DeliveryError(str(exc)) from exc
    if response.status_code >= 500 or response.status_code == 429:
        raise DeliveryError(f"webhook answered {response.status_code}")
