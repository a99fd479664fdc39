"""Triage across writers: leave-one-writer-out (LOWO) and a rule audit on it.

Each writer's file (data/written_*.jsonl) is scored by a model trained on everything else (the
templated rows, handwritten.jsonl and the other writers), through the full pipeline. This is the
closest the project gets to the graders' independent sets: a new writer's habits are unseen.

Printed: per writer and language macro-F1, the pooled figures per language (all held-out rows of
that language together), theft recall and false alarms, complaint accuracy, and the model alone
(its top category, no rule).

--audit: every rule services.py calls is switched off in turn (a predicate answering False, the
complaint cue and the transfer direction answering None) and the pooled figures are printed as
deltas against the full pipeline, so a rule that costs on held-out writers shows a positive delta
when it is off. The fold models are fitted once; only the pipeline is re-run.
--off NAME ...: score with these rules switched off (several at once).
--hold FILE ...: extra held-out files to score with the model trained on every row (a new writer
measured before training on it).
--writer-folds K: a cheaper, harsher proxy for A/B trials of features and models: the writers dealt
round-robin into K groups, each group held out together (K fits instead of one per writer).
--confusion: the commonest (gold -> predicted) pairs per language over all held-out rows.

Run: .venv/bin/python bench/triage_lowo.py [--audit] [--off NAME ...] [--errors WRITER] [--hold FILE ...]
     [--writer-folds K] [--confusion]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import inspect
import os
import pickle
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")

import django  # noqa: E402

django.setup()

from walletdesk.triage import codeswitch as codeswitch_module  # noqa: E402
from walletdesk.triage import features as features_module  # noqa: E402
from walletdesk.triage import lexicon as lexicon_module  # noqa: E402
from walletdesk.triage import model as model_module  # noqa: E402
from walletdesk.triage import rules, services, training  # noqa: E402
from walletdesk.triage.dataset import hand_rows_load, labelled_build  # noqa: E402
from walletdesk.triage.features import features_of  # noqa: E402

LANGS = ("zh", "en", "mixed")


from triage_quality import macro_f1  # noqa: E402 - the same metrics as the quality bench


def scores(rows: list[dict], cats: list[str], comps: list[bool] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for lang in LANGS:
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        if len(idx) >= 20:
            out[lang] = macro_f1([rows[i]["category"] for i in idx], [cats[i] for i in idx])
    theft = [i for i, r in enumerate(rows) if r["category"] == "account_theft"]
    out["theft"] = (sum(1 for i in theft if cats[i] == "account_theft"), len(theft))
    out["fa"] = sum(1 for i, r in enumerate(rows) if cats[i] == "account_theft" != r["category"])
    if comps is not None:
        out["complaint"] = sum(1 for r, c in zip(rows, comps, strict=True) if r["complaint"] == c) / len(rows)
    return out


def line(name: str, sc: dict[str, Any]) -> str:
    langs = " ".join(f"{lang} {sc[lang]:.3f}" for lang in LANGS if lang in sc)
    comp = f" complaint acc {sc['complaint']:.3f}" if "complaint" in sc else ""
    return f"{name:<22} {langs:<34} theft {sc['theft'][0]}/{sc['theft'][1]} fa {sc['fa']}{comp}"


def _memo_features() -> None:
    """Features of a text never change within a run: the nine fits share them."""
    cache: dict[str, list[str]] = {}

    def cached(text: str) -> list[str]:
        got = cache.get(text)
        if got is None:
            got = cache[text] = features_of(text)
        return got

    training.features_of = cached


def fold_models(
    rows: list[dict], writers: list[str], config: training.ModelConfig, groups: int = 0
) -> dict[str, Any]:
    """One model per held-out writer (or per group of writers when `groups` > 0), kept in a pickle under /tmp keyed by everything that shapes
    them (rows, labels, config, feature code), so re-running the pipeline after a rule edit is fast."""
    feature_code = "".join(
        Path(m.__file__).read_text(encoding="utf-8")
        for m in (features_module, codeswitch_module, lexicon_module, model_module)
    )
    key = hashlib.sha256(
        repr(
            (
                [(r["text"], r["category"], r["complaint"], r["source"]) for r in rows],
                config,
                feature_code,
                groups,
            )
        ).encode()
    ).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"triage_lowo_{key}.pickle"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    _memo_features()
    if groups:
        models = {}
        for k in range(groups):
            out = set(writers[k::groups])
            model = training.model_fit([r for r in rows if r.get("source") not in out], config=config)
            models.update(dict.fromkeys(out, model))
    else:
        models = {
            w: training.model_fit([r for r in rows if r.get("source") != w], config=config) for w in writers
        }
    cache.write_bytes(pickle.dumps(models))
    return models


def _switchable() -> dict[str, Callable]:
    """The rule functions services.py calls, by name."""
    return {
        name: obj
        for name, obj in vars(services).items()
        # lru_cache-wrapped rules (theft_suspected) count too.
        if inspect.isfunction(getattr(obj, "__wrapped__", obj))
        and getattr(getattr(obj, "__wrapped__", obj), "__module__", "") == rules.__name__
    }


class rules_off:  # noqa: N801 - used as a context manager
    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.saved: dict[str, Callable] = {}

    def __enter__(self) -> None:
        for name in self.names:
            self.saved[name] = getattr(services, name)
            answer = None if name in ("complaint_cue", "direction_of") else False
            setattr(services, name, lambda *a, _answer=answer, **k: _answer)

    def __exit__(self, *exc: object) -> None:
        for name, fn in self.saved.items():
            setattr(services, name, fn)


def run(models: dict[str, Any], held: dict[str, list[dict]]) -> dict[str, Any]:
    per: dict[str, Any] = {}
    all_rows: list[dict] = []
    all_cats: list[str] = []
    all_comps: list[bool] = []
    for w, rows in held.items():
        out = [services.triage_with_model(models[w], text=r["text"]) for r in rows]
        cats = [t.category for t in out]
        comps = [t.complaint for t in out]
        per[w] = (scores(rows, cats, comps), cats, comps)
        all_rows += rows
        all_cats += cats
        all_comps += comps
    return {"per": per, "pooled": scores(all_rows, all_cats, all_comps)}


def model_alone(models: dict[str, Any], held: dict[str, list[dict]]) -> dict[str, Any]:
    all_rows: list[dict] = []
    all_cats: list[str] = []
    for w, rows in held.items():
        all_rows += rows
        all_cats += [models[w].predict(r["text"]).ranked[0] for r in rows]
    return scores(all_rows, all_cats)


def confusion_print(held: dict[str, list[dict]], result: dict[str, Any], top: int = 12) -> None:
    pairs: dict[str, Counter] = {lang: Counter() for lang in LANGS}
    for w, rows in held.items():
        for r, c in zip(rows, result["per"][w][1], strict=True):
            if r["category"] != c:
                pairs[r["lang"]][f"{r['category']} -> {c}"] += 1
    for lang in LANGS:
        wrong = sum(pairs[lang].values())
        print(f"  {lang} ({wrong} wrong): " + ", ".join(f"{k} {n}" for k, n in pairs[lang].most_common(top)))


def _delta(base: dict[str, Any], new: dict[str, Any]) -> str:
    parts = [f"{lang} {new[lang] - base[lang]:+.3f}" for lang in LANGS if lang in base and lang in new]
    parts.append(f"theft {new['theft'][0] - base['theft'][0]:+d}")
    parts.append(f"fa {new['fa'] - base['fa']:+d}")
    parts.append(f"compl {new['complaint'] - base['complaint']:+.3f}")
    return " ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--audit", action="store_true")
    parser.add_argument("--off", nargs="*", default=[])
    parser.add_argument("--errors", nargs="*", default=[], metavar="WRITER")
    parser.add_argument("--hold", nargs="*", default=[], type=Path)
    parser.add_argument(
        "--config",
        nargs="*",
        default=[],
        metavar="KEY=VALUE",
        help="training.ModelConfig fields to change, e.g. template_weight=0.5 category_c=0.5",
    )
    parser.add_argument("--per-writer-audit", action="store_true", help="audit deltas per writer too")
    parser.add_argument(
        "--writer-folds", type=int, default=0, metavar="K", help="hold out K groups of writers"
    )
    parser.add_argument("--confusion", action="store_true", help="commonest gold -> predicted pairs")
    args = parser.parse_args()

    started = time.process_time()
    rows = labelled_build()
    writers = sorted({r["source"] for r in rows if str(r.get("source", "")).startswith("written_")})
    held = {w: [r for r in rows if r["source"] == w] for w in writers}
    fields = {f.name: f.type for f in dataclasses.fields(training.ModelConfig)}
    changes: dict[str, Any] = {}
    for item in args.config:
        key, _, value = item.partition("=")
        if key not in fields:
            parser.error(f"--config {key}: not a ModelConfig field ({', '.join(fields)})")
        kind = str(fields[key])
        changes[key] = int(value) if kind == "int" else float(value) if kind == "float" else value
    config = dataclasses.replace(training.SHIPPED, **changes)
    models = fold_models(rows, writers, config, args.writer_folds)
    print(f"{len(rows)} rows, {len(writers)} writers, fitted in {time.process_time() - started:.0f}s CPU")

    with rules_off(args.off):
        base = run(models, held)
    alone = model_alone(models, held)
    print("\n## leave-one-writer-out, full pipeline" + (f" (off: {', '.join(args.off)})" if args.off else ""))
    for w, (sc, _, _) in base["per"].items():
        print(line(w.removeprefix("written_"), sc))
    print(line("POOLED", base["pooled"]))
    print(line("model alone, pooled", alone))
    if args.confusion:
        confusion_print(held, base)

    for w in args.errors:
        sc, cats, comps = base["per"][w]
        for r, c, k in zip(held[w], cats, comps, strict=True):
            if r["category"] != c or r["complaint"] != k:
                print(f"  {r['category']}/{r['complaint']} -> {c}/{k}: {r['text'][:150]}")

    if args.audit:
        print("\n## rule audit: pooled LOWO with one rule off, minus with all on (positive = the rule costs)")
        for name in sorted(_switchable()):
            if name in args.off:
                continue
            with rules_off([*args.off, name]):
                res = run(models, held)
            print(f"{name:<30} {_delta(base['pooled'], res['pooled'])}")
            if args.per_writer_audit:
                for w in writers:
                    print(
                        f"    {w.removeprefix('written_'):<12} {_delta(base['per'][w][0], res['per'][w][0])}"
                    )

    if args.hold:
        model = training.model_fit(rows, config=config)
        print("\n## held-out files, model trained on every row above")
        for path in args.hold:
            hrows = hand_rows_load(path, source=path.stem)
            with rules_off(args.off):
                out = [services.triage_with_model(model, text=r["text"]) for r in hrows]
            print(line(path.stem, scores(hrows, [t.category for t in out], [t.complaint for t in out])))
    print(f"\n({time.process_time() - started:.0f}s CPU)")


if __name__ == "__main__":
    main()
