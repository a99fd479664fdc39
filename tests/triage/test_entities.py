"""Entity extraction: validated hashes and addresses, normalised networks, crypto amounts."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

from walletdesk.triage.addresses import (
    btc_base58_valid,
    btc_bech32_valid,
    evm_address_valid,
    solana_address_valid,
    ton_address_valid,
    tron_address_valid,
)
from walletdesk.triage.entities import amounts_find
from walletdesk.triage.services import entities_extract

EIP55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
TRON = "TD7jnbP7yB6P4XSurjQ7Teb8YP7po5K3zW"
BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
TAPROOT = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"
P2PKH = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
SOLANA = "7aJ9cbsyhBvQbJ9E7eK7VvE1PqybZe48cCnYSWbqhsdy"
EVM_TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
BARE_TX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_eip55_mixed_case_checksum_is_checked() -> None:
    assert evm_address_valid(EIP55)
    assert evm_address_valid(EIP55.lower())
    assert not evm_address_valid(EIP55[:-1] + "D")  # one letter's case flipped


@pytest.mark.parametrize("address", [BECH32, TAPROOT])
def test_bech32_and_bech32m_addresses_validate(address: str) -> None:
    assert btc_bech32_valid(address)
    assert not btc_bech32_valid(address[:-1] + ("q" if address[-1] != "q" else "p"))


def test_base58check_rejects_a_changed_character() -> None:
    assert btc_base58_valid(P2PKH) and btc_base58_valid(P2SH)
    assert not btc_base58_valid(P2PKH[:-1] + "3")
    assert tron_address_valid(TRON)
    assert not tron_address_valid(TRON[:-1] + "X")


def test_solana_key_must_decode_to_32_bytes() -> None:
    assert solana_address_valid(SOLANA)
    assert not solana_address_valid(SOLANA[:-3])
    assert not solana_address_valid("1234567891234567891234567891234567")  # digits-only id


def test_hashes_and_addresses_are_returned_as_written_deduplicated_in_order() -> None:
    text = f"tx {EVM_TX} from {TRON} to {EIP55}, again {TRON} and {BARE_TX}"
    ents = entities_extract(text=text)
    assert ents.tx_hashes == [EVM_TX, BARE_TX]
    assert ents.addresses == [TRON, EIP55]


def test_addresses_glued_to_chinese_text_are_found() -> None:
    ents = entities_extract(text=f"充值地址是{TRON}，哈希{EVM_TX}谢谢")
    assert ents.addresses == [TRON]
    assert ents.tx_hashes == [EVM_TX]


def test_order_numbers_uids_and_bad_checksums_are_not_addresses() -> None:
    bad = EIP55[:-1] + "D"
    ents = entities_extract(text=f"订单号 2024112600012345678901234 UID 82736451 地址 {bad}")
    assert ents.addresses == []
    assert ents.tx_hashes == []


def test_a_64_hex_labelled_as_private_key_is_not_a_tx_hash() -> None:
    ents = entities_extract(text=f"my private key is {BARE_TX} is that bad? and tx {EVM_TX}")
    assert ents.tx_hashes == [EVM_TX]
    ents = entities_extract(text=f"私钥：{BARE_TX}")
    assert ents.tx_hashes == []


@pytest.mark.parametrize(
    ("text", "networks"),
    [
        ("走的trc-20", ["TRC20"]),
        ("用波场转的", ["TRC20"]),
        ("币安链上的USDT", ["BEP20"]),
        ("以太坊主网", ["ERC20"]),
        ("ERC 20 and then BSC", ["ERC20", "BEP20"]),
        ("sent on Solana then Polygon", ["SOL", "POLYGON"]),
        ("Arbitrum One, OP mainnet, Base chain", ["ARBITRUM", "OPTIMISM", "BASE"]),
        ("TON链 and the lightning network, bitcoin network", ["TON", "LIGHTNING", "BTC"]),
        ("I bought a ton of stuff at the base of the hill", []),
    ],
)
def test_networks_are_normalised(text: str, networks: list[str]) -> None:
    assert entities_extract(text=text).networks == networks


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("100 USDT", [("100", "USDT")]),
        ("0.5个ETH", [("0.5", "ETH")]),
        ("1,200u", [("1200", "USDT")]),
        ("五百U", [("500", "USDT")]),
        ("1.2万u", [("12000", "USDT")]),
        ("2k USDT", [("2000", "USDT")]),
        ("一万五千U", [("15000", "USDT")]),
        ("0.05 btc and 20 trx", [("0.05", "BTC"), ("20", "TRX")]),
        ("100元 $50 100 RMB ¥300 100美元", []),
        ("BTC price is 95000, order 1234567", []),
        ("ERC 20 USDT", []),
        ("5 万U", [("50000", "USDT")]),
        ("我有三个U盘", []),
    ],
)
def test_amounts_have_an_asset_and_a_normalised_value(text: str, amounts: list[tuple[str, str]]) -> None:
    got = entities_extract(text=text).amounts
    assert got == [{"value": v, "asset": a} for v, a in amounts]


def test_empty_and_non_string_text() -> None:
    ents = entities_extract(text="")
    assert ents.tx_hashes == ents.addresses == ents.networks == ents.amounts == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有人发了一个link给我，我点了", []),
        ("群里发了一个op的链接", []),
        ("一个LINK", [{"value": "1", "asset": "LINK"}]),
        ("转了50 link", [{"value": "50", "asset": "LINK"}]),
        ("两个比特币", [{"value": "2", "asset": "BTC"}]),
    ],
)
def test_a_ticker_that_is_an_everyday_word_needs_digits_or_upper_case(text: str, expected: list) -> None:
    assert amounts_find(text) == expected


# --- adversarial cases (tests/triage/entity_cases/) -------------------------------------------

CASES_DIR = Path(__file__).resolve().parent / "entity_cases"
CASES = [json.loads(line) for line in (CASES_DIR / "cases.jsonl").read_text(encoding="utf-8").splitlines()]


def _as_found(row_entities: dict) -> tuple[list, list, set, set]:
    return (
        row_entities["tx_hashes"],
        row_entities["addresses"],
        set(row_entities["networks"]),
        {(a["value"], a["asset"]) for a in row_entities["amounts"]},
    )


def test_entity_cases_file_is_what_the_generator_makes() -> None:
    sys.path.insert(0, str(CASES_DIR))
    try:
        import generate
    finally:
        sys.path.remove(str(CASES_DIR))
    assert generate.build() == CASES


@pytest.mark.parametrize("row", [r for r in CASES if r["clear"]], ids=lambda r: r["id"])
def test_adversarial_entity_case(row: dict) -> None:
    got = entities_extract(text=row["text"]).as_dict()
    assert _as_found(got) == _as_found(row["entities"]), row["classes"]


def test_adversarial_entity_cases_score_perfect_f1_on_hashes_and_addresses() -> None:
    counts = {kind: [0, 0, 0] for kind in ("tx_hashes", "addresses")}
    for row in (r for r in CASES if r["clear"]):
        got = entities_extract(text=row["text"]).as_dict()
        for kind, (tp_fp_fn) in counts.items():
            gold, found = set(row["entities"][kind]), set(got[kind])
            tp_fp_fn[0] += len(gold & found)
            tp_fp_fn[1] += len(found - gold)
            tp_fp_fn[2] += len(gold - found)
    assert counts["tx_hashes"][0] > 200 and counts["addresses"][0] > 280
    assert all(fp == 0 and fn == 0 for _, fp, fn in counts.values()), counts


# --- the classes those cases found ----------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn",  # testnet P2PKH
        "2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc",  # testnet P2SH
        "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",  # BIP-173 test vector
        "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",  # BIP-350 test vector
    ],
)
def test_bitcoin_testnet_addresses_are_addresses(address: str) -> None:
    assert entities_extract(text=f"充值地址{address}，没到账").addresses == [address]


def test_ton_raw_address_is_an_address_not_a_tx_hash() -> None:
    raw = "0:" + BARE_TX
    ents = entities_extract(text=f"对方地址 https://tonviewer.com/{raw}，还有 tx {EVM_TX}")
    assert ents.addresses == [raw]
    assert ents.tx_hashes == [EVM_TX]


def test_ton_friendly_address_in_an_explorer_path() -> None:
    ton = "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2"
    assert ton_address_valid(ton)
    ents = entities_extract(
        text=f"see https://tonviewer.com/{ton}/jettons and https://tonviewer.com/{ton}?x=1"
    )
    assert ents.addresses == [ton]


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\n   "])
def test_an_identifier_wrapped_over_two_lines_is_joined(brk: str) -> None:
    ents = entities_extract(
        text=f"TxID {EVM_TX[:30]}{brk}{EVM_TX[30:]}\nthanks\naddress {TRON[:20]}{brk}{TRON[20:]}"
    )
    assert ents.tx_hashes == [EVM_TX]
    assert ents.addresses == [TRON]


def test_an_address_then_a_word_on_the_next_line_is_not_joined() -> None:
    ents = entities_extract(text=f"{EIP55}\nok\n{SOLANA}\nA\n{TRON}\n{TRON}")
    assert ents.addresses == [EIP55, SOLANA, TRON]


def test_a_wrapped_uppercase_hash_is_not_read_as_the_address_of_its_first_40_digits() -> None:
    upper = EVM_TX.upper().replace("0X", "0x")
    ents = entities_extract(text=f"hash {upper[:42]}\n  {upper[42:]}")
    assert ents.tx_hashes == [upper]
    assert ents.addresses == []


@pytest.mark.parametrize(
    "text",
    [
        f"https://t.me/share/url?url=https%3A%2F%2Fetherscan.io%2Ftx%2F{EVM_TX}%23eventlog",
        f"TxID{EVM_TX}的",
        f"hash{EVM_TX}",
        f"wallet{EVM_TX}",
        f"{EVM_TX}about",
    ],
)
def test_a_hash_with_something_glued_to_it(text: str) -> None:
    assert entities_extract(text=text).tx_hashes == [EVM_TX]


def test_glued_label_before_a_bare_hex_hash() -> None:
    assert entities_extract(text=f"交易ID{BARE_TX}的").tx_hashes == [BARE_TX]
    assert entities_extract(text=f"TxID{BARE_TX}").tx_hashes == [BARE_TX]


def test_api_secret_is_not_a_tx_hash_but_a_hash_after_a_denied_key_leak_is() -> None:
    assert entities_extract(text=f"API Secret：{BARE_TX}").tx_hashes == []
    assert entities_extract(text=f"我没泄露私钥，哈希 {BARE_TX}").tx_hashes == [BARE_TX]


@pytest.mark.parametrize(
    "text",
    [
        f"https://tronscan.org/#/transaction/{BARE_TX}",
        f"[查看](https://bscscan.com/tx/{EVM_TX})",
        f"https://polygonscan.com/tx/{EVM_TX}",
        f"https://blockchair.com/ethereum/transaction/{EVM_TX}",
        "my password is strong and my subscription is obscure, electronic transfer",
        "the app is lightning fast",
    ],
)
def test_explorer_links_and_words_containing_a_network_name_are_not_networks(text: str) -> None:
    assert entities_extract(text=text).networks == []


@pytest.mark.parametrize(
    ("text", "networks"),
    [
        ("提币网络选的Arb", ["ARBITRUM"]),
        ("在OP上转的", ["OPTIMISM"]),
        ("network: BNB", ["BEP20"]),
        ("the network was BTC", ["BTC"]),
        ("走的ETH", ["ERC20"]),
        ("withdrawing to my Base wallet", ["BASE"]),
        ("用ETH付的手续费", []),
        ("I lost money on SOL", []),
        ("在ARB涨的时候买的", []),
        ("Base fee too high. base58 string", []),
        ("转了12.5 TON", []),
        ("钱包里的以太坊不翼而飞", []),
        ("我的以太坊被转走了", []),
        ("我转的以太坊链", ["ERC20"]),
        ("走的以太坊", ["ERC20"]),
        ("以太坊上的USDT", ["ERC20"]),
    ],
)
def test_short_names_and_tickers_name_a_network_only_where_one_is_chosen(
    text: str, networks: list[str]
) -> None:
    assert entities_extract(text=text).networks == networks


def test_cantonese_classifier_for_an_amount() -> None:
    assert amounts_find("入面仲有 1 粒 BTC") == [{"value": "1", "asset": "BTC"}]


def test_more_seeds_of_the_generator_come_out_exactly() -> None:
    """Seeds other than the stored file's: the same kinds and styles in new combinations."""
    sys.path.insert(0, str(CASES_DIR))
    try:
        import generate
    finally:
        sys.path.remove(str(CASES_DIR))
    wrong = []
    for seed in (1, 2, 3):
        for row in generate.build(seed):
            if row["clear"] and _as_found(entities_extract(text=row["text"]).as_dict()) != _as_found(
                row["entities"]
            ):
                wrong.append((seed, row["id"], row["classes"]))
    assert wrong == []


