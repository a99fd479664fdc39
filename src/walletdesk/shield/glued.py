"""Chinese mnemonics glued into prose, without spaces.

The Chinese lists hold the commonest characters, so prose is a run of listed characters too
and a run proves nothing. A 12-character window counts as (part of) a phrase when it behaves
like random draws from the list: its neighbours almost never form dictionary words (see
zhmodel), it uses rare list characters as often as common ones, and it rarely repeats one.
The checksum then pins the phrase's bounds when it is valid.
"""

from __future__ import annotations

import math
import operator
import re
from functools import lru_cache
from itertools import accumulate, compress

from walletdesk.shield.wordlists import MNEMONIC_LENGTHS, checksum_valid, zh_rank
from walletdesk.shield.zhmodel import word_pairs

Span = tuple[str, int, int]
MNEMONIC = "mnemonic"
FULL_RUN = 12

_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_HAN = "".join(f"{chr(low)}-{chr(high)}" for low, high in _HAN_RANGES)
_NON_HAN_RE = re.compile(f"[^{_HAN}]+")
_HAN_SEP = r"\s,，、。.;；:：\-—_|/·()（）\[\]【】0-9①-⑳"
# Han characters with the separators a phrase may be written with: a single character class,
# which the regex engine scans fastest. Fewer than 12 Han characters inside is dismissed later.
_HAN_RUN_RE = re.compile(rf"[{_HAN}][{_HAN}{_HAN_SEP}]{{{FULL_RUN - 2},}}[{_HAN}]")
_HAN_CHAR_RE = re.compile(rf"[{_HAN}]")

WINDOW = 12
# Chinese sentence punctuation between two characters: prose, not a written-down phrase.
_PROSE_PUNCTUATION = frozenset("，。！？；：、“”‘’…")
# A window is random-looking when its score is below this. Measured on the labelled set
# (bench/shield_quality.py): 12-character windows of prose score 6 and up, 99% of windows of a
# random phrase score below 3.3.
RANDOM_BELOW = 4.0
# Without a valid checksum somewhere in it, a region needs a window this random: prose with
# strings of rare transliterated names ("奥塞梯语旁遮普语") reaches the 0-4 band, a phrase
# rarely does (95% of a phrase's windows score below -0.4).
UNCHECKED_BELOW = 0.0
# Each repeated character in a window is this much evidence for prose.
REPEAT_WEIGHT = 2.0
# A pair of neighbours forming a dictionary word is worth this much evidence for prose.
PAIR_WEIGHT = 2.0
# Trimming a marked region stops at characters that look less like prose than this.
TRIM_ABOVE = 1.0


@lru_cache(maxsize=1)
def _rank_evidence() -> tuple[float, ...]:
    """log P(rank | prose) / P(rank | phrase): prose follows Zipf, a phrase is uniform on 2,048."""
    harmonic = sum(1 / (rank + 10) for rank in range(2048))
    return tuple(math.log(2048 / ((rank + 10) * harmonic)) for rank in range(2048))


def glued_chinese_find(text: str) -> list[Span]:
    """Random-looking regions of every Han run. Most runs are prose and stop at the first bound,
    taken here at C speed where it can be (see _gate_table), without a call per run."""
    if text.isascii():
        return []
    table, step = _gate_table(), _gate_step()
    spans: list[Span] = []
    for run in _HAN_RUN_RE.finditer(text):
        chunk = run.group()
        values = chunk.translate(table).encode("latin-1")
        last = len(values) - WINDOW
        if last < 0:
            continue
        first = 0
        while first <= last:
            excess = sum(values[first : first + WINDOW]) - _GATE_WINDOW_BOUND
            if excess < 0:
                break
            # The next windows differ from this one by at most `step` each: those that
            # cannot fall below the bound are skipped.
            first += 1 + excess // step
        else:
            continue  # every window bounds at RANDOM_BELOW or more: prose
        # Prose that gets past the character scores has a window or a few of rare characters
        # (names, "莫名其妙"); the word pairs touching inside each, looked up window by window
        # until they lift it over the bound, settle most of them for a fraction of the cost of
        # the whole-chunk pass in _random_regions (the same bound).
        sums = list(accumulate(values, initial=0))
        window = list(map(operator.sub, sums[WINDOW:], sums))
        few = list(compress(range(len(window)), map(_GATE_WINDOW_BOUND.__gt__, window)))
        stream = chunk if chunk.isalpha() else _NON_HAN_RE.sub("", chunk)
        if len(few) <= FEW_WINDOWS and _pairs_lift_all(chunk, stream is chunk, window, few):
            continue
        offset = run.start()
        for start, end in _random_regions(chunk, stream):
            spans.append((MNEMONIC, offset + start, offset + end))
    return spans


