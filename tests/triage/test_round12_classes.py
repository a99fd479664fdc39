"""Round 12 (issue #6): the classes blind set 22 and two new writers missed, in wordings of our
own (not the set's or the writers' sentences), on the rules alone so the tests do not move with a
retrain. Thefts: a stranger told as the one who moved the money (or the account entered without
consent and money withdrawn), a move a fake caller "had me" make, the balance told zero after a
scam, address poisoning (the customer's own address named is no self-made mistake). Theft false
alarms: the assets told intact in more words, a hypothetical "if …, could they …?" and a thief as
the subject of a modal question, an attempt to move money that was stopped, a scam reported for
what it does to other people, a suspicion voiced, identity data misused, "wasn't mentioned",
"someone senior" asked for."""

from __future__ import annotations

import pytest

from walletdesk.triage.rules import (
    assets_intact,
    complaint_cue,
    disowned,
    drained_by_what_was_signed,
    scam_paid,
    self_inflicted,
    stranger_moved_funds,
    theft_suspected,
)
from walletdesk.triage.services import entities_extract

STRANGER_MOVED = [
    "有个陌生人改了我的提币白名单，然后把账户里的USDT全部提走了，现在余额是0",
    "黑客把我账户里的 ETH 全转出去了，我一个验证码都没收到",
    "Somebody switched my 2FA and withdrew everything to a TRON address last night",
    "an unknown person logged in from Brazil and sent 2,400 USDT out to some wallet",
    "my account was accessed without my permission yesterday and 0.8 BTC was withdrawn to an address I don't own",
    "有人 login 了我的 account 然后把 USDT 全部转走了，我要报警",
    "有人用我的帳號登入後把我的幣都賣了再提出去",
]

STRANGER_NOT_MOVED = [
    "someone tried to withdraw my USDT but the withdrawal was blocked, funds are fine",
    "有人想把我的币提走，被系统拦截了",
    "if someone got my password, could they send my coins out?",
    "我朋友的账户被黑客把币全提了，我要怎么保护自己的",
    "please ask someone to send my withdrawal out faster, it has been pending all day",
    "有人说可以帮我把币提出来，要先交手续费，可信吗",
    "I withdrew everything to my ledger yesterday and it hasn't arrived",
]

SCAMS_PAID = [
    "a caller from 'walletdesk compliance' had me send 1,500 USDT to a safe vault address, I realise now it was fake",
    "the 'support agent' on telegram asked for my 2FA code and I read it out to him. Now my account has zero balance",
    "那个自称客服的人让我把验证码发给他 我发了 现在余额是0",
]

NOT_SCAMS_PAID = [
    "a caller said he was from your security team and wanted me to move my funds to a safe vault. I hung up, is this a scam?",
    "someone on telegram claiming to be support asked for my code, I didn't give it",
]

POISONED_NOT_SELF_MADE = [
    "我从转账记录里复制了地址，结果是一个跟我自己地址首尾一样的地址，3000u全没了",
    "thought I had pasted a wrong address myself, turns out it was address poisoning: 2,000 USDT gone to a look-alike",
]

STILL_SELF_MADE = [
    "我自己复制错了地址，转到一个不用的地址了",
    "I sent it to the wrong network myself, can you recover it?",
]

INTACT = [
    "收到异地登录的邮件 但我能登录 钱都在 这是怎么回事",
    "公司电脑可能中毒了 账户暂时没动 要怎么处理",
    "部手機唔見咗 啲錢仲喺度 可唔可以幫我鎖住先",
    "my email got breached but my funds are here. what should I change?",
    "I clicked a weird link yesterday, I don't see anything missing but I'm nervous",
]

NOT_THEFT = [
    "if a scammer got my SMS codes, could he withdraw my coins?",
    "假如我的手机被偷了，骗子能不能直接提币？",
    "小偷能不能用我的手机登录交易所？",
    "someone tried to transfer out my USDT but my 2fa blocked it",
    "there's a fake airdrop page scamming people in the telegram group, please take it down",
    "群里每天都有人被骗 你们能不能管一管这个冒充你们的账号",
    "改绑谷歌验证要等两天 我怀疑被盗了想马上换 太慢了",
    "我的身份证信息被别人冒用注册了另一个账户，请帮我注销",
    "withdrawal on hold for a 'compliance check' since monday, 3k usdt stuck, pass this to someone senior",
]

COMPLAINTS = [
    "手续费页面写的 1 USDT，结果扣了 4 USDT，退我 3 USDT",
    "withdrawal fee charged twice, please退回多扣的那笔",
    "提币卡了三天了 请加急处理",
    "滑点太离谱了 我要求退差价",
    "你哋要賠返畀我",
]

NOT_COMPLAINTS = [
    "我的提现能不能加急？周末要用",
    "加急通道是什么 怎么申请",
]


@pytest.mark.parametrize("text", STRANGER_MOVED)
def test_a_stranger_who_moved_the_money(text: str) -> None:
    assert stranger_moved_funds(text)


@pytest.mark.parametrize("text", STRANGER_NOT_MOVED)
def test_no_stranger_moved_the_money(text: str) -> None:
    assert not stranger_moved_funds(text)


@pytest.mark.parametrize("text", SCAMS_PAID)
def test_a_move_the_scammer_had_made_or_a_zero_balance_after(text: str) -> None:
    assert scam_paid(text)


@pytest.mark.parametrize("text", NOT_SCAMS_PAID)
def test_a_scam_refused(text: str) -> None:
    assert not scam_paid(text)


@pytest.mark.parametrize("text", POISONED_NOT_SELF_MADE)
def test_address_poisoning_is_no_self_made_mistake(text: str) -> None:
    assert not self_inflicted(text)


@pytest.mark.parametrize("text", STILL_SELF_MADE)
def test_a_mistake_of_ones_own_still_is(text: str) -> None:
    assert self_inflicted(text)


@pytest.mark.parametrize("text", INTACT)
def test_the_assets_told_intact(text: str) -> None:
    assert assets_intact(text)


@pytest.mark.parametrize("text", NOT_THEFT)
def test_no_theft_told(text: str) -> None:
    assert not theft_suspected(text)


def test_a_fee_not_mentioned_is_no_disowning() -> None:
    assert not disowned("a processing fee of 10 USD, that wasn't mentioned anywhere. Refund it")
    assert disowned("a withdrawal of 300 USDT, that wasn't me")


def test_the_platforms_deposit_address_is_no_swapped_address() -> None:
    assert not drained_by_what_was_signed(
        "my deposit address changed? I sent 50 USDT to the old one T9zz… is it credited"
    )


@pytest.mark.parametrize("text", COMPLAINTS)
def test_redress_asked(text: str) -> None:
    assert complaint_cue(text) is True


@pytest.mark.parametrize("text", NOT_COMPLAINTS)
def test_expediting_asked_politely_is_no_complaint(text: str) -> None:
    assert complaint_cue(text) is not True


@pytest.mark.parametrize(
    ("text", "networks"),
    [
        ("is a withdrawal to a bitcoin address free on weekends?", ["BTC"]),
        ("deposit to bc1q… (bitcoin) still not credited", ["BTC"]),
        ("我把 USDT 转到了你们的以太坊充值地址，但是走的是币安链", ["ERC20", "BEP20"]),
        ("比特币地址填错了一位，能退回吗", ["BTC"]),
        # The coin held or bought is still no chain named.
        ("账户里的以太坊少了3个", []),
        ("I want to buy bitcoin with my card", []),
    ],
)
def test_a_chain_named_by_its_address(text: str, networks: list[str]) -> None:
    assert entities_extract(text=text).networks == networks
