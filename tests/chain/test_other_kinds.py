"""Bitcoin (Esplora API) and TRON (HTTP API) adapters against faithful local stand-ins (standins.py)."""

from __future__ import annotations

import os

import pytest

from walletdesk.chain.adapters.tron import tron_base58
from walletdesk.chain.errors import AddressMalformed
from walletdesk.chain.services import chains_import, tx_diagnose

from .standins import esplora_tx, standin_serve

BTC_ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
USDT_TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
USDT_TRC20_HEX = "a614f803b6fd780986a42c78ec9c7f77e6ded13c"
TRANSFER = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"


@pytest.fixture
def nodes(db):
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
                        "assets": [{"symbol": "BTC", "native": True, "decimals": 8, "min_deposit": "0.0005"}],
                    },
                    {
                        "id": "tron",
                        "name": "TRON",
                        "kind": "tron",
                        "rpc": tron.url,
                        "confirmations": 19,
                        "assets": [
                            {"symbol": "TRX", "native": True, "decimals": 6, "min_deposit": "1"},
                            {"symbol": "USDT", "contract": USDT_TRC20, "decimals": 6, "min_deposit": "10"},
                        ],
                    },
                ]
            }
        )
        yield btc, tron


def _txid() -> str:
    return os.urandom(32).hex()


def test_bitcoin_outputs_confirmations_and_mempool(nodes) -> None:
    btc, _ = nodes
    mined, waiting, small = _txid(), _txid(), _txid()
    btc.txs[mined] = esplora_tx(
        mined, [("bc1qother0000000000000000000000000000000", 5000), (BTC_ADDRESS, 150_000)], height=btc.tip
    )
    btc.txs[waiting] = esplora_tx(waiting, [(BTC_ADDRESS, 10**6)], height=None)
    btc.txs[small] = esplora_tx(small, [(BTC_ADDRESS, 100)], height=btc.tip - 5)
    first = tx_diagnose(chain_id="btc", tx_hash=mined.upper(), address=BTC_ADDRESS.upper()).as_dict()
    assert (first["verdict"], first["confirmations"], first["amount"]) == ("confirming", 1, "0.0015")
    btc.tip += 1
    assert tx_diagnose(chain_id="btc", tx_hash=mined, address=BTC_ADDRESS).verdict == "confirmed"
    assert tx_diagnose(chain_id="btc", tx_hash=waiting).verdict == "pending"
    assert tx_diagnose(chain_id="btc", tx_hash=small, address=BTC_ADDRESS).verdict == "below_minimum"
    other = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"
    assert tx_diagnose(chain_id="btc", tx_hash=mined, address=other).verdict == "wrong_address"
    assert tx_diagnose(chain_id="btc", tx_hash=_txid()).verdict == "not_found"
    with pytest.raises(AddressMalformed):
        tx_diagnose(chain_id="btc", tx_hash=mined, address="0x" + "ab" * 20)


def _tron_trc20(
    tron, txid: str, token_hex: str, to_hex: str, units: int, *, ok: bool = True, in_block: bool = True
) -> None:
    tron.txs[txid] = {
        "ret": [{"contractRet": "SUCCESS" if ok else "REVERT"}],
        "txID": txid,
        "signature": ["ab" * 65],
        "raw_data": {
            "contract": [
                {
                    "type": "TriggerSmartContract",
                    "parameter": {
                        "type_url": "type.googleapis.com/protocol.TriggerSmartContract",
                        "value": {
                            "data": "a9059cbb" + to_hex.rjust(64, "0") + hex(units)[2:].rjust(64, "0"),
                            "owner_address": "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8",
                            "contract_address": tron_base58("41" + token_hex),
                        },
                    },
                }
            ],
            "ref_block_bytes": "1234",
            "expiration": 1,
            "fee_limit": 100000000,
            "timestamp": 1,
        },
    }
    if in_block:
        tron.infos[txid] = {
            "id": txid,
            "fee": 13_844_850,
            "blockNumber": tron.tip - 2,
            "blockTimeStamp": 1_700_000_000_000,
            "contractResult": [""],
            "contract_address": "41" + token_hex,
            "receipt": {
                "energy_usage_total": 64285,
                "net_usage": 345,
                "result": "SUCCESS" if ok else "REVERT",
            },
            **({"result": "FAILED", "resMessage": "5452414e534645525f4641494c4544"} if not ok else {}),
            "log": [
                {
                    "address": token_hex,
                    "topics": [
                        TRANSFER,
                        "00" * 12 + "5e0f28a5d2c2a9d3b1c4e8e1f1d3c2b1a0f9e8d7",
                        "00" * 12 + to_hex,
                    ],
                    "data": hex(units)[2:].rjust(64, "0"),
                }
            ]
            if ok
            else [],
        }


def test_tron_trc20_verdicts(nodes) -> None:
    _, tron = nodes
    customer_hex = "5b5c2b3d4e6f708192a3b4c5d6e7f8091a2b3c4d"
    customer = tron_base58("41" + customer_hex)
    good, failed, fake, waiting = _txid(), _txid(), _txid(), _txid()
    _tron_trc20(tron, good, USDT_TRC20_HEX, customer_hex, 500_000_000)
    _tron_trc20(tron, failed, USDT_TRC20_HEX, customer_hex, 500_000_000, ok=False)
    _tron_trc20(tron, fake, "11" * 20, customer_hex, 500_000_000)
    _tron_trc20(tron, waiting, USDT_TRC20_HEX, customer_hex, 1, in_block=False)
    result = tx_diagnose(chain_id="tron", tx_hash=good, address=customer).as_dict()
    assert (result["verdict"], result["confirmations"], result["asset"], result["amount"], result["to"]) == (
        "confirming",
        3,
        "USDT",
        "500",
        customer,
    )
    # The hex form of the same address is the same address.
    assert tx_diagnose(chain_id="tron", tx_hash=good, address="41" + customer_hex).verdict == "confirming"
    tron.tip += 16
    assert tx_diagnose(chain_id="tron", tx_hash=good, address=customer).verdict == "confirmed"
    assert tx_diagnose(chain_id="tron", tx_hash=failed, address=customer).verdict == "failed"
    assert tx_diagnose(chain_id="tron", tx_hash=fake, address=customer).verdict == "unsupported_asset"
    assert tx_diagnose(chain_id="tron", tx_hash=waiting).verdict == "pending"
    assert tx_diagnose(chain_id="btc", tx_hash=good).as_dict()["found_on"] == "tron"


def test_tron_native_trx_transfer(nodes) -> None:
    _, tron = nodes
    customer = tron_base58("41" + "77" * 20)
    txid = _txid()
    tron.txs[txid] = {
        "ret": [{"contractRet": "SUCCESS"}],
        "txID": txid,
        "raw_data": {
            "contract": [
                {
                    "type": "TransferContract",
                    "parameter": {
                        "value": {
                            "amount": 500_000,
                            "owner_address": "41" + "66" * 20,
                            "to_address": "41" + "77" * 20,
                        }
                    },
                }
            ]
        },
    }
    tron.infos[txid] = {"id": txid, "blockNumber": tron.tip - 30, "receipt": {"net_usage": 267}}
    result = tx_diagnose(chain_id="tron", tx_hash=txid, address=customer).as_dict()
    assert (result["verdict"], result["asset"], result["amount"]) == ("below_minimum", "TRX", "0.5")
