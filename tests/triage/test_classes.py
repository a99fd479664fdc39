"""Error classes found by fresh set 3 (bench/data/triage_fresh3.jsonl), tested on other wordings:
theft told only by the balance after the event that caused it, code-switched verbs of taking,
impersonators' "protected" accounts, disowned withdrawals half in English; and the near-misses
beside them (another person's loss, an unchanged balance, a seed rescued in time, support
addressed as "someone"). Also short network names where a network is chosen, and "赔我"."""

from __future__ import annotations

import pytest

from walletdesk.triage.entities import networks_find
from walletdesk.triage.rules import complaint_cue, theft_suspected
from walletdesk.triage.services import message_triage


@pytest.mark.parametrize(
    "text",
    [
        "told the caller the code from my sms and the balance is now zero",
        "got a login notification from abroad, an hour later my wallet was at 0",
        "有人把我的btc都sell掉然后提走了",
        "我的币被人withdraw走了，我什么都没做",
        "收到登录通知说是外地登录，然后余额就是0了",
        "我没有发起过任何transfer，可是记录里有一笔转到外部地址",
        "someone from your fraud department had my aunt move her coins to a protected wallet and they never came back",
        "在app里输了private key以后，钱包就空了",
        "i had 1.2 btc last night, zero left now and i did nothing",
        "a fake support rep talked me into transferring my usdc to a secure address",
        "that's not my transfer, stop it!!",
        "我的资产遭到窃取，请立刻冻结",
        "号叫人登了，u全给转了",
        "我的账号被人take over了",
        "the 'support' guy said my account was at risk, I moved everything where he said and now it's gone??",
        "who took my eth??",
        "history shows 3 transfers to addresses i've never seen",
        "我的账号被黑客入侵了",
    ],
)
def test_theft_told_by_the_balance_or_in_code_switched_verbs_is_urgent(text: str) -> None:
    assert theft_suspected(text)
    assert message_triage(text=text).category == "account_theft"


@pytest.mark.parametrize(
    "text",
    [
        "my colleague lost everything to a phishing site, how can I protect my account?",
        "同事的钱包被盗了，我想知道怎么保护我的账户",
        "an sms says 0.3 BTC left my account but the balance is unchanged, is this a fake message?",
        "收到一封提现成功的邮件，余额没变，是不是诈骗邮件",
        "my seed phrase may have leaked, I already moved the coins to a fresh wallet before anything happened",
        "my laptop with the authenticator on it was stolen, no funds were lost, how do I reset 2fa",
    ],
)
def test_someone_elses_loss_or_an_intact_balance_is_not_theft(text: str) -> None:
    assert not theft_suspected(text)
    assert message_triage(text=text).category == "security"


@pytest.mark.parametrize(
    "text",
    ["lost my whole stack losing on leverage last night", "my coins are gone since that token got delisted"],
)
def test_a_market_loss_or_a_delisting_pages_no_one(text: str) -> None:
    assert message_triage(text=text).category != "account_theft"


def test_a_stolen_phone_followed_by_a_loss_is_theft() -> None:
    assert (
        message_triage(text="my phone was stolen on the bus and later 500 usdt was sent out").category
        == "account_theft"
    )


def test_someone_having_my_contact_details_is_not_a_takeover() -> None:
    assert not theft_suspected("someone has my phone number and keeps texting me fake support links")


def test_support_addressed_as_someone_names_no_third_party() -> None:
    text = "my withdrawal of 80 usdt has been under review since monday, could someone look at it"
    assert not theft_suspected(text)
    assert message_triage(text=text).category == "withdrawal"


def test_log_in_works_but_trading_is_restricted_is_trading() -> None:
    assert message_triage(text="能登录也能看余额，但是下单一直提示交易被限制").category == "trading"


@pytest.mark.parametrize(
    ("text", "networks"),
    [
        ("充值的时候链选了ARB", ["ARBITRUM"]),
        ("withdrew via op to my wallet", ["OPTIMISM"]),
        ("the network was matic", ["POLYGON"]),
        ("I hold 200 ARB and some OP tokens", []),
        ("op is right about this", []),
        ("sent it via trc", ["TRC20"]),
        ("the trc fee is lower", []),
        ("deposited over the ton blockchain", ["TON"]),
    ],
)
def test_short_network_names_count_only_where_a_network_is_chosen(text: str, networks: list[str]) -> None:
    assert networks_find(text) == networks


def test_a_short_demand_for_compensation_is_a_complaint() -> None:
    assert complaint_cue("系统出错害我爆仓，赔我") is True


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("客服小李效率很高，点赞", False),
        ("can you explain how the maker fee is calculated?", False),
        ("do you have a hotline I could call?", False),
        ("can you explain how this happened? refund me the fee", True),
        ("服务好慢，我要投诉", True),
    ],
)
def test_praise_and_questions_are_not_complaints(text: str, complaint: bool) -> None:
    assert complaint_cue(text) is complaint


@pytest.mark.parametrize(
    "text",
    [
        "the app says nothing in my account now, last week there was 2 eth, I never sold",
        "我的帳戶被駭客入侵，USDT不見了",
        "钱包里的币被清光了",
        "醒来发现账户空空如也",
        "账户里的U被恶意转出",
        "i'm the victim of a hack here, pls help",
        "my wallet was looted last night",
    ],
)
def test_classes_from_the_late_set_are_theft(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "login alert from another country, reset my password, funds untouched, what else should I do",
            "security",
        ),
        ("my brother's wallet got hacked, how can I make mine harder to break into", "security"),
        ("有封邮件让我verify账户，链接很可疑，我没点", "security"),
        ("I tried to log in twice but it keeps saying wrong password, please help", "account_login"),
        ("不是被盗，是我自己开合约爆仓了，亏损记录在哪", "trading"),
    ],
)
def test_classes_from_the_late_set_keep_their_category(text: str, category: str) -> None:
    assert message_triage(text=text).category == category


def test_a_theft_question_about_the_platform_is_not_a_denial() -> None:
    assert theft_suspected("我的U全没了，你们系统是不是被黑了")


def test_wanting_an_amount_back_is_a_complaint() -> None:
    assert complaint_cue("your engine liquidated me on a bad tick, I want my 800 USDT back") is True


@pytest.mark.parametrize(
    "text",
    [
        "somebody else used my passport for KYC? it says the document is taken",
        "平台以前被黑客攻击过吗",
        "an email claims someone withdrew from my account, yet there are no withdrawals in my history",
        "the gas fee ate my tiny balance, why so expensive",
        "my wallet got compromised two years ago and I fixed it, now I just can't sign in",
    ],
)
def test_theft_words_without_a_current_loss_do_not_page_security(text: str) -> None:
    assert not theft_suspected(text)


@pytest.mark.parametrize(
    "text",
    [
        "我啲USDT俾人提走晒",
        "有人冒認平台職員，叫我send咗2000u過去，之後block咗我",
        "got a 'withdrawal completed' push for 1 eth, I never requested it",
        "我的wallet被陌生人access了，token少了一半",
        "余额变成0了，我没有transfer过",
    ],
)
def test_cantonese_and_disowned_notices_are_theft(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"
