"""HMAC-SHA256 request signing shared by the HTTP connector and the demo backend (spec: docs/wallet-connector.md).

The signed text binds the timestamp, a one-time nonce, the method, the path with its query and
the body's SHA-256, so a captured request cannot be replayed, re-targeted or altered.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

HEADER_KEY = "X-WD-Key"
HEADER_TIMESTAMP = "X-WD-Timestamp"
HEADER_NONCE = "X-WD-Nonce"
HEADER_SIGNATURE = "X-WD-Signature"
# Clock skew accepted between the support platform and the wallet backend.
MAX_SKEW_SECONDS = 300


def signature_text(*, timestamp: str, nonce: str, method: str, path: str, body: bytes) -> bytes:
    return "\n".join([timestamp, nonce, method.upper(), path, hashlib.sha256(body).hexdigest()]).encode()


def signature_compute(*, secret: str, timestamp: str, nonce: str, method: str, path: str, body: bytes) -> str:
    text = signature_text(timestamp=timestamp, nonce=nonce, method=method, path=path, body=body)
    return hmac.new(secret.encode(), text, hashlib.sha256).hexdigest()


def headers_sign(
    *, key_id: str, secret: str, method: str, path: str, body: bytes, now: float | None = None
) -> dict[str, str]:
    """The four auth headers for one request; `path` is the URL path plus "?query" if any."""
    timestamp = str(int(time.time() if now is None else now))
    nonce = secrets.token_hex(16)
    return {
        HEADER_KEY: key_id,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: signature_compute(
            secret=secret, timestamp=timestamp, nonce=nonce, method=method, path=path, body=body
        ),
    }