# The first bound in bytes: each Han character of a run is translated (one C call) to a byte of
# _GATE_OFFSET plus its evidence in 1/_GATE_SCALE, rounded down, and every separator is dropped.
# A window's byte sum minus WINDOW * _GATE_OFFSET never exceeds _GATE_SCALE times its score, so
# a window at _GATE_WINDOW_BOUND or more scores RANDOM_BELOW or more; a window let through by
# the rounding meets the exact bound in _random_regions.
_GATE_SCALE = 32
_GATE_OFFSET = 64
_GATE_WINDOW_BOUND = int(RANDOM_BELOW * _GATE_SCALE) + WINDOW * _GATE_OFFSET
_GATE_PAIR = int(PAIR_WEIGHT * _GATE_SCALE)


@lru_cache(maxsize=1)
def _gate_table() -> list[str | None]:
    """str.translate table over the Basic Multilingual Plane: Han character -> its byte,
    everything else (the separators a run may hold) -> deleted."""
    table: list[str | None] = [None] * 0x10000
    for char, score in _char_scores().items():
        value = math.floor(score * _GATE_SCALE) + _GATE_OFFSET
        assert 0 <= value <= 255, "evidence out of the byte range"
        table[ord(char)] = chr(value)
    return table


@lru_cache(maxsize=1)
def _gate_step() -> int:
    values = [ord(value) for value in _gate_table() if value is not None]
    return max(values) - min(values)


def stream_score(chars: list[str]) -> float:
    """The prose score of characters read in a row (no punctuation between): rank evidence,
    word pairs and repeats, as a window's score below."""
    scores, pairs = _char_scores(), word_pairs()
    score = sum(scores.get(char, 0.0) for char in chars)
    score += PAIR_WEIGHT * sum(
        first + second in pairs for first, second in zip(chars, chars[1:], strict=False)
    )
    return score + REPEAT_WEIGHT * (len(chars) - len(set(chars)))


@lru_cache(maxsize=1)
def _char_scores() -> dict[str, float]:
    """Every character the Han class matches -> its rank evidence (0 for unlisted characters)."""
    evidence = _rank_evidence()
    table = {chr(code): 0.0 for low, high in _HAN_RANGES for code in range(low, high + 1)}
    for char, rank in zh_rank().items():
        table[char] = evidence[rank]
    return table


