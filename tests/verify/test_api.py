"""Verify API: public check, contacts, reports → agent review → known phishing, agent ID check."""

import json

import pytest

from walletdesk.verify.models import PhishingReport
from walletdesk.verify.services import text_find_lookalikes, value_verify

pytestmark = pytest.mark.django_db


def post_json(client, url, data, **extra):
    return client.post(url, data=json.dumps(data), content_type="application/json", **extra)


def test_public_verify_answers_in_both_languages(client, demo_registry):
    body = client.get("/api/v1/verify", {"value": "https://demowallet.com.evil.io/login"}).json()
    assert body["verdict"] == "lookalike" and body["brand"] == "DemoWallet"
    assert (
        "evil.io" in body["reason_zh"] and "seed phrase" in body["advice"] and "助记词" in body["advice_zh"]
    )


def test_public_verify_blank_value_is_a_400(client, demo_registry):
    response = client.get("/api/v1/verify", {"value": " "})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "verify_value_invalid"


def test_public_verify_is_rate_limited_per_ip(client, demo_registry, settings):
    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    settings.WALLETDESK_RATE_LIMIT_PUBLIC = 3
    codes = [client.get("/api/v1/verify", {"value": "demowallet.com"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other = client.get("/api/v1/verify", {"value": "demowallet.com"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_official_channels_endpoint(client, demo_registry):
    rows = client.get("/api/v1/official-channels").json()
    assert {
        "brand": "DemoWallet",
        "kind": "x",
        "value": "@DemoWallet",
        "label": "X (Twitter)",
        "label_zh": "X（推特）",
        "locale": "",
    } in rows


def test_report_then_confirm_makes_it_known_phishing(client, agent_client, demo_registry, agent):
    created = post_json(
        client,
        "/api/v1/verify/reports",
        {"value": "https://wallet-gift.example.net/claim", "note": "sent to me on Telegram"},
    )
    assert created.status_code == 201, created.content
    assert value_verify(value="wallet-gift.example.net").verdict == "unknown"
    report_id = created.json()["id"]
    assert [r["id"] for r in agent_client.get("/api/v1/verify/reports").json()] == [report_id]
    confirmed = agent_client.post(f"/api/v1/verify/reports/{report_id}/confirm")
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    verdict = value_verify(value="http://login.wallet-gift.example.net/")
    assert verdict.verdict == "lookalike" and verdict.known_phishing
    again = agent_client.post(f"/api/v1/verify/reports/{report_id}/confirm")
    assert again.status_code == 409


def test_official_value_cannot_be_reported(client, demo_registry):
    response = post_json(client, "/api/v1/verify/reports", {"value": "support@demowallet.com"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "report_official_value"
    assert not PhishingReport.objects.exists()


def test_review_needs_an_agent(client, demo_registry):
    assert client.get("/api/v1/verify/reports").status_code == 401
    assert client.post("/api/v1/verify/reports/1/confirm").status_code == 401


def test_unknown_report_is_a_404(agent_client, demo_registry):
    assert agent_client.post("/api/v1/verify/reports/999/reject").status_code == 404


def test_agent_id_check_accepts_only_active_agents(client, agent):
    code = agent.agent_profile.agent_code
    assert client.get(f"/api/v1/verify/agents/{code}").json()["active"] is True
    assert client.get("/api/v1/verify/agents/NOPE123").json()["active"] is False
    agent.is_active = False
    agent.save()
    assert client.get(f"/api/v1/verify/agents/{code}").json()["active"] is False


def test_text_find_lookalikes_in_a_customer_message(demo_registry):
    text = (
        "客服 @DemoWallet_Support 让我去 https://demowallet.com.verify-id.top 验证，"
        "还说官网是 https://demowallet.com，邮箱 support@demowallet.com"
    )
    found = text_find_lookalikes(text=text)
    assert [v.kind for v in found] == ["telegram", "website"]
    assert all(v.verdict == "lookalike" for v in found)
    assert text_find_lookalikes(text="hello, my deposit is missing") == []
