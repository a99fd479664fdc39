"""Pages a person uses: Verify, official contacts, anti-phishing code, the console review page."""

import json

import pytest

from walletdesk.audit.models import AuditEntry
from walletdesk.verify.models import OfficialChannel, PhishingReport, SupportCheckCode
from walletdesk.verify.services import message_lookalike_warnings, official_contacts_footer, value_verify

pytestmark = pytest.mark.django_db


def sign_in_customer(client, customer):
    session = client.session
    session["wd_customer_id"] = customer.pk
    session.save()


@pytest.fixture
def console_client(client, agent, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(agent)
    return client


def test_verify_page_gives_an_unmistakable_answer_in_both_languages(client, demo_registry):
    en = client.get(
        "/verify/", {"value": "https://dеmowallet.com/login"}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert en.status_code == 200
    assert "Look-alike" in en.content.decode() and "https://demowallet.com" in en.content.decode()
    zh = client.get(
        "/verify/", {"value": "support@demowallet.com"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    assert "官方" in zh and "support@demowallet.com" in zh


def test_verify_page_report_form_creates_a_report(client, demo_registry):
    response = client.post(
        "/verify/?value=demowallet-gift.com",
        {"action": "report", "value": "demowallet-gift.com", "note": "from a DM"},
    )
    assert response.status_code == 200
    report = PhishingReport.objects.get()
    assert (report.value, report.verdict_at_report, report.note) == (
        "demowallet-gift.com",
        "lookalike",
        "from a DM",
    )


def test_verify_page_agent_id_check(client, agent):
    code = agent.agent_profile.agent_code
    assert (
        "is an active support agent"
        in client.get("/verify/", {"agent": code}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    assert (
        "is not one of our agents"
        in client.get("/verify/", {"agent": "FAKE01"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )


def test_check_code_for_signed_in_customer_reaches_the_agent(client, agent_client, customer, demo_registry):
    sign_in_customer(client, customer)
    page = client.post("/verify/", {"action": "check_code"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    code = SupportCheckCode.objects.get(customer_id=str(customer.pk)).code
    assert code in page
    listed = agent_client.get("/api/v1/verify/check-codes", {"customer_id": customer.pk}).json()
    assert [c["code"] for c in listed] == [code]


def test_check_code_needs_a_signed_in_customer(client):
    response = client.post("/verify/", {"action": "check_code"})
    assert response.status_code == 302 and response["Location"].startswith("/support/login/")
    assert (
        client.post("/api/v1/verify/check-codes", data="{}", content_type="application/json").status_code
        == 401
    )


def test_contacts_page_lists_every_channel_the_reader_language_first(client, demo_registry):
    # "Our only official channels" must hold in both languages: a Chinese customer contacted by the
    # English Telegram account has to find it here too, marked with the language it serves.
    en = client.get("/contact/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    zh = client.get("/contact/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for page in (en, zh):
        assert "@DemoWalletSupport" in page and "DemoWallet_CN" in page and "support@demowallet.com" in page
    assert en.index("@DemoWalletSupport") < en.index("DemoWallet_CN")
    assert zh.index("DemoWallet_CN") < zh.index("@DemoWalletSupport")
    assert "English" in zh and "简体中文" in en


def test_check_code_asks_a_signed_out_customer_to_sign_in(client):
    page = client.get("/verify/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sign in to get a one-time check code" in page and 'value="check_code"' not in page
    sign_in_page = client.get("/support/login/?next=/verify/", HTTP_ACCEPT_LANGUAGE="en")
    assert sign_in_page.status_code == 200 and "Email me a sign-in link" in sign_in_page.content.decode()
    assert "invalid" not in sign_in_page.content.decode().lower()


def test_anti_phishing_code_is_saved_and_bad_codes_are_refused(client, customer):
    sign_in_customer(client, customer)
    assert client.post("/verify/anti-phishing/", {"code": "x"}).status_code == 400
    assert client.post("/verify/anti-phishing/", {"code": "Panda2024"}).status_code == 302
    customer.refresh_from_db()
    assert customer.anti_phishing_code == "Panda2024"


def test_console_review_confirms_and_audits(console_client, agent, demo_registry):
    report = PhishingReport.objects.create(
        value="wallet-drop.example.org", kind="website", canonical="wallet-drop.example.org"
    )
    page = console_client.get("/console/verify/")
    assert page.status_code == 200 and "wallet-drop.example.org" in page.content.decode()
    console_client.post("/console/verify/", {"action": "confirm", "report_id": report.pk})
    assert value_verify(value="wallet-drop.example.org").known_phishing
    assert AuditEntry.objects.filter(action="verify.report_confirm", actor=agent).exists()


def test_console_channel_add_and_remove_are_audited(client, supervisor, demo_registry, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(supervisor)
    console_client = client
    console_client.post(
        "/console/verify/",
        {
            "action": "add",
            "brand": "DemoWallet",
            "kind": "website",
            "value": "demowallet.io",
            "label": "mirror",
        },
    )
    assert value_verify(value="demowallet.io").verdict == "official"
    channel = OfficialChannel.objects.get(value="demowallet.io")
    console_client.post("/console/verify/", {"action": "remove", "channel_id": channel.pk})
    assert value_verify(value="demowallet.io").verdict == "lookalike"
    actions = list(
        AuditEntry.objects.filter(action__startswith="verify.channel").values_list("action", flat=True)
    )
    assert sorted(actions) == ["verify.channel_add", "verify.channel_remove"]


def test_console_needs_an_agent(client, outsider):
    assert client.get("/console/verify/").status_code == 302
    client.force_login(outsider)
    assert client.get("/console/verify/").status_code == 302


def test_lookalike_chips_with_a_one_click_reply(console_client, demo_registry):
    warnings = message_lookalike_warnings(text="他们让我加 @DemoWallet_Support", locale="zh-hans")
    assert warnings[0]["chip"] == "仿冒" and "@DemoWalletSupport" in warnings[0]["reply"]
    assert "助记词" in warnings[0]["reply"]
    html = console_client.get(
        "/console/verify/lookalikes/", {"text": "go to demowallet.com.evil.io", "locale": "en"}
    )
    assert "Look-alike" in html.content.decode() and "data-reply" in html.content.decode()


def test_email_footer_points_to_contacts_and_verify():
    assert "/contact/" in official_contacts_footer(locale="en")
    assert "助记词" in official_contacts_footer(locale="zh-hans")


def test_api_check_code_for_customer_token(customer_client, customer):
    created = customer_client.post(
        "/api/v1/verify/check-codes", data=json.dumps({"ticket_id": "42"}), content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["ticket_id"] == "42"
    assert len(created.json()["code"]) == 6


def test_admin_change_is_audited_and_validated(client, demo_registry, settings):
    from django.contrib.auth import get_user_model

    settings.WALLETDESK_REQUIRE_2FA = False
    admin_user = get_user_model().objects.create_superuser("root", "root@example.com", "root-pass-123")
    client.force_login(admin_user)
    brand_id = OfficialChannel.objects.first().brand_id
    bad = client.post(
        "/admin/verify/officialchannel/add/", {"brand": brand_id, "kind": "email", "value": "nope"}
    )
    assert bad.status_code == 200 and "not an email address" in bad.content.decode()
    good = client.post(
        "/admin/verify/officialchannel/add/",
        {"brand": brand_id, "kind": "website", "value": "demowallet.org", "label": "", "locale": ""},
    )
    assert good.status_code == 302
    assert value_verify(value="demowallet.org").verdict == "official"
    assert AuditEntry.objects.filter(action="verify.admin_add").exists()


def test_ticket_side_panel_shows_the_agents_own_id(console_client, agent):
    from django.template.loader import render_to_string

    html = render_to_string("verify/_ticket_panel.html", {"user": agent}, request=None)
    assert agent.agent_profile.agent_code in html
