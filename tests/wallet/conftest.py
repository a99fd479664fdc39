from __future__ import annotations

import pytest

from walletdesk.wallet.connector import WalletConnector, connector_get
from walletdesk.wallet.services import wallet_demo_load


@pytest.fixture
def wallet(transactional_db: None, live_server, settings) -> WalletConnector:
    """The real connector talking HTTP to the demo backend served by pytest-django's live server."""
    settings.WALLETDESK_WALLET_URL = ""
    settings.SITE_URL = live_server.url
    wallet_demo_load()
    return connector_get()
