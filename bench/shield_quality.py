"""Secret shield quality on the project's labelled set: recall per kind and language, false positives.

Run: .venv/bin/python bench/shield_quality.py [--seed N] [--show-misses]
     .venv/bin/python bench/shield_quality.py --jsonl bench/data/shield_fresh.jsonl [--show-misses]

With --jsonl, a red-team file (bench/data/shield_fresh/make.py writes one) is measured instead:
a secret message counts as caught when findings cover every letter and digit of its secret
spans (brackets, quotes and spaces around the words may stay). It is also "exact" when no
letter or digit outside its spans is redacted (the customer's own words around it stay).

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
    parser.add_argument("--jsonl", type=Path, help="a red-team file to measure instead")
    args = parser.parse_args()
    if args.jsonl:
        return _redteam(args.jsonl, show=args.show_misses)

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


def _redteam(path: Path, *, show: bool) -> int:
    import json

    from walletdesk.shield.services import secrets_find

    if not path.is_file():
        raise SystemExit(f"no such red-team file: {path}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # n, wrong
    misses = []
    exact = over_chars = 0
    for row in rows:
        findings = secrets_find(text=row["text"])
        covered = set()
        for finding in findings:
            covered.update(range(finding.start, finding.end))
        if row["secret"]:
            wrong = any(
                position not in covered and row["text"][position].isalnum()
                for start, end in row["spans"]
                for position in range(start, end)
            )
            inside = {position for start, end in row["spans"] for position in range(start, end)}
            over = sum(row["text"][position].isalnum() for position in covered - inside)
            exact += not wrong and not over
            over_chars += over
        else:
            wrong = bool(findings)
        group = by_form[row["form"].split("/")[0] if row["secret"] else row["form"]]
        group[0] += 1
        group[1] += wrong
        if wrong:
            misses.append(("MISS" if row["secret"] else "FP", row, findings))
    secret = [row for row in rows if row["secret"]]
    missed = sum(label == "MISS" for label, _, _ in misses)
    flagged = sum(label == "FP" for label, _, _ in misses)
    print(
        f"{path.name}: caught {len(secret) - missed}/{len(secret)} secrets, "
        f"false positives {flagged}/{len(rows) - len(secret)} clean messages, "
        f"exact {exact}/{len(secret)}, letters redacted outside secrets {over_chars}"
    )
    print(f"{'group':<28}{'n':>6}{'wrong':>7}")
    for form, (n, wrong) in sorted(by_form.items()):
        print(f"{form:<28}{n:>6}{wrong:>7}")
    if show:
        for label, row, findings in misses:
            shown = [(f.kind, f.start, f.end) for f in findings]
            print(f"\n{label} {row['id']} {row['form']} {shown}\n{row['text'][:500]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
