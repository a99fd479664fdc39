"""Two real anvil nodes (two chains) with hand-assembled ERC-20 tokens and a forwarding router."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from web3 import Web3

from walletdesk.chain.devnet.anvil import AnvilMissing, AnvilNode, anvil_start, free_port
from walletdesk.chain.services import chains_import

CHAIN_A_ID = 31337
CHAIN_B_ID = 4242


@dataclass
class Devnet:
    a: AnvilNode
    b: AnvilNode
    usdt_a: str  # configured on chain A, 6 decimals, min 10
    fake_usdt_a: str  # also calls itself "USDT" but is not configured
    router_a: str
    usdt_b: str  # configured on chain B

    def chains_file(self, *, dead_rpc: bool = False, b_native: bool = True) -> dict:
        chains = [
            {
                "id": "eth",
                "name": "Ethereum (test)",
                "kind": "evm",
                "rpc": self.a.url,
                "chain_id": CHAIN_A_ID,
                "confirmations": 6,
                "block_time": 12,
                "assets": [
                    {"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": "0.01"},
                    {
                        "symbol": "USDT",
                        "contract": self.usdt_a.upper().replace("0X", "0x"),
                        "decimals": 6,
                        "min_deposit": "10",
                    },
                ],
            },
            {
                "id": "bsc",
                "name": "BNB Smart Chain (test)",
                "kind": "evm",
                "rpc": self.b.url,
                "chain_id": CHAIN_B_ID,
                "confirmations": 3,
                "block_time": 3,
                "assets": (
                    [{"symbol": "BNB", "native": True, "decimals": 18, "min_deposit": "0.001"}]
                    if b_native
                    else []
                )
                + [{"symbol": "USDT", "contract": self.usdt_b, "decimals": 18, "min_deposit": "1"}],
            },
        ]
        if dead_rpc:
            chains.append(
                {
                    "id": "dead",
                    "name": "Dead chain",
                    "kind": "evm",
                    "rpc": f"http://127.0.0.1:{free_port()}",
                    "chain_id": 999,
                    "confirmations": 1,
                    "assets": [{"symbol": "DEAD", "native": True, "decimals": 18, "min_deposit": "0"}],
                }
            )
        return {"chains": chains}


@pytest.fixture(scope="session")
def devnet() -> Iterator[Devnet]:
    try:
        a = anvil_start(chain_id=CHAIN_A_ID)
    except AnvilMissing as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(str(exc))
    b = anvil_start(chain_id=CHAIN_B_ID)
    try:
        usdt_a = a.deploy_token(6)
        fake = a.deploy_token(6)
        router = a.deploy_router()
        usdt_b = b.deploy_token(18)
        # The router pays out from its own balance.
        a.token_transfer(usdt_a, router, 10**15)
        a.token_transfer(fake, router, 10**15)
        yield Devnet(a=a, b=b, usdt_a=usdt_a, fake_usdt_a=fake, router_a=router, usdt_b=usdt_b)
    finally:
        a.stop()
        b.stop()


@pytest.fixture
def chains(db: None, devnet: Devnet) -> Devnet:
    chains_import(data=devnet.chains_file())
    return devnet


def new_address() -> str:
    """A fresh recipient in EIP-55 form, the form diagnoses print addresses in."""
    return Web3.to_checksum_address("0x" + os.urandom(20).hex())
