"""What a customer pastes into Verify stays out of URLs, logs, reports and caches: the check is a POST
with CSRF; a ?value= link answers only what a URL may carry harmlessly; a pasted secret is neither
judged, echoed, stored nor logged."""

import io
import json
import logging
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.test import Client

from walletdesk.verify.models import PhishingReport

pytestmark = pytest.mark.django_db

SEED = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
WIF = "5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3"
EVM = "0x52908400098527886E0F7030069857D2E4169EE7"
PHONE = "+44 20 7946 0958"


def post_json(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def test_the_check_form_posts_with_a_csrf_token_and_no_value_in_its_address(client):
    page = client.get("/verify/").content.decode()
    form = page.split('id="verify-form"')[1].split("</form>")[0]
    opening = page.split('id="verify-form"')[0].rsplit("<form", 1)[1]
    assert 'method="post"' in opening and 'action="/verify/"' in opening
    assert "csrfmiddlewaretoken" in form and 'name="value"' in form
    assert 'method="get"' not in page.split('id="agent-check"')[0]  # only the agent-ID check is a GET


def test_a_check_without_the_csrf_token_is_refused():
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/verify/", {"action": "check", "value": EVM}).status_code == 403


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "A blockchain address — do not send funds to it"), ("zh-hans", "区块链地址——不要向它转账")],
)
def test_a_posted_check_is_answered_and_not_cached(client, demo_registry, language, heading):
    response = client.post("/verify/", {"action": "check", "value": EVM}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200 and heading in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert 'id="verify-share"' not in response.content.decode()  # an unknown address gets no link


@pytest.mark.parametrize(
    "value", [EVM, PHONE, "someone@example.org", SEED, "0x" + "ab" * 32, "zhang_san_1988"]
)
@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "Paste it into the box above instead"), ("zh-hans", "请把它粘贴到上面的输入框")],
)
def test_a_link_carrying_a_private_value_is_neither_answered_nor_shown(
    client, demo_registry, value, language, says
):
    response = client.get("/verify/", {"value": value}, HTTP_ACCEPT_LANGUAGE=language, follow=True)
    page = response.content.decode()
    # The tab is left on an address that carries nothing (the language switcher sends it back).
    assert response.redirect_chain == [("/verify/?link=refused", 302)]
    assert response.status_code == 200 and says in page
    assert 'id="verdict"' not in page
    assert value not in page and value.split()[0] not in page.split('id="verify-form"')[1]


