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


def theft_category_create(team):  # noqa: ANN001, ANN201 - also used by the browser test
    from walletdesk.tickets.services import category_upsert

    return category_upsert(
        slug="account_theft",
        name_zh="账户被盗 / 资产被盗",
        name_en="Stolen account or assets",
        team=team,
        priority="urgent",
        first_response_minutes=10,
        intake_fields=[
            {"key": "account", "type": "text", "required": True, "label_zh": "账户", "label_en": "Account"}
        ],
    )


@pytest.fixture
def theft(team):  # noqa: ANN001, ANN201
    return theft_category_create(team)
