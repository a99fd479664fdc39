"""The operator commands: once through the real console script in a fresh database, then in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from .conftest import Devnet, new_address

BIN = Path(sys.executable).parent / "walletdesk"


def test_console_script_imports_then_diagnoses(devnet: Devnet, tmp_path: Path) -> None:
    # Own SQLite file: the subprocess must not touch the test database or a PostgreSQL DATABASE_URL.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["WALLETDESK_SQLITE_PATH"] = str(tmp_path / "cli.sqlite3")
    env["WALLETDESK_VAR_DIR"] = str(tmp_path)
    # An existing (empty) file: the console script skips its full first-run migrate and the chain
    # commands migrate only the chain app, the path of an older database that predates these tables.
    (tmp_path / "cli.sqlite3").touch()
    chains_file = tmp_path / "chains.json"
    chains_file.write_text(json.dumps(devnet.chains_file()))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(BIN), *args], capture_output=True, text=True, env=env, timeout=300)

    imported = run("chains", "import", str(chains_file))
    assert imported.returncode == 0, imported.stderr
    assert "imported eth" in imported.stdout

    to = new_address()
    tx = devnet.a.token_transfer(devnet.usdt_a, to, 10_500_000)
    done = run(
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


def _command(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        call_command(*args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.django_db
def test_diagnose_command_prints_json_or_one_sentence(devnet: Devnet, capsys, tmp_path: Path) -> None:
    chains_file = tmp_path / "chains.json"
    chains_file.write_text(json.dumps(devnet.chains_file(dead_rpc=True)))
    assert _command(capsys, "chains", "import", str(chains_file))[0] == 0
    tx = devnet.a.token_transfer(devnet.usdt_a, new_address(), 10_500_000)
    code, out, _ = _command(capsys, "diagnose", "--chain", "bsc", "--tx", tx, "--locale", "zh-hans")
    assert (
        code == 0
        and json.loads(out)["verdict"] == "wrong_network"
        and "错误网络" in json.loads(out)["explanation"]
    )
    for args, sentence in [
        (["--chain", "solana", "--tx", tx], "'solana' is not configured"),
        (["--chain", "eth", "--tx", "0xabc"], "is not a transaction hash"),
        (["--chain", "eth", "--tx", tx, "--address", "nope"], "is not an address"),
        (["--chain", "dead", "--tx", tx], "cannot be reached"),
    ]:
        code, out, err = _command(capsys, "diagnose", *args)
        assert code == 2 and out == "" and sentence in err and err.count("\n") == 1


@pytest.mark.django_db
def test_import_rejects_a_bad_file_with_a_sentence(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"chains": [{"id": "eth", "kind": "evm", "rpc": "ftp://x", "chain_id": 1}]}')
    code, _, err = _command(capsys, "chains", "import", str(bad))
    assert code == 2 and "chains[0].rpc" in err and "http(s) URL" in err
    code, _, err = _command(capsys, "chains", "import", str(tmp_path / "nope.json"))
    assert code == 2 and "Cannot read the chains file" in err
    bad.write_text("{not json")
    assert "not valid JSON" in _command(capsys, "chains", "import", str(bad))[2]
