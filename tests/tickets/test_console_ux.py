"""Console and portal fixes from the user test (issue 3): search, labels, timeline, reply errors,
times, seed-phrase warning, field errors."""

import re
from datetime import UTC, datetime

import pytest
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.conftest import jwt_for
from tests.tickets.test_pages import login_agent
from walletdesk.tickets import outbox, services
from walletdesk.tickets.errors import MessageTooLong
from walletdesk.tickets.models import EventKind, TicketEvent
from walletdesk.tickets.services import ticket_create_by_customer

pytestmark = pytest.mark.django_db

TXID = "0x7c3f0e5b9a6d4c2e8f1a0b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e"
TRON_ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


@pytest.fixture
def signed_in(client, agent):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    login_agent(client, agent, "agent-pass-123")
    return client


def _create(customer, category, body="充值没有到账", subject="USDT 充值未到账", **intake):
    return ticket_create_by_customer(
        customer=customer,
        channel="web",
        body=body,
        category=category,
        subject=subject,
        intake={"txid": intake.pop("txid", "0x" + "cd" * 32), **intake},
    ).ticket


def _rows(client, query):
    page = client.get("/console/", {"q": query, **({} if "view" in query else {})}).content.decode()
    return set(re.findall(r'data-ticket-id="(\d+)"', page))


# --- 1 search ---------------------------------------------------------------------------------
def test_search_finds_an_intake_txid_in_every_view(signed_in, customer, category):
    ticket = _create(customer, category, txid=TXID, network="TRC20")
    _create(customer, category, txid="0x" + "1" * 64)
    for view in ("all", "open"):
        page = signed_in.get("/console/", {"view": view, "q": TXID}).content.decode()
        assert re.findall(r'data-ticket-id="(\d+)"', page) == [str(ticket.pk)], view


def test_search_finds_a_customer_by_wallet_uid_and_email(signed_in, customer, other_customer, category):
    alices = _create(customer, category)
    bobs = _create(other_customer, category)
    assert _rows(signed_in, "uid-alice") == {str(alices.pk)}
    assert _rows(signed_in, "bob@example.com") == {str(bobs.pk)}
    assert _rows(signed_in, "BOB@example.com") == {str(bobs.pk)}


def test_search_finds_an_address_an_agent_wrote(signed_in, agent, customer, category):
    ticket = _create(customer, category)
    outbox.send(ticket=ticket, author=agent, body=f"Please send it to {TRON_ADDRESS} again")
    assert _rows(signed_in, TRON_ADDRESS) == {str(ticket.pk)}


def test_text_search_in_the_default_view_finds_solved_tickets(signed_in, agent, customer, category):
    solved = _create(customer, category, body="充值一直没有到账")
    services.ticket_status_set(ticket=solved, status="solved", by=agent)
    browse = signed_in.get("/console/").content.decode()
    assert f'data-ticket-id="{solved.pk}"' not in browse  # browsing the default view: open only
    assert _rows(signed_in, "充值") == {str(solved.pk)}
    assert _rows(signed_in, solved.reference) == {str(solved.pk)}


def test_search_queries_do_not_grow_with_matches(signed_in, customer, category):
    from django.core.cache import cache
    from django.db import connection

    from walletdesk.tickets.selectors import categories_forget

    def caches_cold() -> None:
        cache.clear()
        categories_forget()  # and the process's copies (categories, console choices)

    _create(customer, category)
    caches_cold()
    with CaptureQueriesContext(connection) as one:
        signed_in.get("/console/", {"q": "uid-alice"})
    for _ in range(6):
        _create(customer, category)
    caches_cold()
    with CaptureQueriesContext(connection) as many:
        signed_in.get("/console/", {"q": "uid-alice"})
    assert len(many.captured_queries) == len(one.captured_queries)


