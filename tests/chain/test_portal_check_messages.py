"""What a customer reads when their transaction check fails: their language, no node URLs or config."""

from __future__ import annotations

import socket

import pytest

from walletdesk.chain.services import chains_import

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dead_chain(db) -> str:
    rpc = f"http://127.0.0.1:{_closed_port()}"
    chains_import(
        data={
            "chains": [
                {
                    "id": "eth",
                    "name": "Ethereum (node down)",
                    "kind": "evm",
                    "rpc": rpc,
                    "chain_id": 1,
                    "confirmations": 1,
                    "assets": [{"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": "0"}],
                }
            ]
        }
    )
    return rpc


@pytest.mark.parametrize(
    ("accept_language", "unreachable", "not_a_hash", "no_network"),
    [
        ("zh-CN,zh;q=0.9", "暂时无法连接该网络", "这不是交易哈希", "请选择这笔交易所在的网络。"),
        (
            "en",
            "We cannot reach this network right now",
            "This is not a transaction hash",
            "Choose the network",
        ),
    ],
)
def test_failed_checks_speak_the_customers_language_and_hide_the_node(
    client, dead_chain, accept_language, unreachable, not_a_hash, no_network
):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = accept_language

    down = client.post("/support/check/", {"chain": "eth", "tx": "0x" + "ab" * 32})
    malformed = client.post("/support/check/", {"chain": "eth", "tx": "zz"})
    empty = client.post("/support/check/", {})

    assert down.status_code == 503
    assert unreachable in down.content.decode()
    assert dead_chain not in down.content.decode()
    assert malformed.status_code == 400 and not_a_hash in malformed.content.decode()
    assert no_network in empty.content.decode()
    assert "configured:" not in empty.content.decode()


def test_public_check_api_answers_in_the_callers_language_without_the_node_address(client, dead_chain):
    down = client.post(
        "/api/v1/chain/check",
        {"chain": "eth", "tx": "0x" + "ab" * 32},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9",
    )
    unknown = client.post(
        "/api/v1/chain/check",
        {"chain": "nope", "tx": "0x" + "ab" * 32},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert down.status_code == 503
    assert down.json()["error"]["code"] == "chain_unreachable"
    assert "暂时无法连接该网络" in down.json()["error"]["message"]
    assert dead_chain not in down.content.decode()
    assert unknown.status_code == 404
    assert unknown.json()["error"]["message"] == "Choose the network the transaction was sent on."
