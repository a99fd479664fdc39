"""Start-up checks on how customers are identified."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def jwt_secret_not_public(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Outside the demo, the public demo secret would let anyone sign a token for any customer."""
    if (
        settings.WALLETDESK_DEMO
        or settings.WALLETDESK_JWT_HS256_SECRET != settings.WALLETDESK_JWT_DEMO_SECRET
    ):
        return []
    return [
        Error(
            "WALLETDESK_JWT_HS256_SECRET is the public demo secret while WALLETDESK_DEMO is off: anyone "
            "could sign in as any customer.",
            hint="Set WALLETDESK_JWT_HS256_SECRET to the secret your wallet's backend signs with, or set "
            "WALLETDESK_JWT_ES256_PUBLIC_KEY (and leave the HS256 secret unset).",
            id="walletdesk.E001",
        )
    ]