# --- 2 labels ----------------------------------------------------------------------------------
def test_console_ticket_shows_labels_not_codes_in_chinese(client, agent, customer, category):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "zh-hans"
    login_agent(client, agent, "agent-pass-123")
    ticket = _create(customer, category, txid=TXID, network="TRC20")
    client.post(
        f"/console/tickets/{ticket.pk}/fields/",
        {"status": "solved", "priority": "high", "category": "deposit", "team": "support", "tags": ""},
    )
    page = client.get(f"/console/tickets/{ticket.pk}/").content.decode()
    timeline = page[page.index('id="timeline"') :].split("</ul>")[0]
    assert "→ solved" not in timeline and "→ high" not in timeline
    assert "已解决" in timeline and "高" in timeline
    intake = page[page.index('class="small intake"') :].split("</table>")[0]
    assert "交易哈希" in intake and "网络" in intake
    assert "<th>txid</th>" not in intake and "<th>network</th>" not in intake
    assert "充值问题" in page


# --- 3 sidebar, reply event, empty reply ------------------------------------------------------
def test_saving_the_sidebar_logs_only_what_changed(signed_in, agent, customer, category):
    ticket = _create(customer, category)
    TicketEvent.objects.filter(ticket=ticket).delete()
    signed_in.post(
        f"/console/tickets/{ticket.pk}/fields/",
        {
            "status": "on_hold",
            "priority": ticket.priority,
            "category": "deposit",
            "team": "support",
            "tags": "",
        },
    )
    kinds = list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", flat=True))
    assert kinds == [EventKind.STATUS]


def test_a_public_reply_is_on_the_timeline(signed_in, customer, category):
    ticket = _create(customer, category)
    signed_in.post(f"/console/tickets/{ticket.pk}/", {"action": "reply", "body": "We are checking."})
    event = TicketEvent.objects.filter(ticket=ticket, kind=EventKind.REPLY).get()
    page = signed_in.get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert f'href="#m{event.data["message_id"]}"' in page


