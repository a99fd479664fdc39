"""The live-chat desk (trial findings): every time on it is the agent's own clock, for messages that
came with the page and live ones alike; and an agent named in two scripts ("客服小王 Wang") is
named to a customer in the script of the customer's language."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    agent_page,
    browser,
    live,
    live_server_thread,
    new_context,
    online_agent,
)
from walletdesk.chat.canned import canned_placeholders
from walletdesk.chat.events import agent_name, name_for_locale
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Message


@pytest.mark.parametrize(
    ("name", "zh", "en"),
    [
        ("客服小王 Wang", "客服小王", "Wang"),
        ("Wang 小王", "小王", "Wang"),
        ("Agent One", "Agent One", "Agent One"),
        ("小王", "小王", "小王"),
        ("Mary Chen 陈美丽", "陈美丽", "Mary Chen"),
    ],
)
def test_a_name_in_two_scripts_is_shown_in_the_script_of_the_readers_language(name, zh, en):
    assert (name_for_locale(name, "zh-hans"), name_for_locale(name, "en")) == (zh, en)


@pytest.mark.django_db
def test_the_canned_agent_name_follows_the_tickets_language(agent, customer):
    agent.agent_profile.display_name = "客服小王 Wang"
    agent.agent_profile.save(update_fields=["display_name"])
    ticket = receive(
        InboundMessage(channel="widget", body="hello", customer=customer, new_ticket=True)
    ).ticket

    assert canned_placeholders(ticket=ticket, agent=agent, locale="en")["agent_name"] == "Wang"
    assert canned_placeholders(ticket=ticket, agent=agent, locale="zh-hans")["agent_name"] == "客服小王"
    assert agent_name(agent) == "客服小王 Wang"  # agents among themselves: the whole name


def _widget_ticket(customer):
    return receive(
        InboundMessage(
            channel="widget", body="where is my deposit", customer=customer, new_ticket=True, locale="en"
        )
    ).ticket


@pytest.mark.django_db
def test_the_desk_page_sends_each_time_as_a_labelled_instant(agent, customer, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    ticket = _widget_ticket(customer)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(agent)

    html = client.get(f"/console/live-chat/{ticket.pk}/").content.decode()

    created = Message.objects.get(ticket=ticket).created_at
    stamp = re.search(r'<time datetime="([^"]+)" data-clock>([^<]+)</time>', html)
    assert datetime.fromisoformat(stamp.group(1)) == created
    local = created.astimezone(ZoneInfo(settings.TIME_ZONE))
    assert stamp.group(2) == local.strftime("%H:%M:%S ") + local.tzname()  # the zone named until JS runs


@pytest.mark.browser
def test_page_and_live_messages_both_show_the_agents_own_clock(live, agent_page, new_context, customer):
    """The server runs on Asia/Shanghai; this agent's browser on New York time."""
    ticket = _widget_ticket(customer)
    page = agent_page(f"/console/live-chat/{ticket.pk}/")
    page.close()
    # The same session in a browser on another zone (agent_page's context has the cookie).
    context = page.context
    cookies = context.cookies()
    ny = new_context(timezone_id="America/New_York")
    ny.add_cookies(cookies)
    page = ny.new_page()
    page.goto(live.url + f"/console/live-chat/{ticket.pk}/")
    first = Message.objects.get(ticket=ticket)
    expected = first.created_at.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M:%S")
    stamps = page.locator("#chat-live-messages time[data-clock]")
    assert stamps.first.inner_text() == expected
    page.locator("#chat-live-viewers", has_text="Agent One").wait_for()  # the socket is open

    receive(InboundMessage(channel="widget", body="hello again", customer=customer, locale="en"))
    later = Message.objects.filter(ticket=ticket).latest("id")
    page.locator(f'#chat-live-messages li[data-id="{later.pk}"] time[data-clock]').wait_for()
    shown = page.locator(f'#chat-live-messages li[data-id="{later.pk}"] time[data-clock]').inner_text()
    assert shown == later.created_at.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M:%S")
