"""Round 14: guards that overruled a theft the model saw. An admission ("my mistake", "我自己", a
liquidation) does not clear a stranger's hand on the account; a swapped SIM or a clicked link is a
third party, not a transfer in flight; a deposit talked into or a sum told lost completes a paid
scam; "didn't take anything" leaves the assets intact. Wordings are our own, not the writers'."""

from __future__ import annotations

import pytest

from walletdesk.triage.rules import (
    assets_intact,
    in_transit,
    own_funds_gone,
    scam_paid,
    self_inflicted,
    theft_set_aside,
)
from walletdesk.triage.services import message_triage


@pytest.mark.parametrize(
    "text",
    [
        "账户被人登录后开了杠杆合约，全部爆仓，我自己从来不玩合约",
        "whoever logged in placed leveraged longs and got liquidated, I never trade futures",
        "my api key was used to open leveraged trades that got liquidated, I lost 900 usdt",
        "号给人改了密码，我自己现在登不上去",
    ],
)
def test_a_strangers_hand_is_no_admission_of_the_customers_own_mistake(text: str) -> None:
    assert not self_inflicted(text)


@pytest.mark.parametrize(
    "text",
    [
        "我自己转错地址了，能找回吗",
        "I sent USDT on the wrong network by mistake, my own fault",
        "爆仓了，杠杆开太大，是我自己的问题",
    ],
)
def test_the_customers_own_mistake_is_still_self_inflicted(text: str) -> None:
    assert self_inflicted(text)


@pytest.mark.parametrize(
    "text",
    [
        "my sim was swapped at the carrier and then 3 ETH was withdrawn, explorer shows it confirmed",
        "I clicked the link in an sms about a pending withdrawal, then 800 usdt was sent out, tx confirmed",
    ],
)
def test_a_swapped_sim_or_a_clicked_link_is_not_a_transfer_in_flight(text: str) -> None:
    assert not in_transit(text)


def test_the_customers_own_withdrawal_in_flight_stays_in_transit() -> None:
    assert in_transit("I withdrew 500 usdt two hours ago and it is still not showing on the explorer")


@pytest.mark.parametrize(
    "text",
    [
        "a fake broker persuaded me to deposit 2000 usdt into their trading platform, now they ask for a fee",
        "it was a scam job: they refunded nothing and I'm out 900.",
    ],
)
def test_a_scam_talked_into_or_a_sum_told_lost_is_a_paid_scam(text: str) -> None:
    assert scam_paid(text)


def test_a_scam_refused_is_not_paid() -> None:
    assert not scam_paid("a fake broker tried to persuade me to deposit 2000 usdt, I didn't send anything")


def test_a_stranger_who_took_nothing_leaves_the_assets_intact() -> None:
    assert assets_intact("someone logged in but couldn't take anything, I reset my password")
    assert not assets_intact("everything is gone and I didnt withdraw anything")


@pytest.mark.parametrize(
    "text",
    [
        "whoever logged in placed leveraged longs and got liquidated, my 2,000 usdt is gone, I never trade futures",
        "有陌生人登了我的号开了合约，全部爆仓，亏了三千u，我自己从来不玩合约",
    ],
)
def test_trades_a_stranger_made_on_the_account_are_theft(text: str) -> None:
    assert message_triage(text=text).category == "account_theft"


def test_holdings_told_shrunk_to_pocket_change_are_gone() -> None:
    assert own_funds_gone("I had 4k usdt yesterday evening, now there's just 2 dollars")
    assert not own_funds_gone("now there's a fee of 2 dollars on withdrawals")


def test_a_request_to_support_is_no_hypothetical() -> None:
    assert not theft_set_aside("Could you help me get back my stolen coins? 2 ETH left my wallet last night.")
    assert theft_set_aside("could a hacker have stolen my coins with just my email?")


def test_a_seed_handed_over_is_no_admission_of_a_mistake() -> None:
    assert not self_inflicted(
        "my own fault, I typed my seed phrase into a fake wallet site and all my ETH was moved out"
    )


def test_a_further_sum_demanded_tells_the_first_one_paid() -> None:
    assert scam_paid("the fake agent wanted 300 usdt to 'verify' my wallet, then asked 600 more. it's a scam")
