"""Addresses written with their middle cut out ("0x5290…9EE7"), as phishing pages and chats show them:
named a shortened blockchain address, with the same never-send-funds advice as a full one."""

import pytest

from tests.verify.cases import DEMO
from walletdesk.verify.api import advice_pair
from walletdesk.verify.engine.judge import ChannelSpec, RegistryIndex


@pytest.fixture(scope="module")
def index():
    return RegistryIndex([ChannelSpec(DEMO["brand"], c["kind"], c["value"]) for c in DEMO["channels"]])


@pytest.mark.parametrize(
    ("value", "shown", "chain_en", "chain_zh"),
    [
        ("0x5290…9EE7", "0x5290…9EE7", "Ethereum", "以太坊"),
        ("0x5290...9ee7", "0x5290…9ee7", "Ethereum", "以太坊"),
        ("0x5290..9EE7", "0x5290…9EE7", "Ethereum", "以太坊"),
        ("0x5290 … 9EE7", "0x5290…9EE7", "Ethereum", "以太坊"),
        ("0x5290⋯9EE7", "0x5290…9EE7", "Ethereum", "以太坊"),
        ("0x5290．．．9EE7", "0x5290…9EE7", "Ethereum", "以太坊"),  # full-width stops from a Chinese keyboard
        ("0x5290***9EE7", "0x5290…9EE7", "Ethereum", "以太坊"),
        ("TQ2b…Zx9", "TQ2b…Zx9", "TRON", "波场"),
        ("TNPe…YqeL", "TNPe…YqeL", "TRON", "波场"),  # no digit shown, but both cases
        ("bc1q…w8x", "bc1q…w8x", "Bitcoin", "比特币"),
        ("1BvB…NVN2", "1BvB…NVN2", "Bitcoin", "比特币"),
        ("EQDt…p4q2", "EQDt…p4q2", "TON", "TON"),
        ("7EcD…FLtV", "7EcD…FLtV", "Solana or another chain", "Solana 或其他链"),
    ],
)
def test_a_shortened_address_is_named_and_the_customer_told_not_to_send(
    index, value, shown, chain_en, chain_zh
):
    verdict = index.judge(value)
    assert (verdict.verdict, verdict.kind, verdict.matched) == ("unknown", "address", None)
    assert verdict.reason.startswith(f"{shown} is a shortened blockchain address (")
    assert verdict.reason_zh.startswith(f"{shown} 是一个被缩写的区块链地址（")
    assert chain_en in verdict.reason.split(")")[0] and chain_zh in verdict.reason_zh.split("）")[0]
    assert (
        "never asks you to send funds" in verdict.reason and "matching ends prove nothing" in verdict.reason
    )
    assert "永远不会要求您向任何地址转账" in verdict.reason_zh and "首尾一致证明不了什么" in verdict.reason_zh
    advice, advice_zh = advice_pair(verdict)
    assert "deposit address is shown only in the app" in advice and "充值地址只在 App 内显示" in advice_zh


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("support told me to send to 0x5290…9EE7 is this yours?", "0x5290…9EE7"),
        ("客服让我转到TQ2b…Zx9这个地址", "TQ2b…Zx9"),
        ("地址：bc1q…w8x", "bc1q…w8x"),
        ("“0x5290...9ee7”", "0x5290…9ee7"),
    ],
)
def test_a_shortened_address_inside_a_sentence_is_found(index, text, shown):
    verdict = index.judge(text)
    assert verdict.kind == "address" and verdict.reason.startswith(shown + " ")


def test_a_full_address_in_the_sentence_wins_over_a_shortened_one(index):
    full = "0x52908400098527886E0F7030069857D2E4169EE7"
    verdict = index.judge(f"not 0x1234…abcd but {full}")
    assert verdict.reason.startswith(full + " is a blockchain address")


def test_a_shortened_address_can_be_confirmed_as_known_phishing():
    index = RegistryIndex(
        [ChannelSpec(DEMO["brand"], c["kind"], c["value"]) for c in DEMO["channels"]],
        blocked=[("address", "0x5290…9ee7")],
    )
    assert index.judge("0x5290...9EE7").known_phishing
    assert not index.judge("0x5290...9EE8").known_phishing


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("Thanks...Bye", "text"),  # T and 1/3 also begin words and numbers
        ("Total...wow", "text"),
        ("wait...what", "text"),
        ("Hello...World", "text"),
        ("3am...5pm", "text"),
        ("To be continued...", "text"),
        ("0x...", "text"),
        ("1234...5678", "phone"),
        ("v1.2...3", "text"),
        ("https://etherscan.io/address/0x5290...9ee7", "website"),  # a link is judged by its host
        ("demowallet.com", "website"),
    ],
)
def test_ellipses_that_are_no_address_are_judged_as_before(index, value, kind):
    assert index.judge(value).kind == kind
