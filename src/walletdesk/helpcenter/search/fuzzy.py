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
        # The same words by pinyin typed without spaces or tones (tibi → 提币), for customers whose
        # keyboard has no Chinese input at hand.
        self._by_spelling: dict[str, set[str]] = defaultdict(set)
        self._spelling_max = 0
        for word in words:
            self.add(word)

    def add(self, word: str, *, spelling_only: bool = False) -> None:
        if len(word) >= 2 and not any(ch.isascii() for ch in word):
            key = pinyin_key(word)
            if key and len(key.split()) == len(word):
                if not spelling_only:
                    self._by_key[key].add(word)
                spelling = key.replace(" ", "")
                self._by_spelling[spelling].add(word)
                self._spelling_max = max(self._spelling_max, len(spelling))

    def spelled(self, latin: str) -> list[str] | None:
        """The Chinese words a run of pinyin letters spells, in order, in the fewest words; None when
        the letters are not entirely made of known words' pinyin."""
        n = len(latin)
        if n < 4 or not latin.isascii() or not latin.isalpha():
            return None
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for i in range(n):
            if best[i] is None:
                continue
            for j in range(i + 4, min(n, i + self._spelling_max) + 1):
                words = self._by_spelling.get(latin[i:j])
                if words and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                    best[j] = [*best[i], min(words, key=lambda w: (len(w), w))]
        return best[n]

    def neighbours(self, word: str) -> list[str]:
        if len(word) < 2 or word.isascii():
            return []
        return sorted(w for w in self._by_key.get(pinyin_key(word), ()) if w != word)