@pytest.mark.parametrize(
    ("value", "verdict", "shared"),
    [
        ("demowallet-gift.com", "Look-alike", "demowallet-gift.com"),
        ("https://demowallet.com.evil.io/reset?token=s3cr3t-t0ken", "Look-alike", "demowallet.com.evil.io"),
        ("support@demowallet.com", "Official", "support@demowallet.com"),
        ("@DemoWallet_Support", "Look-alike", "https://t.me/demowallet_support"),
        ("DemoWallet_Gift", "Look-alike", "WeChat: demowallet_gift"),  # imitations are public, not private
        ("unrelated-site.org", "Unknown", "unrelated-site.org"),
    ],
)
def test_a_harmless_result_keeps_its_shareable_link(client, demo_registry, value, verdict, shared):
    response = client.get("/verify/", {"value": value}, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    page = response.content.decode()
    assert verdict in page.split('id="verdict"')[1]
    assert f'href="/verify/?{urlencode({"value": shared})}" id="verify-share"' in page
    assert "s3cr3t" not in page  # a link's path and query are dropped, not echoed
    if shared != value:
        assert response.redirect_chain == [(f"/verify/?{urlencode({'value': shared})}", 302)]
    posted = client.post("/verify/", {"value": value}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'href="/verify/?{urlencode({"value": shared})}" id="verify-share"' in posted


@pytest.mark.parametrize(
    ("language", "heading", "words"),
    [
        ("en", "A wallet secret — never share it", "Never paste it anywhere"),
        ("zh-hans", "钱包机密", "绝不要把它粘贴到任何地方"),
    ],
)
@pytest.mark.parametrize("secret", [SEED, WIF, f"is this ok? my phrase is {SEED}"])
def test_a_pasted_secret_is_warned_about_and_not_written_back(
    client, demo_registry, language, heading, words, secret
):
    response = client.post("/verify/", {"action": "check", "value": secret}, HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert response.status_code == 200 and heading in page and words in page
    assert "abandon" not in page and WIF not in page
    assert 'name="note"' not in page  # no report form for it
    assert 'href="/support/new/?category=account_theft"' in page


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_box_names_an_address_in_both_languages(client, language):
    page = client.get("/verify/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    label = page.split('<label for="verify-value">')[1].split("</label>")[0]
    assert label == {"en": "Link, address, account or number", "zh-hans": "链接、地址、账号或号码"}[language]


def test_the_api_checks_a_posted_value_and_names_a_secret_without_quoting_it(client, demo_registry):
    body = post_json(client, "/api/v1/verify", {"value": SEED}).json()
    assert (body["verdict"], body["kind"], body["matched"]) == ("unknown", "secret", None)
    assert (
        "abandon" not in json.dumps(body)
        and "seed phrase" in body["reason"]
        and "助记词" in body["reason_zh"]
    )
    assert "never asks for your seed phrase" in body["advice"]
    address = post_json(client, "/api/v1/verify", {"value": EVM}).json()
    assert address["kind"] == "address"
    assert post_json(client, "/api/v1/verify", {"value": " "}).status_code == 400
    assert post_json(client, "/api/v1/verify", {}).status_code in (400, 422)


def test_the_api_get_answers_only_what_a_url_may_carry(client, demo_registry):
    shared = client.get("/api/v1/verify", {"value": "demowallet-gift.com"})
    assert shared.status_code == 200 and shared.json()["verdict"] == "lookalike"
    for private in (EVM, PHONE, SEED):
        refused = client.get("/api/v1/verify", {"value": private})
        assert refused.status_code == 400
        assert refused.json()["error"]["code"] == "verify_value_in_url"
        assert "POST /api/v1/verify" in refused.json()["error"]["message"]
        assert "abandon" not in refused.content.decode()


def test_a_secret_is_never_reported_and_a_note_loses_its_secret(client, demo_registry):
    refused = post_json(client, "/api/v1/verify/reports", {"value": SEED})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "report_value_secret"
    page = client.post(
        "/verify/", {"action": "report", "value": f"{SEED} demowallet-gift.com"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert page.status_code == 400 and "seed phrase or private key" in page.content.decode()
    assert not PhishingReport.objects.exists()
    created = post_json(
        client, "/api/v1/verify/reports", {"value": "demowallet-gift.com", "note": f"they asked for {SEED}"}
    )
    assert created.status_code == 201
    assert "abandon" not in PhishingReport.objects.get().note


def test_nothing_pasted_reaches_a_log_line(client, demo_registry, caplog):
    pasted = [SEED, EVM, PHONE, "0x5290…9EE7", "x" * 2100]
    with caplog.at_level(logging.DEBUG):
        for value in pasted:
            client.post("/verify/", {"action": "check", "value": value})
            post_json(client, "/api/v1/verify", {"value": value})
            client.post("/verify/", {"action": "report", "value": value, "note": value})
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in pasted:
        assert value[:20] not in logged


def test_the_cli_names_a_secret_in_a_batch_without_quoting_it(demo_registry, monkeypatch):
    lines = "\n".join(json.dumps({"id": i, "value": v}) for i, v in enumerate([SEED, EVM])) + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    out = io.StringIO()
    call_command("verify", "--jsonl", stdout=out)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["kind"] == "secret" and "abandon" not in json.dumps(first)
    assert second["kind"] == "address"
