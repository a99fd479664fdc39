"""The look-alike rules for real brands: slip budgets by name length, English words, scam words beside
brand names that are words themselves, look-alike whole domains. Each rule also has cases that must
stay unknown, so a rule that flags everything fails here."""

import json
from pathlib import Path

import pytest

from walletdesk.verify.engine.fold import is_compound, other_name, scaled_typo, weighted_distance
from walletdesk.verify.engine.judge import ChannelSpec, RegistryIndex

REGISTRY = Path(__file__).resolve().parents[2] / "bench/data/verify_blocklist_fresh/registry.json"


@pytest.fixture(scope="module")
def brands():
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    return RegistryIndex(
        [ChannelSpec(r["brand"], c["kind"], c["value"], "") for r in registry for c in r["channels"]]
    )


def verdict(index, value):
    return index.judge(value).verdict


@pytest.mark.parametrize(
    ("candidate", "brand", "expected"),
    [
        ("paenkoceswap", "pancakeswap", True),  # three slips in an eleven-letter name
        ("pankecceswoap", "pancakeswap", True),
        ("krakkenn", "kraken", True),  # two doubled letters
        ("meetamaskk", "metamask", True),
        ("metamesk", "metamask", True),
        ("behance", "binance", False),  # two changed letters in a seven-letter name: another word
        ("bjnace", "binance", True),  # a letter dropped and a neighbouring key, the ending kept
        ("bitgo", "bitget", False),  # the same budget, but the ending changed: another name
        ("bitgear", "bitget", False),
        ("metabase", "metamask", False),  # two letters changed that nobody mistypes
        ("finance", "binance", False),
        ("pancakehouse", "pancakeswap", False),
    ],
)
def test_slip_budget_grows_with_the_name(candidate, brand, expected):
    assert scaled_typo(candidate, brand) is expected


def test_letters_slipped_in_together_count_once_for_long_names():
    # "eum" added in one place: one insertion and two slips, inside the budget of a 13-letter name
    assert weighted_distance("myethereumwallet", "myetherwallet", runs=True)[:2] == (2.0, 1)
    assert weighted_distance("myethereumwallet", "myetherwallet")[:2] == (3.0, 3)
    assert scaled_typo("myethereumwallets", "myetherwallet")
    assert not scaled_typo("myetherumwalletview", "myetherwallet")


def test_weighted_distance_counts_slips_as_half():
    assert weighted_distance("krakken", "kraken")[:2] == (0.5, 0)  # a doubled letter
    assert weighted_distance("krakem", "kraken")[:2] == (0.5, 0)  # m beside n on the keyboard
    assert weighted_distance("krakel", "kraken")[:2] == (1.0, 1)  # l for n: a changed letter


@pytest.mark.parametrize(
    ("candidate", "brand", "expected"),
    [
        ("optimum", "optimism", True),  # an English word
        ("blockchair", "blockchain", True),  # block + chair, a letter nobody mistypes
        ("trustpilot", "trustwallet", True),
        ("pancakesswap", "pancakeswap", False),  # pancakes + swap, but only a doubled letter
        ("metamusk", "metamask", False),  # meta + musk, but only a vowel
        ("etherwallet", "myetherwallet", False),  # letters left out
        ("coinglass", "coinbase", True),  # coin + glass, reached by adding a letter
    ],
)
def test_english_words_are_other_names(candidate, brand, expected):
    assert other_name(candidate, brand) is expected


def test_compound_needs_two_real_words_of_four_letters():
    assert is_compound("exodustravels")
    assert not is_compound("binacne")  # bin + acne: too short a word to count
    assert not is_compound("ledgre")


@pytest.mark.parametrize(
    "value",
    [
        "poankakesvveap-fund.com",  # vv for w, o slipped in, k for c, then a scam word
        "pankecceswoap-invest.com",
        "krakkenn.com",
        "mettamassk.com",
        "0kx-exchange.com",  # a digit for a letter inside a short name
        "crypt0.com",  # the whole domain written with a look-alike digit
        "curve-fi.app",  # the official address with its dot turned into a hyphen
        "lidofi-claim.app",
        "exodus-update.com",  # word-like brand + a phishing kit's word
        "optimism-superchain-claim.net",
        "ledger-nano-x.shop",
        "join-optimism.org",
        "aaveprotocol-secure.org",
        "dydxprotocol-login.com",
        "phantom-solana-airdrop.xyz",
        "cryptocom-rewards.app",
        "gate-io-login.com",
        "opensea-luckydraw7.vercel.app",
        "trustwallet.com.secure-login.top",
    ],
)
def test_imitations_of_real_brands_are_caught(brands, value):
    assert verdict(brands, value) == "lookalike", brands.judge(value)


@pytest.mark.parametrize(
    "value",
    [
        "behance.net",
        "optimum.net",
        "optimizely.com",
        "blockchair.com",
        "trustpilot.com",
        "trustwave.com",
        "budget.com",
        "bitgo.com",
        "metabase.com",
        "exodustravels.com",  # an ordinary business named with a brand's word
        "exoduspoint.com",
        "curves.com",
        "cryptocompare.com",  # crypto.com's name runs on into another word
        "blockchaincenter.net",
        "blockchain-council.org",
        "gatehub.net",  # "gate" + an ordinary business word
        "gatesfoundation.org",
        "curvelabs.com",
        "phantombuster.com",
        "ledgerinsights.com",
        "aavegotchi.com",
        "cryptocoin.com",  # no typo search on a name that ends in its suffix (Crypto.com)
        "cryptocomics.com",
    ],
)
def test_ordinary_names_that_share_letters_stay_unknown(brands, value):
    from walletdesk.verify.engine import judge

    saved, judge.KNOWN_LEGITIMATE = judge.KNOWN_LEGITIMATE, frozenset()
    try:
        assert verdict(brands, value) == "unknown", brands.judge(value)
    finally:
        judge.KNOWN_LEGITIMATE = saved


def test_the_brands_own_sites_stay_official(brands):
    for value in ("https://www.binance.com/en", "app.uniswap.org", "curve.fi", "www.huobi.com", "1inch.io"):
        assert verdict(brands, value) == "official", value
