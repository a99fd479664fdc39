"""Entity extraction: validated hashes and addresses, normalised networks, crypto amounts."""

from __future__ import annotations

import pytest

from walletdesk.triage.addresses import (
    btc_base58_valid,
    btc_bech32_valid,
    evm_address_valid,
    solana_address_valid,
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
