"""Mnemonics written without separators in alphabetic scripts: "AbandonAbilityAble...",
"abandonabilityable...", Japanese kana glued together, Korean Hangul without spaces.

Prose in these scripts separates its words (Latin, Cyrillic, Hangul) or mixes kana with kanji
and particles, so a long unbroken letter run that splits wholly into listed words of one
language is a phrase. The split is a dynamic programme over the run: for each position, the
longest chain of consecutive listed words ending there. Chinese is not handled here (every
listed word is one character; glued.py weighs how random a run looks instead).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from walletdesk.shield.scan import ascii_view, has_letter_run
from walletdesk.shield.wordlists import word_key, wordlist_for_bit, wordlists, zh_bits

Span = tuple[str, int, int]
MNEMONIC = "mnemonic"

# A glued run counts when it holds this many listed words of one language in a row (a partial
# phrase, like separated runs), and for English this many distinct content words.
MIN_WORDS = 8
MIN_CONTENT = 6
# A misspelt word breaks the split: a chain may step over this many stretches of a word's
# length, and then needs this many listed words (a 12-word phrase with two typos has ten).
MAX_GAPS = 2
GAP_LETTERS = range(2, 10)
MIN_WORDS_WITH_GAPS = 10
# Kana left over beside the chain (a misspelt first or last word, a particle such as "は")
# are redacted with it when they are at most this many.
EDGE_SLACK = 8

SLICE = 800
SLICE_OVERLAP = 400

# Runs long enough to hold MIN_WORDS words: Latin/Cyrillic words have 3+ letters, kana words
# 3+ kana, Hangul words 2+ syllables (more code points when decomposed into jamo).
_LATIN_RUN = 24
_RUN_RE = re.compile(
    rf"[A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff]{{{_LATIN_RUN},}}"
    r"|[\u3041-\u309f]{20,}"
    r"|[\u1100-\u11ff\uac00-\ud7af]{14,}"
)
# One class for all three scripts: the engine scans it at C speed; only runs of 14 or more
# letters (rare in prose, except long words and hashes) then get the exact look above. The
# pattern opens with the plain class (not a repeat) so the engine skips to letters at C speed.
_GATE_LETTER = r"[A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff\u3041-\u309f\u1100-\u11ff\uac00-\ud7af]"
_GATE_RE = re.compile(rf"{_GATE_LETTER}{_GATE_LETTER}{{13}}")


@lru_cache(maxsize=1)
def _spellings() -> tuple[dict[str, int], int]:
    """Every written form of a listed non-Chinese word (lower case; NFC, NFD, without accents)
    -> language bits, and the longest form's length."""
    forms: dict[str, int] = {}
    skip = zh_bits()
    for wordlist in wordlists():
        if wordlist.bit & skip:
            continue
        for word in wordlist.words:
            lowered = word.lower()
            variants = {
                lowered,
                unicodedata.normalize("NFC", lowered),
                unicodedata.normalize("NFD", lowered),
                word_key(lowered),
            }
            for variant in variants:
                forms[variant] = forms.get(variant, 0) | wordlist.bit
    return forms, max(map(len, forms))


@lru_cache(maxsize=1)
def _prefixes() -> tuple[dict[str, int], int]:
    """_spellings with every prefix (of two or more letters) of a spelling added with bits 0:
    the split stops lengthening a candidate word at the first prefix that is absent."""
    forms, longest = _spellings()
    prefixes = {form[:size]: 0 for form in forms for size in range(2, len(form))}
    prefixes.update(forms)
    return prefixes, longest


def glued_words_find(text: str) -> list[Span]:
    if text.isascii():
        if not has_letter_run(ascii_view(text), _LATIN_RUN):
            return []
    elif not _GATE_RE.search(text):
        return []
    spans: list[Span] = []
    for run in _RUN_RE.finditer(text):
        start, end = run.span()
        # A glued phrase is at most a few hundred letters: a long run (a pasted blob) is split
        # in overlapping slices so the work stays linear in its length.
        for first in range(start, max(start + 1, end - SLICE_OVERLAP), SLICE - SLICE_OVERLAP):
            span = _glued_phrase(text, first, min(end, first + SLICE))
            if span:
                spans.append((MNEMONIC, *span))
    return spans


