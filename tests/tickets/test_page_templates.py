"""Console pages render from per-language copies of the Jinja2 environment that translate `_("…")` and
resolve `static("…")` when a template compiles, and print values through tickets.jinja.escape_output
(tickets.jinja says why): the pages must read exactly as the runtime-translating environment renders
them, escaping included."""

from types import SimpleNamespace

import pytest
from django.template import engines
from django.utils import translation
from markupsafe import Markup, escape

from walletdesk.tickets.jinja import escape_output, page_template

HOSTILE = '<img src=x onerror="alert(1)">&\'"'


@pytest.mark.parametrize(
    "value",
    [HOSTILE, "", "纯文本", 7, 3.5, None, Markup("<b>kept</b>"), escape(HOSTILE), SimpleNamespace(a=1)],
)
def test_escape_output_prints_what_markupsafe_escape_prints(value):
    assert escape_output(value) == str(escape(value))
    assert type(escape_output(value)) in (str, Markup)


def test_escape_output_takes_html_from_objects_that_give_it():
    class Chip:
        def __html__(self) -> str:
            return "<span>ok</span>"

    assert escape_output(Chip()) == "<span>ok</span>"


def _both(source: str, language: str, **context) -> tuple[str, str]:
    """`source` rendered by the backend's environment (runtime `_`) and by the page copy for
    `language` (literals folded at compile time)."""
    base = engines["jinja2"].env
    folded = page_template("tickets/console/partials.html", language).environment
    with translation.override(language):
        return (
            base.from_string(source).render(**context),
            folded.from_string(source).render(**context),
        )


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_folded_literals_render_as_runtime_translation(language):
    source = (
        '<p title="{{ _("Reply with a warning") }}">{{ _("Inbox") }} {{ _("Log out")|safe }}</p>'
        '<a href="{{ static("core/app.css") }}">{{ value }}</a>'
    )
    runtime, folded = _both(source, language, value=HOSTILE)
    assert runtime == folded
    assert "&lt;img src=x" in folded and "<img src=x" not in folded
    assert ("Inbox" in folded) == (language == "en")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_literals_are_part_of_the_compiled_page(language):
    env = page_template("tickets/console/ticket_body.html", language).environment
    source = env.loader.get_source(env, "tickets/console/ticket_body.html")[0]
    code = env.compile(source, raw=True)
    with translation.override(language):
        reply = translation.gettext("Send reply")
    assert reply in code and "resolve('_')" not in code  # no `_` left to call at render time
    assert "escape_output(" in code and "escape(" not in code.replace("escape_output(", "")


def test_a_template_that_binds_underscore_itself_is_not_folded():
    runtime, folded = _both('{% set _ = upper %}{{ _("inbox") }}', "zh-hans", upper=str.upper)
    assert runtime == folded == "INBOX"


def test_a_language_the_site_does_not_list_renders_from_the_backend_environment():
    assert page_template("tickets/console/layout.html", "fr") is engines["jinja2"].env.get_template(
        "tickets/console/layout.html"
    )


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_partial_renders_as_in_the_backend_environment(agent, language):
    ticket = SimpleNamespace(pk=7, channel="widget", status="open", locale=HOSTILE)
    agent.agent_profile.agent_code = HOSTILE
    calls = (
        "{{ p.wallet_panel(ticket) }}{{ p.chain_panel(ticket) }}{{ p.compensation_panel(ticket) }}"
        "{{ p.verify_panel(user) }}{{ p.check_codes([{'code': code}]) }}"
        "{{ p.console_ticket_live(ticket, user, '') }}{{ p.console_inbox_live(user, '') }}"
    )
    source = '{% import "tickets/console/partials.html" as p %}' + calls
    runtime, folded = _both(source, language, ticket=ticket, user=agent, code=HOSTILE)
    assert runtime == folded
    assert HOSTILE not in folded and "&lt;img src=x" in folded
