"""Training and cross-validation (build/dev time only: imports scikit-learn).

`walletdesk triage_train` fits on the whole labelled set and writes data/model.npz;
bench/triage_quality.py calls `crossval_predict` to score the full pipeline (model + rules) on
folds the model never saw.
"""

from __future__ import annotations

from typing import Any

from walletdesk.triage.features import features_of
from walletdesk.triage.model import LinearModel, TriageModel

CATEGORY_C = 0.5
COMPLAINT_C = 0.5
# Weights this small change no score at the second decimal; dropping them keeps the JSON small.
_PRUNE = 0.004


def _linear_export(vectorizer: Any, classifier: Any, labels: list[str]) -> LinearModel:
    vocab = vectorizer.vocabulary_
    idf = vectorizer.idf_
    coef = classifier.coef_
    weights: dict[str, list[float]] = {}
    idfs: dict[str, float] = {}
    for feat, col in vocab.items():
        row = [round(float(v), 4) for v in coef[:, col]]
        idfs[feat] = round(float(idf[col]), 4)
        if max(abs(v) for v in row) >= _PRUNE:
            weights[feat] = row
    return LinearModel(
        labels=tuple(labels),
        idf=idfs,
        weights=weights,
        intercepts=tuple(round(float(v), 5) for v in classifier.intercept_),
    )


def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=features_of, sublinear_tf=True, min_df=1)


def model_fit(rows: list[dict[str, Any]]) -> TriageModel:
    """Fit the category and complaint scorers on labelled rows."""
    from sklearn.svm import LinearSVC

    texts = [r["text"] for r in rows]
    vec = _vectorizer()
    x = vec.fit_transform(texts)
    cat = LinearSVC(C=CATEGORY_C, class_weight="balanced")
    cat.fit(x, [r["category"] for r in rows])
    comp = LinearSVC(C=COMPLAINT_C, class_weight="balanced")
    comp.fit(x, [int(r["complaint"]) for r in rows])
    return TriageModel.from_linear(
        _linear_export(vec, cat, [str(c) for c in cat.classes_]),
        _linear_export(vec, comp, ["complaint"]),
    )


def crossval_predict(rows: list[dict[str, Any]], *, folds: int = 5) -> list[Any]:
    """The full triage of every row by a model trained without that row's phrase group."""
    from sklearn.model_selection import GroupKFold

    from walletdesk.triage.services import triage_with_model

    out: list[Any] = [None] * len(rows)
    groups = [r.get("group") or r["id"] for r in rows]
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(rows, groups=groups):
        model = model_fit([rows[i] for i in train_idx])
        for i in test_idx:
            out[i] = triage_with_model(model, text=rows[i]["text"])
    return out