def test_a_bech32_address_after_an_encoded_slash_is_not_read_with_the_2f() -> None:
    bech = "bc1qgxtty4j666s23sgfud8v6euqmx2yatuqv46v8g"  # "2F" + it decodes as a Solana key
    text = f"https://t.me/share/url?url=https%3A%2F%2Fmempool.space%2Faddress%2F{bech}"
    assert entities_extract(text=text).addresses == [bech]


def test_a_ton_address_after_an_encoded_slash() -> None:
    ton = "UQAmAn8cvdssBU3pxLW8Ux1VxZ4iyKigynNydqBaJZr-39Mx"
    assert ton_address_valid(ton)
    text = f"https://t.me/share/url?url=https%3A%2F%2Ftonviewer.com%2F{ton}，hash"
    assert entities_extract(text=text).addresses == [ton]


def test_a_solana_signature_wrapped_into_two_key_like_halves_is_one_signature() -> None:
    sig = "Mm2j27B65uCxVKJsSeMdTkKRcwpJgSu59idqA77n2UNK1s1AvWH6NkNHAQwAi8cYR6mCJzGRBitxstdb8CoArYB"
    head, tail = sig[:43], sig[43:]
    assert solana_address_valid(head)
    ents = entities_extract(text=f"hash {head}\n{tail}, thanks")
    assert (ents.tx_hashes, ents.addresses) == ([sig], [])
    ents = entities_extract(text=f"addresses:\n{SOLANA}\n{SOLANA[::-1]}")
    assert ents.tx_hashes == []


