"""Secret shield quality on the project's labelled set: recall per kind and language, false positives.

Run: .venv/bin/python bench/shield_quality.py [--seed N] [--show-misses]

A secret counts as caught when findings cover every character of it; "exact" means one finding
with the secret's own bounds and kind. A false positive is any finding on a clean message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    from walletdesk.shield.labelled import samples
    from walletdesk.shield.services import secrets_find

    secret_rows: dict[tuple[str, str], list[int]] = defaultdict(
        lambda: [0, 0, 0, 0]
    )  # n, caught, exact, kind ok
    clean_rows: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # n, flagged
    extra_chars = 0
    misses = []
    for sample in samples(seed=args.seed):
        findings = secrets_find(text=sample.text)
        if not sample.secrets:
            row = clean_rows[sample.language]
            row[0] += 1
            if findings:
                row[1] += 1
                misses.append(("FP", sample.id, sample.text, findings))
            continue
        covered = set()
        for finding in findings:
            covered.update(range(finding.start, finding.end))
        for secret in sample.secrets:
            row = secret_rows[(secret["kind"], secret["language"])]
            span = set(range(secret["start"], secret["end"]))
            row[0] += 1
            caught = span <= covered
            row[1] += caught
            row[2] += any(
                f.start == secret["start"] and f.end == secret["end"] and f.kind == secret["kind"]
                for f in findings
            )
            row[3] += caught and any(f.kind == secret["kind"] for f in findings)
            extra_chars += len(covered - span)
            if not caught:
                misses.append(("MISS", sample.id, sample.text, (secret["form"], findings)))

    print(f"{'kind':<22}{'language':<22}{'n':>6}{'recall':>9}{'kind ok':>9}{'exact':>8}")
    totals = [0, 0, 0, 0]
    for (kind, language), (n, caught, exact, kind_ok) in sorted(secret_rows.items()):
        print(f"{kind:<22}{language:<22}{n:>6}{caught / n:>9.3f}{kind_ok / n:>9.3f}{exact / n:>8.3f}")
        totals = [a + b for a, b in zip(totals, (n, caught, exact, kind_ok), strict=True)]
    n, caught, exact, kind_ok = totals
    print(f"{'ALL SECRETS':<44}{n:>6}{caught / n:>9.3f}{kind_ok / n:>9.3f}{exact / n:>8.3f}")
    print(f"characters redacted outside secrets (in secret messages): {extra_chars}")
    print()
    print(f"{'clean messages':<22}{'n':>6}{'false positives':>17}{'rate':>8}")
    for language, (n, flagged) in sorted(clean_rows.items()):
        print(f"{language:<22}{n:>6}{flagged:>17}{flagged / n:>8.4f}")
    if args.show_misses:
        for label, sample_id, text, detail in misses:
            print(f"\n{label} {sample_id} {detail}\n{text[:400]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
