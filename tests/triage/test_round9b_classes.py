"""Round 9b: an act on the account the customer disowns ("orders I never placed", "listed it,
I never listed it") is a stranger inside the account; the model's near theft call then stands.
Wordings of our own, not the sets' sentences."""

from __future__ import annotations

import pytest

from walletdesk.triage.model import Prediction
from walletdesk.triage.rules import disowned
from walletdesk.triage.services import THEFT_TRAIL_WITH_LOSS, _model_leans_to_theft


def _trailing() -> Prediction:
    return Prediction(
        ranked=("trading", "account_theft"),
        confidence=0.4,
        complaint=False,
        theft_words=False,
        theft_gap=-THEFT_TRAIL_WITH_LOSS + 0.05,
    )


@pytest.mark.parametrize(
    "text",
    [
        "there are three buy orders on my account that I never placed, my USDT is now in some meme coin",
        "my ETH got put up on the marketplace and bought by someone, I never listed it",
        "my DOGE was sold off at a terrible price this morning, sells I never placed",
    ],
)
def test_a_disowned_act_lets_a_near_theft_call_stand(text: str) -> None:
    assert disowned(text)
    assert _model_leans_to_theft(text, _trailing())


@pytest.mark.parametrize(
    "text",
    [
        "I placed a limit order yesterday and it never filled",
        "i never opened the app on my new phone, do I need to log in again?",
    ],
)
def test_the_customers_own_act_or_a_plain_never_is_no_disowning(text: str) -> None:
    assert not disowned(text)
    assert not _model_leans_to_theft(text, _trailing())


def test_a_disowned_act_with_the_assets_intact_stays_out_of_theft() -> None:
    text = "there is an order I never placed but it was cancelled and my balance is still there"
    assert not _model_leans_to_theft(text, _trailing())
