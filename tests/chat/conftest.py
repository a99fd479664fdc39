import pytest


@pytest.fixture
def online_agent(agent):
    from walletdesk.accounts.services import agent_presence_set

    agent_presence_set(profile=agent.agent_profile, presence="online")
    return agent


@pytest.fixture
def second_agent(db, team):
    from walletdesk.accounts.services import agent_create, agent_presence_set

    profile = agent_create(
        username="agent2", password="agent-pass-456", display_name="Agent Two", teams=[team]
    )
    agent_presence_set(profile=profile, presence="online")
    return profile.user


@pytest.fixture
def visitor(db):
    from walletdesk.chat.services import widget_customer_resolve

    return widget_customer_resolve(identity_token=None, visitor_token="v" * 43, locale="en")


@pytest.fixture
def other_visitor(db):
    from walletdesk.chat.services import widget_customer_resolve

    return widget_customer_resolve(identity_token=None, visitor_token="w" * 43, locale="zh-hans")


@pytest.fixture
def console_cookie(settings, online_agent):
    from django.test import Client

    settings.WALLETDESK_REQUIRE_2FA = False
    client = Client()
    client.force_login(online_agent)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()
