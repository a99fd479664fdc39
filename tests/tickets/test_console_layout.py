"""The console ticket page is one Jinja2 render, its layout a copy of the Django console layout
(core/base.html, core/base_console.html, core/_language_switch.html): the copy must render as the
Django layout does, so a change there fails here until tickets/jinja2/tickets/console/layout.html
follows it."""

import pytest
from django.conf import settings
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from tests.tickets.test_pages import login_agent

pytestmark = pytest.mark.django_db

DJANGO_PAGE = (
    '{% extends "core/base_console.html" %}{% block title %}WD-7{% endblock %}'
    '{% block content %}<p id="body">body</p>{% endblock %}'
)
JINJA_PAGE = (
    '{% extends "tickets/console/layout.html" %}{% block title %}WD-7{% endblock %}'
    '{% block content %}<p id="body">body</p>{% endblock %}'
)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_jinja_layout_renders_as_the_django_console_layout(agent, language):
    # A query string both engines must escape in the language form's `next` (&).
    request = RequestFactory().get("/console/tickets/7/", {"q": "<b>", "view": "all"})
    request.user = agent
    with translation.override(language):
        django = engines["django"].from_string(DJANGO_PAGE).render({"csrf_token": "t0ken"}, request)
        jinja = (
            engines["jinja2"]
            .env.from_string(JINJA_PAGE)
            .render(
                request=request,
                user=agent,
                csrf_token="t0ken",
                LANG=translation.get_language(),
                BRAND_NAME=settings.BRAND_NAME,
            )
        )
    assert 'value="/console/tickets/7/?q=%3Cb%3E&amp;view=all"' in django
    assert jinja == django


def test_the_ticket_page_has_the_layout_in_the_readers_language(client, agent, customer):
    from walletdesk.tickets.inbox import InboundMessage, receive

    ticket = receive(
        InboundMessage(channel="web", customer=customer, new_ticket=True, subject="Hi", body="hello")
    ).ticket
    login_agent(client, agent, "agent-pass-123")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert f"<title>{ticket.reference} · {settings.BRAND_NAME}</title>" in page
    assert '<option value="en" selected>English</option>' in page and ">Log out</button>" in page
    assert page.endswith("</html>\n")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    page = client.get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert '<option value="zh-hans" selected>简体中文</option>' in page and ">退出登录</button>" in page
