"""Build bench/data/triage_fresh*.jsonl from setN.py: fill placeholders with generated identifiers,
derive tx-hash/address gold labels from them (decoys are never gold).

Run: .venv/bin/python bench/data/triage_fresh/build.py set1 ../triage_fresh.jsonl 101
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from entitygen import Gen  # noqa: E402

ADDRESS = {"evm", "evm_lc", "btc1", "btc3", "bc1q", "bc1p", "tron", "sol"}
TX = {"ethtx", "txh", "soltx"}
GEN = {"txh": "hex64", "key": "hex64"}
DECOY = {"evm_bad", "btc_bad", "tron_bad", "bech_bad", "evm_short", "order", "uid", "key"}


def build(module: str, out: Path, seed: int) -> int:
    rows = importlib.import_module(module).ROWS
    gen = Gen(seed)
    lines = []
    for n, (lang, cat, complaint, text, networks, amounts) in enumerate(rows):
        values: dict[str, str] = {}
        txs: list[str] = []
        addrs: list[str] = []

        def fill(m: re.Match, values=values, txs=txs, addrs=addrs) -> str:
            name = m.group(1)
            kind = name if name in ADDRESS | TX | DECOY else re.sub(r"\d+$", "", name)
            if name not in values:
                values[name] = getattr(gen, GEN.get(kind, kind))()
            v = values[name]
            if kind in ADDRESS and v not in addrs:
                addrs.append(v)
            elif kind in TX and v not in txs:
                txs.append(v)
            elif kind not in DECOY | ADDRESS | TX:
                raise ValueError(f"unknown placeholder {name}")
            return v

        filled = re.sub(r"\{([a-z_0-9]+)\}", fill, text)
        amts = []
        for a in filter(None, (x.strip() for x in amounts.split(";"))):
            value, asset = a.split()
            amts.append({"value": value, "asset": asset})
        lines.append(
            json.dumps(
                {
                    "id": f"{module}-{n:03d}",
                    "lang": lang,
                    "text": filled,
                    "category": cat,
                    "complaint": bool(complaint),
                    "entities": {
                        "tx_hashes": txs,
                        "addresses": addrs,
                        "networks": [x for x in networks.split(",") if x],
                        "amounts": amts,
                    },
                },
                ensure_ascii=False,
            )
        )
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


if __name__ == "__main__":
    print(build(sys.argv[1], (HERE / sys.argv[2]).resolve(), int(sys.argv[3])))
