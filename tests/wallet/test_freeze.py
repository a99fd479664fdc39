"""The stolen-account freeze: a customer freezes their own account, agents freeze, supervisors
unfreeze; all through the real connector against the demo backend over HTTP (live server)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import jwt_for
from walletdesk.accounts.models import Customer
from walletdesk.audit.models import AuditEntry
from walletdesk.chain.devnet.anvil import free_port
from walletdesk.tickets.models import Message, Priority, Status, Ticket
from walletdesk.tickets.services import ticket_create_by_customer
from walletdesk.wallet.models import DemoAccount
from walletdesk.wallet.services import (
    DEMO_UID,
    account_freeze_by_customer,
    account_unfreeze_by_agent,
)


@pytest.fixture
def victim(wallet) -> Customer:
    return Customer.objects.create(wallet_uid=DEMO_UID, name="Victim", email="v@example.com", locale="en")


def _theft_ticket(customer: Customer, theft) -> Ticket:
    return ticket_create_by_customer(
        customer=customer,
        channel="web",
        body="someone logged in and withdrew all my USDT",
        category=theft,
        intake={"account": "v@example.com"},
    ).ticket


def _backend_status(uid: str = DEMO_UID) -> str:
    return DemoAccount.objects.get(uid=uid).status


def _portal(client: Client, customer: Customer) -> Client:
    session = client.session
    session["wd_customer_id"] = customer.pk
    session.save()
    return client


def test_customer_freeze_freezes_makes_urgent_notes_and_audits_once(victim, theft):
    ticket = _theft_ticket(victim, theft)
    Ticket.objects.filter(pk=ticket.pk).update(priority=Priority.NORMAL)

    result = account_freeze_by_customer(customer=victim, locale="en", channel="web", ticket=ticket)
    again = account_freeze_by_customer(customer=victim, locale="en", channel="web", ticket=ticket)

    assert (result.state, again.state) == ("frozen", "already_frozen")
    assert _backend_status() == "frozen"
    ticket.refresh_from_db()
    assert ticket.priority == Priority.URGENT
    notes = Message.objects.filter(ticket=ticket, is_internal=True, body__contains="froze their wallet")
    assert notes.count() == 1
    assert list(AuditEntry.objects.values_list("action", "target")) == [
        ("wallet.freeze", f"wallet:{DEMO_UID}")
    ]


def test_customer_freeze_without_a_ticket_opens_an_urgent_theft_ticket(victim, theft):
    result = account_freeze_by_customer(customer=victim, locale="zh-hans", channel="web")

    assert result.state == "frozen"
    assert result.ticket.category.slug == "account_theft" and result.ticket.priority == Priority.URGENT
    assert account_freeze_by_customer(customer=victim, locale="en", channel="web").ticket == result.ticket


def test_backend_down_asks_support_to_freeze_by_hand(victim, theft, settings):
    ticket = _theft_ticket(victim, theft)
    Ticket.objects.filter(pk=ticket.pk).update(priority=Priority.HIGH)
    settings.WALLETDESK_WALLET_URL = f"http://127.0.0.1:{free_port()}/api"

    result = account_freeze_by_customer(customer=victim, locale="en", channel="web", ticket=ticket)

    assert result.state == "manual" and "cannot be reached" in result.problem
    ticket.refresh_from_db()
    assert ticket.priority == Priority.URGENT
    assert Message.objects.filter(
        ticket=ticket, is_internal=True, body__contains="Freeze it by hand"
    ).exists()
    assert AuditEntry.objects.filter(action="wallet.freeze_failed").count() == 1
    assert _backend_status() == "active"


def test_portal_freeze_needs_csrf_and_freezes_only_the_signed_in_customer(victim, theft, other_customer):
    other_customer.wallet_uid = "demo-uid-2002"
    other_customer.save()
    theirs = _theft_ticket(other_customer, theft)
    client = _portal(Client(enforce_csrf_checks=True), victim)

    page = client.get("/support/account/freeze/")
    assert page.status_code == 200 and "freeze-confirm-button" in page.content.decode()
    assert client.post("/support/account/freeze/").status_code == 403  # no CSRF token
    token = (
        page.cookies["csrftoken"].value if "csrftoken" in page.cookies else client.cookies["csrftoken"].value
    )
    # Another customer's ticket is not found, and nothing is frozen.
    assert (
        client.post(
            "/support/account/freeze/", {"ticket": theirs.pk, "csrfmiddlewaretoken": token}
        ).status_code
        == 404
    )
    assert _backend_status() == "active"

    done = client.post("/support/account/freeze/", {"csrfmiddlewaretoken": token, "uid": "demo-uid-2002"})

    assert done.status_code == 200 and 'data-state="frozen"' in done.content.decode()
    assert _backend_status() == "frozen"
    assert (
        not Ticket.objects.filter(customer=other_customer, priority=Priority.URGENT)
        .exclude(pk=theirs.pk)
        .exists()
    )


def test_portal_theft_ticket_shows_urgency_response_time_and_freeze_button(victim, theft, client):
    ticket = _theft_ticket(victim, theft)
    page = (
        _portal(client, victim)
        .get(f"/support/tickets/{ticket.pk}/", HTTP_ACCEPT_LANGUAGE="en")
        .content.decode()
    )

    assert 'id="theft-urgent"' in page and 'id="freeze-button"' in page
    assert "We usually answer within 10 minutes" in page
    assert "/help/en/a/stolen-account-en/" in page

    account_freeze_by_customer(customer=victim, locale="en", channel="web", ticket=ticket)
    page = client.get(f"/support/tickets/{ticket.pk}/").content.decode()
    assert 'id="account-frozen"' in page and 'id="freeze-button"' not in page


def _console(client: Client, user, settings) -> Client:
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(user)
    return client


def test_agent_freezes_but_only_a_supervisor_unfreezes(victim, theft, agent, supervisor, settings):
    ticket = _theft_ticket(victim, theft)
    Ticket.objects.filter(pk=ticket.pk).update(team=agent.agent_profile.teams.first())
    client = _console(Client(), agent, settings)

    assert (
        client.post(
            f"/console/wallet/tickets/{ticket.pk}/freeze/", {"reason": ""}, HTTP_HX_REQUEST="true"
        ).status_code
        == 400
    )
    frozen = client.post(
        f"/console/wallet/tickets/{ticket.pk}/freeze/", {"reason": "reported stolen"}, HTTP_HX_REQUEST="true"
    )
    assert frozen.status_code == 200 and _backend_status() == "frozen"
    refused = client.post(
        f"/console/wallet/tickets/{ticket.pk}/unfreeze/", {"reason": "id checked"}, HTTP_HX_REQUEST="true"
    )
    assert refused.status_code == 403 and _backend_status() == "frozen"

    boss = _console(Client(), supervisor, settings)
    assert (
        boss.post(f"/console/wallet/tickets/{ticket.pk}/unfreeze/", {"reason": "id checked"}).status_code
        == 302
    )
    assert _backend_status() == "active"
    assert list(AuditEntry.objects.order_by("id").values_list("action", "actor_label")) == [
        ("wallet.freeze", "agent1"),
        ("wallet.unfreeze", "super1"),
    ]


def test_unfreeze_service_refuses_an_agent(victim, theft, agent):
    from walletdesk.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        account_unfreeze_by_agent(ticket=_theft_ticket(victim, theft), agent=agent, reason="asked")


def test_api_freeze_needs_a_token_is_rate_limited_and_freezes(victim, theft, client, settings):
    url = "/api/v1/customer/account/freeze"
    assert client.post(url, content_type="application/json").status_code == 401

    auth = {"HTTP_AUTHORIZATION": f"Bearer {jwt_for(victim)}"}
    first = client.post(url, {}, content_type="application/json", **auth)
    assert first.status_code == 200, first.content
    assert first.json()["state"] == "frozen" and first.json()["account_status"] == "frozen"
    assert _backend_status() == "frozen"

    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    codes = [client.post(url, {}, content_type="application/json", **auth).status_code for _ in range(6)]
    assert codes[0] == 200 and codes[-1] == 429


def test_every_portal_ticket_shows_the_expected_first_response_until_an_agent_answers(
    client, customer, category, agent
):
    from walletdesk.tickets import outbox

    ticket = ticket_create_by_customer(
        customer=customer,
        channel="web",
        body="deposit missing",
        category=category,
        intake={"txid": "0x" + "ab" * 32},
    ).ticket
    url = f"/support/tickets/{ticket.pk}/"
    page = _portal(client, customer).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We usually answer within 4 hours; expected by" in page and 'id="theft-status"' not in page

    outbox.send(ticket=ticket, author=agent, body="Looking into it")
    assert 'id="first-response"' not in client.get(url).content.decode()


def test_the_seed_phrase_warning_offers_the_freeze(client, victim, category):
    words = "legal winner thank year wave sausage worth useful legal winner thank yellow"
    response = _portal(client, victim).post(
        "/support/new/",
        {"category": "deposit", "intake_txid": "0x" + "ab" * 32, "body": f"my phrase is {words}"},
    )
    page = client.get(response["Location"]).content.decode()
    assert 'id="secret-warning"' in page and 'id="secret-freeze-button"' in page


def test_a_freeze_from_a_closed_ticket_lands_on_an_open_theft_ticket(victim, theft, settings):
    closed = _theft_ticket(victim, theft)
    Ticket.objects.filter(pk=closed.pk).update(status=Status.CLOSED)
    closed.refresh_from_db()
    settings.WALLETDESK_WALLET_URL = f"http://127.0.0.1:{free_port()}/api"  # must be done by hand

    result = account_freeze_by_customer(customer=victim, locale="en", channel="web", ticket=closed)

    assert result.state == "manual" and result.ticket != closed
    assert result.ticket.status in (Status.NEW, Status.OPEN) and result.ticket.priority == Priority.URGENT
    assert not Message.objects.filter(ticket=closed, body__contains="Freeze it by hand").exists()
