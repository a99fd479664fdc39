"""Triage speed on one core: model load, messages/s for message_triage and entities_extract,
and the wall time of `walletdesk triage --jsonl` on a batch (start-up included).

Run: .venv/bin/python bench/triage_speed.py [--n 3000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")

import django  # noqa: E402

django.setup()

from walletdesk.triage.dataset import labelled_load  # noqa: E402
from walletdesk.triage.model import MODEL_PATH, model_from_file  # noqa: E402
from walletdesk.triage.services import entities_extract, message_triage, triage_warm  # noqa: E402


def _rate(fn, texts: list[str]) -> tuple[float, float]:
    started = time.process_time()
    for text in texts:
        fn(text=text)
    cpu = time.process_time() - started
    return len(texts) / cpu, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3000, help="messages per measurement")
    args = parser.parse_args()
    rows = labelled_load()
    texts = [rows[i % len(rows)]["text"] for i in range(args.n)]
    avg_chars = sum(map(len, texts)) / len(texts)

    started = time.process_time()
    model_from_file(MODEL_PATH)
    load_cpu = time.process_time() - started
    started = time.process_time()
    triage_warm()  # what a server does before its first ticket: the rule gates are built here
    warm_cpu = time.process_time() - started

    print(
        f"triage speed, one process, CPU time (process_time), {args.n} labelled messages, avg {avg_chars:.0f} chars"
    )
    print(f"{'measurement':<38} {'value':>14}")
    print(f"{'model.npz load (CPU s)':<38} {load_cpu:>14.2f}")
    print(f"{'warm-up: rule gates (CPU s)':<38} {warm_cpu:>14.2f}")
    rate, _ = _rate(message_triage, texts)
    print(f"{'message_triage (msgs/s)':<38} {rate:>14,.0f}")
    rate, _ = _rate(entities_extract, texts)
    print(f"{'entities_extract (msgs/s)':<38} {rate:>14,.0f}")

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        path = fh.name
    cli = str(ROOT / ".venv" / "bin" / "walletdesk")
    # Wall time depends on what else the machine runs; the children's CPU time does not.
    for label, cmd in (
        ("CLI start-up + 1 message", [cli, "triage", "充值没到账"]),
        (f"CLI --jsonl {args.n} messages", [cli, "triage", "--jsonl", "--input", path]),
    ):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"{label + ' (CPU s)':<38} {cpu:>14.2f}")
        print(f"{label + ' (wall s)':<38} {wall:>14.2f}")
    os.unlink(path)
    print(f"{'machine load average (1 min)':<38} {os.getloadavg()[0]:>14.2f}")


if __name__ == "__main__":
    main()
