"""The operator commands as the evaluation runs them: the real console script in a fresh database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Devnet, new_address

BIN = Path(sys.executable).parent / "walletdesk"


@pytest.fixture
def cli(tmp_path: Path):
    # Own SQLite file: the subprocess must not touch the test database or a PostgreSQL DATABASE_URL.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["WALLETDESK_SQLITE_PATH"] = str(tmp_path / "cli.sqlite3")
    env["WALLETDESK_VAR_DIR"] = str(tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(BIN), *args], capture_output=True, text=True, env=env, timeout=120)

    return run


def test_import_then_diagnose_prints_the_json_contract(cli, devnet: Devnet, tmp_path: Path) -> None:
    chains_file = tmp_path / "chains.json"
    chains_file.write_text(json.dumps(devnet.chains_file(dead_rpc=True)))
    imported = cli("chains", "import", str(chains_file))
    assert imported.returncode == 0, imported.stderr
    assert "imported eth" in imported.stdout

    to = new_address()
    tx = devnet.a.token_transfer(devnet.usdt_a, to, 10_500_000)
    done = cli(
        "diagnose", "--chain", "eth", "--tx", tx.upper()[2:], "--address", to.upper(), "--asset", "usdt"
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert list(result) == [
        "verdict",
        "chain",
        "found_on",
        "confirmations",
        "required",
        "asset",
        "amount",
        "to",
        "explanation",
    ]
    assert result | {"explanation": ""} == {
        "verdict": "confirming",
        "chain": "eth",
        "found_on": "eth",
        "confirmations": 1,
        "required": 6,
        "asset": "USDT",
        "amount": "10.5",
        "to": to,
        "explanation": "",
    }
    zh = cli("diagnose", "--chain", "bsc", "--tx", tx, "--locale", "zh-hans")
    assert (
        json.loads(zh.stdout)["verdict"] == "wrong_network"
        and "错误网络" in json.loads(zh.stdout)["explanation"]
    )

    for args, sentence in [
        (["--chain", "solana", "--tx", tx], "'solana' is not configured"),
        (["--chain", "eth", "--tx", "0xabc"], "is not a transaction hash"),
        (["--chain", "eth", "--tx", tx, "--address", "nope"], "is not an address"),
        (["--chain", "dead", "--tx", tx], "cannot be reached"),
    ]:
        failed = cli("diagnose", *args)
        assert failed.returncode != 0 and failed.stdout == ""
        assert sentence in failed.stderr and "Traceback" not in failed.stderr


def test_import_rejects_a_bad_file_with_a_sentence(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"chains": [{"id": "eth", "kind": "evm", "rpc": "ftp://x", "chain_id": 1}]}')
    result = cli("chains", "import", str(bad))
    assert result.returncode != 0 and "chains[0].rpc" in result.stderr and "http(s) URL" in result.stderr
    missing = cli("chains", "import", str(tmp_path / "nope.json"))
    assert missing.returncode != 0 and "Cannot read the chains file" in missing.stderr
    bad.write_text("{not json")
    assert "not valid JSON" in cli("chains", "import", str(bad)).stderr
