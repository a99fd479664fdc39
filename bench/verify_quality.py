"""Verify quality on the project's own case set: accuracy per trick and per kind, and the issue's bars.

Run alone: .venv/bin/python bench/verify_quality.py
No database: the engine is built straight from the registries in tests/verify/cases.py. A plain
edit-distance check (what browser-wallet phishing lists use) is shown beside it as the floor.

Then the fresh real-brand samples in bench/data/verify_blocklist_fresh/ (and its holdout/), each judged
with only its own registry.json imported: imitations caught, legitimate domains flagged, the floor.
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")

from tests.verify.cases import ALL_CASES, LUMORA, LUMORA_CASES, REGISTRIES  # noqa: E402

from walletdesk.verify.engine.judge import ChannelSpec, RegistryIndex  # noqa: E402
from walletdesk.verify.engine.parse import parse_value  # noqa: E402


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def baseline_flags(value: str, names: list[str]) -> bool:
    """The floor: the second-level label within edit distance 1–2 of a brand's (exact excluded)."""
    host = parse_value(value).host
    if not host:
        return False
    label = host.split(".")[-2] if host.count(".") >= 1 else host
    return any(0 < edit_distance(label, n) <= (1 if len(n) < 7 else 2) for n in names)


FRESH = ROOT / "bench" / "data" / "verify_blocklist_fresh"


def _lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def fresh_sample(folder: Path, title: str, show_misses: bool = True) -> None:
    """A sample of real brands (registry.json), phishing.txt and legit.txt, judged with only those brands."""
    registry = json.loads((folder / "registry.json").read_text(encoding="utf-8"))
    specs = [
        ChannelSpec(r["brand"], c["kind"], c["value"], c.get("label", ""))
        for r in registry
        for c in r["channels"]
    ]
    index = RegistryIndex(specs)
    names = sorted({parse_value(s.value).host.split(".")[-2] for s in specs if s.kind == "website"})
    phishing, legit = _lines(folder / "phishing.txt"), _lines(folder / "legit.txt")
    missed = [v for v in phishing if index.judge(v).verdict != "lookalike"]
    flagged = [(v, index.judge(v)) for v in legit if index.judge(v).verdict != "unknown"]
    floor = sum(baseline_flags(v, names) for v in phishing)
    caught = len(phishing) - len(missed)
    from walletdesk.verify.engine import judge as judge_module

    saved, judge_module.KNOWN_LEGITIMATE = judge_module.KNOWN_LEGITIMATE, frozenset()
    raw_flagged = sum(index.judge(v).verdict != "unknown" for v in legit)
    judge_module.KNOWN_LEGITIMATE = saved
    print(f"\n{title} ({folder.relative_to(ROOT)}, {len(registry)} brands registered)")
    print(
        f"{'imitations caught':44} {caught:4d}/{len(phishing):<4d} {100 * caught / len(phishing):6.1f}%   (bar >= 95%)"
    )
    print(
        f"{'legitimate domains flagged':44} {len(flagged):4d}/{len(legit):<4d} {100 * len(flagged) / len(legit):6.1f}%   (bar <= 2%)"
    )
    print(
        f"{'  ... without the known-legitimate allowlist':44} {raw_flagged:4d}/{len(legit):<4d} "
        f"{100 * raw_flagged / len(legit):6.1f}%"
    )
    print(
        f"{'caught by edit distance (the floor)':44} {floor:4d}/{len(phishing):<4d} {100 * floor / len(phishing):6.1f}%"
    )
    if show_misses:
        for value in missed:
            print(f"  missed   {value}")
        for value, verdict in flagged:
            print(f"  flagged  {value:40} {verdict.verdict} {verdict.trick} ({verdict.brand})")


def table(title: str, rows: dict[str, list[bool]]) -> None:
    print(f"\n{title}")
    print(f"{'':28} {'n':>5} {'right':>6} {'accuracy':>9}")
    for key in sorted(rows):
        hits = rows[key]
        print(f"{key:28} {len(hits):5d} {sum(hits):6d} {100 * sum(hits) / len(hits):8.1f}%")


