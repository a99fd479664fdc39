"""Diagnoses per second and p95 latency of `tx_diagnose` against two real anvil nodes.

Run alone: `.venv/bin/python bench/diagnose.py [--rounds N]`. Uses its own SQLite file in a temp
directory; starts and stops its own anvil nodes (node_modules/.bin/anvil).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
TMP = tempfile.mkdtemp(prefix="walletdesk-bench-")
os.environ.pop("DATABASE_URL", None)
os.environ["WALLETDESK_SQLITE_PATH"] = str(Path(TMP) / "bench.sqlite3")
os.environ["WALLETDESK_VAR_DIR"] = TMP
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from walletdesk.chain.devnet import contracts  # noqa: E402
from walletdesk.chain.devnet.anvil import anvil_start  # noqa: E402
from walletdesk.chain.services import chains_import, tx_diagnose  # noqa: E402


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200, help="diagnoses per scenario")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    a = anvil_start(chain_id=31337)
    b = anvil_start(chain_id=4242)
    try:
        usdt = a.deploy_token(6)
        router = a.deploy_router()
        a.token_transfer(usdt, router, 10**15)
        usdt_b = b.deploy_token(18)
        chains_import(
            data={
                "chains": [
                    {
                        "id": "eth",
                        "name": "Ethereum",
                        "kind": "evm",
                        "rpc": a.url,
                        "chain_id": 31337,
                        "confirmations": 12,
                        "assets": [
                            {"symbol": "ETH", "native": True, "decimals": 18, "min_deposit": "0.01"},
                            {"symbol": "USDT", "contract": usdt, "decimals": 6, "min_deposit": "10"},
                        ],
                    },
                    {
                        "id": "bsc",
                        "name": "BSC",
                        "kind": "evm",
                        "rpc": b.url,
                        "chain_id": 4242,
                        "confirmations": 15,
                        "assets": [
                            {"symbol": "USDT", "contract": usdt_b, "decimals": 18, "min_deposit": "1"}
                        ],
                    },
                ]
            }
        )
        to = "0x" + "ab" * 20
        native = a.send(frm=a.accounts[0], to=to, value=10**18)
        token = a.token_transfer(usdt, to, 50_000_000)
        routed = a.send(
            frm=a.accounts[0],
            to=router,
            gas=500_000,
            data=contracts.router_calldata(
                [(usdt, "0x" + f"{i:040x}", 20_000_000) for i in range(1, 9)] + [(usdt, to, 30_000_000)]
            ),
        )
        other = b.token_transfer(usdt_b, to, 10**18)
        scenarios = [
            ("native, confirming", dict(chain_id="eth", tx_hash=native, address=to)),
            ("ERC-20, confirming", dict(chain_id="eth", tx_hash=token, address=to)),
            ("router, 9 Transfer logs", dict(chain_id="eth", tx_hash=routed, address=to)),
            ("wrong_network (2 nodes)", dict(chain_id="eth", tx_hash=other, address=to)),
            ("not_found (2 nodes)", dict(chain_id="eth", tx_hash="0x" + "11" * 32)),
        ]
        rows = []
        every: list[float] = []
        for name, kwargs in scenarios:
            verdict = tx_diagnose(**kwargs).verdict  # warm the connection pool
            samples = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                tx_diagnose(**kwargs)
                samples.append(time.perf_counter() - start)
            every += samples
            rows.append(
                (
                    name,
                    str(verdict),
                    len(samples),
                    statistics.mean(samples) * 1000,
                    _p95(samples) * 1000,
                    len(samples) / sum(samples),
                )
            )
        rows.append(
            (
                "all scenarios",
                "",
                len(every),
                statistics.mean(every) * 1000,
                _p95(every) * 1000,
                len(every) / sum(every),
            )
        )
        cli = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(
                [str(ROOT / ".venv" / "bin" / "walletdesk"), "diagnose", "--chain", "eth", "--tx", token],
                check=True,
                capture_output=True,
                env=os.environ.copy(),
            )
            cli.append(time.perf_counter() - start)
        print(f"{'scenario':28} {'verdict':14} {'n':>5} {'mean ms':>9} {'p95 ms':>9} {'diag/s':>9}")
        for name, verdict, n, mean, p95, rate in rows:
            print(f"{name:28} {verdict:14} {n:5d} {mean:9.2f} {p95:9.2f} {rate:9.1f}")
        print(
            f"{'CLI process (walletdesk diagnose)':43} {len(cli):5d} {statistics.mean(cli) * 1000:9.0f} "
            f"{max(cli) * 1000:9.0f} {len(cli) / sum(cli):9.2f}"
        )
    finally:
        a.stop()
        b.stop()


if __name__ == "__main__":
    main()