def _random_regions(chunk: str, stream: str) -> list[tuple[int, int]]:
    """Stretches of `chunk` (text offsets; `stream` is its Han characters) that read as
    characters drawn at random from the list.

    The first half runs at C speed (map/accumulate/compress) and dismisses most prose: character
    scores plus touching word pairs are a lower bound of a window's score (punctuation pairs and
    repeats only add), so a chunk whose every window bounds at RANDOM_BELOW or more is prose.
    """
    scores = _char_scores()
    count = len(stream)
    # Prefix sums straight from the scores, and the windows' character scores.
    char_sum = list(accumulate(map(scores.__getitem__, stream), initial=0.0))
    window_score = list(map(operator.sub, char_sum[WINDOW:], char_sum))
    if min(window_score) >= RANDOM_BELOW:
        return []
    pairs = word_pairs()
    # Touching word pairs, looked up once per character at C speed: a window's bound adds
    # PAIR_WEIGHT for each of its 11 inner pairs.
    is_han = map(scores.__contains__, chunk)
    touching = list(compress(map(pairs.__contains__, map(operator.add, chunk, chunk[1:])), is_han))
    pair_sum = list(accumulate(touching, initial=0))
    window_pairs = map(operator.sub, pair_sum[WINDOW - 1 :], pair_sum)
    lower = list(map(operator.add, window_score, map(PAIR_WEIGHT.__mul__, window_pairs)))
    if min(lower) >= RANDOM_BELOW:
        return []
    positions = list(compress(range(len(chunk)), map(scores.__contains__, chunk)))
    char_score = list(map(scores.__getitem__, stream))
    candidates = list(compress(range(len(lower)), map(RANDOM_BELOW.__gt__, lower)))
    # Only the neighbourhood of a candidate window gets the slow, exact look; a refined phrase
    # reaches at most 24 characters either way.
    reach = max(MNEMONIC_LENGTHS)
    neighbourhoods: list[list[int]] = []
    for start in candidates:
        low, high = max(0, start - reach), min(count, start + WINDOW + reach)
        if neighbourhoods and low <= neighbourhoods[-1][1]:
            neighbourhoods[-1][1] = high
        else:
            neighbourhoods.append([low, high])
    regions = []
    for low, high in neighbourhoods:
        local = [start - low for start in candidates if low <= start and start + WINDOW <= high]
        for start, end in _exact_regions(chunk, stream, positions, char_score, touching, low, high, local):
            regions.append((positions[low + start], positions[low + end - 1] + 1))
    return regions


FEW_WINDOWS = 12


def _pairs_lift_all(chunk: str, pure: bool, window: list[int], windows: list[int]) -> bool:
    """Whether each of `windows` (stream indices; `window` holds the gate's byte sums) reaches
    the gate's bound once the word pairs touching inside it are added."""
    pairs = word_pairs()
    positions: range | list[int] = range(len(chunk))
    if not pure:  # chunk offsets of the Han characters, a range per stretch between separators
        positions, previous = [], 0
        for separator in _NON_HAN_RE.finditer(chunk):
            positions.extend(range(previous, separator.start()))
            previous = separator.end()
        positions.extend(range(previous, len(chunk)))
    # The lowest window first: in a real phrase it has no pair to lift it, and the answer is no.
    lowest = min(windows, key=window.__getitem__)
    for first in (lowest, *windows):
        needed = _GATE_WINDOW_BOUND - window[first]
        for k in range(first, first + WINDOW - 1):
            here = positions[k]
            if chunk[here : here + 2] in pairs:
                needed -= _GATE_PAIR
                if needed <= 0:
                    break
        else:
            return False
    return True


def _exact_regions(
    chunk: str,
    stream: str,
    positions: list[int],
    all_scores: list[float],
    touching: list[bool],
    low: int,
    high: int,
    candidates: list[int],
) -> list[tuple[int, int]]:
    """Random-looking regions of stream[low:high] (local indices), scored exactly."""
    pair_score = []
    for k in range(low, high - 1):
        here, there = positions[k], positions[k + 1]
        if there == here + 1:
            hit = k < len(touching) and touching[k]
        else:
            hit = not _PROSE_PUNCTUATION.isdisjoint(chunk[here + 1 : there])
        pair_score.append(PAIR_WEIGHT if hit else 0.0)
    ranks = zh_rank()
    local_stream = stream[low:high]
    rank = [ranks.get(char, -1) for char in local_stream]
    char_score = all_scores[low:high]
    marked: list[list] = []  # [start, end, lowest window score]
    for start in candidates:
        end = start + WINDOW
        window_ranks = rank[start:end]
        if window_ranks[0] < 0 or window_ranks[-1] < 0 or window_ranks.count(-1) > 1:
            continue
        # Characters seen more than once in the window: prose repeats (语, 的), a phrase rarely does.
        repeats = WINDOW - len(set(local_stream[start:end]))
        score = sum(char_score[start:end]) + sum(pair_score[start : end - 1]) + REPEAT_WEIGHT * repeats
        if score < RANDOM_BELOW:
            if marked and start <= marked[-1][1]:
                marked[-1][1] = end
                marked[-1][2] = min(marked[-1][2], score)
            else:
                marked.append([start, end, score])
    regions = []
    for start, end, lowest in marked:
        # Windows straddling the phrase and a few prose characters also look random: shed
        # common edge characters while the region stays phrase-sized.
        while end - start > WINDOW and char_score[start] > TRIM_ABOVE:
            start += 1
        while end - start > WINDOW and char_score[end - 1] > TRIM_ABOVE:
            end -= 1
        first, last, checked = _refine(rank, char_score, pair_score, start, end)
        if not checked or _chance_pass(
            chunk, positions[low:high], char_score, pair_score, first, last, start, end
        ):
            # No checksum, or a "valid" window that leaves random-looking characters out (a
            # mistyped phrase passes by chance 1 time in 16): keep all of it and look wider.
            first, last = _grow(rank, char_score, pair_score, min(first, start), max(last, end))
            first, last = _round_to_phrase(rank, first, last)
            # No checksum pins the edges: one more listed character on each side, since the
            # phrase's end word may pair with the prose beside it ("…务制发过去了").
            if first > 0 and rank[first - 1] >= 0:
                first -= 1
            if last < len(rank) and rank[last] >= 0:
                last += 1
        start, end = first, last
        if checked or lowest < UNCHECKED_BELOW:
            regions.append((start, end))
    return regions


