"""The console inbox (and its search) renders through Jinja2 (tickets/jinja2/tickets/console/inbox.html
and _inbox_rows.html; tickets.jinja says why): every chip and cell in both languages, hostile text
escaped, the htmx refresh as a fragment with the view counts, a later page, a bad cursor."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.tickets.test_pages import login_agent
from walletdesk.accounts.models import Customer
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db

HOSTILE = '<img src=x onerror="alert(1)">&\'"'


@pytest.fixture
def inbox(agent, customer, category):
    """Tickets with every chip and cell kind: urgent, complaint, redacted secret, overdue and due
    later, assigned, no category, a hostile subject and customer name."""
    hostile = Customer.objects.create(wallet_uid="uid-hostile", name=HOSTILE, email="h@example.com")
    now = timezone.now()
    made = []
    for i, (who, cat) in enumerate([(customer, category), (hostile, None), (customer, category)] * 3):
        ticket = receive(
            InboundMessage(
                channel="web",
                customer=who,
                category=cat,
                new_ticket=True,
                subject=f"{HOSTILE} {i}",
                body="hi",
            )
        ).ticket
        made.append(ticket.pk)
    Ticket.objects.filter(pk=made[0]).update(priority="urgent", complaint=True, secret_leaks=1)
    Ticket.objects.filter(pk=made[1]).update(first_response_due_at=now - timedelta(hours=3), assignee=agent)
    Ticket.objects.filter(pk=made[2]).update(first_response_due_at=now + timedelta(minutes=20))
    Ticket.objects.filter(pk=made[3]).update(last_message_at=None)
    return made


def _row(html: str, ticket_id: int) -> str:
    return re.search(rf'<tr data-ticket-id="{ticket_id}".*?</tr>', html, re.S).group(0)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_chip_and_cell_in_the_agents_language_with_hostile_text_escaped(client, agent, inbox, language):
    login_agent(client, agent, "agent-pass-123")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    html = client.get("/console/", {"view": "all"}).content.decode()
    with override(language):
        complaint, secret, due = gettext("complaint"), gettext("secret redacted"), gettext("Due")
    assert f"<th>{due}</th>" in html
    urgent = _row(html, inbox[0])
    assert 'class="inbox-urgent"' in urgent and complaint in urgent and secret in urgent
    assert complaint not in _row(html, inbox[4])
    assert agent.get_username() in _row(html, inbox[1]) or agent.get_full_name() in _row(html, inbox[1])
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html
    assert len(re.findall(r"<tr data-ticket-id=", html)) == len(inbox)


@pytest.mark.parametrize("query", [{"view": "all", "q": HOSTILE}, {"view": "all", "q": "uid-hostile"}])
def test_a_search_escapes_the_query_it_echoes(client, agent, inbox, query):
    login_agent(client, agent, "agent-pass-123")
    response = client.get("/console/", query)
    assert response.status_code == 200
    assert "<img src=x" not in response.content.decode()


def test_the_htmx_refresh_is_the_rows_and_the_view_counts(client, agent, inbox):
    login_agent(client, agent, "agent-pass-123")
    fragment = client.get("/console/", {"view": "open"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and '<table id="inbox-table">' in fragment
    assert re.search(r'id="inbox-count-open" hx-swap-oob="true">\d+<', fragment)


def test_a_later_page_a_bad_cursor_and_an_empty_view(client, agent, inbox):
    login_agent(client, agent, "agent-pass-123")
    hostile = Customer.objects.get(wallet_uid="uid-hostile")
    for _ in range(30):  # past one page of 25
        receive(InboundMessage(channel="web", customer=hostile, new_ticket=True, subject="more", body="hi"))
    page = client.get("/console/?view=open").content.decode()
    cursor = re.search(r"cursor=([^\"&]+)", page).group(1)
    later = client.get(f"/console/?view=open&cursor={cursor}")
    assert later.status_code == 200 and "↑" in later.content.decode()
    assert client.get("/console/?view=open&cursor=not-a-cursor").status_code < 500
    with override("en"):
        nothing = gettext("No tickets here.")
    empty = client.get("/console/?view=mine&q=nothing-matches-this", HTTP_ACCEPT_LANGUAGE="en")
    assert nothing in empty.content.decode()
