"""Every verdict against real anvil nodes, through the service the product calls."""

from __future__ import annotations

import os

import pytest
from web3 import Web3

from walletdesk.chain.devnet import contracts
from walletdesk.chain.errors import AddressMalformed, ChainUnknown, ChainUnreachable, TxHashMalformed
from walletdesk.chain.services import chains_import, tx_diagnose

from .conftest import Devnet, new_address

ETH = 10**18


def _router_pay(devnet: Devnet, token: str, pairs: list[tuple[str, int]]) -> str:
    return devnet.a.send(
        frm=devnet.a.accounts[0],
        to=devnet.router_a,
        data=contracts.router_calldata([(token, to, amount) for to, amount in pairs]),
        gas=400_000,
    )


def test_native_deposit_reports_exact_amount_and_confirmations(chains: Devnet) -> None:
    to = new_address()
    tx = chains.a.send(frm=chains.a.accounts[0], to=to, value=3 * ETH // 2)
    chains.a.mine(9)
    result = tx_diagnose(chain_id="eth", tx_hash=tx, address=to).as_dict()
    assert result["verdict"] == "confirmed"
    assert result["asset"] == "ETH" and result["amount"] == "1.5" and result["to"] == to
    assert result["confirmations"] == 10 and result["required"] == 6
    assert result["chain"] == "eth" and result["found_on"] == "eth"


def test_confirmations_count_head_minus_block_plus_one(chains: Devnet) -> None:
    to = new_address()
    tx = chains.a.token_transfer(chains.usdt_a, to, 25_000_000)
    first = tx_diagnose(chain_id="eth", tx_hash=tx, address=to)
    assert (first.verdict, first.confirmations) == ("confirming", 1)
    assert "5 more confirmations" in first.explanation and "about 1 minutes" in first.explanation
    chains.a.mine(4)
    assert tx_diagnose(chain_id="eth", tx_hash=tx, address=to).as_dict()["confirmations"] == 5
    assert tx_diagnose(chain_id="eth", tx_hash=tx, address=to).verdict == "confirming"
    chains.a.mine(1)
    last = tx_diagnose(chain_id="eth", tx_hash=tx, address=to).as_dict()
    assert (last["verdict"], last["confirmations"], last["asset"], last["amount"]) == (
        "confirmed",
        6,
        "USDT",
        "25",
    )


def test_transfer_made_inside_a_contract_call_is_found(chains: Devnet) -> None:
    to = new_address()
    tx = _router_pay(chains, chains.usdt_a, [(to, 12_340_000)])
    chains.a.mine(6)
    result = tx_diagnose(chain_id="eth", tx_hash=tx, address=to).as_dict()
    assert (result["verdict"], result["asset"], result["amount"], result["to"]) == (
        "confirmed",
        "USDT",
        "12.34",
        to,
    )


def test_several_transfer_logs_pick_the_address_and_sum_the_same_token(chains: Devnet) -> None:
    first, second = new_address(), new_address()
    tx = _router_pay(chains, chains.usdt_a, [(first, 30_000_000), (second, 20_000_000), (first, 5_000_000)])
    chains.a.mine(6)
    assert tx_diagnose(chain_id="eth", tx_hash=tx, address=second).as_dict()["amount"] == "20"
    assert tx_diagnose(chain_id="eth", tx_hash=tx, address=first).as_dict()["amount"] == "35"
    main = tx_diagnose(chain_id="eth", tx_hash=tx).as_dict()
    assert (main["verdict"], main["to"], main["amount"]) == ("confirmed", first, "30")


def test_mixed_tokens_to_one_address_prefer_the_configured_one(chains: Devnet) -> None:
    to = new_address()
    fake_tx = _router_pay(chains, chains.fake_usdt_a, [(to, 50_000_000)])
    chains.a.mine(6)
    assert tx_diagnose(chain_id="eth", tx_hash=fake_tx, address=to).verdict == "unsupported_asset"
    # A real deposit in a tx that also carries a fake token is still a real deposit.
    payments = [(chains.fake_usdt_a, to, 99_000_000), (chains.usdt_a, to, 15_000_000)]
    tx = chains.a.send(
        frm=chains.a.accounts[0], to=chains.router_a, gas=400_000, data=contracts.router_calldata(payments)
    )
    chains.a.mine(6)
    result = tx_diagnose(chain_id="eth", tx_hash=tx, address=to).as_dict()
    assert (result["verdict"], result["asset"], result["amount"]) == ("confirmed", "USDT", "15")
    # Without an address the main transfer is the first one of a configured asset.
    assert tx_diagnose(chain_id="eth", tx_hash=tx).as_dict()["amount"] == "15"


def test_fake_token_with_a_known_symbol_is_unsupported(chains: Devnet) -> None:
    to = new_address()
    tx = chains.a.token_transfer(chains.fake_usdt_a, to, 500_000_000)
    chains.a.mine(6)
    result = tx_diagnose(chain_id="eth", tx_hash=tx, address=to, asset="USDT").as_dict()
    assert result["verdict"] == "unsupported_asset"
    assert result["asset"] == Web3.to_checksum_address(chains.fake_usdt_a)
    assert result["amount"] == "500"  # from the token's decimals(), only to show it
    no_address = tx_diagnose(chain_id="eth", tx_hash=tx).as_dict()
    assert no_address["verdict"] == "unsupported_asset"


def test_native_coin_missing_from_the_asset_list_is_unsupported(db: None, devnet: Devnet) -> None:
    chains_import(data=devnet.chains_file(b_native=False))
    to = new_address()
    tx = devnet.b.send(frm=devnet.b.accounts[0], to=to, value=ETH)
    result = tx_diagnose(chain_id="bsc", tx_hash=tx, address=to).as_dict()
    assert (result["verdict"], result["amount"]) == ("unsupported_asset", "1")


def test_below_minimum_compares_exact_decimals(chains: Devnet) -> None:
    to = new_address()
    under = chains.a.token_transfer(chains.usdt_a, to, 9_999_999)
    exact = chains.a.token_transfer(chains.usdt_a, to, 10_000_000)
    chains.a.mine(6)
    result = tx_diagnose(chain_id="eth", tx_hash=under, address=to).as_dict()
    assert (result["verdict"], result["amount"]) == ("below_minimum", "9.999999")
    assert "10 USDT" in result["explanation"]
    assert tx_diagnose(chain_id="eth", tx_hash=exact, address=to).verdict == "confirmed"
    dust = chains.a.send(frm=chains.a.accounts[0], to=to, value=ETH // 100 - 1)
    assert tx_diagnose(chain_id="eth", tx_hash=dust, address=to).as_dict()["amount"] == "0.009999999999999999"
    assert tx_diagnose(chain_id="eth", tx_hash=dust, address=to).verdict == "below_minimum"


def test_reverted_transaction_is_failed(chains: Devnet) -> None:
    to = new_address()
    poor = chains.a.accounts[4]
    tx = chains.a.token_transfer(chains.usdt_a, to, 1_000_000, frm=poor, gas=100_000)
    assert chains.a.receipt(tx)["status"] == "0x0"
    result = tx_diagnose(chain_id="eth", tx_hash=tx, address=to).as_dict()
    assert result["verdict"] == "failed" and result["confirmations"] == 1
    # The reverted call still shows what it meant to move.
    assert (result["asset"], result["amount"]) == ("USDT", "1")
    through_router = _router_pay(chains, chains.usdt_a, [(to, 10**30)])
    assert tx_diagnose(chain_id="eth", tx_hash=through_router, address=to).verdict == "failed"


def test_wrong_address_when_nothing_reaches_the_customer(chains: Devnet) -> None:
    paid, customer = new_address(), new_address()
    tx = chains.a.token_transfer(chains.usdt_a, paid, 50_000_000)
    result = tx_diagnose(chain_id="eth", tx_hash=tx, address=customer).as_dict()
    assert result["verdict"] == "wrong_address"
    assert result["to"] is None
    # A zero native value is no transfer.
    zero = chains.a.send(frm=chains.a.accounts[0], to=customer, value=0)
    assert tx_diagnose(chain_id="eth", tx_hash=zero, address=customer).verdict == "wrong_address"


def test_mempool_transaction_is_pending_until_mined(chains: Devnet) -> None:
    to = new_address()
    chains.a.set_automine(False)
    try:
        tx = chains.a.send(frm=chains.a.accounts[1], to=to, value=ETH)
        # Pending comes before wrong_address: nothing is decided about a tx that is not in a block.
        result = tx_diagnose(chain_id="eth", tx_hash=tx, address=new_address()).as_dict()
        assert (result["verdict"], result["confirmations"], result["found_on"]) == ("pending", 0, "eth")
        token_tx = chains.a.token_transfer(chains.usdt_a, to, 20_000_000, frm=chains.a.accounts[0])
        pending_token = tx_diagnose(chain_id="eth", tx_hash=token_tx, address=to).as_dict()
        assert (pending_token["verdict"], pending_token["asset"], pending_token["amount"]) == (
            "pending",
            "USDT",
            "20",
        )
        # In the mempool of chain A but not on B: the customer picked the wrong network.
        assert tx_diagnose(chain_id="bsc", tx_hash=tx).as_dict()["found_on"] == "eth"
    finally:
        chains.a.mine(1)
        chains.a.set_automine(True)
    assert tx_diagnose(chain_id="eth", tx_hash=tx, address=to).verdict == "confirming"


def test_transaction_on_another_configured_chain_is_wrong_network(chains: Devnet) -> None:
    to = new_address()
    tx = chains.b.token_transfer(chains.usdt_b, to, 7 * ETH)
    result = tx_diagnose(chain_id="eth", tx_hash=tx, address=to).as_dict()
    assert (result["verdict"], result["chain"], result["found_on"]) == ("wrong_network", "eth", "bsc")
    assert (result["asset"], result["amount"]) == ("USDT", "7")
    assert "BNB Smart Chain (test)" in result["explanation"]
    assert tx_diagnose(chain_id="bsc", tx_hash=tx, address=to).verdict == "confirming"


def test_unknown_hash_is_not_claimed_missing_while_a_network_it_may_be_on_is_down(
    db: None, devnet: Devnet
) -> None:
    """The dead chain was never asked: the answer says so instead of "not found anywhere"."""
    chains_import(data=devnet.chains_file(dead_rpc=True))
    result = tx_diagnose(chain_id="eth", tx_hash="0x" + os.urandom(32).hex()).as_dict()
    assert result == {
        **result,
        "verdict": "network_unchecked",
        "found_on": None,
        "confirmations": None,
        "asset": None,
        "amount": None,
        "to": None,
        "required": 6,
    }
    assert "Dead chain (its node is not answering right now)" in result["explanation"]
    assert "does not exist" not in result["explanation"] and "moved no funds" not in result["explanation"]


def test_unknown_hash_is_not_found_when_every_network_answered(chains: Devnet) -> None:
    result = tx_diagnose(chain_id="eth", tx_hash="0x" + os.urandom(32).hex()).as_dict()
    assert result["verdict"] == "not_found"


def test_hash_and_address_in_any_case_with_or_without_0x(chains: Devnet) -> None:
    to = new_address()
    tx = chains.a.token_transfer(chains.usdt_a, to, 11_000_000)
    for tx_form, address_form in [
        (tx.upper(), to.upper()),
        (tx[2:], to[2:].upper()),
        ("0X" + tx[2:].upper(), to.lower()),
    ]:
        result = tx_diagnose(chain_id="eth", tx_hash=tx_form, address=address_form).as_dict()
        assert (result["verdict"], result["to"]) == ("confirming", to)
    assert tx_diagnose(chain_id="ETH", tx_hash=tx).chain == "eth"


def test_explanation_speaks_the_customers_language(chains: Devnet) -> None:
    to = new_address()
    tx = chains.a.send(frm=chains.a.accounts[0], to=to, value=ETH)
    zh = tx_diagnose(chain_id="eth", tx_hash=tx, address=to, asset="USDT", locale="zh-hans")
    assert "确认" in zh.explanation and "USDT" in zh.explanation and "ETH" in zh.explanation
    en = tx_diagnose(chain_id="eth", tx_hash=tx, address=to, asset="USDT", locale="en")
    assert "You said you sent USDT, but this transaction moved ETH" in en.explanation


def test_bad_inputs_are_errors_not_verdicts(db: None, devnet: Devnet) -> None:
    chains_import(data=devnet.chains_file(dead_rpc=True))
    with pytest.raises(ChainUnknown, match="'tron' is not configured"):
        tx_diagnose(chain_id="tron", tx_hash="0x" + "ab" * 32)
    for bad in ["0x1234", "zz" * 32, "", "0x" + "ab" * 33]:
        with pytest.raises(TxHashMalformed):
            tx_diagnose(chain_id="eth", tx_hash=bad)
    with pytest.raises(AddressMalformed):
        tx_diagnose(chain_id="eth", tx_hash="0x" + "ab" * 32, address="0x12")
    with pytest.raises(ChainUnreachable, match="cannot be reached"):
        tx_diagnose(chain_id="dead", tx_hash="0x" + "ab" * 32)
