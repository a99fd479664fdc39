"""Round 9b: an act on the account the customer disowns ("orders I never placed", "listed it,
I never listed it") is a stranger inside the account; the model's near theft call then stands.
Wordings of our own, not the sets' sentences."""

from __future__ import annotations

import pytest

from walletdesk.triage.model import Prediction
from walletdesk.triage.rules import disowned
from walletdesk.triage.services import THEFT_TRAIL_WITH_LOSS, _model_leans_to_theft, message_triage


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


@pytest.mark.parametrize(
    "text",
    [
        "我的账户被人接管了，币暂时都还在，快帮我冻结",
        "帐号被改了邮箱和密码，我登不上去了，余额应该还在",
        "谷歌验证器被黑客重置了，现在验证码发到别人手机上，钱还没动",
        "现在绑定的邮箱和手机全是对方的了，资产还显示着",
        "hacker 换了我的 email，balance 还在但是我 login 不了",
        "somebody set up a new authenticator on my account overnight, I'm locked out, funds still there for now",
    ],
)
def test_a_takeover_is_theft_even_with_the_assets_intact(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"


@pytest.mark.parametrize(
    "text",
    [
        "如果别人改了我的密码，钱还在吗",
        "我自己改了登录密码，资产都在，需要重新绑定谷歌验证吗",
        "how do I set up a new authenticator on my new phone?",
    ],
)
def test_a_worry_or_the_customers_own_change_is_no_takeover(text: str) -> None:
    assert message_triage(text=text).category != "account_theft"
