"""The console ticket page's body is a Jinja2 template (tickets.jinja): escaping, translation, one
CSRF token that works, and other apps' partials (check codes, panels, live chat) still in place."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.template import engines
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.tickets.test_pages import login_agent
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel
from walletdesk.verify.models import SupportCheckCode

pytestmark = pytest.mark.django_db

BODY = Path(__file__).parents[2] / "src/walletdesk/tickets/jinja2/tickets/console/ticket_body.html"


def test_every_string_of_the_jinja_body_is_translated_to_chinese():
    found = [message for _, _, message in engines["jinja2"].env.extract_translations(BODY.read_text())]
    assert len(found) >= 15
    with translation.override("zh-hans"):
        untranslated = [message for message in found if gettext(message) == message]
    assert untranslated == []


@pytest.fixture
def hostile_ticket(customer, category):
    return receive(
        InboundMessage(
            channel=Channel.WEB,
            customer=customer,
            category=category,
            new_ticket=True,
            subject='<img src=x onerror="alert(1)">',
            body="hello",
            intake={"txid": "<b>0xabc</b>"},
        )
    ).ticket


@pytest.mark.parametrize(("language", "label"), [("en", "Send reply"), ("zh-hans", "发送回复")])
def test_the_page_escapes_what_customers_wrote_in_both_languages(
    client, agent, hostile_ticket, language, label
):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    login_agent(client, agent, "agent-pass-123")
    page = client.get(f"/console/tickets/{hostile_ticket.pk}/").content.decode()
    assert f'<html lang="{language}">' in page and label in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "<b>0xabc</b>" not in page and "&lt;b&gt;0xabc&lt;/b&gt;" in page
    assert '<div class="grid two">' in page  # the body itself is markup, not escaped text


def test_one_csrf_token_on_the_page_and_it_is_accepted(client, agent, hostile_ticket):
    login_agent(client, agent, "agent-pass-123")
    client.handler.enforce_csrf_checks = True
    page = client.get(f"/console/tickets/{hostile_ticket.pk}/").content.decode()
    tokens = {part.split('"')[0] for part in page.split('name="csrfmiddlewaretoken" value="')[1:]}
    assert len(tokens) == 1 and f'"X-CSRFToken": "{next(iter(tokens))}"' in page
    refused = client.post(f"/console/tickets/{hostile_ticket.pk}/note/", {"body": "no token"})
    assert refused.status_code == 403
    noted = client.post(
        f"/console/tickets/{hostile_ticket.pk}/note/",
        {"body": "with token", "csrfmiddlewaretoken": tokens.pop()},
    )
    assert noted.status_code == 302


def test_live_check_codes_panels_and_chat_partials_are_on_the_page(client, agent, customer, hostile_ticket):
    now = timezone.now()
    SupportCheckCode.objects.create(
        code="LIVE42", customer_id=str(customer.pk), expires_at=now + timedelta(minutes=5)
    )
    SupportCheckCode.objects.create(
        code="OLD17", customer_id=str(customer.pk), expires_at=now - timedelta(seconds=1)
    )
    SupportCheckCode.objects.create(
        code="OTHER9", customer_id="someone-else", expires_at=now + timedelta(minutes=5)
    )
    login_agent(client, agent, "agent-pass-123")
    page = client.get(f"/console/tickets/{hostile_ticket.pk}/").content.decode()
    assert "LIVE42" in page and "OLD17" not in page and "OTHER9" not in page
    for piece in (
        'id="wallet-panel"',
        'id="chain-panel"',
        'id="verify-panel"',
        'id="chat-live"',
        'id="timeline"',
    ):
        assert piece in page, piece
    assert f'data-ticket-id="{hostile_ticket.pk}"' in page and f'data-user-id="{agent.pk}"' in page


def test_a_web_ticket_has_one_reply_box_and_no_live_chat_panel(client, agent, hostile_ticket):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    login_agent(client, agent, "agent-pass-123")
    page = client.get(f"/console/tickets/{hostile_ticket.pk}/").content.decode()
    assert page.count("<textarea") == 1 and 'id="reply-body"' in page
    assert "Live chat with the customer" not in page and 'id="chat-live-body"' not in page
    # Who else has the ticket open still shows on every ticket.
    assert 'id="chat-live-viewers"' in page and 'id="chat-live-collision"' in page


def test_a_chat_ticket_keeps_the_live_chat_panel_beside_the_reply_form(client, agent, customer):
    chat = receive(
        InboundMessage(channel=Channel.WIDGET, customer=customer, body="hi from the widget")
    ).ticket
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    login_agent(client, agent, "agent-pass-123")
    page = client.get(f"/console/tickets/{chat.pk}/").content.decode()
    assert "Live chat with the customer" in page and 'id="chat-live-body"' in page
    assert page.count("<textarea") == 2
