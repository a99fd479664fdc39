"""BIP39 mnemonic detection: separated words in any language, and Chinese glued into prose.

Separated words (Latin, Cyrillic, kana, Hangul, and single Chinese characters between spaces,
commas, numbers or line breaks) are found as runs of listed words, tolerating two unlisted
(misspelt) words inside a run. The checksum is not required: a mistyped phrase still leaks the
wallet.

Chinese glued into prose cannot be found that way, because the Chinese lists hold the commonest
characters and prose is a run of listed characters too. There a 12-character window counts as
a phrase when it behaves like random draws from the list: its neighbours almost never form
dictionary words and it uses rare list characters as often as common ones (see zhmodel).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from walletdesk.shield.wordlists import (
    MNEMONIC_LENGTHS,
    checksum_valid,
    key_masks,
    word_key,
    wordlist_for_bit,
    zh_bits,
    zh_rank,
    zh_to_simplified,
)
from walletdesk.shield.zhmodel import word_pairs

Span = tuple[str, int, int]
MNEMONIC = "mnemonic"

# A full phrase: at least this many words, of which at most MAX_GAPS unlisted (misspelt).
FULL_RUN = 12
MAX_GAPS = 2
# A partial phrase (part of the words pasted): this many listed words in a row, no gaps.
PARTIAL_RUN = {"default": 8}
# More than this many separator characters between two words ends a run.
MAX_SEPARATOR = 12

_TOKEN_RE = re.compile(
    r"[A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff]+"  # Latin with accents, Cyrillic
    r"|[\u3040-\u30ff]+"  # kana
    r"|[\u1100-\u11ff\uac00-\ud7af]+"  # Hangul (composed or jamo)
    r"|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"  # Han
    r"|\d+"
    r"|[^\W\d_\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]+"  # any other script: never listed, but it breaks a run
)
_BREAK = -1
# The number written before a phrase's first word belongs to the phrase ("1. abandon", "①", "(1)").
_NUMBERING_RE = re.compile(r"(?:[(（#]?\d{1,2}\s*[.)）、:：\-]?|[\u2460-\u24ff\u3251-\u325f])[ \t]*$")


def mnemonics_find(text: str) -> list[Span]:
    return _separated_runs(text) + _glued_chinese(text)


# --- separated words --------------------------------------------------------------------------


def _tokens(text: str) -> tuple[list[int], list[int], list[int]]:
    """Parallel lists of token starts, ends and language masks (0 unlisted, _BREAK a hard break)."""
    masks = key_masks()
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[int] = []
    previous_end = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        token = match.group()
        if start - previous_end > MAX_SEPARATOR:
            starts.append(previous_end)
            ends.append(start)
            kinds.append(_BREAK)
        previous_end = end
        if token[0].isdigit():
            if len(token) <= 2:
                continue  # "1." "12)": the numbering of a written-down phrase
            mask = 0
        else:
            mask = masks.get(token.lower() if token.isascii() else word_key(token), 0)
            # Letters wedged between digits are pieces of a hash or an address, not words.
            if mask and start and text[start - 1].isdigit() and text[end : end + 1].isdigit():
                mask = 0
        starts.append(start)
        ends.append(end)
        kinds.append(mask)
    return starts, ends, kinds


def _separated_runs(text: str) -> list[Span]:
    starts, ends, kinds = _tokens(text)
    spans: list[Span] = []
    for first, last in _clusters(kinds):
        bits = 0
        for kind in kinds[first : last + 1]:
            if kind > 0:
                bits |= kind
        while bits:
            bit = bits & -bits
            bits ^= bit
            for lo, hi in _language_runs(kinds, first, last, bit):
                start = starts[lo]
                numbering = _NUMBERING_RE.search(text[max(0, start - 8) : start])
                if numbering:
                    start -= len(numbering.group())
                spans.append((MNEMONIC, start, ends[hi]))
    return spans


def _clusters(kinds: list[int]) -> list[tuple[int, int]]:
    """Stretches of listed tokens at most MAX_GAPS apart and worth a closer look."""
    clusters = []
    first = last = -1
    count = 0
    for position, kind in enumerate(kinds):
        if kind == _BREAK:
            if count >= min(PARTIAL_RUN.values()):
                clusters.append((first, last))
            first, count = -1, 0
        elif kind > 0:
            if first == -1 or position - last > MAX_GAPS + 1:
                if count >= min(PARTIAL_RUN.values()):
                    clusters.append((first, last))
                first, count = position, 0
            last = position
            count += 1
    if count >= min(PARTIAL_RUN.values()):
        clusters.append((first, last))
    return clusters


def _language_runs(kinds: list[int], first: int, last: int, bit: int) -> list[tuple[int, int]]:
    """Token ranges that read as a phrase in one language: full runs with gaps, or partial runs."""
    ones = [p for p in range(first, last + 1) if kinds[p] > 0 and kinds[p] & bit]
    if len(ones) < min(PARTIAL_RUN.values()):
        return []
    found: list[tuple[int, int]] = []
    # Full runs: a window of listed words with at most MAX_GAPS other tokens inside.
    left = 0
    for right in range(len(ones)):
        while (ones[right] - ones[left] + 1) - (right - left + 1) > MAX_GAPS:
            left += 1
        is_last = right + 1 == len(ones)
        extends = not is_last and (ones[right + 1] - ones[left] + 1) - (right - left + 2) <= MAX_GAPS
        if not extends and ones[right] - ones[left] + 1 >= FULL_RUN and right - left + 1 >= FULL_RUN - MAX_GAPS:
            found.append(_trim_stragglers(ones[left : right + 1]))
    # Partial runs: consecutive listed words only.
    partial = PARTIAL_RUN.get(wordlist_for_bit(bit).language, PARTIAL_RUN["default"])
    if bit & zh_bits():
        partial = max(partial, 8)
    run_start = 0
    for index in range(1, len(ones) + 1):
        if index == len(ones) or ones[index] != ones[index - 1] + 1:
            if index - run_start >= partial:
                found.append((ones[run_start], ones[index - 1]))
            run_start = index
    return found


def _trim_stragglers(window: list[int]) -> tuple[int, int]:
    """Drop one or two listed words cut off from the run by a gap ("my *phrase* is abandon ...")."""
    lo, hi = 0, len(window) - 1
    for _ in range(2):
        for edge in (1, 2):
            if lo + edge <= hi and window[lo + edge] - window[lo + edge - 1] > 1:
                if window[hi] - window[lo + edge] + 1 >= FULL_RUN:
                    lo += edge
                break
        for edge in (1, 2):
            if hi - edge >= lo and window[hi - edge + 1] - window[hi - edge] > 1:
                if window[hi - edge] - window[lo] + 1 >= FULL_RUN:
                    hi -= edge
                break
    return window[lo], window[hi]


# --- Chinese glued into prose -----------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_SEP = r"[\s,，、。.;；:：\-—_|/·()（）\[\]【】0-9①-⑳]"
_HAN_RUN_RE = re.compile(rf"[{_HAN}](?:{_HAN_SEP}{{0,3}}[{_HAN}]){{{FULL_RUN - 1},}}")
_HAN_CHAR_RE = re.compile(rf"[{_HAN}]")

WINDOW = 12
# Chinese sentence punctuation between two characters: prose, not a written-down phrase.
_PROSE_PUNCTUATION = frozenset("，。！？；：、“”‘’…")
# A window is random-looking when its score is below this. Measured on the labelled set
# (bench/shield_quality.py): 12-character windows of prose score 6 and up, 99% of windows of a
# random phrase score below 3.3.
RANDOM_BELOW = 4.0
# A pair of neighbours forming a dictionary word is worth this much evidence for prose.
PAIR_WEIGHT = 2.0
# Trimming a marked region stops at characters that look less like prose than this.
TRIM_ABOVE = 1.0


@lru_cache(maxsize=1)
def _rank_evidence() -> tuple[float, ...]:
    """log P(rank | prose) / P(rank | phrase): prose follows Zipf, a phrase is uniform on 2,048."""
    harmonic = sum(1 / (rank + 10) for rank in range(2048))
    return tuple(math.log(2048 / ((rank + 10) * harmonic)) for rank in range(2048))


def _glued_chinese(text: str) -> list[Span]:
    spans: list[Span] = []
    for run in _HAN_RUN_RE.finditer(text):
        for start, end in _random_regions(run.group()):
            spans.append((MNEMONIC, run.start() + start, run.start() + end))
    return spans


def _random_regions(chunk: str) -> list[tuple[int, int]]:
    """Stretches of `chunk` (text offsets) that read as characters drawn at random from the list."""
    ranks = zh_rank()
    pairs = word_pairs()
    evidence = _rank_evidence()
    simple = chunk.translate(zh_to_simplified())
    if chunk.isalpha():
        positions = list(range(len(chunk)))
    else:
        positions = [m.start() for m in _HAN_CHAR_RE.finditer(chunk)]
    count = len(positions)
    rank = [ranks.get(chunk[p], -1) for p in positions]
    char_score = [evidence[r] if r >= 0 else 0.0 for r in rank]
    pair_score = []
    for k in range(count - 1):
        here, there = positions[k], positions[k + 1]
        if there == here + 1:
            touching = simple[here] + simple[there] in pairs
        else:
            touching = any(ch in _PROSE_PUNCTUATION for ch in chunk[here + 1 : there])
        pair_score.append(PAIR_WEIGHT if touching else 0.0)
    score_sum = [0.0]
    for k in range(count):
        score_sum.append(score_sum[-1] + char_score[k] + (pair_score[k] if k < count - 1 else 0.0))
    unknown_sum = [0]
    for value in rank:
        unknown_sum.append(unknown_sum[-1] + (value < 0))
    marked: list[list[int]] = []
    for start in range(count - WINDOW + 1):
        end = start + WINDOW
        if rank[start] < 0 or rank[end - 1] < 0 or unknown_sum[end] - unknown_sum[start] > 1:
            continue
        # The last character's pair reaches outside the window: take it back out.
        score = score_sum[end] - score_sum[start] - pair_score[end - 1] if end - 1 < count - 1 else (
            score_sum[end] - score_sum[start])
        if score < RANDOM_BELOW:
            if marked and start <= marked[-1][1]:
                marked[-1][1] = end
            else:
                marked.append([start, end])
    regions = []
    for start, end in marked:
        # Windows straddling the phrase and a few prose characters also look random: shed
        # edge characters that look like prose while the region stays phrase-sized.
        while end - start > WINDOW and char_score[start] + pair_score[start] > TRIM_ABOVE:
            start += 1
        while end - start > WINDOW and char_score[end - 1] + pair_score[end - 2] > TRIM_ABOVE:
            end -= 1
        start, end = _refine(rank, start, end)
        regions.append((positions[start], positions[end - 1] + 1))
    return regions


def _refine(rank: list[int], start: int, end: int) -> tuple[int, int]:
    """Narrow a marked region to a phrase with a valid checksum when exactly one fits well.

    Windows overlapping a phrase by a few prose characters also look random, so a region can be
    a little wider than the phrase. Without a unique checksum match the wider region is kept:
    redacting a prose character is better than leaking a word.
    """
    length = end - start
    if length in MNEMONIC_LENGTHS and checksum_valid(rank[start:end]):
        return start, end
    for size in sorted(MNEMONIC_LENGTHS, reverse=True):
        if size > length or size < length - 6:
            continue
        fits = [s for s in range(start, end - size + 1) if min(rank[s : s + size]) >= 0
                and checksum_valid(rank[s : s + size])]
        if len(fits) == 1:
            return fits[0], fits[0] + size
        if fits:
            break
    return start, end
