"""Round 10: an outgoing transfer the customer disowns outright is theft in any language mix; a
scam paid into is theft however the scam is told (a role in scare quotes, a realisation after
the move, the counterparty gone); more takeover wordings; more ways of saying the assets are
intact. Wordings of our own, not the writers' or the sets' sentences; the rules alone, so the
tests do not move with a retrain."""

from __future__ import annotations

import pytest

from walletdesk.triage.rules import account_taken_over, assets_intact, scam_paid, transfer_disowned


@pytest.mark.parametrize(
    "text",
    [
        "账户里有一笔withdrawal到 TXabc 我完全不知道，请查一下",
        "有一笔提币到陌生地址，不是我操作的",
        "there's a withdrawal of 0.8 ETH to 0x12ab that I didn't make",
        "I see two withdrawals in my history, not made by me",
        "history shows a transfer I didn't do, 300 USDT",
        "提现记录显示我转了500U 但那个时间我在上班，根本不可能操作",
    ],
)
def test_a_disowned_transfer_is_theft(text: str) -> None:
    assert transfer_disowned(text)


@pytest.mark.parametrize(
    "text",
    [
        "我完全不知道怎么提现，教一下",
        "有一笔提现到币安一直没到，我完全不知道怎么回事",
        "there's a withdrawal fee I didn't know about",
        "有一笔提现申请不是我发起的，已经取消了，资产还在",
        "there's a withdrawal request I didn't make, balance is still there",
        "I didn't make any withdrawal yet, how long does one take?",
    ],
)
def test_no_disowned_transfer(text: str) -> None:
    assert not transfer_disowned(text)


@pytest.mark.parametrize(
    "text",
    [
        "a 'loan officer' on whatsapp said I had to pay a deposit first. I sent 200 USDT, he's gone",
        'the "support team" on telegram gave me an address and I moved 1 ETH there for checking',
        "I paid 50 USDT to unlock the tasks, now I realise it was a scam",
        "网上一个“理财顾问”让我转 USDT 到他给的地址，我转了 3000，现在人联系不上",
        "my uncle was told to put his coins in a 'safe wallet'. he did, 2 BTC. what now",
    ],
)
def test_a_scam_paid_into_is_theft(text: str) -> None:
    assert scam_paid(text)


@pytest.mark.parametrize(
    "text",
    [
        "a 'support agent' on telegram asked me to send 100 USDT to verify, I didn't send anything",
        "someone said I must move my coins to a safe wallet. is that you? haven't done it",
        "the buyer never paid me and I have not released the coins, what now",
        # Quoted error texts and buttons are no scam roles ("unsupported" holds no "support").
        'I sent 80 USDC and the page says "token unsupported on this chain", where is it',
        'paid with the "pay by bank" button, it says on hold for 3 days',
        '一个"卖家"说多收了我的钱让我退回去，我还没退，是不是骗局',
    ],
)
def test_a_scam_not_paid_into(text: str) -> None:
    assert not scam_paid(text)


@pytest.mark.parametrize(
    "text",
    [
        "账号被别人登录了，改了头像和邮箱",
        "我的邮箱和密码都被改了，登不上去",
        "new email, new phone, new 2FA on my account and none of it is mine",
        "somebody has full control of my account now",
        "the recovery email now points to an address I have never seen",
    ],
)
def test_takeover_wordings(text: str) -> None:
    assert account_taken_over(text)


def test_the_customers_own_changes_are_no_takeover() -> None:
    assert not account_taken_over("I changed my email and password yesterday, can I withdraw now?")


@pytest.mark.parametrize(
    "text",
    [
        "got a strange login alert, my funds are all still here",
        "unknown device in the list but the account still has everything",
        "phishing mail opened, no click. Funds fine.",
        "收到登录提醒，不是我，钱在。",
        "电脑中毒了，账户和钱包都没异常，要换密码吗",
    ],
)
def test_assets_intact_wordings(text: str) -> None:
    assert assets_intact(text)