def test_an_empty_reply_stays_on_the_ticket_page_with_the_error_by_the_field(signed_in, customer, category):
    ticket = _create(customer, category)
    page = signed_in.get(f"/console/tickets/{ticket.pk}/").content.decode()
    form = re.search(r'<form[^>]*id="reply-form"[^>]*>', page).group(0)
    assert f'action="/console/tickets/{ticket.pk}/"' in form  # posts to the ticket's own address
    response = signed_in.post(f"/console/tickets/{ticket.pk}/", {"action": "reply", "body": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="reply-body-error"' in html and "The message is empty." in html
    assert 'aria-invalid="true"' in html
    typed = signed_in.post(f"/console/tickets/{ticket.pk}/", {"action": "note", "body": "x" * 20001})
    assert "x" * 20001 in typed.content.decode()  # what was typed comes back


# --- 4 times -------------------------------------------------------------------------------
def test_times_are_machine_readable_utc_with_the_zone_shown(signed_in, customer, category, settings):
    ticket = _create(customer, category)
    stamp = datetime(2026, 11, 26, 9, 27, tzinfo=UTC)
    type(ticket).objects.filter(pk=ticket.pk).update(created_at=stamp, last_message_at=stamp)
    page = signed_in.get(f"/console/tickets/{ticket.pk}/").content.decode()
    assert '<time datetime="2026-11-26T09:27:00Z" data-local="datetime">2026-11-26 17:27 UTC+8</time>' in page
    inbox = signed_in.get("/console/?view=all").content.decode()
    assert (
        '<time datetime="2026-11-26T09:27:00Z" data-local="datetime">2026-11-26 17:27 UTC+8</time>' in inbox
    )
    assert "core/localtime.js" in inbox and "core/favicon.svg" in inbox


def test_portal_times_carry_the_zone(client, customer, category):
    client.get(f"/support/login/?token={jwt_for(customer)}")
    ticket = _create(customer, category)
    page = client.get(f"/support/tickets/{ticket.pk}/").content.decode()
    assert re.search(r'<time datetime="[0-9T:-]+Z" data-local="datetime">[0-9 :-]+ UTC\+8</time>', page)
    assert "core/localtime.js" in page


# --- 6 portal ------------------------------------------------------------------------------
SEED = "abandon " * 11 + "about"


def test_the_leak_warning_is_on_the_page_right_after_sending_a_seed_phrase(client, customer, category):
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = False  # the worker has not posted its automatic warning yet
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.get(f"/support/login/?token={jwt_for(customer)}")
    created = client.post(
        "/support/new/",
        {"category": "deposit", "body": f"my phrase is {SEED}", "intake_txid": "0x" + "ab" * 32},
        follow=True,
    )
    page = created.content.decode()
    assert 'id="secret-warning"' in page
    assert 'category=account_theft" rel=' in page  # the theft-report link is a link, not text
    assert "Treat it as leaked" in page  # the note on the message itself
    again = client.get(created.redirect_chain[-1][0]).content.decode()
    assert 'id="secret-warning"' not in again  # shown once; the note on the message stays
    assert "Treat it as leaked" in again


def test_portal_form_errors_sit_by_the_field(client, customer, category):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.get(f"/support/login/?token={jwt_for(customer)}")
    response = client.post(
        "/support/new/", {"category": "deposit", "body": "  ", "intake_txid": "0x" + "ab" * 32}
    )
    html = response.content.decode()
    assert response.status_code == 400
    body_at = html.index('id="body"')
    assert 'id="body-error"' in html[body_at : body_at + 400]
    missing = client.post("/support/new/", {"category": "deposit", "body": "hello"}).content.decode()
    field_at = missing.index('id="intake_txid"')
    assert 'id="intake_txid-error"' in missing[field_at : field_at + 400]
    ticket = _create(customer, category)
    reply = client.post(f"/support/tickets/{ticket.pk}/", {"body": " "})
    assert reply.status_code == 400 and 'id="body-error"' in reply.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_too_long_new_request_says_so_once_beside_the_message(client, customer, category, language):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    client.get(f"/support/login/?token={jwt_for(customer)}")
    response = client.post(
        "/support/new/", {"category": "deposit", "body": "x" * 20_001, "intake_txid": "0x" + "ab" * 32}
    )
    html = response.content.decode()
    with translation.override(language):
        message = MessageTooLong().message
    assert response.status_code == 400 and html.count(str(message)) == 1
    assert 'id="body-error"' in html[html.index('id="body"') :]
    assert 'aria-describedby="body-error" autofocus' in html  # the page opens at the message box


# --- 7 console header ------------------------------------------------------------------------
def test_console_hello_counts_the_agent_its_status_calls_online(agent):
    from datetime import timedelta

    from django.utils import timezone

    from walletdesk.accounts.models import AgentProfile, Presence
    from walletdesk.tickets.consumers import _console_hello

    # Online by choice, but the last heartbeat is older than the presence TTL (console was closed).
    AgentProfile.objects.filter(user=agent).update(
        presence=Presence.ONLINE, presence_at=timezone.now() - timedelta(hours=2)
    )
    agent.refresh_from_db()
    hello = _console_hello(agent)
    assert hello["presence"] == "online" and hello["agents_online"] == 1
    AgentProfile.objects.filter(user=agent).update(presence=Presence.OFFLINE)
    agent = type(agent).objects.get(pk=agent.pk)
    hello = _console_hello(agent)
    assert hello["presence"] == "offline" and hello["agents_online"] == 0


def test_pages_name_a_favicon(client):
    page = client.get("/support/").content.decode()
    assert 'rel="icon"' in page and "core/favicon.svg" in page


def test_a_txid_that_is_not_a_hash_says_so_beside_the_field(client, customer, category):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.get(f"/support/login/?token={jwt_for(customer)}")
    response = client.post("/support/new/", {"category": "deposit", "body": "hello", "intake_txid": "TRC20"})
    html = response.content.decode()
    field_at = html.index('id="intake_txid-error"')
    assert "does not look like a transaction hash" in html[field_at : field_at + 300]
    assert "This field is required." not in html
    assert 'value="TRC20"' in html  # what was typed is kept


def test_the_start_page_offers_a_call_back(client):
    assert 'href="/support/callback/"' in client.get("/support/").content.decode()
