"""The console's Compensation panel and the approvers' queue: CSRF, roles, ids checked against the
ticket, form errors instead of 500s, escaping, both languages."""

from __future__ import annotations

import re

import pytest
from django.template import engines
from django.template.loader import get_template
from django.test import Client
from django.utils import translation

from tests.compensation.conftest import ticket_open
from walletdesk.compensation import services
from walletdesk.compensation.models import CompensationRequest
from walletdesk.wallet.models import DemoAction

HOSTILE = '<img src=x onerror="alert(1)">&\'"'


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    settings.WALLETDESK_REQUIRE_2FA = False


def _client(user, language="en", csrf=False) -> Client:
    client = Client(enforce_csrf_checks=csrf, HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def _token(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _ask(ticket, agent, **kw):
    form = {"kind": "fee_refund", "asset": "USDT", "amount": "12.5", "reason": "Fee charged twice", **kw}
    return services.compensation_request(ticket=ticket, agent=agent, **form)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label"), [("en", "Ask for approval"), ("zh-hans", "提交审批")])
def test_the_panel_lists_requests_escaped_in_both_languages(ticket, agent, language, label):
    _ask(ticket, agent, reason=HOSTILE)
    page = _client(agent, language).get(f"/console/compensation/tickets/{ticket.pk}/panel/")
    html = page.content.decode()
    assert page.status_code == 200 and label in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert 'data-status="requested"' in html


@pytest.mark.django_db
def test_the_ticket_page_loads_the_panel_by_htmx(ticket, agent):
    html = _client(agent).get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert f'hx-get="/console/compensation/tickets/{ticket.pk}/panel/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_ticket_pages_placeholder_renders_as_the_django_template(language):
    from types import SimpleNamespace

    ticket = SimpleNamespace(pk=7)
    with translation.override(language):
        django = get_template("compensation/_ticket_panel.html", using="django").render({"ticket": ticket})
        macros = engines["jinja2"].env.get_template("tickets/console/partials.html").module
        assert str(macros.compensation_panel(ticket)) == django


@pytest.mark.django_db
def test_a_request_posted_needs_csrf_and_lands_on_the_ticket(ticket, agent):
    client = _client(agent, csrf=True)
    url = f"/console/compensation/tickets/{ticket.pk}/request/"
    form = {"kind": "goodwill", "asset": "USDT", "amount": "5", "reason": "slow arrival"}
    assert client.post(url, form).status_code == 403
    token = _token(client, f"/console/compensation/tickets/{ticket.pk}/panel/")

    done = client.post(url, {**form, "csrfmiddlewaretoken": token})

    assert done.status_code == 302 and done["Location"] == f"/console/tickets/{ticket.pk}/"
    assert CompensationRequest.objects.get().kind == "goodwill"


@pytest.mark.django_db
@pytest.mark.parametrize("amount", ["abc", "-1", "0", "9" * 400, "1e999999", "5000.5", "١٢"])
def test_bad_amounts_are_form_errors_not_500(ticket, agent, amount):
    client = _client(agent)
    url = f"/console/compensation/tickets/{ticket.pk}/request/"
    form = {"kind": "fee_refund", "asset": "USDT", "amount": amount, "reason": "r"}

    plain = client.post(url, form)
    htmx = client.post(url, form, HTTP_HX_REQUEST="true")

    assert plain.status_code == 400 and 'id="comp-amount-error"' in plain.content.decode()
    # htmx 2 does not swap a 4xx: the panel with the error comes back 200.
    assert htmx.status_code == 200 and 'aria-invalid="true"' in htmx.content.decode()
    assert not CompensationRequest.objects.exists()


@pytest.mark.django_db
def test_bad_ids_are_404(ticket, agent, holder):
    other_ticket = ticket_open(holder, body="another problem")
    theirs = _ask(other_ticket, agent)
    client = _client(agent)
    cancel = f"/console/compensation/tickets/{ticket.pk}/{theirs.pk}/cancel/"
    assert client.post(cancel).status_code == 404  # another ticket's request
    for bad in ("x", "²", "99999999999999999999999"):
        assert client.post(f"/console/compensation/tickets/{ticket.pk}/{bad}/cancel/").status_code == 404
        assert client.get(f"/console/compensation/tickets/{bad}/panel/").status_code == 404
    assert client.get("/console/compensation/tickets/99999/panel/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "requested"


@pytest.mark.django_db
def test_the_panel_and_queue_need_a_console_session(ticket, customer):
    anonymous = Client()
    assert anonymous.get(f"/console/compensation/tickets/{ticket.pk}/panel/").status_code == 302
    assert anonymous.get("/console/compensation/").status_code == 302
    assert anonymous.post("/console/compensation/1/approve/").status_code == 302


@pytest.mark.django_db
def test_the_queue_is_for_approvers_only(ticket, agent, supervisor, finance):
    made = _ask(ticket, agent)
    refused = _client(agent).get("/console/compensation/")
    assert refused.status_code == 403 and "finance" in refused.content.decode()
    assert _client(agent).post(f"/console/compensation/{made.pk}/approve/").status_code == 403
    for person in (supervisor, finance):
        page = _client(person).get("/console/compensation/")
        assert page.status_code == 200 and f'data-request-id="{made.pk}"' in page.content.decode()
    assert _client(finance).post("/console/compensation/424242/approve/").status_code == 404


@pytest.mark.django_db
def test_the_nav_links_the_queue_for_approvers_only(agent, finance):
    assert 'href="/console/compensation/"' in _client(finance).get("/console/").content.decode()
    assert 'href="/console/compensation/"' not in _client(agent).get("/console/").content.decode()


@pytest.mark.django_db
def test_the_queue_refuses_the_requesters_own_decision(ticket, supervisor, finance):
    made = _ask(ticket, supervisor)
    client = _client(supervisor)
    assert "another person decides" in client.get("/console/compensation/").content.decode()
    refused = client.post(f"/console/compensation/{made.pk}/approve/")
    assert refused.status_code == 403 and "second person" in refused.content.decode()
    reject = _client(finance).post(f"/console/compensation/{made.pk}/reject/", {"note": ""})
    assert reject.status_code == 400 and 'id="compensation-problem"' in reject.content.decode()
    made.refresh_from_db()
    assert made.status == "requested"


def test_approve_from_the_queue_credits_and_shows_it(wallet, ticket, agent, finance):
    made = _ask(ticket, agent)
    client = _client(finance, csrf=True)
    token = _token(client, "/console/compensation/")
    assert client.post(f"/console/compensation/{made.pk}/approve/").status_code == 403  # no CSRF

    done = client.post(
        f"/console/compensation/{made.pk}/approve/", {"csrfmiddlewaretoken": token, "note": "ok"}
    )

    assert done.status_code == 302
    page = client.get(done["Location"]).content.decode()
    assert "approved and credited" in page and f'data-request-id="{made.pk}"' not in page
    again = client.post(f"/console/compensation/{made.pk}/approve/", {"csrfmiddlewaretoken": token})
    assert again.status_code == 409
    assert DemoAction.objects.filter(action="credit").count() == 1


def test_the_assessment_lists_sums_and_prefills_a_remedy(wallet, holder, agent):
    ticket = ticket_open(holder, body="my account was stolen")
    client = _client(agent)
    base = f"/console/compensation/tickets/{ticket.pk}"
    listed = client.get(f"{base}/assess/", {"since": "2000-01-01T00:00"}).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="transfer_ids" value="(\d+)"[^>]*?( disabled)?>', listed)
    assert len(boxes) == 3 and sum(1 for _, off in boxes if off) == 2  # held ones cannot be ticked
    sent = next(i for i, off in boxes if not off)
    held = [i for i, off in boxes if off]

    summed = client.post(f"{base}/assess/", {"since": "2000-01-01T00:00", "transfer_ids": [sent]})
    html = summed.content.decode()
    assert summed.status_code == 200 and 'data-asset="USDT"' in html and 'value="100"' in html

    refused = client.post(f"{base}/assess/", {"since": "2000-01-01T00:00", "transfer_ids": held[:1]})
    assert refused.status_code == 400 and "compensation-assess-problem" in refused.content.decode()
    assert client.get(f"{base}/assess/", {"since": "yesterday"}).status_code == 400

    made = client.post(
        f"{base}/remedy/",
        {
            "since": "2000-01-01T00:00",
            "asset": "USDT",
            "amount": "100",
            "reason": "stolen",
            "transfer_ids": [sent],
        },
    )
    assert made.status_code == 302
    remedy = CompensationRequest.objects.get()
    assert remedy.kind == "theft_remedy" and remedy.assessment["total"] == "100"
    too_much = client.post(
        f"{base}/remedy/",
        {
            "since": "2000-01-01T00:00",
            "asset": "USDT",
            "amount": "150",
            "reason": "x",
            "transfer_ids": [sent],
        },
    )
    assert too_much.status_code == 400


@pytest.mark.django_db
def test_the_queue_and_the_panel_cost_the_same_queries_for_one_request_or_many(ticket, agent, finance):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts() -> tuple[int, int]:
        queue, panel = _client(finance), _client(agent)
        with CaptureQueriesContext(connection) as q_queue:
            assert queue.get("/console/compensation/").status_code == 200
        with CaptureQueriesContext(connection) as q_panel:
            assert panel.get(f"/console/compensation/tickets/{ticket.pk}/panel/").status_code == 200
        return len(q_queue), len(q_panel)

    _ask(ticket, agent)
    one = counts()
    for n in range(5):
        _ask(ticket, agent, amount=str(n + 1))
    assert counts() == one


@pytest.mark.django_db
def test_the_queue_and_the_timeline_note_escape_the_reason(ticket, agent, finance):
    made = _ask(ticket, agent, reason=HOSTILE)
    queue = _client(finance).get("/console/compensation/").content.decode()
    assert "<img src=x" not in queue and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in queue
    page = _client(finance).get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert f"#{made.pk}" in page and "<img src=x" not in page


def test_the_limits_setting_is_parsed_and_refused_when_malformed(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from walletdesk.settings import _env_amounts

    monkeypatch.setenv("WD_TEST_LIMITS", " usdt = 5000 , ETH=2,BTC=0.1 ")
    assert {k: str(v) for k, v in _env_amounts("WD_TEST_LIMITS", "").items()} == {
        "USDT": "5000",
        "ETH": "2",
        "BTC": "0.1",
    }
    for bad in ("USDT", "USDT=", "USDT=-1", "=5", "USDT=abc", "USDT=NaN"):
        monkeypatch.setenv("WD_TEST_LIMITS", bad)
        with pytest.raises(ImproperlyConfigured):
            _env_amounts("WD_TEST_LIMITS", "")
