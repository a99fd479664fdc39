"""Start and drive local anvil nodes (npm @foundry-rs/anvil) for tests, the bench and the demo."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from walletdesk.chain.devnet import contracts

PROJECT_DIR = Path(__file__).resolve().parents[4]


class AnvilMissing(RuntimeError):
    pass


def anvil_binary() -> str:
    """node_modules/.bin/anvil (installed by `make test-deps`), else an anvil on PATH."""
    local = PROJECT_DIR / "node_modules" / ".bin" / "anvil"
    if local.exists():
        return str(local)
    found = shutil.which("anvil")
    if found:
        return found
    raise AnvilMissing(
        "anvil is not installed: run `npm ci` (package @foundry-rs/anvil) or `make test-deps`."
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class AnvilNode:
    """One running anvil; `rpc()` talks JSON-RPC to it with plain requests (the code under test uses web3)."""

    chain_id: int
    port: int
    process: subprocess.Popen | None = None
    accounts: list[str] = field(default_factory=list)
    automine: bool = True
    _session: requests.Session = field(default_factory=requests.Session)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rpc(self, method: str, *params: Any) -> Any:
        body = {"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}
        reply = self._session.post(self.url, json=body, timeout=30).json()
        if "error" in reply:
            raise RuntimeError(f"{method} failed: {reply['error']}")
        return reply["result"]

    def send(
        self, *, frm: str, to: str | None = None, value: int = 0, data: str = "0x", gas: int | None = None
    ) -> str:
        tx: dict[str, Any] = {"from": frm, "value": hex(value), "data": data}
        if to is not None:
            tx["to"] = to
        if gas is not None:
            # An explicit gas limit skips estimation, which is how a reverting tx still gets mined.
            tx["gas"] = hex(gas)
        tx_hash = str(self.rpc("eth_sendTransaction", tx))
        if self.automine:
            # Callers expect a sent tx to be mined when automine is on; anvil may answer first.
            self.receipt(tx_hash)
        return tx_hash

    def receipt(self, tx_hash: str, timeout: float = 10.0) -> dict[str, Any]:
        """The receipt, waiting for automine: anvil may answer eth_sendTransaction before it mines."""
        deadline = time.monotonic() + timeout
        while True:
            receipt = self.rpc("eth_getTransactionReceipt", tx_hash)
            if receipt:
                return dict(receipt)
            if time.monotonic() > deadline:
                raise RuntimeError(f"{tx_hash} was not mined within {timeout}s")
            time.sleep(0.01)

    def deploy(self, initcode: bytes, *, frm: str | None = None) -> str:
        tx_hash = self.send(frm=frm or self.accounts[0], data="0x" + initcode.hex(), gas=3_000_000)
        return str(self.receipt(tx_hash)["contractAddress"])

    def deploy_token(self, decimals: int = 18, *, frm: str | None = None) -> str:
        return self.deploy(contracts.token_initcode(decimals), frm=frm)

    def deploy_router(self) -> str:
        return self.deploy(contracts.router_initcode())

    def token_transfer(
        self, token: str, to: str, amount: int, *, frm: str | None = None, gas: int | None = None
    ) -> str:
        return self.send(
            frm=frm or self.accounts[0],
            to=token,
            data=contracts.transfer_calldata(to, amount),
            gas=gas or 100_000,
        )

    def mine(self, blocks: int = 1) -> None:
        self.rpc("anvil_mine", hex(blocks))

    def head(self) -> int:
        return int(self.rpc("eth_blockNumber"), 16)

    def set_automine(self, enabled: bool) -> None:
        self.rpc("evm_setAutomine", enabled)
        self.automine = enabled

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def anvil_start(*, chain_id: int, port: int | None = None, timeout: float = 20.0) -> AnvilNode:
    """Start anvil on a free loopback port and wait until it answers; the caller must `stop()` it."""
    port = port or free_port()
    cmd = [
        anvil_binary(),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--chain-id",
        str(chain_id),
        "--silent",
        "--accounts",
        "5",
    ]
    process = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"}
    )
    node = AnvilNode(chain_id=chain_id, port=port, process=process)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            err = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"anvil exited with {process.returncode}: {err.strip()}")
        try:
            node.accounts = list(node.rpc("eth_accounts"))
            return node
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                node.stop()
                raise RuntimeError(f"anvil did not answer on {node.url} within {timeout}s") from None
            time.sleep(0.05)
