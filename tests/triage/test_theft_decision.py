"""The model's theft call (services._model_leans_to_theft): thresholds on the theft gap, and the
negative guards that hold whatever the model says."""

from __future__ import annotations

import pytest

from walletdesk.triage.model import Prediction
from walletdesk.triage.services import THEFT_LEAD_ALONE, THEFT_TRAIL_WITH_LOSS, _model_leans_to_theft


def _pred(gap: float, *, theft_words: bool = False) -> Prediction:
    ranked = ("account_theft", "security") if gap >= 0 else ("security", "account_theft")
    return Prediction(ranked=ranked, confidence=0.5, complaint=False, theft_words=theft_words, theft_gap=gap)


NO_LOSS = "hello, a question about the fee schedule"
LOSS = "my coins went somewhere, i did not move them"


def test_a_clear_lead_stands_without_loss_words() -> None:
    assert _model_leans_to_theft(NO_LOSS, _pred(THEFT_LEAD_ALONE + 0.01))
    assert not _model_leans_to_theft(NO_LOSS, _pred(THEFT_LEAD_ALONE - 0.05))


def test_a_trailing_theft_wins_only_with_a_loss_or_theft_word() -> None:
    trailing = _pred(-THEFT_TRAIL_WITH_LOSS + 0.05)
    assert not _model_leans_to_theft(NO_LOSS, trailing)
    assert _model_leans_to_theft(NO_LOSS, _pred(-THEFT_TRAIL_WITH_LOSS + 0.05, theft_words=True))
    assert _model_leans_to_theft("all my usdt is gone", trailing)


def test_too_far_behind_is_not_theft() -> None:
    assert not _model_leans_to_theft(
        "all my usdt is gone", _pred(-THEFT_TRAIL_WITH_LOSS - 0.05, theft_words=True)
    )


@pytest.mark.parametrize(
    "text",
    [
        "got a login alert but my balance is still there",  # assets intact
        "如果账户被盗了怎么办",  # hypothetical
        "I sent USDT to the wrong network by mistake",  # the customer's own mistake
        "a fake support agent asked for my seed phrase, I refused",  # failed scam attempt
    ],
)
def test_negative_guards_hold_against_a_confident_model(text: str) -> None:
    assert not _model_leans_to_theft(text, _pred(1.0, theft_words=True))


@pytest.mark.parametrize(
    "text",
    [
        "我的户口被人入咗，啲錢全部唔見咗",
        "I got a new device login alert from a country I've never been to and then my whole balance was transfered out",
        "我的 sub-account 的资产被 transfer 到一个不认识的 UID",
    ],
)
def test_takeovers_the_loss_words_missed_are_theft_end_to_end(text: str) -> None:
    from walletdesk.triage.services import message_triage

    assert message_triage(text=text).category == "account_theft"
