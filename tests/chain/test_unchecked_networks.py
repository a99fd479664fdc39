"""A hash the desk cannot look up everywhere it may be (a bare 64-hex TRON or Bitcoin txid with only
EVM networks set up) is never called missing: the answer names what could not be checked, keeps the
hash as pasted, and leads to a ticket; the agent's panel offers the same networks."""

from __future__ import annotations

import os

import pytest

from walletdesk.chain.models import Chain, TxCheck
from walletdesk.chain.services import chains_import, tx_diagnose, tx_hash_kinds, tx_hash_kinds_missing
from walletdesk.tickets.inbox import InboundMessage, receive

from .conftest import Devnet
from .standins import standin_serve


@pytest.fixture
def eth_only(db: None, devnet: Devnet) -> Devnet:
    data = devnet.chains_file()
    chains_import(data={"chains": data["chains"][:1]})
    return devnet


def test_hash_kinds_by_how_the_hash_is_written() -> None:
    bare = os.urandom(32).hex()
    assert tx_hash_kinds("0x" + bare) == ("evm",)
    assert tx_hash_kinds(f"  {bare.upper()} ") == ("tron", "bitcoin", "evm")
    assert tx_hash_kinds("0x" + bare[:10]) == ()


def test_a_bare_hash_on_an_evm_only_desk_is_not_called_missing(eth_only: Devnet) -> None:
    bare = os.urandom(32).hex()

    english = tx_diagnose(chain_id="eth", tx_hash=bare, locale="en")
    chinese = tx_diagnose(chain_id="eth", tx_hash=bare, locale="zh-hans")

    assert english.verdict == "network_unchecked" and english.found_on is None
    assert english.tx_hash == bare  # as pasted: no 0x added to a TRON or Bitcoin txid
    assert f"{bare[:10]}…{bare[-6:]}" in english.explanation and "0x" not in english.explanation
    assert "cannot be checked automatically here: TRON (TRC-20), Bitcoin." in english.explanation
    assert "Open a ticket" in english.explanation
    for claim in ("never broadcast", "moved no funds", "any other network we support"):
        assert claim not in english.explanation
    assert "无法在此自动查询：波场 TRON（TRC-20）、比特币。" in chinese.explanation
    assert "请提交工单" in chinese.explanation


def test_a_0x_hash_on_an_evm_desk_is_still_not_found(eth_only: Devnet) -> None:
    assert tx_diagnose(chain_id="eth", tx_hash="0x" + os.urandom(32).hex()).verdict == "not_found"


def test_a_bare_hash_is_not_found_once_tron_and_bitcoin_were_asked(db: None) -> None:
    with standin_serve("esplora") as btc, standin_serve("tron") as tron:
        chains_import(
            data={
                "chains": [
                    {
                        "id": "btc",
                        "name": "Bitcoin",
                        "kind": "bitcoin",
                        "rpc": btc.url,
                        "confirmations": 2,
                        "assets": [{"symbol": "BTC", "native": True, "decimals": 8, "min_deposit": "0"}],
                    },
                    {
                        "id": "tron",
                        "name": "TRON",
                        "kind": "tron",
                        "rpc": tron.url,
                        "confirmations": 19,
                        "assets": [{"symbol": "TRX", "native": True, "decimals": 6, "min_deposit": "1"}],
                    },
                ]
            }
        )
        assert tx_diagnose(chain_id="tron", tx_hash=os.urandom(32).hex()).verdict == "not_found"
        assert tx_hash_kinds_missing(os.urandom(32).hex(), list(Chain.objects.all())) == []


@pytest.mark.parametrize(
    ("language", "verdict", "button"),
    [
        ("en", "Network not checked here", "Open a ticket with this transaction hash"),
        ("zh-hans", "无法自动查询该网络", "提交工单并附上此交易哈希"),
    ],
)
def test_the_portal_says_the_network_is_not_checked_and_offers_a_ticket(
    eth_only: Devnet, client, language, verdict, button
) -> None:
    bare = os.urandom(32).hex()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    client.cookies["django_language"] = language

    page = client.post("/support/check/", {"chain": "eth", "tx": bare})

    html = page.content.decode()
    assert page.status_code == 200 and verdict in html and button in html
    assert 'id="check-open-ticket" href="/support/new/"' in html  # signed out: the request form
    assert TxCheck.objects.get().tx_hash == bare


def test_the_agent_panel_offers_the_networks_the_hash_may_be_on_and_names_the_others(
    eth_only: Devnet, client, agent, customer, settings
) -> None:
    settings.WALLETDESK_REQUIRE_2FA = False
    bare, prefixed = os.urandom(32).hex(), "0x" + os.urandom(32).hex()
    ticket = receive(
        InboundMessage(
            channel="web", body=f"充值没到 {bare} 还有 {prefixed}", customer=customer, new_ticket=True
        )
    ).ticket
    client.force_login(agent)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    html = client.get(f"/console/chain/tickets/{ticket.pk}/panel/").content.decode()

    bare_form = html.split(f'data-tx="{bare}"')[1].split("</form>")[0]
    assert "Not set up here for automatic lookup" in bare_form
    assert f'href="https://tronscan.org/#/transaction/{bare}"' in bare_form
    assert f'href="https://mempool.space/tx/{bare}"' in bare_form
    assert '<option value="eth">' in bare_form  # an EVM hash copied without its 0x
    prefixed_form = html.split(f'data-tx="{prefixed}"')[1].split("</form>")[0]
    assert "Not set up here" not in prefixed_form and '<option value="eth">' in prefixed_form
