"""Typo neighbours against the index vocabulary: symmetric-delete lookup verified by OSA distance,
and Chinese homophones through toneless pinyin (体现 → 提现, 充直 → 充值)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin


def osa_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def max_edits(word: str) -> int:
    # Short words have too many neighbours: "fee" must not become "free".
    if len(word) < 4:
        return 0
    return 1 if len(word) < 7 else 2


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


class TypoIndex:
    """Latin vocabulary with symmetric-delete keys, so a lookup costs a few dict probes."""

    def __init__(self, words: Iterable[str]) -> None:
        self._keys: dict[str, set[str]] = defaultdict(set)
        for word in words:
            if word.isascii() and word.isalpha() and len(word) >= 3:
                for key in _deletes(word, 2 if len(word) >= 6 else 1):
                    self._keys[key].add(word)

    def neighbours(self, word: str) -> list[tuple[str, int]]:
        edits = max_edits(word)
        if not edits or not word.isascii() or not word.isalpha():
            return []
        found: dict[str, int] = {}
        for key in _deletes(word, edits):
            for cand in self._keys.get(key, ()):
                if cand != word and cand not in found:
                    dist = osa_distance(word, cand, edits + 1)
                    if dist <= edits:
                        found[cand] = dist
        return sorted(found.items(), key=lambda kv: (kv[1], kv[0]))


@functools.lru_cache(maxsize=50000)
def pinyin_key(word: str) -> str:
    return " ".join(lazy_pinyin(word, style=Style.NORMAL, errors="ignore"))


class HomophoneIndex:
    """Chinese words (2+ characters) of the vocabulary by their toneless pinyin."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_key: dict[str, set[str]] = defaultdict(set)
        for word in words:
            if len(word) >= 2 and not word.isascii():
                key = pinyin_key(word)
                if key:
                    self._by_key[key].add(word)

    def neighbours(self, word: str) -> list[str]:
        if len(word) < 2 or word.isascii():
            return []
        return sorted(w for w in self._by_key.get(pinyin_key(word), ()) if w != word)