# A character scoring above this (是, 我, 的: the top hundred or so) between a rare character
# and a checksum-valid window marks the rare one as prose beside the phrase, not part of it.
SET_OFF_ABOVE = 2.0
# A lone rare character right beside a valid window, no rarer than this, is taken for prose:
# prose beside a phrase holds one often enough ("…锭久请帮我找回": 请 -0.6), while a
# mistyped phrase passing by chance leaves out a run of them or a rarer one.
LONE_ABOVE = -1.0


def _chance_pass(
    chunk: str,
    positions: list[int],
    char_score: list[float],
    pair_score: list[float],
    first: int,
    last: int,
    start: int,
    end: int,
) -> bool:
    """Whether the valid window first..last of the marked region start..end may be a chance
    pass (1 in 16) inside a mistyped phrase, so that the caller keeps the whole region.

    That is so when a random-looking character (rare, no word pair or punctuation on either
    side) was left out of the window, unless it reads as prose beside the phrase: set off from
    the window by a very common character or sentence punctuation ("是", "。"), glued to the
    next character beyond when the window is written with separators ("锭 久 请帮我找回"), or a
    lone weak one right beside it. Counting those had redacted the lead-in and the customer's
    question around every phrase. A window that itself ends on a very common character or holds
    sentence punctuation gets none of these exemptions: it likely took in prose.
    (`positions` maps the local stream indices to `chunk` offsets.)
    """
    size = len(char_score)

    def random_looking(k: int) -> bool:
        return (
            char_score[k] <= 0.0
            and (k == 0 or pair_score[k - 1] == 0.0)
            and (k >= len(pair_score) or pair_score[k] == 0.0)
        )

    def punctuated(a: int, b: int) -> bool:  # sentence punctuation between stream a and b > a
        return not _PROSE_PUNCTUATION.isdisjoint(chunk[positions[a] + 1 : positions[b]])

    left_out = (*range(start, first), *range(last, end))
    if max(char_score[first], char_score[last - 1]) > SET_OFF_ABOVE or punctuated(first, last - 1):
        return any(map(random_looking, left_out))
    spaced = all(positions[k + 1] > positions[k] + 1 for k in range(first, last - 1))
    for edge, step, bound in ((last, 1, end), (first - 1, -1, start - 1)):
        counted = []
        k = edge
        while (k - bound) * step < 0:
            if char_score[k] > SET_OFF_ABOVE or punctuated(min(k, k - step), max(k, k - step)):
                break
            beyond = k + step
            glued_on = spaced and 0 <= beyond < size and abs(positions[beyond] - positions[k]) == 1
            if random_looking(k) and not glued_on:
                counted.append(k)
            k += step
        if counted and not (counted == [edge] and char_score[edge] > LONE_ABOVE):
            return True
    return False


