"""Operator configuration: validation sentences, replace-on-reimport, exact minimums."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from walletdesk.chain.errors import ChainsFileInvalid
from walletdesk.chain.models import Asset, Chain
from walletdesk.chain.services import chains_import

USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7"


def _file(**chain_overrides: object) -> dict:
    chain = {
        "id": "eth",
        "name": "Ethereum",
        "kind": "evm",
        "rpc": "http://127.0.0.1:8545",
        "chain_id": 1,
        "confirmations": 12,
        "assets": [
            {"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": "0.01"},
            {"symbol": "USDT", "contract": USDT, "decimals": 6, "min_deposit": "10"},
        ],
    }
    chain.update(chain_overrides)
    return {"chains": [chain]}


@pytest.mark.django_db
def test_import_stores_normalized_contracts_and_exact_minimums() -> None:
    chains_import(data=_file())
    chain = Chain.objects.get(pk="eth")
    assert (chain.confirmations, chain.block_seconds) == (12, 12.0)
    usdt = Asset.objects.get(chain=chain, symbol="USDT")
    assert usdt.contract == USDT.lower() and usdt.min_deposit_decimal == Decimal("10")
    data = json.loads(json.dumps(_file()), parse_float=Decimal)
    data["chains"][0]["assets"][0]["min_deposit"] = Decimal("0.000000000000000001")
    chains_import(data=data)
    assert Asset.objects.get(chain=chain, native=True).min_deposit_decimal == Decimal("1E-18")


@pytest.mark.django_db
def test_importing_a_chain_id_again_replaces_it_and_keeps_the_others() -> None:
    chains_import(data=_file())
    chains_import(data=_file(id="bsc", chain_id=56, confirmations=15))
    chains_import(
        data=_file(
            confirmations=3, assets=[{"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": "1"}]
        )
    )
    eth = Chain.objects.get(pk="eth")
    assert eth.confirmations == 3 and [a.symbol for a in eth.assets.all()] == ["ETH"]
    assert Chain.objects.get(pk="bsc").block_seconds == 3.0
    assert list(Chain.objects.values_list("pk", flat=True)) == ["eth", "bsc"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"rpc": "not a url"}, "chains[0].rpc"),
        ({"chain_id": "1"}, "chains[0].chain_id: must be a whole number"),
        ({"confirmations": -1}, "chains[0].confirmations"),
        ({"kind": "solana"}, "is not one of evm, bitcoin, tron"),
        ({"assets": [{"symbol": "USDT", "contract": "0x1234", "decimals": 6}]}, "is not a contract address"),
        ({"assets": [{"symbol": "USDT", "decimals": 6}]}, 'a token needs its "contract"'),
        (
            {"assets": [{"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": 0.1}]},
            "decimal string",
        ),
        (
            {"assets": [{"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": "abc"}]},
            "not a decimal",
        ),
        (
            {
                "assets": [
                    {"symbol": "A", "native": True, "decimals": 18},
                    {"symbol": "B", "native": True, "decimals": 18},
                ]
            },
            "only one asset",
        ),
        (
            {
                "assets": [
                    {"symbol": "A", "contract": USDT, "decimals": 6},
                    {"symbol": "B", "contract": USDT.lower(), "decimals": 6},
                ]
            },
            "listed twice",
        ),
    ],
)
def test_bad_files_change_nothing_and_say_where(overrides: dict, message: str) -> None:
    with pytest.raises(ChainsFileInvalid, match=message.replace("(", r"\(").replace("[", r"\[")):
        chains_import(data=_file(**overrides))
    assert not Chain.objects.exists()


@pytest.mark.django_db
def test_duplicate_ids_and_wrong_shape_are_rejected() -> None:
    with pytest.raises(ChainsFileInvalid, match="appears more than once"):
        chains_import(data={"chains": _file()["chains"] * 2})
    with pytest.raises(ChainsFileInvalid, match='"chains" list'):
        chains_import(data=[])
