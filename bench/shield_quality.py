"""Secret shield quality on the project's labelled set: recall per kind and language, false positives.

Run: .venv/bin/python bench/shield_quality.py [--seed N] [--show-misses]
     .venv/bin/python bench/shield_quality.py --jsonl bench/data/shield_fresh.jsonl [--show-misses]
     .venv/bin/python bench/shield_quality.py --dump findings.jsonl

--dump writes every finding on a fixed set of about 42,000 texts (labelled seeds 7/11/1/2/3/13,
every fresh set, the red-team set, the speed benchmark's shapes, recombined halves, blobs, and
JSON-escaped, HTML and upper-case copies of the secret messages), one JSON line per text: a
change meant to keep the detector's answers (a speed-up) must leave the file byte-identical
(`cmp before.jsonl after.jsonl`).

With --jsonl, a red-team file (bench/data/shield_fresh/make.py writes one) is measured instead:
a secret message counts as caught when findings cover every letter and digit of its secret
spans (brackets, quotes and spaces around the words may stay). It is also "exact" when no
letter or digit outside its spans is redacted (the customer's own words around it stay);
--show-misses also lists the caught but inexact ones with the letters redacted outside.

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
    parser.add_argument("--dump", type=Path, help="write every finding on the identity set here")
    args = parser.parse_args()
    if args.dump:
        return _dump(args.dump)
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
    inexact = []  # caught, with letters outside the secret redacted too
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
            if over and not wrong:
                outside = "".join(
                    row["text"][p] for p in sorted(covered - inside) if row["text"][p].isalnum()
                )
                inexact.append((row, findings, outside))
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
        for row, findings, outside in inexact:
            shown = [(f.kind, f.start, f.end) for f in findings]
            print(
                f"\nINEXACT {row['id']} {row['form']} {shown} spans {row['spans']}\n  redacted outside: {outside!r}"
            )
    return 0


def _identity_texts() -> list[tuple[str, str]]:
    """(id, text) of the identity set --dump reads; seeded, so every run reads the same texts."""
    import json
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import shield_speed

    from walletdesk.shield.labelled import samples

    data = Path(__file__).resolve().parent / "data"
    texts: list[tuple[str, str]] = []
    for seed in (7, 11, 1, 2, 3, 13):
        texts += [(f"labelled{seed}/{sample.id}", sample.text) for sample in samples(seed=seed)]
    redteam = Path(__file__).resolve().parent.parent / "src/walletdesk/shield/data/redteam.jsonl"
    for path in [*sorted(data.glob("shield_fresh*.jsonl")), redteam]:
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [
            (f"{path.name}/{n}", json.loads(line)["text"]) for n, line in enumerate(lines) if line.strip()
        ]
    corpus = list(samples(seed=11))
    clean = {
        language: [s.text for s in corpus if not s.secrets and s.language == language]
        for language in ("zh", "en", "mixed")
    }
    secrets = [s.text for s in corpus if s.secrets]
    shapes = (
        ("chat", shield_speed._chat_transcripts(clean, secrets)),
        ("html", shield_speed._html_threads(clean)),
        ("webhook", shield_speed._webhook_payloads(corpus)),
        ("blob", ["".join(clean["zh"])[:35000], " ".join(clean["en"])[:100000]]),
    )
    for name, shaped in shapes:
        texts += [(f"{name}/{n}", text) for n, text in enumerate(shaped)]
    base = [text for _, text in texts]
    rng = random.Random(99)
    for n in range(6000):  # a secret cut anywhere, glued to the rest of another message
        first, second = rng.choice(base), rng.choice(base)
        joint = rng.choice(["", " ", "\n", "，", ". "])
        cut, cut_after = rng.randrange(len(first) + 1), rng.randrange(len(second) + 1)
        texts.append((f"halves/{n}", first[:cut] + joint + second[cut_after:]))
    for n in range(200):  # long texts: the sliced paths
        pieces = [rng.choice(base) for _ in range(rng.randrange(3, 30))]
        texts.append((f"joined/{n}", rng.choice(["\n", " ", "\n\n", ""]).join(pieces)))
    with_secrets = secrets + [text for key, text in texts if key.startswith(("shield_fresh", "redteam"))]
    for n, text in enumerate(rng.sample(with_secrets, 600)):
        texts.append((f"escaped/{n}", json.dumps({"body": text})))
        spaced = text.replace(" ", rng.choice([" ", "&nbsp;", " "]))
        texts.append((f"markup/{n}", "<p>" + spaced.replace("\n", "<br>") + "</p>"))
        texts.append((f"upper/{n}", text.upper()))
    return texts


def _dump(path: Path) -> int:
    import json

    from walletdesk.shield.services import secrets_find

    texts = _identity_texts()
    with path.open("w", encoding="utf-8") as out:
        for key, text in texts:
            findings = [[f.kind, f.start, f.end] for f in secrets_find(text=text)]
            out.write(json.dumps([key, findings]) + "\n")
    print(f"{len(texts)} texts, findings written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
