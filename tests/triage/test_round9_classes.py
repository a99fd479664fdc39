"""Round 9: a scam the customer paid into is theft (the issue: "funds sent to someone posing as
support"; the money is lost to a third party even though the customer pressed send). Wordings
of our own, not the writers' sentences."""

from __future__ import annotations

import pytest

from walletdesk.triage.rules import scam_paid
from walletdesk.triage.services import message_triage


def _category(text: str) -> str:
    return message_triage(text=text).category


@pytest.mark.parametrize(
    "text",
    [
        "a guy from a crypto dating site got me onto his 'investment platform', I sent 3,000 USDT from here and now the site wants a fee to release it",
        "watched a livestream giveaway that promised to double any BTC sent, I transferred 0.2 BTC and got nothing",
        "the 'support agent' on Telegram said my deposit was stuck and I paid him 500 USDT to fix it, he is gone now",
        "抖音上认识的网友带我投资，投了三万U，现在说要交保证金才能提现，我是不是被骗了",
        "一个自称客服的人让我转到安全账户，我转了两千U过去",
        "买家发了一张假的付款截图，我就放币了，钱根本没到",
    ],
)
def test_money_paid_into_a_scam_is_theft(text: str) -> None:
    assert scam_paid(text)
    assert _category(text) == "account_theft"


@pytest.mark.parametrize(
    "text",
    [
        "someone on Telegram says he can double my BTC if I send it first, is this a scam?",
        "a 'support agent' asked me to pay 100 USDT to unlock my account, I didn't send anything",
        "差点把币转给假客服，还好及时发现，需要改密码吗",
        "有人说交了解冻费才能提现，我还没转，这是骗子吧",
        "my friend sent money to a fake exchange, how do I make sure my account is safe?",
    ],
)
def test_a_scam_refused_asked_about_or_someone_elses_is_not_paid_into(text: str) -> None:
    assert not scam_paid(text)
