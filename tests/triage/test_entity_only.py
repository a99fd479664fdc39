"""Messages that are little more than a hash, an address and an amount are not thefts.

The model learnt pasted hashes and sums beside thefts (victims paste what they lost), so on its
own such a message led with theft. Wordings and values of our own."""

from __future__ import annotations

import pytest

from walletdesk.triage.rules import entities_stripped
from walletdesk.triage.services import message_triage

TX = "0x" + "7d3f9a1c" * 8
TRON = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


@pytest.mark.parametrize(
    "text",
    [
        f"eth · {TX} · Confirmed · 100 USDT",
        f"eth · {TX} · 已确认 · 100 USDT",
        f"tx {TX} 100 USDT",
        f"TRC20 {TRON} 500U",
        "TRC20 TXYZ... 500U",
        f"{TX}",
        "2k USDT",
        "1.2万u",
        f"交易哈希 {TX} 五百U",
        f"地址：{TRON}，金额 1,200u，波场",
        f"hash: {TX}\n0.5 ETH",
        f"{EVM} 200 USDT",
        f"我的交易自助查询结果：\n\nbsc · {TX} · 收款地址不符 · 300 USDT",
        f"Self-service check of my transaction:\n\neth · {TX} · Not found · 50 USDC",
    ],
)
def test_entities_alone_are_not_theft(text: str) -> None:
    triage = message_triage(text=text)
    assert triage.category != "account_theft"
    assert not triage.urgent


@pytest.mark.parametrize(
    "text",
    [
        f"my 500 USDT was stolen, tx {TX}",
        f"钱包被盗了 {TX} 1,200u 全没了",
        f"someone drained my wallet: {TX} 2k USDT",
        f"不是我操作的提币 {TRON} 500U",
        f"I never made this withdrawal {TX} 100 USDT, it's gone",
        f"我被假客服骗了，转了 3000U 到 {TRON}",
    ],
)
def test_a_loss_told_beside_entities_stays_theft(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"


def test_entities_stripped_keeps_the_words_beside_them() -> None:
    assert entities_stripped(f"tx {TX} 100 USDT") == ""
    assert entities_stripped("TRC20 TXYZ... 500U") == ""
    assert entities_stripped(f"eth · {TX} · Confirmed · 100 USDT") == "confirmed"
    assert entities_stripped("where is my deposit") is None
