"""Macro-F1 over triage categories, as the tests that hold evaluation sets to the issue's bars score them."""

from __future__ import annotations

from collections.abc import Iterable

from walletdesk.triage.services import CATEGORIES


def macro_f1(pairs: Iterable[tuple[str, str]]) -> float:
    """Mean F1 over the categories that occur as gold or prediction in (gold, predicted) pairs."""
    pairs = list(pairs)
    scores = []
    for cat in CATEGORIES:
        tp = sum(1 for g, p in pairs if g == cat and p == cat)
        fp = sum(1 for g, p in pairs if g != cat and p == cat)
        fn = sum(1 for g, p in pairs if g == cat and p != cat)
        if tp or fp or fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)
