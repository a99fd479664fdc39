"""Triage model choices judged on generalisation: each variant's 5-fold grouped CV (full pipeline
and model alone) and, fitted on the whole labelled set, the fresh sets.

Fresh sets 1-14 and 16 were measured once and then had their error classes fixed, so on them a
variant can show a regression but not a true gain; the model-alone figures ("model" columns: the
linear model's top category before any rule) are the cleaner view of what the model learnt.
Sets named on --blind (e.g. an eval set still to be measured) are never scored here.

Run: .venv/bin/python bench/triage_model_sweep.py [--variants NAME ...] [--list]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")

import django  # noqa: E402

django.setup()

from sklearn.model_selection import GroupKFold  # noqa: E402

from walletdesk.triage import features as features_module  # noqa: E402
from walletdesk.triage import model as model_module  # noqa: E402
from walletdesk.triage import services, training  # noqa: E402
from walletdesk.triage.dataset import DATA_DIR, _lang_of, labelled_build, labelled_load  # noqa: E402

LANGS = ("zh", "en", "mixed")


from triage_quality import macro_f1  # noqa: E402 - the same metrics as the quality bench


def _load(path: Path) -> list[dict]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    for row in rows:
        row.setdefault("lang", _lang_of(row["text"]))
    return rows


def _scores(rows: list[dict], cats: list[str]) -> dict[str, float]:
    out = {}
    for lang in LANGS:
        idx = [i for i, r in enumerate(rows) if r["lang"] == lang]
        if idx:
            out[lang] = macro_f1([rows[i]["category"] for i in idx], [cats[i] for i in idx])
    theft = [i for i, r in enumerate(rows) if r["category"] == "account_theft"]
    out["theft_miss"] = sum(1 for i in theft if cats[i] != "account_theft")
    out["theft_fa"] = sum(1 for i, r in enumerate(rows) if cats[i] == "account_theft" != r["category"])
    return out


def _evaluate(model: Any, rows: list[dict]) -> tuple[list[str], list[str]]:
    pipe = [services.triage_with_model(model, text=r["text"]).category for r in rows]
    alone = [model.predict(r["text"]).ranked[0] for r in rows]
    return pipe, alone


def run_variant(
    name: str, fit: Callable[[list[dict]], Any], rows: list[dict], sets: dict[str, list[dict]]
) -> dict:
    started = time.process_time()
    groups = [r.get("group") or r["id"] for r in rows]
    pipe: list[str] = [""] * len(rows)
    alone: list[str] = [""] * len(rows)
    for train_idx, test_idx in GroupKFold(n_splits=5).split(rows, groups=groups):
        model = fit([rows[i] for i in train_idx])
        p, a = _evaluate(model, [rows[i] for i in test_idx])
        for j, i in enumerate(test_idx):
            pipe[i], alone[i] = p[j], a[j]
    result = {"cv": _scores(rows, pipe), "cv_model": _scores(rows, alone), "sets": {}, "xsrc": {}}
    # Across writers: trained without one writer's rows, scored on them (closer to an
    # independent set than folds that share a writer's habits).
    for source in sorted(
        {r.get("source", "") for r in rows if str(r.get("source", "")).startswith("written")}
    ):
        model = fit([r for r in rows if r.get("source") != source])
        held = [r for r in rows if r.get("source") == source]
        p, a = _evaluate(model, held)
        result["xsrc"][source] = {"pipe": _scores(held, p), "model": _scores(held, a)}
    model = fit(rows)
    for set_name, set_rows in sets.items():
        p, a = _evaluate(model, set_rows)
        result["sets"][set_name] = {"pipe": _scores(set_rows, p), "model": _scores(set_rows, a)}
    result["cpu_s"] = time.process_time() - started
    return result


def summary(name: str, result: dict) -> str:
    cv, cvm = result["cv"], result["cv_model"]
    fresh = [v for k, v in result["sets"].items() if k.startswith("triage_fresh")]

    def mean(kind: str, lang: str) -> float:
        vals = [s[kind][lang] for s in fresh if lang in s[kind]]
        return sum(vals) / len(vals)

    def low(kind: str, lang: str) -> float:
        return min(s[kind][lang] for s in fresh if lang in s[kind])

    miss = sum(s["pipe"]["theft_miss"] for s in fresh)
    fa = sum(s["pipe"]["theft_fa"] for s in fresh)
    line = (
        f"{name:<28} CV {cv['zh']:.3f} {cv['en']:.3f} {cv['mixed']:.3f} miss {cv['theft_miss']:>2} fa {cv['theft_fa']:>3}"
        f" | CVmodel {cvm['zh']:.3f} {cvm['en']:.3f} {cvm['mixed']:.3f}"
        f" | fresh mean {mean('pipe', 'zh'):.3f} {mean('pipe', 'en'):.3f} {mean('pipe', 'mixed'):.3f}"
        f" min {low('pipe', 'zh'):.3f} {low('pipe', 'en'):.3f} {low('pipe', 'mixed'):.3f} miss {miss} fa {fa}"
        f" | fresh model {mean('model', 'zh'):.3f} {mean('model', 'en'):.3f} {mean('model', 'mixed'):.3f}"
        f" ({result['cpu_s']:.0f}s)"
    )
    for source, sc in result.get("xsrc", {}).items():
        pipe, alone = sc["pipe"], sc["model"]
        line += (
            f"\n{'':<28} across writers, {source}: "
            + " ".join(f"{lang} {pipe[lang]:.3f}/{alone[lang]:.3f}" for lang in LANGS if lang in pipe)
            + f" theft miss {pipe['theft_miss']} fa {pipe['theft_fa']}  (pipeline/model)"
        )
    return line


_BASE_FEATURES = features_module.features_of


def _with_features(featurise: Callable[[str], list[str]], fit: Callable) -> Callable:
    """Fit and predict with another feature function (both the vectoriser and inference read it)."""

    def wrapped(rows: list[dict]) -> Any:
        training.features_of = featurise
        model_module.features_of = featurise
        try:
            model = fit(rows)
        finally:
            training.features_of = _BASE_FEATURES
            model_module.features_of = _BASE_FEATURES
        return _Bound(model, featurise)

    return wrapped


class _Bound:
    """A model that always predicts with the feature function it was fitted with."""

    def __init__(self, model: Any, featurise: Callable[[str], list[str]]) -> None:
        self.model = model
        self.featurise = featurise

    def predict(self, text: str) -> Any:
        model_module.features_of = self.featurise
        try:
            return self.model.predict(text)
        finally:
            model_module.features_of = _BASE_FEATURES


def featuriser(
    *,
    char1: bool = False,
    char1_han: bool = False,
    ascii4: bool = False,
    neg: bool = False,
    skip: bool = False,
    nostop_bigrams: bool = False,
    char4: bool = False,
    jieba_words: bool = False,
    bigrams: bool = True,
    prefixes: bool = True,
    stems: bool = False,
    lexicon: bool = True,
) -> Callable[[str], list[str]]:
    """features.features_of with parts switched on or off (the same normalisation)."""
    import logging
    import re

    from walletdesk.triage.features import _WORD_RE, text_normalise
    from walletdesk.triage.lexicon import lexicon_features

    han = re.compile(r"[\u4e00-\u9fff]+")
    if jieba_words:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
    if stems:
        import snowballstemmer

        stemmer = snowballstemmer.stemmer("english")

    negators = {"not", "no", "never", "nothing", "didnt", "dont", "cant", "cannot", "wont", "isnt", "wasnt"}
    stop = {
        "the",
        "a",
        "an",
        "to",
        "of",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "this",
        "that",
        "i",
        "my",
        "me",
        "you",
        "your",
        "we",
        "our",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "so",
        "but",
        "just",
        "pls",
        "please",
        "thanks",
        "thank",
        "hi",
        "hello",
        "hey",
        "can",
        "do",
        "does",
        "did",
        "have",
        "has",
    }

    def featurise(text: str) -> list[str]:
        norm = text_normalise(text)
        padded = f" {norm} "
        n = len(padded)
        feats = [padded[i : i + 2] for i in range(n - 1)]
        feats += [padded[i : i + 3] for i in range(n - 2)]
        if char1:
            feats += ["c:" + ch for ch in norm if ch != " "]
        if char1_han:
            feats += ["c:" + ch for ch in norm if "\u4e00" <= ch <= "\u9fff"]
        if char4:
            feats += [padded[i : i + 4] for i in range(n - 3)]
        words = _WORD_RE.findall(norm)
        feats.extend("w:" + w for w in words)
        if bigrams:
            feats.extend(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
        if prefixes:
            feats.extend("p:" + w[:5] for w in words if len(w) > 5)
        if stems:
            feats.extend("s:" + x for x in stemmer.stemWords(words))
        if jieba_words:
            for run in han.findall(norm):
                feats.extend("j:" + w for w in jieba.lcut(run, HMM=False) if len(w) > 1)
        if ascii4:
            for w in words:
                if len(w) >= 4:
                    pw = f"<{w}>"
                    feats.extend("a4:" + pw[i : i + 4] for i in range(len(pw) - 3))
        if neg:
            left = 0
            for w in words:
                if w in negators or w.endswith("n't"):
                    left = 3
                    continue
                if left:
                    feats.append("n:" + w)
                    left -= 1
        if skip:
            feats.extend(f"k:{a}_{b}" for a, b in zip(words, words[2:], strict=False))
        if nostop_bigrams:
            content = [w for w in words if w not in stop]
            feats.extend(f"cb:{a}_{b}" for a, b in zip(content, content[1:], strict=False))
        if lexicon:
            feats.extend(lexicon_features(norm))
        return feats

    return featurise


def svc(**kw: Any) -> Callable:
    return lambda rows: training.model_fit(rows, config=training.ModelConfig(**kw))


VARIANTS: dict[str, Callable] = {
    "shipped": svc(),
    "C0.25": svc(category_c=0.25),
    "C1": svc(category_c=1.0),
    "C2": svc(category_c=2.0),
    "no-class-weight": svc(class_weight=None),
    "logreg C10": svc(classifier="logreg", category_c=10.0),
    "logreg C30": svc(classifier="logreg", category_c=30.0),
    "svc+logreg": svc(classifier="svc+logreg"),
    "svc+cnb": svc(classifier="svc+cnb"),
    "min_df2": svc(min_df=2),
    "f:same": _with_features(featuriser(), svc()),
    "f:+char1": _with_features(featuriser(char1=True), svc()),
    "f:+char4": _with_features(featuriser(char4=True), svc()),
    "f:+jieba": _with_features(featuriser(jieba_words=True), svc()),
    "f:+stems": _with_features(featuriser(stems=True), svc()),
    "f:-bigrams": _with_features(featuriser(bigrams=False), svc()),
    "f:-prefixes": _with_features(featuriser(prefixes=False), svc()),
    "f:-lexicon": _with_features(featuriser(lexicon=False), svc()),
    "f:+char1han": _with_features(featuriser(char1_han=True), svc()),
    "f:+char1 C1": _with_features(featuriser(char1=True), svc(category_c=1.0)),
    "f:+char1han C1": _with_features(featuriser(char1_han=True), svc(category_c=1.0)),
    "f:+char1+jieba": _with_features(featuriser(char1=True, jieba_words=True), svc()),
    "f:+char1han+jieba": _with_features(featuriser(char1_han=True, jieba_words=True), svc()),
    "f:+char1han+stems": _with_features(featuriser(char1_han=True, stems=True), svc()),
    "f:c1h C1 +ascii4": _with_features(featuriser(char1_han=True, ascii4=True), svc()),
    "f:c1h C1 +neg": _with_features(featuriser(char1_han=True, neg=True), svc()),
    "f:c1h C1 +skip": _with_features(featuriser(char1_han=True, skip=True), svc()),
    "f:c1h C1 +cbigram": _with_features(featuriser(char1_han=True, nostop_bigrams=True), svc()),
    "f:c1h C1 +cbigram -bigram": _with_features(
        featuriser(char1_han=True, nostop_bigrams=True, bigrams=False), svc()
    ),
    "f:c1h C1 +stems": _with_features(featuriser(char1_han=True, stems=True), svc()),
    "f:old (no char1, C0.5)": _with_features(featuriser(), svc(category_c=0.5)),
    "f:c1h C0.5": _with_features(featuriser(char1_han=True), svc(category_c=0.5)),
    "templates x0.5": svc(template_weight=0.5),
    "templates x0.3": svc(template_weight=0.3),
    "templates x0.5 C2": svc(template_weight=0.5, category_c=2.0),
    "f:+char1han C1.5": _with_features(featuriser(char1_han=True), svc(category_c=1.5)),
    "f:+char1han C1 compC1": _with_features(featuriser(char1_han=True), svc(category_c=1.0, complaint_c=1.0)),
    "f:+char1han C1 compC0.25": _with_features(
        featuriser(char1_han=True), svc(category_c=1.0, complaint_c=0.25)
    ),
    "C0.5": svc(category_c=0.5),
    "C0.7": svc(category_c=0.7),
    "C1.5": svc(category_c=1.5),
    "svc+logreg C1": svc(classifier="svc+logreg", category_c=1.0),
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--variants", nargs="*", default=None)
    parser.add_argument(
        "--blind",
        nargs="*",
        default=["triage_fresh15", "triage_fresh17"],
        help="set-name prefixes never scored",
    )
    parser.add_argument("--json", type=Path, default=None, help="append each result as a json line here")
    parser.add_argument(
        "--build",
        action="store_true",
        help="train on the set as `triage_train --regenerate` would build it now (every data/written_*.jsonl)",
    )
    args = parser.parse_args()
    variants = VARIANTS
    names = args.variants or list(variants)
    rows = labelled_build() if args.build else labelled_load()
    sets = {"devset": _load(DATA_DIR / "devset.jsonl")}
    for p in sorted((ROOT / "bench" / "data").glob("triage_fresh*.jsonl")):
        if not any(p.stem.startswith(b) for b in args.blind):
            sets[p.stem] = _load(p)
    for name in names:
        result = run_variant(name, variants[name], rows, sets)
        print(summary(name, result), flush=True)
        if args.json:
            with args.json.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"variant": name, **result}) + "\n")


if __name__ == "__main__":
    main()