def test_a_number_glued_to_a_base58_string_is_not_an_amount() -> None:
    assert amounts_find("对方给的 5U1zw4aroigmTLzupvPtbn8uuDTfAtBG1XjyvbNws1kyeqHN6bobn3g8eoWAQL6ve5") == []


def test_a_key_label_keeps_its_string_out_unless_the_words_between_tell_a_loss() -> None:
    assert entities_extract(text=f"Here is my private key, please move my funds: {BARE_TX}").tx_hashes == []
    assert entities_extract(text=f"private key, please:\n{BARE_TX[:32]}\n{BARE_TX[32:]}").tx_hashes == []
    assert entities_extract(text=f"我的私钥被盗了，钱被转走了，{BARE_TX}").tx_hashes == [BARE_TX]


def test_half_a_coin() -> None:
    assert amounts_find("转了半个ETH") == [{"value": "0.5", "asset": "ETH"}]
    assert amounts_find("半价买的U，一半U没了") == []


@pytest.mark.parametrize("text", ["a." * 10_000, "ab1." * 5_000, "1." * 10_000, "0x" * 10_000, "EQ" * 10_000])
def test_long_pathological_text_takes_linear_time(text: str) -> None:
    started = time.process_time()
    entities_extract(text=text)
    # Quadratic host matching took 6.6 s CPU on "a." * 10_000; linear takes about 0.01 s.
    assert time.process_time() - started < 0.5


def test_a_token_labelled_as_an_api_key_is_not_a_solana_address() -> None:
    assert solana_address_valid(SOLANA)
    assert entities_extract(text=f"API key: {SOLANA}").addresses == []
    assert entities_extract(text=f"API key leaked, funds sent to {SOLANA}").addresses == [SOLANA]
    assert entities_extract(text=f"my private key is safe, address {SOLANA}").addresses == [SOLANA]
