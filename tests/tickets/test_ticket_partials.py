"""Other apps' partials on the console ticket page are Jinja2 macros (tickets/jinja2/tickets/console/
partials.html), copies of the apps' Django templates: each must render as its Django template does,
in both languages and with hostile text, so a change to a Django partial fails here until the copy
follows it."""

from types import SimpleNamespace

import pytest
from django.template import engines
from django.template.loader import get_template
from django.utils import translation

from walletdesk.tickets.views import TICKET_PANELS
from walletdesk.triage.selectors import Chip

pytestmark = pytest.mark.django_db

HOSTILE = '<img src=x onerror="alert(1)">&\'"'


def _macros():
    return engines["jinja2"].env.get_template("tickets/console/partials.html").module


def _django(name: str, **context):
    return get_template(name, using="django").render(context)


def _same(django: str, jinja: str) -> None:
    # Django escapes ' and " as &#x27; and &quot;, markupsafe as &#39; and &#34;: the same characters.
    assert str(jinja).replace("&#39;", "&#x27;").replace("&#34;", "&quot;") == django


@pytest.fixture(params=["zh-hans", "en"])
def language(request):
    with translation.override(request.param):
        yield request.param


@pytest.mark.parametrize("channel", ["web", "widget"])
def test_the_panels_and_the_live_chat_render_as_the_django_templates(agent, language, channel):
    ticket = SimpleNamespace(pk=7, channel=channel, status="open", locale=HOSTILE)
    macros = _macros()
    copies = {
        "wallet/_customer_panel.html": lambda: macros.wallet_panel(ticket),
        "chain/_ticket_panel.html": lambda: macros.chain_panel(ticket),
        "verify/_ticket_panel.html": lambda: macros.verify_panel(agent),
    }
    assert set(copies) == set(TICKET_PANELS)
    agent.agent_profile.agent_code = HOSTILE
    for name, copy in copies.items():
        _same(_django(name, ticket=ticket, user=agent), copy())
    _same(
        _django("chat/_console_ticket_live.html", ticket=ticket, user=agent, ws_url_base=""),
        macros.console_ticket_live(ticket, agent, ""),
    )


def test_check_codes_lookalikes_and_entity_chips_render_as_the_django_templates(language):
    macros = _macros()
    for codes in ([], [{"code": "LIVE42"}], [{"code": HOSTILE}, {"code": "B2"}]):
        _same(_django("verify/_check_codes.html", codes=codes), macros.check_codes(codes))
    warnings = [
        {"reason": HOSTILE, "chip": "仿冒", "value": "examp1e.com", "reply": HOSTILE},
        {"reason": "r", "chip": "Known phishing", "value": HOSTILE, "reply": "line\nbreak"},
    ]
    for listed in ([], warnings):
        _same(_django("verify/_lookalike_chips.html", warnings=listed), macros.lookalike_chips(listed))
    chips = [
        Chip("tx", "0x" + "ab" * 32, HOSTILE, "https://etherscan.io/tx/0x" + "ab" * 32 + "?a=1&b=2"),
        Chip("address", HOSTILE, "Address", None),
        Chip("amount", "12.5 USDT", "Amount"),
    ]
    for listed in ([], chips):
        _same(_django("triage/_entity_chips.html", chips=listed), macros.entity_chips(listed))


def test_the_live_chats_message_times_render_as_the_django_template(agent, language, settings):
    """One clock rule with the Django copy: <time datetime data-clock>, the server's zone named."""
    from datetime import UTC, datetime

    settings.TIME_ZONE = "Asia/Shanghai"
    ticket = SimpleNamespace(pk=7, channel="widget", status="open", locale="en")
    when = datetime(2026, 11, 27, 6, 33, 21, tzinfo=UTC)
    chat_messages = [
        SimpleNamespace(
            pk=1,
            author_kind="customer",
            is_internal=False,
            author_user=None,
            created_at=when,
            body_html="<p>hi</p>",
        ),
        SimpleNamespace(
            pk=2, author_kind="system", is_internal=True, author_user=None, created_at=when, body_html=HOSTILE
        ),
    ]
    jinja = _macros().console_ticket_live(ticket, agent, "", chat_messages)
    _same(
        _django(
            "chat/_console_ticket_live.html",
            ticket=ticket,
            user=agent,
            ws_url_base="",
            chat_messages=chat_messages,
        ),
        jinja,
    )
    assert '<time datetime="2026-11-27T14:33:21+08:00" data-clock>14:33:21 CST</time>' in str(jinja)
