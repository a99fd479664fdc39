from __future__ import annotations

import pytest

from walletdesk.accounts.models import Customer
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.wallet.services import DEMO_UID


@pytest.fixture
def wallet(transactional_db, live_server, settings):  # noqa: ANN001, ANN201
    """The real connector over HTTP to the demo backend served by pytest-django's live server."""
    from walletdesk.wallet.connector import connector_get
    from walletdesk.wallet.services import wallet_demo_load

    settings.WALLETDESK_WALLET_URL = ""
    settings.SITE_URL = live_server.url
    wallet_demo_load()
    return connector_get()


@pytest.fixture
def finance(db, team):  # noqa: ANN001, ANN201
    from walletdesk.accounts.services import agent_create

    return agent_create(username="finance1", password="finance-pass-123", role="finance", teams=[team]).user


@pytest.fixture
def holder(db) -> Customer:  # noqa: ANN001
    """The demo backend's account holder (demo-uid-1001), writing in English."""
    return Customer.objects.create(wallet_uid=DEMO_UID, name="Holder", email="h@example.com", locale="en")


def ticket_open(customer: Customer, body: str = "I was charged the wrong fee", locale: str = "en"):  # noqa: ANN201
    return receive(
        InboundMessage(channel="web", customer=customer, new_ticket=True, body=body, locale=locale)
    ).ticket


@pytest.fixture
def ticket(holder):  # noqa: ANN001, ANN201
    return ticket_open(holder)
