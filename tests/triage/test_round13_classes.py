"""Round 13: code-switched English read in Chinese (features), the broad theft net yielding to a
model far from theft, a disowning told in the perfect, and an English word of loss in Chinese
grammar. Wordings are our own, not the held-out writers'."""

from __future__ import annotations

import pytest

from walletdesk.triage.codeswitch import code_switch_read
from walletdesk.triage.features import features_of, text_normalise
from walletdesk.triage.model import LinearModel, TriageModel
from walletdesk.triage.rules import theft_suspected
from walletdesk.triage.services import CATEGORIES, THEFT_NET_VETO, message_triage, triage_with_model


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("我的account被freeze了怎么unlock", "我的账户被冻结了怎么解锁"),
        ("昨晚被人 withdraw 走了 300u", "昨晚被人提现走了 0u"),
        ("KYC 一直 pending 中", "认证一直处理中中"),
    ],
)
def test_code_switched_words_are_read_in_chinese(text: str, read: str) -> None:
    assert code_switch_read(text_normalise(text)) == read


@pytest.mark.parametrize(
    "text",
    ["my account was frozen after a withdrawal", "the fee is too high", "提现手续费太贵了"],
)
def test_a_message_in_one_language_is_read_as_written(text: str) -> None:
    norm = text_normalise(text)
    assert code_switch_read(norm) == norm


def test_a_code_switched_message_shares_the_chinese_rows_ngrams_and_keeps_its_words() -> None:
    feats = features_of("我的account被freeze了")
    assert "被冻结" in feats and "账户被" in feats
    assert "w:account" in feats and "w:freeze" in feats


def _model(*, fees: float, theft: float) -> TriageModel:
    """A model that knows one word, "fee", and scores it for fees and for theft as given."""
    row = [fees if c == "fees" else theft if c == "account_theft" else -1.0 for c in CATEGORIES]
    category = LinearModel(
        labels=CATEGORIES, idf={"w:fee": 1.0}, weights={"w:fee": row}, intercepts=(0.0,) * len(CATEGORIES)
    )
    complaint = LinearModel(
        labels=("complaint",), idf={"w:fee": 1.0}, weights={"w:fee": [-1.0]}, intercepts=(0.0,)
    )
    return TriageModel.from_linear(category, complaint)


LOSS_TO_A_FEE = "all my money is gone after the fee"


def test_the_theft_net_yields_to_a_model_far_from_theft() -> None:
    assert theft_suspected(LOSS_TO_A_FEE)
    far = _model(fees=1.0, theft=THEFT_NET_VETO + 1.0 - 0.1)
    assert triage_with_model(far, text=LOSS_TO_A_FEE).category == "fees"


def test_the_theft_net_holds_when_the_model_is_near_theft() -> None:
    near = _model(fees=1.0, theft=THEFT_NET_VETO + 1.0 + 0.1)
    assert triage_with_model(near, text=LOSS_TO_A_FEE).category == "account_theft"


@pytest.mark.parametrize(
    "text",
    [
        "Just got an email saying my withdrawal was processed. I have not withdrawn anything and my balance is now empty.",
        "There is a transfer of 0.3 ETH in my history that I haven't authorised, and the ETH is no longer in my wallet",
    ],
)
def test_a_move_disowned_in_the_perfect_with_the_funds_gone_is_theft(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"


@pytest.mark.parametrize(
    "text",
    [
        "I haven't withdrawn anything yet, how long does a withdrawal take?",
        "I have not requested a withdrawal before, what is the minimum?",
    ],
)
def test_a_move_not_made_yet_is_no_disowning(text: str) -> None:
    assert message_triage(text=text).category == "withdrawal"


@pytest.mark.parametrize(
    "text",
    [
        "我账户里的 USDT 一夜之间全 disappear 了",
        "钱包里的 ETH 都 vanished 了 我什么都没做",
        "我的 savings 全 gone 了",
    ],
)
def test_an_english_word_of_loss_in_chinese_grammar_is_a_loss(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"
