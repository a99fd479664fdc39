"""Inference for the shipped linear model over a small file of weights.

The weights come from `walletdesk triage_train` (scikit-learn, at build/dev time) and ship as
data/model.npz (float32 arrays + vocabulary, ~1 MB). Inference needs only numpy, so `walletdesk triage` starts fast: one message costs a dictionary lookup
per feature and one small matrix product.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from walletdesk.triage.features import features_of

MODEL_PATH = Path(__file__).parent / "data" / "model.npz"


@dataclass(frozen=True)
class LinearModel:
    """TF-IDF (sublinear tf, l2) followed by one linear scorer per label (as JSON: plain dicts)."""

    labels: tuple[str, ...]
    idf: dict[str, float]
    weights: dict[str, list[float]]
    intercepts: tuple[float, ...]

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(
            labels=tuple(data["labels"]),
            idf=data["idf"],
            weights=data["weights"],
            intercepts=tuple(data["intercepts"]),
        )


class _Scorer:
    """Both linear models packed into one matrix: one tf-idf pass scores category and complaint.

    Row i of `matrix` holds feature i's weights for every category and then the complaint
    scorer; features the model pruned keep a zero row because their idf still counts in the
    l2 norm.
    """

    def __init__(self, vocab: list[str], idf: np.ndarray, matrix: np.ndarray, intercepts: np.ndarray) -> None:
        self.vocab = vocab
        self.index = {f: i for i, f in enumerate(vocab)}
        self.idf = idf.astype(np.float64)
        self.matrix = matrix.astype(np.float64)
        self.intercepts = intercepts.astype(np.float64)

    @classmethod
    def from_linear(cls, category: LinearModel, complaint: LinearModel) -> _Scorer:
        vocab = list(category.idf)
        index = {f: i for i, f in enumerate(vocab)}
        n_cat = len(category.labels)
        matrix = np.zeros((len(vocab), n_cat + 1), dtype=np.float64)
        for f, row in category.weights.items():
            matrix[index[f], :n_cat] = row
        for f, row in complaint.weights.items():
            if f in index:
                matrix[index[f], n_cat] = row[0]
        idf = np.array([category.idf[f] for f in vocab], dtype=np.float64)
        intercepts = np.array([*category.intercepts, complaint.intercepts[0]], dtype=np.float64)
        return cls(vocab, idf, matrix, intercepts)

    def scores(self, feats: list[str]) -> np.ndarray:
        # Term counts in a dict: np.unique on a hundred ids costs more than the whole product.
        # Counter over map looks up and counts in C (the Python loop it replaces cost ~17 µs for
        # 130 features, this ~14.5). Ids keep their first-seen order, so the sums below add up
        # in the same order as before.
        counts = Counter(map(self.index.get, feats))
        counts.pop(None, None)
        if not counts:
            return self.intercepts.copy()
        idx = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tfs = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (1.0 + np.log(tfs)) * self.idf[idx]
        values /= math.sqrt(float(values @ values))
        return self.intercepts + values @ self.matrix[idx]


@dataclass(frozen=True)
class Prediction:
    ranked: tuple[str, ...]  # categories, best first
    confidence: float  # softmax of the linear scores for the best one
    complaint: bool
    theft_words: bool  # a theft keyword from the lexicon occurs in the text
    # account_theft's linear score minus the best other category's: its lead when theft ranks
    # first, minus how far behind it is otherwise. The theft thresholds in services are set on it.
    theft_gap: float = 0.0


class TriageModel:
    def __init__(self, labels: tuple[str, ...], scorer: _Scorer) -> None:
        self.labels = labels
        self.scorer = scorer
        self._theft_index = labels.index("account_theft") if "account_theft" in labels else None

    @classmethod
    def from_linear(cls, category: LinearModel, complaint: LinearModel) -> TriageModel:
        return cls(category.labels, _Scorer.from_linear(category, complaint))

    @staticmethod
    def _gap(cat_scores: np.ndarray, order: np.ndarray, theft: int) -> float:
        rival = order[1] if order[0] == theft else order[0]
        return float(cat_scores[theft] - cat_scores[rival])

    def predict(self, text: str) -> Prediction:
        feats = features_of(text)
        scores = self.scorer.scores(feats)
        n_cat = len(self.labels)
        cat_scores = scores[:n_cat]
        order = np.argsort(-cat_scores)
        total = float(np.exp(cat_scores - cat_scores[order[0]]).sum())
        theft = self._theft_index
        return Prediction(
            ranked=tuple(self.labels[i] for i in order),
            confidence=1.0 / total,
            complaint=bool(scores[n_cat] >= 0.0),
            theft_words="kw:account_theft" in feats,
            theft_gap=0.0 if theft is None else self._gap(cat_scores, order, theft),
        )


def model_write(model: TriageModel, path: Path) -> None:
    """Save as .npz: float32 arrays and the vocabulary, loaded in a few milliseconds. Written beside
    the target and renamed over it: a process starting during a retrain read a half-written file."""
    sc = model.scorer
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    with partial.open("wb") as fh:
        np.savez_compressed(
            fh,
            labels=np.array(model.labels),
            vocab=np.array(sc.vocab),
            idf=sc.idf.astype(np.float32),
            matrix=sc.matrix.astype(np.float32),
            intercepts=sc.intercepts.astype(np.float32),
        )
    os.replace(partial, path)


def model_from_file(path: Path) -> TriageModel:
    with np.load(path, allow_pickle=False) as data:
        scorer = _Scorer(data["vocab"].tolist(), data["idf"], data["matrix"], data["intercepts"])
        return TriageModel(tuple(data["labels"].tolist()), scorer)


@lru_cache(maxsize=1)
def model_get() -> TriageModel:
    """The shipped model, loaded once per process."""
    return model_from_file(MODEL_PATH)
