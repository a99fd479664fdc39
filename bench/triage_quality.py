"""Triage quality: category macro-F1 per language, account_theft recall, complaint F1, entity F1.

Two measurements, both printed as tables:
  1. cross-validation on the labelled training set (GroupKFold: every phrasing of one intent
     stays in one fold, so the model is scored on phrasings it never saw), full pipeline
     (model + safety rules);
  2. the shipped model on data/devset.jsonl, messages written separately and never trained on
     (d* rows carry entity labels; e* rows were a second fresh batch, category/complaint only).

  3. the fresh sets in bench/data/triage_fresh*.jsonl (written apart from the project, never
     trained on; each row carries entity gold labels), scored by default, one table each;
  4. any extra labelled set given with --set FILE (jsonl with id, text, category, complaint and
     optionally lang), e.g. data/redteam.jsonl, the held-out red-team set.

  5. with --theft-sweep, only the choice of the theft thresholds (services.THEFT_LEAD_ALONE,
     THEFT_TRAIL_WITH_LOSS): the cross-validated pipeline under each pair, with the "model path"
     recall, the share of all thefts the model's own call would catch if the rules missed them.

Run: .venv/bin/python bench/triage_quality.py [--folds 5] [--errors] [--skip-cv] [--set FILE ...] [--theft-sweep]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

FRESH_SETS = sorted((Path(__file__).resolve().parent / "data").glob("triage_fresh*.jsonl"))

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")

import django  # noqa: E402

django.setup()

from walletdesk.triage.dataset import DATA_DIR, labelled_load  # noqa: E402
from walletdesk.triage.services import CATEGORIES, Triage, message_triage  # noqa: E402
from walletdesk.triage.training import crossval_predict  # noqa: E402

ENTITY_KINDS = ("tx_hashes", "addresses", "networks", "amounts")


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 1.0 if fp == 0 and fn == 0 else 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = []
    for cat in CATEGORIES:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cat and p == cat)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != cat and p == cat)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cat and p != cat)
        if tp or fp or fn:
            scores.append(_f1(tp, fp, fn))
    return sum(scores) / len(scores) if scores else 0.0


def _key(kind: str, item: object) -> str:
    return json.dumps(item, sort_keys=True) if kind == "amounts" else str(item)


def entity_counts(rows: list[dict], preds: list[Triage]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {k: [0, 0, 0] for k in ENTITY_KINDS}
    for row, pred in zip(rows, preds, strict=True):
        gold_all = row.get("entities")
        if not gold_all:
            continue
        got_all = pred.entities.as_dict()
        for kind in ENTITY_KINDS:
            gold = {_key(kind, x) for x in gold_all[kind]}
            got = {_key(kind, x) for x in got_all[kind]}
            counts[kind][0] += len(gold & got)
            counts[kind][1] += len(got - gold)
            counts[kind][2] += len(gold - got)
    return counts


def report(title: str, rows: list[dict], preds: list[Triage], show_errors: bool) -> None:
    print(f"\n## {title}  ({len(rows)} messages)")
    print(
        f"{'lang':<7} {'n':>5} {'macro-F1':>9} {'accuracy':>9} {'theft rec':>10} {'theft prec':>11} {'complaint F1':>13}"
    )
    for lang in ("zh", "en", "mixed", "all"):
        idx = [i for i, r in enumerate(rows) if lang == "all" or r["lang"] == lang]
        if not idx:
            continue
        gold = [rows[i]["category"] for i in idx]
        pred = [preds[i].category for i in idx]
        theft_gold = [i for i in idx if rows[i]["category"] == "account_theft"]
        theft_pred = [i for i in idx if preds[i].category == "account_theft"]
        hit = sum(1 for i in theft_gold if preds[i].category == "account_theft")
        rec = hit / len(theft_gold) if theft_gold else float("nan")
        prec = hit / len(theft_pred) if theft_pred else float("nan")
        ctp = sum(1 for i in idx if rows[i]["complaint"] and preds[i].complaint)
        cfp = sum(1 for i in idx if not rows[i]["complaint"] and preds[i].complaint)
        cfn = sum(1 for i in idx if rows[i]["complaint"] and not preds[i].complaint)
        acc = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(idx)
        print(
            f"{lang:<7} {len(idx):>5} {macro_f1(gold, pred):>9.3f} {acc:>9.3f} {rec:>10.3f} {prec:>11.3f}"
            f" {_f1(ctp, cfp, cfn):>13.3f}"
        )
    counts = entity_counts(rows, preds)
    print(f"\n{'entity':<11} {'tp':>5} {'fp':>5} {'fn':>5} {'F1':>7}")
    for kind, (tp, fp, fn) in counts.items():
        print(f"{kind:<11} {tp:>5} {fp:>5} {fn:>5} {_f1(tp, fp, fn):>7.3f}")
    per_cat = defaultdict(lambda: [0, 0])
    for row, pred in zip(rows, preds, strict=True):
        per_cat[row["category"]][1] += 1
        per_cat[row["category"]][0] += row["category"] == pred.category
    print("\nrecall per category: " + ", ".join(f"{c} {h}/{n}" for c, (h, n) in sorted(per_cat.items())))
    if show_errors:
        for row, pred in zip(rows, preds, strict=True):
            if row["category"] != pred.category or row["complaint"] != pred.complaint:
                print(
                    f"  {row['category']}/{row['complaint']} -> {pred.category}/{pred.complaint}: {row['text'][:110]}"
                )


def _devset(path: Path | None = None) -> list[dict]:
    from walletdesk.triage.dataset import _lang_of

    rows = [
        json.loads(line)
        for line in (path or DATA_DIR / "devset.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    for row in rows:
        row.setdefault("lang", _lang_of(row["text"]))
    return rows


def entity_stress(n: int = 600, seed: int = 11) -> None:
    """Valid hashes/addresses mixed with look-alikes (bad EIP-55 case, order numbers, UIDs, a key
    labelled as a private key, truncated hashes) in zh/en sentences; F1 per kind."""
    import random

    from walletdesk.triage.dataset import EntityPool
    from walletdesk.triage.services import entities_extract

    rng = random.Random(seed)
    pool = EntityPool(rng)
    counts = {"tx_hashes": [0, 0, 0], "addresses": [0, 0, 0]}
    shapes = [
        "充值地址{a}，哈希{t}，订单号{o}",
        "sent to {a} tx: {t} (UID {u})",
        "提币到 {a} 没到，txid={t}。私钥 {k} 是不是泄露了",
        "from {a} to {a2}, see https://etherscan.io/tx/{t}",
        "地址 {bad} 提示无效，换了 {a} 还是不行",
        "hash {short}... is cut off, full one is {t}",
        "my private key: {k}. order {o}",
    ]
    for _ in range(n):
        shape = rng.choice(shapes)
        a, a2 = pool.address(), pool.address()
        t = pool.tx(rng.choice(["ERC20", "TRC20", "BTC", "SOL", None]))
        k = pool._bytes(32).hex()
        text = shape.format(
            a=a, a2=a2, t=t, o=pool.order_no(), u=pool.uid(), k=k, bad=pool.evm_bad_checksum(), short=t[:20]
        )
        gold_a = [x for x in (a, a2) if "{" + ("a2" if x is a2 else "a") + "}" in shape]
        gold_t = [t] if "{t}" in shape else []
        got = entities_extract(text=text)
        for kind, gold, pred in (("tx_hashes", gold_t, got.tx_hashes), ("addresses", gold_a, got.addresses)):
            g, p = set(gold), set(pred)
            counts[kind][0] += len(g & p)
            counts[kind][1] += len(p - g)
            counts[kind][2] += len(g - p)
    print(f"\n## entity stress: {n} generated messages with look-alikes (bad checksums, ids, labelled keys)")
    print(f"{'entity':<11} {'tp':>5} {'fp':>5} {'fn':>5} {'F1':>7}")
    for kind, (tp, fp, fn) in counts.items():
        print(f"{kind:<11} {tp:>5} {fp:>5} {fn:>5} {_f1(tp, fp, fn):>7.3f}")


def theft_sweep(folds: int) -> None:
    """Cross-validated macro-F1 per language and theft recall/precision for a grid of theft
    thresholds; the fold models are fitted once and the pipeline re-run under each pair."""
    from sklearn.model_selection import GroupKFold

    from walletdesk.triage import services
    from walletdesk.triage.training import model_fit

    rows = labelled_load()
    groups = [r.get("group") or r["id"] for r in rows]
    fold_models = [
        (model_fit([rows[i] for i in train]), test)
        for train, test in GroupKFold(n_splits=folds).split(rows, groups=groups)
    ]
    shipped = (services.THEFT_LEAD_ALONE, services.THEFT_TRAIL_WITH_LOSS)
    theft_rows = [i for i, r in enumerate(rows) if r["category"] == "account_theft"]
    print(f"\n## theft thresholds, {folds}-fold grouped CV ({len(rows)} messages, {len(theft_rows)} thefts)")
    print(
        f"{'lead':>5} {'trail':>6} {'zh':>6} {'en':>6} {'mixed':>6} {'theft rec':>10} {'theft prec':>11} {'model path rec':>15}"
    )
    try:
        for lead in (99.0, 0.5, 0.25):
            for trail in (-99.0, 0.0, 0.1, 0.2, 0.3, 0.4):
                services.THEFT_LEAD_ALONE, services.THEFT_TRAIL_WITH_LOSS = lead, trail
                cats: list[str] = [""] * len(rows)
                model_path = 0
                for model, test in fold_models:
                    for i in test:
                        text = rows[i]["text"]
                        cats[i] = services.triage_with_model(model, text=text).category
                        if rows[i]["category"] == "account_theft":
                            model_path += services._model_leans_to_theft(text, model.predict(text))
                f1s = []
                for lang in ("zh", "en", "mixed"):
                    idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
                    f1s.append(macro_f1([rows[i]["category"] for i in idx], [cats[i] for i in idx]))
                hit = sum(1 for i in theft_rows if cats[i] == "account_theft")
                called = sum(1 for c in cats if c == "account_theft")
                print(
                    f"{lead:>5} {trail:>6} {f1s[0]:>6.3f} {f1s[1]:>6.3f} {f1s[2]:>6.3f} {hit / len(theft_rows):>10.3f}"
                    f" {hit / called:>11.3f} {model_path / len(theft_rows):>15.3f}"
                )
    finally:
        services.THEFT_LEAD_ALONE, services.THEFT_TRAIL_WITH_LOSS = shipped


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--errors", action="store_true", help="list misclassified messages")
    parser.add_argument("--skip-cv", action="store_true")
    parser.add_argument(
        "--set",
        dest="sets",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="also score this labelled jsonl file with the shipped model (repeatable)",
    )
    parser.add_argument("--theft-sweep", action="store_true", help="only the theft-threshold grid (CV)")
    args = parser.parse_args()
    if args.theft_sweep:
        theft_sweep(args.folds)
        return
    if not args.skip_cv:
        rows = labelled_load()
        started = time.perf_counter()
        preds = crossval_predict(rows, folds=args.folds)
        report(
            f"labelled set, {args.folds}-fold grouped cross-validation ({time.perf_counter() - started:.0f}s)",
            rows,
            preds,
            args.errors,
        )
    dev = _devset()
    report(
        "devset (written apart, never trained on), shipped model",
        dev,
        [message_triage(text=r["text"]) for r in dev],
        args.errors,
    )
    for path in [*FRESH_SETS, *args.sets]:
        if not path.is_file():
            parser.error(f"--set {path}: no such file")
        extra = _devset(path)
        report(
            f"{path.name}, shipped model",
            extra,
            [message_triage(text=r["text"]) for r in extra],
            args.errors,
        )

    entity_stress()


if __name__ == "__main__":
    main()
