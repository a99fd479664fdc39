"""Entity chips for the agent console: explorer links chosen by hash shape and network."""

from __future__ import annotations

from django.template import Context, Template

from walletdesk.triage.selectors import entity_chips_list
from walletdesk.triage.services import entities_extract

EVM_TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
BARE_TX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
TRON = "TD7jnbP7yB6P4XSurjQ7Teb8YP7po5K3zW"
BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


def test_evm_hash_links_to_the_explorer_of_the_named_network() -> None:
    chips = entity_chips_list(entities=entities_extract(text=f"BSC 上的 {EVM_TX}"))
    assert chips[0].url == f"https://bscscan.com/tx/{EVM_TX}"
    chips = entity_chips_list(entities=entities_extract(text=f"tx {EVM_TX}"))
    assert chips[0].url == f"https://etherscan.io/tx/{EVM_TX}"


def test_bare_hash_follows_the_addresses_chain() -> None:
    chips = entity_chips_list(entities={"tx_hashes": [BARE_TX], "addresses": [BECH32]})
    assert chips[0].url == f"https://mempool.space/tx/{BARE_TX}"
    chips = entity_chips_list(entities={"tx_hashes": [BARE_TX], "addresses": [TRON], "networks": ["TRC20"]})
    assert chips[0].url == f"https://tronscan.org/#/transaction/{BARE_TX}"
    assert chips[1].url == f"https://tronscan.org/#/address/{TRON}"


def test_amounts_and_networks_are_plain_chips_and_the_tag_renders_links() -> None:
    stored = entities_extract(text=f"充值 500U 走 TRC20 到 {TRON}").as_dict()
    html = Template("{% load triage_tags %}{% triage_chips ents %}").render(Context({"ents": stored}))
    assert f'href="https://tronscan.org/#/address/{TRON}"' in html
    assert "500 USDT" in html and "TRC20" in html
    assert 'rel="noopener noreferrer"' in html


def test_no_entities_renders_nothing() -> None:
    html = Template("{% load triage_tags %}{% triage_chips ents %}").render(Context({"ents": None}))
    assert html.strip() == ""
