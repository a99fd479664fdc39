"""The console inbox (and its search) renders through Jinja2 copies of its Django templates
(tickets/jinja2/tickets/console/inbox.html and _inbox_rows.html, tickets.jinja says why): given the
view's context, each copy must render as the Django template of the same name does, in both
languages, with hostile text, on the full page, a later page and the htmx refresh. A change to the
Django templates fails here until the copy follows."""

import re
from datetime import timedelta

import pytest
from django.shortcuts import render
from django.utils import timezone

from tests.tickets.test_pages import login_agent
from walletdesk.accounts.models import Customer
from walletdesk.tickets import views
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


def _normalized(html: str) -> str:
    # Every printed CSRF token is masked afresh; markupsafe writes ' and " as &#39; and &#34;,
    # Django as &#x27; and &quot;: the same characters.
    html = re.sub(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]{64}', r"\1T", html)
    return html.replace("&#39;", "&#x27;").replace("&#34;", "&quot;")


@pytest.fixture
def both_engines(monkeypatch):
    """Each inbox response, and what Django's template of the same name gives for its context."""
    pairs = []
    jinja_render = views._jinja_render

    def render_twice(request, template, context, status=200):
        response = jinja_render(request, template, context, status)
        pairs.append(
            (template, response.content.decode(), render(request, template, context).content.decode())
        )
        return response

    monkeypatch.setattr(views, "_jinja_render", render_twice)
    return pairs


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize(
    "query",
    [
        {"view": "open"},
        {"view": "all", "q": HOSTILE},
        {"view": "all", "q": "uid-hostile"},
        {"view": "mine"},
        {"view": "unassigned", "category": "deposit", "status": "new"},
    ],
)
def test_the_jinja_inbox_renders_as_the_django_templates(client, agent, inbox, both_engines, language, query):
    login_agent(client, agent, "agent-pass-123")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    first = client.get("/console/", query)
    assert first.status_code == 200
    cursor = re.search(r"cursor=([^\"&]+)", first.content.decode())
    client.get("/console/", {**query, "cursor": "not-a-cursor"})
    client.get("/console/", query, HTTP_HX_REQUEST="true")
    if cursor:
        client.get(f"/console/?view={query['view']}&cursor={cursor.group(1)}")
    assert {t for t, _, _ in both_engines} == {
        "tickets/console/inbox.html",
        "tickets/console/_inbox_rows.html",
    }
    for template, jinja, django in both_engines:
        assert _normalized(jinja) == _normalized(django), template
    assert "<img src=x" not in "".join(jinja for _, jinja, _ in both_engines)


def test_a_later_page_and_an_empty_one_render_as_the_django_templates(client, agent, inbox, both_engines):
    login_agent(client, agent, "agent-pass-123")
    for _ in range(30):  # past one page of 25
        receive(
            InboundMessage(
                channel="web",
                customer=Customer.objects.get(wallet_uid="uid-hostile"),
                new_ticket=True,
                subject="more",
                body="hi",
            )
        )
    page = client.get("/console/?view=open").content.decode()
    cursor = re.search(r"cursor=([^\"&]+)", page).group(1)
    later = client.get(f"/console/?view=open&cursor={cursor}")
    assert later.status_code == 200 and "↑" in later.content.decode()
    client.get("/console/?view=mine&q=nothing-matches-this")
    for template, jinja, django in both_engines:
        assert _normalized(jinja) == _normalized(django), template
