"""Inference for the shipped linear model: pure Python over a small JSON of weights.

The weights come from `walletdesk triage_train` (scikit-learn, at build/dev time). Inference
needs neither scikit-learn nor numpy, so `walletdesk triage` starts fast and one message costs
a few dictionary lookups per feature.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from walletdesk.triage.features import features_of

MODEL_PATH = Path(__file__).parent / "data" / "model.json"


@dataclass(frozen=True)
class LinearModel:
    """TF-IDF (sublinear tf, l2) followed by one linear scorer per label."""

    labels: tuple[str, ...]
    idf: dict[str, float]
    weights: dict[str, list[float]]
    intercepts: tuple[float, ...]

    def scores(self, feats: list[str]) -> list[float]:
        counts = Counter(feats)
        vec: dict[str, float] = {}
        norm_sq = 0.0
        idf = self.idf
        for feat, count in counts.items():
            weight = idf.get(feat)
            if weight is None:
                continue
            value = (1.0 + math.log(count)) * weight
            vec[feat] = value
            norm_sq += value * value
        out = list(self.intercepts)
        if not norm_sq:
            return out
        inv = 1.0 / math.sqrt(norm_sq)
        n = len(out)
        for feat, value in vec.items():
            row = self.weights.get(feat)
            if row is None:
                continue
            scaled = value * inv
            for i in range(n):
                out[i] += row[i] * scaled
        return out

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(
            labels=tuple(data["labels"]),
            idf=data["idf"],
            weights=data["weights"],
            intercepts=tuple(data["intercepts"]),
        )


@dataclass(frozen=True)
class Prediction:
    ranked: tuple[str, ...]  # categories, best first
    confidence: float  # softmax of the linear scores for the best one
    complaint: bool
    features: frozenset[str]  # the lexicon features that fired ("kw:<category>")


@dataclass(frozen=True)
class TriageModel:
    category: LinearModel
    complaint: LinearModel

    def predict(self, text: str) -> Prediction:
        feats = features_of(text)
        cat_scores = self.category.scores(feats)
        order = sorted(range(len(cat_scores)), key=cat_scores.__getitem__, reverse=True)
        top = cat_scores[order[0]]
        total = sum(math.exp(s - top) for s in cat_scores)
        comp_score = self.complaint.scores(feats)[0]
        return Prediction(
            ranked=tuple(self.category.labels[i] for i in order),
            confidence=1.0 / total,
            complaint=comp_score >= 0.0,
            features=frozenset(f for f in feats if f.startswith("kw:")),
        )


def model_from_file(path: Path) -> TriageModel:
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return TriageModel(
        category=LinearModel.from_dict(data["category"]),
        complaint=LinearModel.from_dict(data["complaint"]),
    )


@lru_cache(maxsize=1)
def model_get() -> TriageModel:
    """The shipped model, loaded once per process."""
    return model_from_file(MODEL_PATH)
