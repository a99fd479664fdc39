"""Blockchain addresses and transaction hashes pasted into Verify: said for what they are, never
taken for a WeChat ID, and answered with "support never asks you to send funds"."""

import io
import json

import pytest
from django.core.management import call_command

from tests.verify.cases import DEMO
from walletdesk.verify.engine.judge import ChannelSpec, RegistryIndex
from walletdesk.verify.errors import VerifyValueInvalid
from walletdesk.verify.services import value_verify

EVM = "0x52908400098527886E0F7030069857D2E4169EE7"  # EIP-55 test vector
EVM_BAD_CASE = "0x52908400098527886E0F7030069857D2E4169Ee7"  # one letter's case changed
TRON = "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"
BTC_BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
BTC_LEGACY = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
SOLANA = "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV"
TON = "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2"


@pytest.fixture(scope="module")
def index():
    return RegistryIndex([ChannelSpec(DEMO["brand"], c["kind"], c["value"]) for c in DEMO["channels"]])


@pytest.mark.parametrize(
    ("value", "chain_en", "chain_zh"),
    [
        (EVM, "Ethereum", "以太坊"),
        (EVM.lower(), "Ethereum", "以太坊"),
        (TRON, "TRON", "波场"),
        (BTC_BECH32, "Bitcoin", "比特币"),
        (BTC_BECH32.upper(), "Bitcoin", "比特币"),
        (BTC_LEGACY, "Bitcoin", "比特币"),
        (SOLANA, "Solana", "Solana"),
        (TON, "TON", "TON"),
    ],
)
def test_an_address_is_named_and_the_customer_told_not_to_send(index, value, chain_en, chain_zh):
    verdict = index.judge(value)
    assert (verdict.verdict, verdict.kind, verdict.matched) == ("unknown", "address", None)
    assert "WeChat" not in verdict.reason and "微信" not in verdict.reason_zh
    assert chain_en in verdict.reason and chain_zh in verdict.reason_zh
    assert "never asks you to send funds" in verdict.reason and "deposit address" in verdict.reason
    assert (
        "永远不会要求您向任何地址转账" in verdict.reason_zh and "充值地址只在 App 内显示" in verdict.reason_zh
    )


@pytest.mark.parametrize(
    "value",
    [
        EVM_BAD_CASE,
        "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeM",  # last character changed
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3",
    ],
)
def test_an_address_with_a_broken_checksum_is_called_invalid(index, value):
    verdict = index.judge(value)
    assert (verdict.verdict, verdict.kind) == ("unknown", "address")
    assert "checksum is wrong" in verdict.reason and "校验不通过" in verdict.reason_zh


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0x" + "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", "transaction hash"),
        ("5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", "private key"),
        (
            "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW",
            "transaction hash",
        ),
    ],
)
def test_a_transaction_hash_is_not_an_address_or_an_account(index, value, words):
    verdict = index.judge(value)
    assert (verdict.verdict, verdict.kind) == ("unknown", "tx")
    assert words in verdict.reason and "交易哈希" in verdict.reason_zh


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (f"support told me to send to {EVM} is this yours?", EVM),
        (f"客服让我转到{TRON}这个地址", TRON),
        (f"地址：{EVM}", EVM),
        (f"address: {EVM}", EVM),
        (f"ethereum:{EVM}@1?value=1e18", EVM),
        (f"bitcoin:{BTC_LEGACY}?amount=0.1", BTC_LEGACY),
        (f"  «{EVM}»,  ", EVM),
    ],
)
def test_an_address_inside_what_people_paste_is_found(index, text, address):
    verdict = index.judge(text)
    assert verdict.kind == "address", verdict
    # The answer names the address, not the whole sentence it came in.
    assert verdict.reason.startswith(address + " ") and verdict.reason_zh.startswith(address + " ")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("DemoWallet_CN", "wechat"),  # the official WeChat ID still is one
        ("DemoWallet_Official_Support_CN", "wechat"),
        ("1234567890123456789012345678", "wechat"),  # a digit run is no address
        ("0x123", "wechat"),
        ("0xZZ908400098527886E0F7030069857D2E4169EE7", "wechat"),  # not hex
        ("ThisIsAVeryLongWordWithoutDigitsXY", "wechat"),
        ("https://etherscan.io/address/" + EVM, "website"),  # a link is judged by its host
    ],
)
def test_what_is_not_an_address_is_judged_as_before(index, value, kind):
    assert index.judge(value).kind == kind


