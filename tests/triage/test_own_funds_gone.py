"""Round 4: the customer's own holdings told gone in words no list holds (a holding next to a
state of absence), and the hard negatives that share those words. Wordings here are new, not
copies of fresh sets 8 and 9."""

from __future__ import annotations

import pytest

from walletdesk.triage.rules import loss_elsewhere, loss_told, market_move, own_funds_gone
from walletdesk.triage.services import message_triage

THEFTS = [
    "我的余额那一栏现在是空白的，昨天还有一万多",
    "钱包里的比特币凭空蒸发了",
    "账户里就剩几分钱了，别的都不翼而飞",
    "my savings are simply not in the account any more",
    "my coins now belong to someone else and I have no idea how",
    "the account balance reads 0.00 this morning, it was full last night",
    "my USDT 一夜之间全部不见",
    "我的 portfolio 变成 0，我没有 trade",
]

NEGATIVES = [
    ("提币还在审核，余额先扣了，什么时候到", "withdrawal"),
    ("合约爆仓，仓位只剩零头了", "trading"),
    ("the market crashed and my portfolio is worth half of what it was", "trading"),
    ("my neighbour's wallet got drained, is mine safe?", "security"),
    ("有人叫我把币转到安全账户，我拒绝了", "security"),
    ("account 被 lock 了，balance 都还在", "account_login"),
    ("I sent 50 USDT to my wife's wallet and she hasn't received it", "withdrawal"),
    ("got a withdrawal confirmation I didn't ask for, balance unchanged", "security"),
]


@pytest.mark.parametrize("text", THEFTS)
def test_holdings_told_gone_are_theft(text: str) -> None:
    assert own_funds_gone(text) or loss_told(text)
    assert message_triage(text=text).category == "account_theft"


@pytest.mark.parametrize(("text", "category"), NEGATIVES)
def test_hard_negatives_keep_their_category(text: str, category: str) -> None:
    assert message_triage(text=text).category == category


def test_a_number_is_not_a_zero_balance() -> None:
    # text_normalise folds every number to 0: a zero balance is read on the raw text.
    assert not own_funds_gone("gas费显示2U，结果扣了8U")
    assert own_funds_gone("余额显示0")


def test_someone_elses_loss_needs_the_customer_asking_about_their_own_side() -> None:
    assert loss_elsewhere("my brother got hacked on another exchange, what should he do")
    assert not loss_elsewhere("my brother got hacked")


def test_market_move() -> None:
    assert market_move("币价暴跌，资产少了一半")
    assert not market_move("my coins are gone and I never traded")
