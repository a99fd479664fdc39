"""The look-alike engine on the project's own quality set, without a database."""

import pytest

from tests.verify.cases import DEMO_CASES, LUMORA, LUMORA_CASES, NEBULEX_CASES, REAL_CASES, REGISTRIES
from walletdesk.verify.engine.fold import skeleton, typo_kind
from walletdesk.verify.engine.judge import ChannelSpec, RegistryIndex
from walletdesk.verify.engine.parse import ParseError, parse_value, values_in_text


@pytest.fixture(scope="module")
def index():
    specs = [
        ChannelSpec(r["brand"], c["kind"], c["value"], c["label"]) for r in REGISTRIES for c in r["channels"]
    ]
    return RegistryIndex(specs)


@pytest.mark.parametrize(("value", "expected", "trick"), DEMO_CASES + NEBULEX_CASES)
def test_fictional_brand_case(index, value, expected, trick):
    verdict = index.judge(value)
    assert verdict.verdict == expected, (trick, verdict)


@pytest.fixture(scope="module")
def lumora_index():
    return RegistryIndex(
        [ChannelSpec(LUMORA["brand"], c["kind"], c["value"], c["label"]) for c in LUMORA["channels"]]
    )


@pytest.mark.parametrize(("value", "expected", "trick"), LUMORA_CASES)
def test_brand_registered_alone(lumora_index, value, expected, trick):
    verdict = lumora_index.judge(value)
    assert verdict.verdict == expected, (trick, verdict)


def test_real_brands_meet_the_bars(index):
    judged = [(index.judge(v), expected, trick) for v, expected, trick in REAL_CASES]
    phishing = [v for v, e, t in judged if t == "real-phishing"]
    legit = [v for v, e, t in judged if t == "real-legit"]
    official = [v for v, e, t in judged if t == "real-official"]
    caught = sum(v.verdict == "lookalike" for v in phishing) / len(phishing)
    flagged = sum(v.verdict != "unknown" for v in legit) / len(legit)
    assert caught >= 0.97, [v.value for v in phishing if v.verdict != "lookalike"]
    sample = [v for v, e, t in judged if t == "real-blocklist-sample"]
    assert sum(v.verdict == "lookalike" for v in sample) / len(sample) >= 0.93
    assert flagged <= 0.03, [v.value for v in legit if v.verdict != "unknown"]
    assert all(v.verdict == "official" for v in official)
    assert not any(v.verdict == "official" for v in phishing + legit + sample)


def test_ordinary_words_that_share_letters_stay_unknown(index):
    for value in ("finance.com", "coinsafe.io", "balance.com", "knowledge.com", "hedger.com", "okta.com"):
        assert index.judge(value).verdict == "unknown", value


def test_only_the_host_decides_for_a_url(index):
    assert index.judge("https://evil.io@demowallet.com/").verdict == "official"
    assert index.judge("https://demowallet.com@evil.io/").verdict == "unknown"
    assert index.judge("https://evil.io/demowallet.com?next=demowallet.com").verdict == "unknown"
    assert index.judge("https://evil.io\\@demowallet.com").verdict == "unknown"


def test_lookalike_names_what_it_imitates_and_why(index):
    verdict = index.judge("support.demowallet.com.evil.io")
    assert verdict.matched == "https://demowallet.com"
    assert verdict.brand == "DemoWallet"
    assert "evil.io" in verdict.reason and "evil.io" in verdict.reason_zh


def test_unicode_skeleton_maps_cyrillic_digits_and_rn():
    assert skeleton("dеmо") == skeleton("demo")  # Cyrillic е and о
    assert skeleton("c0inbase") == skeleton("coinbase")
    assert skeleton("rnetamask") == skeleton("metamask")
    assert skeleton("walIet") == skeleton("wallet")


def test_typo_rules_accept_slips_and_reject_other_words():
    assert typo_kind("binanse", "binance") == "substitution"
    assert typo_kind("metamsk", "metamask") == "deletion"
    assert typo_kind("metamaks", "metamask") == "transposition"
    assert typo_kind("krakken", "kraken") == "insertion"
    assert typo_kind("finance", "binance") is None
    assert typo_kind("coinsafe", "coinbase") is None
    assert typo_kind("hedger", "ledger") is None


def test_parse_reads_hosts_like_a_browser():
    assert parse_value("ｄｅｍｏｗａｌｌｅｔ。ｃｏｍ").host == "demowallet.com"
    assert parse_value("HTTPS://User:pw@Demowallet.com:8443/x").host == "demowallet.com"
    assert parse_value("hxxps://evil[.]io/login").host == "evil.io"
    parsed = parse_value("mailto:DemoWallet <Help@DemoWallet.com>?subject=x")
    assert (parsed.kind, parsed.value) == ("email", "help@demowallet.com")
    assert parse_value("https://t.me/s/DemoWalletSupport").kind == "telegram"
    assert parse_value("@DemoWallet").kind == "handle"
    assert parse_value("0086 400-820-8820").kind == "phone"
    with pytest.raises(ParseError):
        parse_value("   ")


def test_values_in_text_finds_every_kind():
    text = "请联系 @DemoWallet_Support 或访问 https://dеmowallet.com/login，邮件 help@demowallet-help.com，电话 +86 400 820 8821"
    found = values_in_text(text)
    assert "@DemoWallet_Support" in found
    assert "https://dеmowallet.com/login" in found
    assert "help@demowallet-help.com" in found
    assert any(v.replace(" ", "").endswith("4008208821") for v in found)


def test_fictional_phone_numbers_compare_as_digits():
    index = RegistryIndex(
        [ChannelSpec("F", "phone", "+1-555-0100"), ChannelSpec("F", "phone", "+1 (555) 010-0123")]
    )
    assert index.judge("555-0100").verdict == "official"
    assert index.judge("(555) 010-0123").verdict == "official"
    assert index.judge("+1 555 010 0124").verdict == "lookalike"
    assert index.judge("+1 555 999 0000").verdict == "unknown"


def test_a_brand_page_on_a_helpdesk_host_does_not_make_the_host_official():
    index = RegistryIndex(
        [
            ChannelSpec("Fict", "website", "https://fict.zendesk.com"),
            ChannelSpec("Fict", "email", "support@fict.freshdesk.com"),
        ]
    )
    assert index.judge("https://fict.zendesk.com/hc/en-us").verdict == "official"
    assert index.judge("evil.zendesk.com").verdict == "unknown"
    assert index.judge("zendesk.com").verdict == "unknown"
    assert index.judge("anyone@freshdesk.com").verdict == "unknown"
    assert index.judge("agent@fict.freshdesk.com").verdict == "official"