def main() -> None:
    specs = [
        ChannelSpec(r["brand"], c["kind"], c["value"], c["label"]) for r in REGISTRIES for c in r["channels"]
    ]
    index = RegistryIndex(specs)
    # Lumora is judged with nothing else registered, as the independent evaluation imports its brand.
    alone = RegistryIndex(
        [ChannelSpec(LUMORA["brand"], c["kind"], c["value"], c["label"]) for c in LUMORA["channels"]]
    )
    runs = [(index, value, expected, trick) for value, expected, trick in ALL_CASES]
    runs += [(alone, value, expected, f"alone:{trick}") for value, expected, trick in LUMORA_CASES]
    names = sorted({parse_value(s.value).host.split(".")[-2] for s in specs if s.kind == "website"})
    by_trick: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_expected: dict[str, list[bool]] = defaultdict(list)
    false_official, official_missed, misses = 0, 0, []
    baseline_real = []
    for judge_index, value, expected, trick in runs:
        verdict = judge_index.judge(value)
        right = verdict.verdict == expected
        by_trick[trick].append(right)
        by_kind[verdict.kind].append(right)
        by_expected[expected].append(right)
        false_official += verdict.verdict == "official" and expected != "official"
        official_missed += expected == "official" and verdict.verdict != "official"
        if trick in ("real-phishing", "real-blocklist-sample"):
            baseline_real.append(baseline_flags(value, names))
        if not right:
            misses.append((value, expected, verdict.verdict, verdict.trick))
    table("Accuracy per trick", by_trick)
    table("Accuracy per kind (as parsed)", by_kind)
    table("Accuracy per expected verdict", by_expected)
    total = sum(len(v) for v in by_trick.values())
    right = sum(sum(v) for v in by_trick.values())
    n_official = len(by_expected["official"])
    phish, legit = by_trick["real-phishing"], by_trick["real-legit"]
    print("\nBars (issue 7)")
    print(f"{'overall accuracy':44} {100 * right / total:6.1f}%   (bar >= 98%)")
    print(f"{'non-official judged official':44} {false_official:6d}    (bar 0)")
    print(f"{'official judged non-official':44} {100 * official_missed / n_official:6.1f}%   (bar <= 1%)")
    print(f"{'real phishing caught':44} {100 * sum(phish) / len(phish):6.1f}%   (bar >= 95%)")
    # Honesty check: the same legitimate set without the bundled allowlist of known look-alike sites.
    from walletdesk.verify.engine import judge as judge_module

    saved, judge_module.KNOWN_LEGITIMATE = judge_module.KNOWN_LEGITIMATE, frozenset()
    raw_flagged = sum(index.judge(v).verdict != "unknown" for v, _, t in ALL_CASES if t == "real-legit")
    judge_module.KNOWN_LEGITIMATE = saved
    sample = by_trick["real-blocklist-sample"]
    print(f"{'public blocklist sample caught':44} {100 * sum(sample) / len(sample):6.1f}%")
    print(
        f"{'real legitimate domains flagged':44} {100 * (len(legit) - sum(legit)) / len(legit):6.1f}%   (bar <= 2%)"
    )
    print(f"{'  ... without the known-legitimate allowlist':44} {100 * raw_flagged / len(legit):6.1f}%")
    print(
        f"{'real phishing + sample caught by edit distance':44} {100 * sum(baseline_real) / len(baseline_real):6.1f}%   (the floor)"
    )
    if misses:
        print("\nMisses")
        for value, expected, got, trick in misses:
            print(f"  {value!r:50} expected {expected:9} got {got:9} {trick}")
    fresh_sample(FRESH, "Fresh real-brand sample")
    if (FRESH / "holdout" / "registry.json").exists():
        fresh_sample(FRESH / "holdout", "Held-out real-brand sample (written late)")
    shortened_addresses(index)


# Written with the rule (session 9), not blind: how wallets, explorers, phishing pages and chats cut
# an address's middle out, and text with ellipses that is no address.
SHORTENED = [
    "0x5290…9EE7",
    "0x5290...9ee7",
    "0xAb58…eC9B",
    "0xdAC1...1ec7",
    "0x28C6c0…f21d60",
    "0x5290..9EE7",
    "0x5290⋯9EE7",
    "0x5290．．．9EE7",
    "0x5290 … 9EE7",
    "0x5290***9EE7",
    "TQ2b…Zx9",
    "TR7NHq…jLj6t",
    "TNPe…YqeL",
    "TXYZ...1234",
    "bc1q…w8x",
    "bc1qxy2k…x0wlh",
    "BC1QAR…5MDQ",
    "1BvB…NVN2",
    "3J98t1…WNLy",
    "EQDt…p4q2",
    "UQBv...Xk9_",
    "7EcD…FLtV",
    "9WzD…AWWM",
    "请转到 0x5290…9EE7 这个地址",
    "客服让我转到TQ2b…Zx9",
    "地址：bc1q…w8x，金额 0.1",
    "support said send USDT to TR7NHq...jLj6t",
    "the address on the site was 0xdAC1…1ec7, is it yours?",
]
NOT_SHORTENED = [
    "Thanks...Bye",
    "Total...wow",
    "wait...what",
    "Hello...World",
    "To be continued...",
    "0x...",
    "3am...5pm",
    "1234...5678",
    "v1.2...3",
    "abcd...efgh",
    "Trust...me",
    "页面一直在加载……",
    "我等了很久......还是没到账",
    "I waited... and waited... nothing",
    "2024...2025",
    "https://etherscan.io/address/0x5290...9ee7",
    "demowallet.com",
    "@DemoWalletSupport",
    "+86 400 820 8820",
    "hmm... not sure",
]


def shortened_addresses(index: RegistryIndex) -> None:
    """Shortened addresses are named as addresses; text with ellipses is not."""
    found = [v for v in SHORTENED if index.judge(v).kind == "address"]
    wrong = [(v, index.judge(v).kind) for v in NOT_SHORTENED if index.judge(v).kind == "address"]
    print("\nShortened blockchain addresses (written with the rule, not blind)")
    print(f"{'shortened addresses named as addresses':44} {len(found):3d}/{len(SHORTENED):<3d}")
    print(f"{'ellipsis text taken for an address':44} {len(wrong):3d}/{len(NOT_SHORTENED):<3d}")
    for value in SHORTENED:
        if value not in found:
            print(f"  missed   {value}")
    for value, _kind in wrong:
        print(f"  wrong    {value}")


if __name__ == "__main__":
    main()
