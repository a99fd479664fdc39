"""Verify speed: time per value for the engine (the CLI's --jsonl path) and for value_verify via the API layer.

Run alone: .venv/bin/python bench/verify_speed.py   (bar: < 1 ms per value)
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")

from tests.verify.cases import ALL_CASES, REGISTRIES  # noqa: E402

from walletdesk.verify.engine import fold, judge  # noqa: E402
from walletdesk.verify.engine.judge import ChannelSpec, RegistryIndex  # noqa: E402


def timed(index: RegistryIndex, values: list[str]) -> list[float]:
    out = []
    for value in values:
        start = time.perf_counter()
        index.judge(value)
        out.append((time.perf_counter() - start) * 1000)
    return out


def clear_caches() -> None:
    """Forget every memoised string so a "cold" pass costs what fresh traffic costs."""
    for cached in (
        fold.skeleton,
        fold.plain,
        fold.reader,
        fold.is_compound,
        fold.bigrams,
        judge._vocab_cuts,
        judge._is_vocab,
    ):
        cached.cache_clear()


def cpu_ms_per_value(index: RegistryIndex, values: list[str]) -> float:
    """CPU time of this process only: what the engine costs, whatever else the machine is running."""
    start = time.process_time()
    for value in values:
        index.judge(value)
    return (time.process_time() - start) * 1000 / len(values)


def main() -> None:
    specs = [
        ChannelSpec(r["brand"], c["kind"], c["value"], c["label"]) for r in REGISTRIES for c in r["channels"]
    ]
    start = time.perf_counter()
    index = RegistryIndex(specs)
    build_ms = (time.perf_counter() - start) * 1000
    values = [v for v, _, _ in ALL_CASES]
    # Fresh-looking values defeat the skeleton cache the way real traffic would.
    fresh = [f"x{i}{v}" if "." in v and "@" not in v and "/" not in v else v for i, v in enumerate(values)]
    # One value of each kind first: module-level tables (phone metadata, IDNA) load once per process.
    for value in (
        "example.com",
        "a@example.com",
        "@name",
        "+86 400 820 8820",
        "wechat_id",
        "xn--bcher-kva.de",
    ):
        index.judge(value)
    # The machine is shared (other builds, tests): each figure is the median of three passes.
    colds, warms = [], []
    for _ in range(3):
        clear_caches()
        colds.append(timed(index, fresh))
        warms.append(timed(index, values * 3))
    cold = sorted(colds, key=statistics.mean)[1]
    warm = sorted(warms, key=statistics.mean)[1]
    print(
        f"registry: {len(specs)} channels, {len(index.tokens)} brand names; index built in {build_ms:.1f} ms"
    )
    print(f"{'run':10} {'values':>7} {'mean ms':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, samples in (("cold", cold), ("warm", warm)):
        p99 = sorted(samples)[int(len(samples) * 0.99) - 1]
        print(
            f"{name:10} {len(samples):7d} {statistics.mean(samples):8.3f} {statistics.median(samples):8.3f} "
            f"{p99:8.3f} {max(samples):8.3f}"
        )
    clear_caches()
    cpu_cold = cpu_ms_per_value(index, fresh)
    cpu_warm = cpu_ms_per_value(index, values * 3)
    print(f"CPU time per value: cold {cpu_cold:.3f} ms, warm {cpu_warm:.3f} ms")
    # Many brands at once, as the evaluation with real brands registers them: more names to compare.
    fresh_dir = ROOT / "bench" / "data" / "verify_blocklist_fresh"
    registry = json.loads((fresh_dir / "registry.json").read_text(encoding="utf-8"))
    many = RegistryIndex(
        specs + [ChannelSpec(r["brand"], c["kind"], c["value"], "") for r in registry for c in r["channels"]]
    )
    domains = [
        line.strip()
        for name in ("phishing.txt", "legit.txt")
        for line in (fresh_dir / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    clear_caches()
    cpu_many = cpu_ms_per_value(many, domains)
    print(
        f"CPU time per value, {len(many.tokens)} brand names, {len(domains)} fresh domains (cold): {cpu_many:.3f} ms"
    )
    # What the page, the API and the CLI's --jsonl run: the engine, then the shield's secret check
    # (people paste seed phrases into anything that says "check").
    import django

    django.setup()
    from walletdesk.verify.services import value_judge

    value_judge(index=index, value="warm-up example.com")
    clear_caches()
    start = time.process_time()
    for value in values * 3:
        value_judge(index=index, value=value)
    cpu_service = (time.process_time() - start) * 1000 / (len(values) * 3)
    print(
        f"CPU time per value through services.value_judge (engine + secret check), warm: {cpu_service:.3f} ms"
    )
    print("bar: mean < 1 ms per value")


if __name__ == "__main__":
    main()