def _grow(
    rank: list[int], char_score: list[float], pair_score: list[float], start: int, end: int
) -> tuple[int, int]:
    """Widen a region without a checksum over neighbours that look drawn from the list too.

    A mistyped phrase cannot be pinned by its checksum, and its common characters keep some
    windows from looking random. A neighbour is taken in when it is a rare list character that
    neither forms a word with the character beyond it nor sits across punctuation, up to 24.
    """
    last = len(rank) - 1

    def free(position: int) -> bool:
        # No word pair and no sentence punctuation between position and position + 1.
        return position < 0 or position >= last or pair_score[position] == 0.0

    def rare(position: int) -> bool:
        return 0 <= position <= last and rank[position] >= 0 and char_score[position] <= 0.0

    limit = max(MNEMONIC_LENGTHS)
    while end - start < limit and rare(start - 1) and free(start - 1) and free(start - 2):
        start -= 1
    while end - start < limit and rare(end) and free(end - 1) and free(end):
        end += 1
    return start, end


def _round_to_phrase(rank: list[int], start: int, end: int) -> tuple[int, int]:
    """An unchecked region a character or three short of a phrase length, widened that much on
    each side: its missing words are listed characters that happen to pair with the prose
    beside them ("…舰阀边七下就是…"). Prose redacted on one side beats a word leaked on the other."""
    size = end - start
    target = next((length for length in MNEMONIC_LENGTHS if length >= size), size)
    for _ in range(min(target - size, 3) if target - size <= 3 else 0):
        if start > 0 and rank[start - 1] >= 0:
            start -= 1
        if end < len(rank) and rank[end] >= 0:
            end += 1
    return start, end


def _refine(
    rank: list[int], char_score: list[float], pair_score: list[float], start: int, end: int
) -> tuple[int, int, bool]:
    """The most likely phrase around a marked region, using the checksum.

    A marked region is where the text looks random; the phrase may be wider (common characters
    at its ends) or narrower (rare prose characters glued to it). Each window of 12-24
    characters overlapping the region that passes the checksum is weighed by the evidence
    that its characters are random (minus their prose score) plus the checksum's own evidence
    (a chance pass is 1 in 2^(words/3)); the region itself, with no checksum bonus, competes too.
    Returns the bounds and whether they are a checksum-valid phrase.
    """
    total = [0.0]
    for k in range(len(rank)):
        total.append(total[-1] + char_score[k] + (pair_score[k] if k < len(pair_score) else 0.0))
    pairs = len(pair_score)

    def evidence(first: int, last: int) -> float:
        inside_pair = pair_score[last - 1] if last - 1 < pairs else 0.0
        return -(total[last] - total[first] - inside_pair)

    best = (evidence(start, end), start, end, False)
    # Only windows overlapping the region by WINDOW - 2 characters or more compete: those that
    # start WINDOW - 2 or fewer before its end (and, on the left, the range below).
    overlap = WINDOW - 2
    if end - start < overlap:
        return best[1], best[2], best[3]
    for size in MNEMONIC_LENGTHS:
        bonus = size / 3 * math.log(2)
        # A window whose prose score reaches this does not look random as a whole.
        prose_limit = (RANDOM_BELOW + 4) * size / WINDOW + bonus
        for first in range(max(0, start - size + WINDOW), min(end - overlap, len(rank) - size) + 1):
            last = first + size
            # evidence(first, last) + bonus written out: the loop runs for every phrase length
            # and start around each marked region.
            inside_pair = pair_score[last - 1] if last - 1 < pairs else 0.0
            weight = -(total[last] - total[first] - inside_pair) + bonus
            # Cheap checks first: the window must beat the best so far and, given the
            # checksum's evidence, still look random as a whole.
            if weight <= best[0] or bonus - weight >= prose_limit:
                continue
            window = rank[first:last]
            if min(window) < 0 or not checksum_valid(window):
                continue
            best = (weight, first, last, True)
    return best[1], best[2], best[3]