def test_the_official_wechat_id_stays_official(index):
    assert index.judge("DemoWallet_CN").verdict == "official"


@pytest.mark.django_db
def test_bad_input_is_refused_with_a_sentence(demo_registry):
    for bad in ("", "   ", None, "0x" + "a" * 2000):
        with pytest.raises(VerifyValueInvalid):
            value_verify(value=bad)


@pytest.mark.django_db
def test_api_keeps_its_keys_and_gives_address_advice(client, demo_registry):
    body = client.post("/api/v1/verify", {"value": EVM}, content_type="application/json").json()
    assert set(body) == {
        "verdict",
        "kind",
        "matched",
        "reason",
        "reason_zh",
        "brand",
        "known_phishing",
        "advice",
        "advice_zh",
    }
    assert (body["verdict"], body["kind"], body["known_phishing"]) == ("unknown", "address", False)
    assert "deposit address is shown only in the app" in body["advice"]
    assert "充值地址只在 App 内显示" in body["advice_zh"]
    tx = client.post("/api/v1/verify", {"value": "0x" + "ab" * 32}, content_type="application/json").json()
    assert tx["kind"] == "tx" and "Check a transaction" in tx["advice"] and "查询交易" in tx["advice_zh"]


@pytest.mark.django_db
def test_cli_prints_the_same_four_keys_with_kind_address(demo_registry):
    out = io.StringIO()
    call_command("verify", EVM, stdout=out)
    result = json.loads(out.getvalue())
    assert set(result) == {"verdict", "kind", "matched", "reason"}
    assert (result["verdict"], result["kind"], result["matched"]) == ("unknown", "address", None)
    assert "WeChat" not in result["reason"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "advice"),
    [
        ("en", "A blockchain address — do not send funds to it", "Support never asks you to send funds"),
        ("zh-hans", "区块链地址——不要向它转账", "客服永远不会要求您向任何地址转账"),
    ],
)
def test_verify_page_says_it_is_an_address(client, demo_registry, language, heading, advice):
    response = client.post("/verify/", {"value": EVM}, HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert response.status_code == 200
    assert heading in page and advice in page
    assert "微信号" not in page.split('id="verdict"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_verify_page_bad_input_is_a_400_not_a_500(client, demo_registry):
    assert client.post("/verify/", {"value": " "}).status_code == 400
    assert client.post("/verify/", {"value": "0x" + "a" * 2100}).status_code == 400
    weird = client.post("/verify/", {"value": "0x\u0000" + "a" * 40 + "<script>"})
    assert weird.status_code in (200, 400) and b"<script>" not in weird.content.split(b'id="verdict"')[-1]


@pytest.mark.django_db
def test_a_confirmed_scam_address_becomes_known_phishing(client, agent_client, demo_registry):
    created = client.post(
        "/api/v1/verify/reports",
        data=json.dumps({"value": f"send to {TRON}", "note": "a fake agent on Telegram"}),
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["kind"] == "address"
    report_id = created.json()["id"]
    assert agent_client.post(f"/api/v1/verify/reports/{report_id}/confirm").status_code == 200
    verdict = value_verify(value=TRON)
    assert verdict.verdict == "lookalike" and verdict.known_phishing and verdict.kind == "address"
    assert value_verify(value=BTC_LEGACY).known_phishing is False
