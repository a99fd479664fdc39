"""A theft victim who cannot sign in reports it from /support/urgent/: an urgent theft ticket for the
security team, the account only a claim, replies by email, and the steps and official contacts at once."""

import pytest

from tests.conftest import jwt_for
from tests.wallet.conftest import theft_category_create
from walletdesk.accounts.models import Customer
from walletdesk.tickets.models import Channel, Ticket

pytestmark = pytest.mark.django_db

REPORT = {
    "account": "uid-alice",
    "email": "Alice.Backup@Example.net",
    "phone": "+44 7911 123456",
    "body": "Someone changed my email and withdrew 2,000 USDT to TXRmPzqkBimJWrgBgJWX9aXCzD7TPasJ6Z at 03:12.",
    "submission": "a" * 32,
}


@pytest.fixture
def theft(team):
    return theft_category_create(team)


@pytest.fixture
def official(db):
    from walletdesk.verify.models import Brand, OfficialChannel

    brand = Brand.objects.create(name="DemoWallet")
    OfficialChannel.objects.create(
        brand=brand, kind="phone", value="+86 400 820 8820", label="24/7 hotline", locale="zh-hans"
    )  # a hotline in Chinese still freezes an English speaker's account: shown to both
    OfficialChannel.objects.create(brand=brand, kind="telegram", value="@demowallet_en", locale="en")
    OfficialChannel.objects.create(brand=brand, kind="telegram", value="@demowallet_support")
    OfficialChannel.objects.create(brand=brand, kind="website", value="demowallet.example")


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "Report a stolen account"), ("zh-hans", "安全团队会立即收到这份报告")],
)
def test_signed_out_the_form_opens_with_the_steps_and_official_contacts(client, official, language, says):
    page = client.get("/support/urgent/", HTTP_ACCEPT_LANGUAGE=language)
    text = page.content.decode()
    assert page.status_code == 200 and says in text
    assert "+86 400 820 8820" in text and "@demowallet_support" in text and "@demowallet_en" in text
    assert "demowallet.example" not in text  # a website cannot freeze anything: phone, Telegram, email


def test_the_sign_in_page_and_the_home_page_lead_there(client, theft):
    assert 'href="/support/urgent/"' in client.get("/support/new/?category=account_theft").content.decode()
    assert 'href="/support/urgent/"' in client.get("/support/").content.decode()


def test_a_report_opens_an_urgent_theft_ticket_for_the_security_team(
    client, customer, theft, monkeypatch, django_capture_on_commit_callbacks
):
    from walletdesk.tickets import automation, events

    alerts = []
    monkeypatch.setattr(events, "publish_security_alert", lambda ticket: alerts.append(ticket.pk))
    monkeypatch.setattr(automation.events, "publish_security_alert", lambda ticket: alerts.append(ticket.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/support/urgent/", REPORT)
    assert response.status_code == 302 and response["Location"] == "/support/urgent/sent/"
    ticket = Ticket.objects.get(category=theft)
    assert ticket.priority == "urgent" and ticket.channel == Channel.EMAIL
    assert ticket.intake == {
        "claimed_account": "uid-alice",
        "reply_email": "alice.backup@example.net",
        "phone": "+447911123456",
    }
    assert alerts == [ticket.pk]
    # The account named is a claim: the ticket is not the named customer's, nor are theirs the reporter's.
    assert ticket.customer != customer and not ticket.customer.wallet_uid and not ticket.customer.email
    sent = client.get("/support/urgent/sent/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ticket.reference in sent and f'href="/support/tickets/{ticket.pk}/"' in sent
    assert client.get(f"/support/tickets/{ticket.pk}/").status_code == 200
    assert client.get("/support/tickets/").content.decode().count("/support/tickets/") >= 1


def test_the_agent_sees_the_account_as_unverified(client, theft):
    client.post("/support/urgent/", REPORT)
    ticket = Ticket.objects.get(category=theft)
    from django.utils import translation

    from walletdesk.tickets.timeline import intake_rows

    with translation.override("en"):
        rows = dict(intake_rows(ticket.intake, ticket.category, "en"))
    assert rows["Account named (identity not verified)"] == "uid-alice"
    with translation.override("zh-hans"):
        assert (
            dict(intake_rows(ticket.intake, ticket.category, "zh-hans"))["所报账户（身份未核实）"]
            == "uid-alice"
        )


def test_a_resent_form_is_one_ticket_and_a_second_report_another(client, theft):
    client.post("/support/urgent/", REPORT)
    client.post("/support/urgent/", REPORT)
    assert Ticket.objects.filter(category=theft).count() == 1
    client.post("/support/urgent/", {**REPORT, "submission": "b" * 32})
    tickets = Ticket.objects.filter(category=theft)
    assert tickets.count() == 2 and len({t.customer_id for t in tickets}) == 1


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"account": "  "}, "account", "Enter the account"),
        ({"account": "x" * 201}, "account", "Keep it under 200 characters"),
        ({"email": "not-an-email"}, "email", "Enter an email address you can read now"),
        ({"phone": "12"}, "phone", "Enter a phone number we can call"),
        ({"body": ""}, "body", "Tell us briefly what happened"),
        ({"body": "x" * 2001}, "body", "Keep it under 2000 characters"),
    ],
)
def test_bad_input_is_named_beside_its_field_and_nothing_typed_is_lost(client, theft, changes, field, says):
    response = client.post("/support/urgent/", {**REPORT, **changes}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 400
    assert f'id="urgent-{field}-error"' in page and says in page
    assert "TXRmPzqkBimJWrgBgJWX9aXCzD7TPasJ6Z" in page or field == "body"
    assert not Ticket.objects.exists()


def test_a_seed_phrase_in_the_report_is_not_stored(client, theft):
    phrase = "abandon " * 11 + "about"
    client.post("/support/urgent/", {**REPORT, "body": f"they asked for my words: {phrase}"})
    ticket = Ticket.objects.get(category=theft)
    assert "abandon abandon" not in ticket.messages.get().body


def test_the_page_is_rate_limited(client, theft, settings):
    from django.core.cache import cache

    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    cache.clear()
    codes = [
        client.post("/support/urgent/", {**REPORT, "submission": f"{i:032x}"}).status_code for i in range(11)
    ]
    assert codes[:10] == [302] * 10 and codes[10] == 429
    refused = client.post("/support/urgent/", {**REPORT, "submission": "f" * 32})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


def test_a_signed_in_customer_gets_the_usual_theft_form(client, customer, theft):
    client.get(f"/support/login/?token={jwt_for(customer)}")
    response = client.get("/support/urgent/")
    assert response.status_code == 302 and response["Location"] == "/support/new/?category=account_theft"


def test_the_sent_page_shows_nothing_without_a_report(client):
    assert client.get("/support/urgent/sent/")["Location"] == "/support/urgent/"
    assert not Customer.objects.exists()
