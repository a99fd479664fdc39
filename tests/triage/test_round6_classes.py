"""Round 6 (set 13's error classes), tested on other wordings than the set's own."""

import pytest

from walletdesk.triage.rules import (
    complaint_cue,
    feature_request,
    login_blocked_by_own_2fa,
    loss_elsewhere,
    own_transfer,
    product_suggestion,
    service_opinion,
)
from walletdesk.triage.services import message_triage


@pytest.mark.parametrize(
    "text",
    [
        "received a notice that my withdrawal has been processed, I never made it, 2 ETH is gone",
        "the app says withdrawal was successful for 500 USDT, that was not me",
    ],
)
def test_disowned_withdrawal_notice_with_words_between_is_theft(text):
    assert message_triage(text=text).category == "account_theft"


@pytest.mark.parametrize(
    "text",
    ["我打算提2个ETH到冷钱包，最少要提多少？", "I would like to withdraw 1 BTC, what is the daily cap?"],
)
def test_a_move_still_intended_is_own_transfer_not_a_loss(text):
    assert own_transfer(text)
    assert message_triage(text=text).category != "account_theft"


def test_a_move_intended_but_disowned_is_not_own_transfer():
    assert not own_transfer("我想提币的时候发现币已经被转走了，不是我操作的")


@pytest.mark.parametrize(
    "text",
    [
        "a colleague lost his BTC to a phishing site at another platform, how can I make sure mine is safe?",
        "有个同事在别的交易所被盗了，我的怎么保护",
    ],
)
def test_an_unnamed_friend_or_colleague_is_someone_elses_loss(text):
    assert loss_elsewhere(text)
    assert message_triage(text=text).category == "security"


@pytest.mark.parametrize(
    "text",
    [
        "phone was reset and the authenticator is gone, how can I sign in now?",
        "手机丢了谷歌验证也没了，登陆不进账户",
        "sign in keeps saying my 2FA code is incorrect",
    ],
)
def test_login_blocked_by_own_2fa_is_account_login(text):
    assert login_blocked_by_own_2fa(text)
    assert message_triage(text=text).category == "account_login"


@pytest.mark.parametrize(
    "text",
    [
        "you charged me twice for the spread, give the money back",
        "the outage wiped my position, I expect my losses covered",
        "钱已经到链上了，快点给我入账",
    ],
)
def test_redress_asked_in_other_words_is_complaint(text):
    assert complaint_cue(text) is True


@pytest.mark.parametrize(
    "text", ["can I speak with a real person?", "请转人工客服", "Hi, chat with an agent pls"]
)
def test_a_bare_request_for_a_person_is_no_complaint(text):
    assert complaint_cue(text) is False


def test_a_request_for_a_person_beside_a_complaint_word_stays_a_complaint():
    assert complaint_cue("this is unacceptable, let me talk to a human") is True


@pytest.mark.parametrize(
    "text",
    [
        "would be great if you could add 2FA by hardware key for sub-accounts",
        "建议增加一个止盈止损的模板功能",
    ],
)
def test_feature_requests_are_recognised(text):
    assert feature_request(text)


def test_feature_request_on_a_security_topic_is_other():
    assert (
        message_triage(text="please add an option to show price alerts as a percentage").category == "other"
    )


def test_an_authenticator_reset_by_someone_else_is_not_app_content():
    assert (
        message_triage(text="someone reset my authenticator and now I can't log in").category
        != "account_login"
    )


def test_give_it_back_told_of_a_third_party_is_no_demand():
    assert (
        complaint_cue("my cousin borrowed my phone and moved my SOL, she refuses to give it back") is not True
    )


@pytest.mark.parametrize(
    "text",
    [
        "support takes forever to answer my tickets",
        "邮件回复要等好几天",
        "the font on the new interface is too small and hard to read",
    ],
)
def test_opinions_on_support_speed_or_app_look_are_service_feedback(text):
    assert service_opinion(text)
    assert message_triage(text=text).category == "service_feedback"


def test_a_crash_in_the_new_interface_stays_a_bug_report():
    assert not service_opinion("the new interface is confusing and it crashes on launch")


# After set 14's single measurement (so set 14 is seen from here on).
@pytest.mark.parametrize(
    "text",
    ["从火币转了三个ETH到你们这里，链上已确认，还没入账", "我从币安提了1000U过来，一小时了还没到"],
)
def test_a_move_from_another_exchange_to_here_is_a_deposit_not_a_loss(text):
    assert message_triage(text=text).category == "deposit"


def test_a_withdraw_verb_with_a_space_before_the_coin_is_withdrawal():
    assert message_triage(text="提 USDC 可以走 Base 吗").category == "withdrawal"


@pytest.mark.parametrize(
    "text", ["换了新手机，身份验证器没迁移，如何登录", "authenticator 丢了 怎么 sign in"]
)
def test_how_to_log_in_after_losing_2fa_is_account_login(text):
    assert message_triage(text=text).category == "account_login"


def test_devices_logged_in_before_is_security():
    assert message_triage(text="登录过的设备在哪里查看").category == "security"


@pytest.mark.parametrize("text", ["资产页面白屏了", "the markets page is stuck loading on Safari"])
def test_a_page_that_never_draws_is_a_bug_report(text):
    assert message_triage(text=text).category == "other"


def test_a_page_stuck_loading_at_login_stays_account_login():
    assert message_triage(text="登录页面一直转圈进不去").category == "account_login"


def test_a_wish_about_support_is_not_a_product_suggestion():
    assert not product_suggestion("希望可以增加人工客服的时间")
