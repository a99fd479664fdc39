"""BIP39 mnemonic detection: separated words in any language, and Chinese glued into prose.

Separated words (Latin, Cyrillic, kana, Hangul, and single Chinese characters between spaces,
commas, numbers or line breaks) are found as runs of listed words, tolerating two unlisted
(misspelt) words inside a run. The checksum is not required: a mistyped phrase still leaks the
wallet.

Chinese glued into prose cannot be found that way (prose is a run of listed characters too):
glued.py handles it. Words glued together in alphabetic scripts ("AbandonAbility...", kana
without spaces) are split into listed words by segmented.py. mnemonics_find returns all three.
"""

from __future__ import annotations

import re
from functools import lru_cache, reduce
from itertools import accumulate, repeat
from operator import or_
from typing import TYPE_CHECKING, Any

from walletdesk.shield.glued import glued_chinese_find, stream_score
from walletdesk.shield.scan import ascii_view
from walletdesk.shield.segmented import _spellings, glued_words_find
from walletdesk.shield.topics import text_is_topical_list
from walletdesk.shield.wordlists import (
    MNEMONIC_LENGTHS,
    checksum_valid,
    checksum_valid_starts,
    fast_keys,
    fuzzy_mask,
    key_masks,
    word_key,
    wordlist_for_bit,
    zh_bits,
    zh_rank,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np

Span = tuple[str, int, int]
MNEMONIC = "mnemonic"

# A full phrase: at least this many words, of which at most MAX_GAPS unlisted (misspelt).
FULL_RUN = 12
MAX_GAPS = 2
# A partial phrase (part of the words pasted): this many listed words in a row, no gaps.
PARTIAL_RUN = {"default": 8}
PARTIAL_RUN_MIN = min(PARTIAL_RUN.values())
# Or this many listed words with at most MAX_GAPS unlisted ones among them.
PARTIAL_WITH_GAPS = 9
# English prose strings listed words together ("then you must make a good effort to ensure
# that"), but mostly these common ones; a random phrase draws them 4% of the time. Runs count
# only their other ("content") words, each once: "Dynamic: license\nDynamic: author" is a
# form, not a phrase. A valid checksum overrides that ("abandon ×11 about" is a real wallet).
COMMON_ENGLISH = frozenset(
    "about above across again all almost also always among another any around away because before behind "
    "below between beyond can check come else enough ensure few find first give good have help just keep "
    "kind know like little long make more must need never next nice now off often once one only other over "
    "own please rather right same say still such thank that then there they thing this three today try "
    "under until upon use very wait want way what when where will wish with would you your young".split()
)
FULL_CONTENT = 8
PARTIAL_CONTENT = 6
# More than this many separator characters between two words ends a run.
MAX_SEPARATOR = 12

_TOKEN_RE = re.compile(
    r"([A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff]+)"  # 1 Latin with accents, Cyrillic
    # 2 kana, Hangul (composed or jamo); the katakana middle dot "・" separates words
    r"|([\u3040-\u30fa\u30fc-\u30ff\u1100-\u11ff\uac00-\ud7af]+)"
    r"|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)"  # 3 Han
    r"|(\d+)"  # 4 digits
    r"|[^\W\d_\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]+"  # any other script: never listed, breaks a run
)
_BREAK = -1
_ORDINALS = frozenset(("st", "nd", "rd", "th"))
# What may come before a chat speaker's name on its line: nothing, or a timestamp in brackets.
_SPEAKER_RE = re.compile(r"(?:^|\n)[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?\Z")
# Labels written before each number of a written-down phrase ("No.1", "Nr. 2", "N°3", "Word 4:").
_NUMBER_LABELS = frozenset(
    "no nr n nº n° num word wort mot palabra parola palavra slovo".split()
)  # fmt: skip
_LABELLED_NUMBER_RE = re.compile(r"[.°º#]?[ \t]?\d{1,2}(?!\d)")
# A sentence ends between two words: phrases are written with numbers, commas, dashes or line
# breaks between words, never full stops (a "1." is numbering and does not count).
# A Latin full stop ends a sentence only before a space: "van.wood.lock" is one phrase (OCR).
# Nor does the full stop of a numbering label ("Nr. 2", "No. 3").
_SENTENCE_END_RE = re.compile(r"(?<!\d)(?<!\b[Nn][RrOo])[.!?](?=\s)|[。！？]")
# The number written before a phrase's first word belongs to the phrase ("1. abandon", "①", "(1)").
_NUMBERING_RE = re.compile(r"(?:[(（#]?\d{1,2}\s*[.)）、:：\-]?|[\u2460-\u24ff\u3251-\u325f])[ \t]*$")


# Long texts (articles, logs, pasted files) are checked for separated runs in overlapping
# slices, so the C-speed prefilter can dismiss most of the text; a phrase (at most a few
# hundred characters) always lies whole inside one slice.
SLICE = 2000
SLICE_OVERLAP = 600


def mnemonics_find(text: str) -> list[Span]:
    separated: list[Span] = []
    if len(text) <= SLICE:
        if _may_have_run(text):
            separated = _separated_runs(text)
    else:
        for offset in range(0, len(text) - SLICE_OVERLAP, SLICE - SLICE_OVERLAP):
            piece = text[offset : offset + SLICE]
            # Only the stretches around the prefilter's clusters are tokenised in full: in a
            # long text of prose the words a run needs lie in a few places of the slice.
            for first, last in _cluster_windows(piece):
                start = offset + first
                separated += [
                    (kind, start + a, start + b) for kind, a, b in _separated_runs(piece[first:last])
                ]
    return separated + glued_chinese_find(text) + glued_words_find(text)


# --- separated words --------------------------------------------------------------------------


_FAST_TOKEN_RE = re.compile(
    r"[A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff]+|[\u3040-\u30fa\u30fc-\u30ff\u1100-\u11ff\uac00-\ud7af]+"
    r"|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|\d{3,}|[^\W\d_\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]+"
)
_CLUSTER_RE = re.compile(rf"[Wc](?:x{{0,{MAX_GAPS}}}[Wc]){{{PARTIAL_RUN_MIN - 1},}}")


# bytes.translate table: ASCII letters lower-cased, every other byte a space.
_ASCII_WORD_MARKS = bytes(
    code + 32 if 65 <= code <= 90 else code if 97 <= code <= 122 else 32 for code in range(256)
)


def _may_have_run(text: str) -> bool:
    """Whether `text` has enough listed words close together to hold a run (C-speed checks only).

    A superset of what _separated_runs finds: same tokens, every spelling variant of a listed
    word counted, no breaks; common English words count as listed but not as content. Most
    messages stop here.
    """
    if text.isascii() or _ascii_words_suffice(text):
        # Plain ASCII (most English traffic): words are the letter runs, lower-cased and found
        # by bytes.translate and bytes.split at C speed. Numbers are dropped rather than kept as
        # unlisted tokens, which can only join clusters: still a superset. Chinese or mixed
        # text takes this path too when its only listed words can be ASCII ones (every byte of
        # a multi-byte character becomes a space, dropping the Han runs, all unlisted).
        tokens: list = text.encode().translate(_ASCII_WORD_MARKS).split()
        table: dict = _ascii_token_symbols()
    else:
        tokens = _FAST_TOKEN_RE.findall(text.lower())
        table = _token_symbols()
    if len(tokens) < PARTIAL_RUN_MIN:
        return False
    symbols = "".join(map(table.get, tokens, repeat("x", len(tokens))))
    if len(symbols) - symbols.count("x") < PARTIAL_RUN_MIN or symbols.count("W") < PARTIAL_CONTENT:
        return False
    return any(match.group().count("W") >= PARTIAL_CONTENT for match in _CLUSTER_RE.finditer(symbols))


# Letters that can spell a listed word other than ASCII ones and single Han characters:
# accented Latin, Cyrillic, kana, Hangul (the scripts of _TOKEN_RE's first two groups).
_OTHER_LISTED_LETTERS_RE = re.compile(
    r"[\u00c0-\u024f\u0300-\u036f\u0400-\u04ff\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]"
)
# A Han character with no Han character on either side: the only Han token that can be listed.
_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LONE_HAN_RE = re.compile(f"[{_HAN_CLASS}](?<![{_HAN_CLASS}].)(?![{_HAN_CLASS}])")


def _ascii_words_suffice(text: str) -> bool:
    """Whether every listed token of `text` is an ASCII word: no other script that spells
    listed words, and no lone Han character on the Chinese lists (Han runs of two or more
    characters are never listed). Two C-speed regex scans, where tokenising costs several."""
    if _OTHER_LISTED_LETTERS_RE.search(text):
        return False
    ranks = zh_rank()
    return not any(char in ranks for char in _LONE_HAN_RE.findall(text))


# Context _separated_runs reads around a run (numbering, misspelt edge words, neighbouring
# stretches, glued edges) is a few dozen characters; this much is kept on each side of a cluster.
CLUSTER_MARGIN = 300
# The token patterns with one capturing group: split() returns separators and tokens in turn,
# so every token's offset is a running sum of lengths, taken at C speed (a Match object per
# token, read in Python, cost more than the rest of the look at a long text).
_ASCII_WORD_SPLIT_RE = re.compile(rb"([a-z]+)")
_FAST_TOKEN_SPLIT_RE = re.compile(f"({_FAST_TOKEN_RE.pattern})")


def _has_cluster(symbols: str) -> bool:
    return any(match.group().count("W") >= PARTIAL_CONTENT for match in _CLUSTER_RE.finditer(symbols))


def _cluster_windows(text: str) -> list[tuple[int, int]]:
    """Where in `text` the clusters _may_have_run looks for lie, widened by CLUSTER_MARGIN and
    merged: every run _separated_runs finds lies inside a cluster (same tokens, fewer breaks)."""
    # Two regex scans settle most non-ASCII slices (no listed word but ASCII ones) for less
    # than numpy's runs would cost; the runs tokenise the others.
    ascii_words = text.isascii() or _ascii_words_suffice(text)
    classed = None if ascii_words else _class_symbols(text)
    starts: Any = None
    if ascii_words:
        # One byte per character (ascii_view), so byte offsets are text offsets. Most slices
        # have no cluster: bytes.split() settles them, and only the others are split again
        # with the separators kept, for the offsets.
        marks = ascii_view(text).translate(_ASCII_WORD_MARKS)
        tokens: list = marks.split()
        symbols = "".join(map(_ascii_token_symbols().get, tokens, repeat("x", len(tokens))))
        if symbols.count("W") < PARTIAL_CONTENT or not _has_cluster(symbols):
            return []
        parts: list = _ASCII_WORD_SPLIT_RE.split(marks)
    elif classed is None or classed is True:
        parts = _FAST_TOKEN_SPLIT_RE.split(text)
        tokens = list(map(str.lower, parts[1::2]))
        symbols = "".join(map(_token_symbols().get, tokens, repeat("x", len(tokens))))
    else:
        starts, ends, symbols = classed
    if symbols.count("W") < PARTIAL_CONTENT:
        return []
    if starts is None:
        # parts alternate separator, token: token k spans bounds[2k + 1] to bounds[2k + 2].
        bounds = list(accumulate(map(len, parts), initial=0))
        starts, ends = bounds[1::2], bounds[2::2]
    windows: list[tuple[int, int]] = []
    for cluster in _CLUSTER_RE.finditer(symbols):
        if cluster.group().count("W") < PARTIAL_CONTENT:
            continue
        start = max(0, int(starts[cluster.start()]) - CLUSTER_MARGIN)
        end = min(len(text), int(ends[cluster.end() - 1]) + CLUSTER_MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


# _FAST_TOKEN_RE's classes per character of the Basic Multilingual Plane, for numpy: the regex
# engine spends some 100 ns on each token of non-ASCII text (it tries the alternatives in
# turn), numpy a few on each character. The first four classes are disjoint and a token is a
# run of one of them, so runs of equal codes are the tokens; an "other letter" token
# (_OTHER) swallows the letters after it, so a text holding one is left to the regex.
_SEPARATOR, _LATIN, _SYLLABIC, _HAN_RUN, _DIGITS, _OTHER = range(6)
_OTHER_LISTED_FLAG = 8  # what _OTHER_LISTED_LETTERS_RE matches
_NUMPY_ABOVE = 400  # shorter texts are left to the regex: numpy's fixed cost is higher


@lru_cache(maxsize=1)
def _char_classes() -> np.ndarray:
    import numpy as np

    # Each class regex marks its characters in a string of the whole plane (one re.sub, one
    # character for one), where matching the 65,536 characters one by one cost 30 ms at start-up.
    plane = "".join(map(chr, range(0x10000)))

    def matched(pattern: re.Pattern[str]) -> np.ndarray:
        marks = pattern.sub("\U00010000", plane).encode("utf-32-le", "surrogatepass")
        return np.frombuffer(marks, dtype=np.uint32) == 0x10000  # beyond the plane: a mark

    # The first class that matches wins, as in the tokeniser's alternation: set in reverse.
    codes = np.full(0x10000, _SEPARATOR, dtype=np.uint8)
    for pattern, kind in (
        (_OTHER_CHAR_RE, _OTHER),
        (_DIGIT_RE, _DIGITS),
        (_HAN_CHAR_RE, _HAN_RUN),
        (_SYLLABIC_CHAR_RE, _SYLLABIC),
        (_LATIN_CHAR_RE, _LATIN),
    ):
        codes[matched(pattern)] = kind
    codes[matched(_OTHER_LISTED_LETTERS_RE)] |= _OTHER_LISTED_FLAG
    return codes


_LATIN_CHAR_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff]")
_SYLLABIC_CHAR_RE = re.compile(r"[\u3040-\u30fa\u30fc-\u30ff\u1100-\u11ff\uac00-\ud7af]")
_HAN_CHAR_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_DIGIT_RE = re.compile(r"\d")
_OTHER_CHAR_RE = re.compile(r"[^\W\d_\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf]")


def _class_symbols(text: str) -> tuple[Any, Any, str] | bool | None:
    """_FAST_TOKEN_RE's tokens of `text` as their starts, ends and symbols (see _may_have_run),
    from numpy runs of character classes. True instead when _ascii_words_suffice holds (the
    caller reads ASCII words alone, as before), None when the regex must decide (a short text,
    or one holding an other letter)."""
    if len(text) < _NUMPY_ABOVE:
        return None
    import numpy as np

    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = _char_classes()[np.minimum(points, 0xFFFF)]
    beyond = np.flatnonzero(points > 0xFFFF)
    if len(beyond):  # emoji mostly: a separator, unless the regex reads it as a letter or digit
        for position in beyond.tolist():
            char = text[position]
            codes[position] = (
                _DIGITS if _DIGIT_RE.match(char) else _OTHER if _OTHER_CHAR_RE.match(char) else _SEPARATOR
            )
    kinds = codes & 7
    if (kinds == _OTHER).any():
        return None
    change = np.flatnonzero(kinds[1:] != kinds[:-1]) + 1
    run_starts = np.concatenate(([0], change))
    run_ends = np.concatenate((change, [len(text)]))
    run_kinds = kinds[run_starts]
    lone = (run_kinds == _HAN_RUN) & (run_ends - run_starts == 1)
    ranks = zh_rank()
    if not (codes & _OTHER_LISTED_FLAG).any() and not any(
        text[first] in ranks for first in run_starts[lone].tolist()
    ):
        return True
    keep = (run_kinds != _SEPARATOR) & ((run_kinds != _DIGITS) | (run_ends - run_starts >= 3))
    starts, ends, token_kinds = run_starts[keep], run_ends[keep], run_kinds[keep]
    # Only words and lone Han characters can be listed; a word of ASCII letters is looked up
    # as bytes of the lower-cased ASCII view (a bytes slice costs less than a str slice).
    non_ascii = np.concatenate(([0], np.cumsum(points > 0x7F)))
    plain = (non_ascii[ends] - non_ascii[starts]) == 0
    latin = token_kinds == _LATIN
    symbols = np.full(len(starts), ord("x"), dtype=np.uint8)
    chosen = np.flatnonzero(latin & plain)
    if len(chosen):
        marks = ascii_view(text).translate(_ASCII_WORD_MARKS)
        pieces = map(marks.__getitem__, map(slice, starts[chosen].tolist(), ends[chosen].tolist()))
        found = "".join(map(_ascii_token_symbols().get, pieces, repeat("x", len(chosen))))
        symbols[chosen] = np.frombuffer(found.encode(), dtype=np.uint8)
    single = (token_kinds == _HAN_RUN) & (ends - starts == 1)
    chosen = np.flatnonzero((latin & ~plain) | (token_kinds == _SYLLABIC) | single)
    if len(chosen):
        pieces = map(text.__getitem__, map(slice, starts[chosen].tolist(), ends[chosen].tolist()))
        found = "".join(map(_token_symbols().get, map(str.lower, pieces), repeat("x", len(chosen))))
        symbols[chosen] = np.frombuffer(found.encode(), dtype=np.uint8)
    return starts, ends, symbols.tobytes().decode("ascii")


@lru_cache(maxsize=1)
def _token_symbols() -> dict[str, str]:
    """Lower-cased spelling of a listed word -> "W" (content word) or "c" (common English word)."""
    return {key: "c" if key in COMMON_ENGLISH else "W" for key in fast_keys()}


@lru_cache(maxsize=1)
def _ascii_token_symbols() -> dict[bytes, str]:
    """_token_symbols for the plain-ASCII spellings, keyed by bytes."""
    return {key.encode(): symbol for key, symbol in _token_symbols().items() if key.isascii()}


def _tokens(text: str) -> tuple[list[int], list[int], list[int], list[str | None]]:
    """Parallel lists of token starts, ends, language masks (0 unlisted, _BREAK a hard break)
    and word keys (word_key of a listed word or of any Latin, Cyrillic, kana or Hangul token;
    None for the others: the run checks read a word's key many times, once is enough)."""
    masks = key_masks().get
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[int] = []
    keys: list[str | None] = []
    previous_end = 0
    # The loop runs once per token of every message that may hold a phrase: each test is
    # ordered cheapest first, and a word is lower-cased once.
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if start - previous_end > MAX_SEPARATOR:
            starts.append(previous_end)
            ends.append(start)
            kinds.append(_BREAK)
            keys.append(None)
        previous_end = end
        group = match.lastindex
        key = None
        if group == 1:
            token = match.group()
            size = end - start
            after = text[end : end + 1]
            lowered = token.lower()
            if size <= 7 and lowered in _NUMBER_LABELS and _LABELLED_NUMBER_RE.match(text, end):
                continue  # "No.1 abandon, No.2 ability": the label belongs to the numbering
            if size == 2 and lowered in _ORDINALS and start and text[start - 1].isdigit():
                continue  # "1st abandon 2nd ability": the suffix of a numbering
            if size == 1 and after == ")":
                continue  # "a) abandon b) ability": letters numbering the words (none is listed)
            if after == ":" and _SPEAKER_RE.search(text, max(0, start - 24), start):
                continue  # "Customer: abandon\nCustomer: ability": a chat speaker's name
            # No letter of this class lower-cases to ASCII: an ASCII lower case is the key.
            key = lowered if lowered.isascii() else word_key(token)
            mask = masks(key, 0)
            # Letters wedged between digits are pieces of a hash or an address, not words.
            if mask and start and after.isdigit() and text[start - 1].isdigit():
                mask = 0
        elif group == 4:
            if end - start <= 2:
                continue  # "1." "12)": the numbering of a written-down phrase
            mask = 0
        elif group == 3:
            mask = masks(match.group(), 0) if end - start == 1 else 0
            if mask:
                key = word_key(match.group())
        elif group == 2:
            key = word_key(match.group())
            mask = masks(key, 0)
        else:
            mask = 0
        starts.append(start)
        ends.append(end)
        kinds.append(mask)
        keys.append(key)
    return starts, ends, kinds, keys


def _separated_runs(text: str) -> list[Span]:
    starts, ends, kinds, keys = _tokens(text)
    spans: list[Span] = []
    chinese = zh_bits()
    for first, last in _sentence_split(text, starts, ends, _clusters(kinds)):
        bits = reduce(or_, filter((0).__lt__, kinds[first : last + 1]), 0)
        while bits:
            bit = bits & -bits
            bits ^= bit
            english = _is_english(bit)
            for lo, hi in _language_runs(keys, kinds, first, last, bit):
                exact = _valid_streak(text, starts, ends, kinds, keys, lo, hi, bit)
                if exact:
                    lo, hi = _extend_same_layout(text, starts, ends, kinds, *exact, bit)
                else:
                    lo, hi = _extend_edges(text, starts, ends, kinds, lo, hi, bit)
                lo, hi = _absorb_neighbours(text, starts, ends, kinds, keys, lo, hi, bit)
                if not exact:
                    lo, hi = _complete_split_phrase(text, starts, ends, kinds, lo, hi, bit)
                if not exact and bit & chinese and _reads_as_spaced_prose(text, starts, ends, kinds, lo, hi):
                    continue
                start, end = starts[lo], ends[hi]
                if not exact and english and _is_list(text, start, end, bit):
                    continue
                numbering = _NUMBERING_RE.search(text[max(0, start - 8) : start])
                if numbering:
                    start -= len(numbering.group())
                if bit & chinese:
                    start, end = _zh_glued_edges(text, start, end, starts, ends, kinds, lo, hi)
                elif _SYLLABIC_RE.match(text, starts[lo]):
                    start, end = _syllabic_glued_edges(text, start, end, starts, ends, kinds, lo, hi, bit)
                spans.append((MNEMONIC, start, end))
    return spans


# A stretch of this many listed words just past a run's end (a row label or two between) is
# more of the same phrase: "... govern\n(last row) sense gauge material detail".
NEIGHBOUR_RUN = 3


def _absorb_neighbours(
    text: str,
    starts: list[int],
    ends: list[int],
    kinds: list[int],
    keys: list[str | None],
    lo: int,
    hi: int,
    bit: int,
) -> tuple[int, int]:
    """Widen lo..hi over up to MAX_GAPS other tokens to take in NEIGHBOUR_RUN listed words beyond."""

    def listed(p: int) -> bool:
        return kinds[p] > 0 and bool(kinds[p] & bit)

    def content(p: int) -> bool:
        return keys[p] not in COMMON_ENGLISH

    # The tokens skipped to reach a neighbour are unlisted words of the phrase as much as the
    # run's own gaps: together they stay within MAX_GAPS ("a word or two misspelt"), or a list
    # with a few near-words in it reaches over its heading into the prose before it.
    budget = MAX_GAPS - sum(1 for kind in kinds[lo : hi + 1] if kind <= 0 or not kind & bit)
    for step in (1, -1):
        edge = hi if step == 1 else lo
        while True:
            p, gaps = edge + step, 0
            while 0 <= p < len(kinds) and kinds[p] != _BREAK and not listed(p) and gaps < budget:
                p, gaps = p + step, gaps + 1
            q = p
            while 0 <= q < len(kinds) and listed(q):
                q += step
            stretch = range(p, q, step)
            if len(stretch) < NEIGHBOUR_RUN or sum(map(content, stretch)) < NEIGHBOUR_RUN - 1:
                break
            a, b = sorted((edge, q - step))
            if any(_SENTENCE_END_RE.search(text, ends[x], starts[x + 1]) for x in range(a, b)):
                break
            edge, budget = q - step, budget - gaps
        lo, hi = (lo, edge) if step == 1 else (edge, hi)
    return lo, hi


# A phrase sent over several chat messages with someone else's line between ("[10:02] agent:
# please stop"): the rest of it is a short line of listed words a few lines further on.
SPLIT_LINES = 3
SPLIT_CHARS = 300


def _complete_split_phrase(
    text: str, starts: list[int], ends: list[int], kinds: list[int], lo: int, hi: int, bit: int
) -> tuple[int, int]:
    """Widen lo..hi to a line-ending (or line-opening) stretch of listed words within SPLIT_LINES
    lines when the words together make a phrase length: 8 words, then 4 more after a line of
    someone else's. A run that is a phrase length already is left alone."""

    def listed(p: int) -> bool:
        return kinds[p] > 0 and bool(kinds[p] & bit)

    # Listed words count, as a stray listed word of prose may have joined the run ("agent:
    # please") and a typo may be missing from it: a phrase length up to two more than them.
    have = sum(1 for p in range(lo, hi + 1) if listed(p))
    if have in MNEMONIC_LENGTHS:
        return lo, hi
    for step in (1, -1):
        edge = hi if step == 1 else lo
        p = edge + step
        while True:
            while 0 <= p < len(kinds) and not listed(p):
                p += step
            if not 0 <= p < len(kinds):
                break
            q = p
            # The stretch stays on its line: "harvest\n[10:02] agent:" is a phrase's last
            # word, then a speaker's name that happens to be listed.
            while (
                0 <= q + step < len(kinds)
                and listed(q + step)
                and "\n" not in _gap(text, starts, ends, q, q + step)
            ):
                q += step
            a, b = sorted((edge, p))
            between = text[ends[a] : starts[b]]
            if between.count("\n") > SPLIT_LINES or len(between) > SPLIT_CHARS:
                break
            first, last = sorted((p, q))
            total = have + last - first + 1
            if (
                "\n" in between
                and 2 <= last - first + 1 <= FULL_RUN
                and any(total <= size <= total + 2 for size in MNEMONIC_LENGTHS)
                and _whole_line(text, starts[first], ends[last])
            ):
                lo, hi = (lo, last) if step == 1 else (first, hi)
                return lo, hi
            p = q + step
    return lo, hi


def _gap(text: str, starts: list[int], ends: list[int], p: int, q: int) -> str:
    """The text between tokens p and q (either order)."""
    a, b = sorted((p, q))
    return text[ends[a] : starts[b]]


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the whole content of its line, after a "name:" prefix at most."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].rstrip()
    after = text[end : len(text) if line_end == -1 else line_end]
    return (not before or before.endswith((":", "：", ">"))) and not after.strip(" .,;")


def _extend_same_layout(
    text: str, starts: list[int], ends: list[int], kinds: list[int], lo: int, hi: int, bit: int
) -> tuple[int, int]:
    """A checksum-valid phrase plus up to two misspelt words beside it written in the phrase's
    own numbered or one-per-line layout ("11: debris\n12: alult", the same gap as the phrase's
    own last one): the checksum passing without them was chance."""
    zh = bool(bit & zh_bits())

    def misspelt(p: int) -> bool:
        return (
            0 <= p < len(kinds)
            and _other_word(kinds[p], bit)
            and _looks_like_word(text[starts[p] : ends[p]], bit, zh)
        )

    def same_layout(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
        # Numbering or a line break in both gaps, and the same: "\n11: " and "\n12: ".
        shape = _separator_shape(text[inner[0] : inner[1]])
        return ("#" in shape or "\n" in shape) and _separator_shape(text[outer[0] : outer[1]]) == shape

    for _ in range(2):
        if misspelt(hi + 1) and same_layout((ends[hi], starts[hi + 1]), (ends[hi - 1], starts[hi])):
            hi += 1
        if misspelt(lo - 1) and same_layout((ends[lo - 1], starts[lo]), (ends[lo], starts[lo + 1])):
            lo -= 1
    return lo, hi


# Chinese typed with a space after every character for emphasis ("我 要 投 诉 你 们 的 客 服")
# is a run of listed words too. Read as a stream, such prose scores 23 and more per twelve
# characters on glued.py's scale (word pairs, common characters, repeats); characters drawn at
# random from the list score below 20 in 9,999 runs of 10,000 even at eight characters.
SPACED_PROSE_ABOVE = 20.0


def _reads_as_spaced_prose(
    text: str, starts: list[int], ends: list[int], kinds: list[int], lo: int, hi: int
) -> bool:
    chars = [text[starts[p]] for p in range(lo, hi + 1) if kinds[p] > 0 and ends[p] - starts[p] == 1]
    if len(chars) < PARTIAL_RUN_MIN:
        return False
    ranks = zh_rank()
    if checksum_valid([ranks.get(char, -1) for char in chars]):
        return False
    return stream_score(chars) * WINDOW_CHARS / len(chars) >= SPACED_PROSE_ABOVE


WINDOW_CHARS = 12


def _is_english(bit: int) -> bool:
    return wordlist_for_bit(bit).language == "english"


def _is_list(text: str, start: int, end: int, bit: int) -> bool:
    """An English run without a valid checksum that reads as a topical list (see topics.py).

    A full-length stretch with a valid checksum inside the run still makes it a phrase.
    """
    if not text_is_topical_list(text[start:end], stop_words=COMMON_ENGLISH):
        return False
    index = wordlist_for_bit(bit).index
    positions = [index.get(word_key(word), -1) for word in re.findall(r"[A-Za-z]+", text[start:end])]
    return not any(checksum_valid_starts(positions, size) for size in MNEMONIC_LENGTHS)


def _sentence_split(
    text: str, starts: list[int], ends: list[int], clusters: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Clusters cut where a sentence ends between two tokens (checked only for clusters: cheap)."""
    pieces = []
    for first, last in clusters:
        cuts = [
            position
            for position in range(first, last)
            if _SENTENCE_END_RE.search(text, ends[position], starts[position + 1])
        ]
        # A full stop after every word ("ghost. indicate. panther.") is how the phrase is
        # written, not sentences: a cut beside a one-word "sentence" is dropped.
        bounds = [first - 1, *cuts, last]
        cuts = [
            cut
            for number, cut in enumerate(cuts, 1)
            if cut - bounds[number - 1] > 1 and bounds[number + 1] - cut > 1
        ]
        piece_start = first
        for position in cuts:
            pieces.append((piece_start, position))
            piece_start = position + 1
        pieces.append((piece_start, last))
    return pieces


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


def _language_runs(
    keys: list[str | None], kinds: list[int], first: int, last: int, bit: int
) -> list[tuple[int, int]]:
    """Token ranges that read as a phrase in one language: full runs with gaps, or partial runs."""
    ones = [p for p, kind in enumerate(kinds[first : last + 1], first) if kind > 0 and kind & bit]
    if len(ones) < PARTIAL_RUN_MIN:
        return []
    words = [keys[p] for p in ones]
    english = wordlist_for_bit(bit).language == "english"
    found: list[tuple[int, int]] = []

    def content(lo: int, hi: int) -> int:
        distinct = set(words[lo : hi + 1])
        return len(distinct - COMMON_ENGLISH) if english else len(distinct)

    def valid(lo: int, hi: int) -> tuple[int, int] | None:
        """A phrase-length stretch of lo..hi with a valid checksum (longest first), if any."""
        index = wordlist_for_bit(bit).index
        positions = [index.get(word, -1) for word in words[lo : hi + 1]]
        for size in sorted(MNEMONIC_LENGTHS, reverse=True):
            fits = checksum_valid_starts(positions, size)
            if fits:
                return lo + fits[0], lo + fits[0] + size - 1
        return None

    # Full runs: a window of listed words with at most MAX_GAPS other tokens inside.
    for first_one, last_one in _typo_segments(keys, ones, bit):
        found += _full_runs(ones, first_one, last_one, content)
    # Partial runs: consecutive listed words only.
    partial = PARTIAL_RUN.get(wordlist_for_bit(bit).language, PARTIAL_RUN["default"])
    run_start = 0
    for index in range(1, len(ones) + 1):
        if index == len(ones) or ones[index] != ones[index - 1] + 1:
            if index - run_start >= partial:
                if content(run_start, index - 1) >= PARTIAL_CONTENT:
                    found.append((ones[run_start], ones[index - 1]))
                elif index - run_start >= FULL_RUN and (phrase := valid(run_start, index - 1)):
                    found.append((ones[phrase[0]], ones[phrase[1]]))
            run_start = index
    # A well-typed phrase is both a full run and a partial one: the same token range, whose
    # every later step (checksum, edges, neighbours) would be repeated for the same span.
    return list(dict.fromkeys(found))


def _typo_segments(keys: list[str | None], ones: list[int], bit: int) -> list[tuple[int, int]]:
    """Index ranges of `ones` cut where a token between two listed words cannot be a misspelt word of the list.

    Only for kana and Hangul: their words are short and their syllables many, so a noun list
    of a few listed and a few other words ("가격 가방 배송 감정") would otherwise read as a
    phrase with typos. Elsewhere any token may be a misspelling the list does not foresee."""
    if not _is_syllabic(bit):
        return [(0, len(ones) - 1)]
    segments, first = [], 0
    for index in range(1, len(ones)):
        if any(not _may_be_typo(keys[p], bit) for p in range(ones[index - 1] + 1, ones[index])):
            segments.append((first, index - 1))
            first = index
    segments.append((first, len(ones) - 1))
    return segments


def _may_be_typo(key: str | None, bit: int) -> bool:
    return key is not None and bool(fuzzy_mask(key) & bit)


def _is_syllabic(bit: int) -> bool:
    return wordlist_for_bit(bit).language in ("japanese", "korean")


def _full_runs(
    ones: list[int], first: int, last: int, content: Callable[[int, int], int]
) -> list[tuple[int, int]]:
    """Windows of the listed tokens ones[first..last] with at most MAX_GAPS other tokens inside,
    as long as they go; `content(left, right)` counts distinct content words of ones[left..right]."""
    found = []
    left = first
    for right in range(first, last + 1):
        while (ones[right] - ones[left] + 1) - (right - left + 1) > MAX_GAPS:
            left += 1
        is_last = right == last
        extends = not is_last and (ones[right + 1] - ones[left] + 1) - (right - left + 2) <= MAX_GAPS
        if not extends and right - left + 1 >= PARTIAL_WITH_GAPS and content(left, right) >= FULL_CONTENT:
            found.append((ones[left], ones[right]))
    return found


def _valid_streak(
    text: str,
    starts: list[int],
    ends: list[int],
    kinds: list[int],
    keys: list[str | None],
    lo: int,
    hi: int,
    bit: int,
) -> tuple[int, int] | None:
    """The one phrase with a valid checksum inside the run's longest gap-free stretch, if any.

    Then listed words next to it ("my *seed* is ...") are prose and stay; otherwise the caller
    keeps the whole run, typos and all.
    """
    best: tuple[int, int] | None = None
    streak_start = None
    # hi + 1 counts as unlisted, so that a streak running to hi is closed too.
    for position, kind in enumerate((*kinds[lo : hi + 1], 0), lo):
        if kind > 0 and kind & bit:
            if streak_start is None:
                streak_start = position
        elif streak_start is not None:
            if best is None or position - streak_start > best[1] - best[0] + 1:
                best = (streak_start, position - 1)
            streak_start = None
    if best is None or best[1] - best[0] + 1 < FULL_RUN:
        return None
    best, lo, hi = _set_off_bounds(text, starts, ends, lo, hi, best)
    if (best[0] - lo) + (hi - best[1]) > 2 and not all(
        _prose_beside(text, starts, ends, kinds, keys, p, bit)
        for p in (*range(lo, best[0]), *range(best[1] + 1, hi + 1))
    ):
        return None  # the run is more than this stretch (typos): keep all of it
    positions = list(map(wordlist_for_bit(bit).index.get, keys[best[0] : best[1] + 1], repeat(-1)))
    prose_window = _window_beside_prose(text, starts, ends, kinds, keys, best, positions, bit)
    if prose_window:
        return prose_window
    for size in sorted(MNEMONIC_LENGTHS, reverse=True):
        if not 0 <= len(positions) - size <= 2:
            continue  # only a listed word or two beside the phrase may be left out
        fits = checksum_valid_starts(positions, size)
        if len(fits) == 1:
            first, last = best[0] + fits[0], best[0] + fits[0] + size - 1
            # A word is left out only when it is set off differently from the phrase's own
            # words ("Seed: legal winner ..."); "⑫存 ⑬盐" is one more word of a partial phrase.
            inner = _separator_shape(text[ends[first] : starts[first + 1]])
            outside = [(ends[p], starts[p + 1]) for p in range(best[0], first)]
            outside += [(ends[p], starts[p + 1]) for p in range(last, best[1])]
            if all(_separator_shape(text[a:b]) != inner for a, b in outside):
                return first, last
            return None
        if fits:
            return None  # two phrases fit: keep the whole run
    return None


def _set_off_bounds(
    text: str, starts: list[int], ends: list[int], lo: int, hi: int, best: tuple[int, int]
) -> tuple[tuple[int, int], int, int]:
    """The stretch `best` and lo..hi narrowed to the tokens not set off from the phrase by a
    colon or a line break that its own words are not separated by: "alert(2))\nmy words: earth
    together …" puts "alert", "my" and "words" before a label's colon, on another line, and
    "… dinner when\nPlease hurry" a listed "please" on the next line. The phrase's own
    separators are those of most gaps in the stretch. A misspelt edge word of the phrase is written
    like the others, so it stays a candidate."""
    # A mark is the phrase's own when most of its gaps hold it ("1. a\n2. b" has line breaks);
    # counted over the stretch at C speed, and the stretch is cut only where another one is.
    inside, words = (ends[best[0]], starts[best[1]]), best[1] - best[0] + 1
    marks = [mark for mark in _SET_OFF_MARKS if 2 * text.count(mark, *inside) <= words - 1]

    def sets_off(p: int) -> bool:
        gap = text[ends[p] : starts[p + 1]]
        return any(mark in gap for mark in marks)

    first, last = best
    if any(mark in text[inside[0] : inside[1]] for mark in marks):
        cuts = [best[0] - 1, *(p for p in range(best[0], best[1]) if sets_off(p)), best[1]]
        first, last = max(
            ((a + 1, b) for a, b in zip(cuts, cuts[1:], strict=False)), key=lambda ab: ab[1] - ab[0]
        )
    if last - first + 1 >= FULL_RUN:
        best = (first, last)
    first = best[0]
    while first > lo and not sets_off(first - 1):
        first -= 1
    last = best[1]
    while last < hi and not sets_off(last):
        last += 1
    return best, first, last


_SET_OFF_MARKS = (":", "：", "\n")


def _window_beside_prose(
    text: str,
    starts: list[int],
    ends: list[int],
    kinds: list[int],
    keys: list[str | None],
    best: tuple[int, int],
    positions: list[int],
    bit: int,
) -> tuple[int, int] | None:
    """The checksum-valid window of the stretch `best` whose every word left out reads as prose
    ("this is my seed … can you check"), when exactly one window of the shortest such length
    does. The shortest: prose words completing a longer window's checksum happen 1 time in 16
    or 32, a longer phrase ending in prose words almost never."""
    edges = (*range(best[0], best[0] + 2), *range(best[1] - 1, best[1] + 1))
    if not _is_english(bit) or not any(_prose_beside(text, starts, ends, kinds, keys, p, bit) for p in edges):
        return None
    for size in MNEMONIC_LENGTHS:
        clean = [
            (best[0] + first, best[0] + first + size - 1)
            for first in checksum_valid_starts(positions, size)
            if all(
                _prose_beside(text, starts, ends, kinds, keys, p, bit)
                for p in (*range(best[0], best[0] + first), *range(best[0] + first + size, best[1] + 1))
            )
        ]
        if clean:
            return clean[0] if len(clean) == 1 else None
    return None


# Listed English words that talk about a phrase rather than belong to it: "this is my seed …
# can you check my balance". With COMMON_ENGLISH (6% of the list) they are the words left
# beside a checksum-valid phrase however many: a longer phrase whose checksum fails but whose
# inner window passes by chance (1 in 16) would also need every word left out to be one of
# these (under 1 in 250 each).
_PHRASE_TALK = frozenset("seed phrase word balance key secret private wallet".split())
# Unlisted English words of the same prose that are one letter from a listed word ("the" and
# "then", "here" and "hero", "wallet" and "walnut"), so would otherwise pass as misspelt.
_PROSE_UNLISTED = frozenset(
    "a an and are at be for here i in is it me mine my of on our that the these to was we wallet words".split()
)


def _prose_beside(
    text: str, starts: list[int], ends: list[int], kinds: list[int], keys: list[str | None], p: int, bit: int
) -> bool:
    """Whether token p, beside a checksum-valid English phrase, reads as the prose around it:
    a common or phrase-talk listed word, or an unlisted word that is no misspelt listed one."""
    if not _is_english(bit) or kinds[p] == _BREAK:
        return kinds[p] == _BREAK and _is_english(bit)
    word = keys[p]
    if word is None:
        word = word_key(text[starts[p] : ends[p]])
    if kinds[p] & bit:
        return word in COMMON_ENGLISH or word in _PHRASE_TALK
    return word in _PROSE_UNLISTED or not _looks_like_word(text[starts[p] : ends[p]], bit, zh=False)


def _separator_shape(separator: str) -> str:
    return re.sub(r"\d+", "#", separator)


def _extend_edges(
    text: str, starts: list[int], ends: list[int], kinds: list[int], lo: int, hi: int, bit: int
) -> tuple[int, int]:
    """Take in up to two misspelt words at each end of a run: a typo in the first word still leaks."""
    zh = bool(bit & zh_bits())
    for _ in range(2):
        # A misspelt word may happen to be listed in another language ("bolsa" is Spanish).
        if (
            lo > 0
            and _other_word(kinds[lo - 1], bit)
            and _looks_like_word(text[starts[lo - 1] : ends[lo - 1]], bit, zh)
        ):
            lo -= 1
        if (
            hi + 1 < len(kinds)
            and _other_word(kinds[hi + 1], bit)
            and _looks_like_word(text[starts[hi + 1] : ends[hi + 1]], bit, zh)
        ):
            hi += 1
    return lo, hi


def _other_word(kind: int, bit: int) -> bool:
    """A token that is not a break and not a listed word of the run's language."""
    return kind >= 0 and not kind & bit


def _zh_glued_edges(
    text: str, start: int, end: int, starts: list[int], ends: list[int], kinds: list[int], lo: int, hi: int
) -> tuple[int, int]:
    """Separated Chinese words whose first or last word is glued to prose ("10)拉请帮我看看").

    The neighbouring prose token's touching character is taken in unless the separated words
    already form a phrase with a valid checksum; a prose character redacted beats a word leaked.
    """
    ranks = zh_rank()
    inner = [ranks.get(text[starts[p]], -1) for p in range(lo, hi + 1) if ends[p] - starts[p] == 1]
    if checksum_valid(inner):
        return start, end
    if hi + 1 < len(kinds) and kinds[hi + 1] == 0 and text[starts[hi + 1]] in ranks:
        end = starts[hi + 1] + 1
    # "是1)任 2)抢": a number before the first word means the character before it is prose.
    if lo > 0 and kinds[lo - 1] == 0 and text[ends[lo - 1] - 1] in ranks:
        if not any(ch.isdigit() for ch in text[ends[lo - 1] : starts[lo]]):
            start = ends[lo - 1] - 1
    return start, end


_SYLLABIC_RE = re.compile(r"[\u3040-\u30ff\u1100-\u11ff\uac00-\ud7af]")


def _syllabic_glued_edges(
    text: str,
    start: int,
    end: int,
    starts: list[int],
    ends: list[int],
    kinds: list[int],
    lo: int,
    hi: int,
    bit: int,
) -> tuple[int, int]:
    """Kana or Hangul words whose first or last word is glued to prose ("フレーズはなつやすみ",
    "ひろいです"): the listed word at the touching end of the neighbouring token is taken in."""
    forms, longest = _spellings()
    if lo > 0 and kinds[lo - 1] == 0 and _SYLLABIC_RE.match(text, ends[lo - 1] - 1):
        token = text[starts[lo - 1] : ends[lo - 1]]
        for size in range(min(longest, len(token) - 1), 1, -1):
            if forms.get(token[-size:].lower(), 0) & bit:
                start = min(start, ends[lo - 1] - size)
                break
    if hi + 1 < len(kinds) and kinds[hi + 1] == 0 and _SYLLABIC_RE.match(text, starts[hi + 1]):
        token = text[starts[hi + 1] : ends[hi + 1]]
        for size in range(min(longest, len(token) - 1), 1, -1):
            if forms.get(token[:size].lower(), 0) & bit:
                end = max(end, starts[hi + 1] + size)
                break
    return start, end


def _looks_like_word(token: str, bit: int, zh: bool) -> bool:
    if zh:
        return len(token) == 1 and "\u3400" <= token <= "\u9fff"
    return not token[0].isdigit() and bool(fuzzy_mask(word_key(token)) & bit)