def _glued_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of text[start:end] that is a glued phrase, if any."""
    run = text[start:end]
    lowered = run.lower()
    if len(lowered) != len(run):
        return None  # a letter whose lower case is longer: offsets would not line up
    prefixes, longest = _prefixes()
    # matches[i]: (end, bits) of every listed spelling starting at i
    matches: list[list[tuple[int, int]]] = [[] for _ in range(len(run) + 1)]
    starts: dict[int, int] = {}  # language bit -> positions where one of its words starts
    for i in range(len(run)):
        here = 0
        for size in range(2, min(longest, len(run) - i) + 1):
            bits = prefixes.get(lowered[i : i + size])
            if bits is None:
                break  # no listed spelling starts with these letters: none longer either
            if bits:
                matches[i].append((i + size, bits))
                here |= bits
        while here:
            bit = here & -here
            here ^= bit
            starts[bit] = starts.get(bit, 0) + 1
    best: Chain | None = None
    # A language with fewer word starts than a chain needs cannot have one; the chains
    # without gaps are cheaper and settle a well-typed phrase.
    languages = [bit for bit, count in starts.items() if count >= MIN_WORDS]
    for gaps in (0, MAX_GAPS):
        for bit in languages:
            chain = _longest_chain(matches, len(run), bit, gaps)
            if (
                chain
                and (best is None or chain[0] > best[0])
                and _enough_content(_chain_words(lowered, chain), bit)
            ):
                best = chain
        if best is not None:
            break
    if best is None:
        return None
    first, last = best[1], best[2][1]
    if not "\u3041" <= run[0] <= "\u309f":
        # Latin, Cyrillic and Hangul prose separate their words: the whole run is the phrase,
        # a misspelt first or last word included.
        return start, end
    # Kana glue to the prose around them ("フレーズは…です"): leftovers beside the chain are a
    # particle or a misspelt word; take them in when short.
    if first <= EDGE_SLACK:
        first = 0
    if len(run) - last <= EDGE_SLACK:
        last = len(run)
    return start + first, start + last


# A chain as the DP keeps it: (words, first, (word start, word end), previous chain or None).
Chain = tuple[int, int, tuple[int, int], "Chain | None"]


def _longest_chain(matches: list[list[tuple[int, int]]], size: int, bit: int, max_gaps: int) -> Chain | None:
    """The longest chain of adjacent listed words of one language in the run.

    A chain may step over up to `max_gaps` stretches of GAP_LETTERS letters (misspelt
    words), and then needs MIN_WORDS_WITH_GAPS listed words.
    """
    # chains[g][i]: the best chain with g gaps reaching position i
    chains: list[list[Chain | None]] = [[None] * (size + 1) for _ in range(max_gaps + 1)]
    best: Chain | None = None
    for i in range(size):
        for gaps in range(max_gaps + 1):
            here = chains[gaps][i]
            if here is None and gaps:
                continue
            for end, bits in matches[i]:
                if not bits & bit:
                    continue
                candidate = (here[0] + 1, here[1], (i, end), here) if here else (1, i, (i, end), None)
                current = chains[gaps][end]
                if current is None or candidate[0] > current[0]:
                    chains[gaps][end] = candidate
                    needed = MIN_WORDS if gaps == 0 else MIN_WORDS_WITH_GAPS
                    if candidate[0] >= needed and (best is None or candidate[0] > best[0]):
                        best = candidate
            if here is not None and gaps < max_gaps:
                for letters in GAP_LETTERS:
                    if i + letters < size:
                        target = chains[gaps + 1][i + letters]
                        if target is None or here[0] > target[0]:
                            chains[gaps + 1][i + letters] = here
    return best


def _chain_words(lowered: str, chain: Chain | None) -> list[str]:
    words = []
    while chain is not None:
        start, end = chain[2]
        words.append(lowered[start:end])
        chain = chain[3]
    return words[::-1]


def _enough_content(words: list[str], bit: int) -> bool:
    from walletdesk.shield.mnemonics import COMMON_ENGLISH

    if wordlist_for_bit(bit).language != "english":
        return len(set(words)) >= MIN_CONTENT
    return len(set(words) - COMMON_ENGLISH) >= MIN_CONTENT
