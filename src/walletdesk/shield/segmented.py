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

from walletdesk.shield.wordlists import word_key, wordlist_for_bit, wordlists, zh_bits

Span = tuple[str, int, int]
MNEMONIC = "mnemonic"

# A glued run counts when it holds this many listed words of one language in a row (a partial
# phrase, like separated runs), and for English this many distinct content words.
MIN_WORDS = 8
MIN_CONTENT = 6
# Kana left over beside the chain (a misspelt first or last word, a particle such as "は")
# are redacted with it when they are at most this many.
EDGE_SLACK = 8

# Runs long enough to hold MIN_WORDS words: Latin/Cyrillic words have 3+ letters, kana words
# 3+ kana, Hangul words 2+ syllables (more code points when decomposed into jamo).
_RUN_RE = re.compile(
    r"[A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff]{24,}"
    r"|[\u3041-\u309f]{20,}"
    r"|[\u1100-\u11ff\uac00-\ud7af]{14,}"
)
# One class for all three scripts: the engine scans it at C speed; only runs of 14 or more
# letters (rare in prose, except long words and hashes) then get the exact look above.
_GATE_RE = re.compile(
    r"[A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff\u3041-\u309f\u1100-\u11ff\uac00-\ud7af]{14}"
)


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


def glued_words_find(text: str) -> list[Span]:
    if not _GATE_RE.search(text):
        return []
    spans: list[Span] = []
    for run in _RUN_RE.finditer(text):
        span = _glued_phrase(text, *run.span())
        if span:
            spans.append((MNEMONIC, *span))
    return spans


def _glued_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of text[start:end] that is a glued phrase, if any."""
    run = text[start:end]
    lowered = run.lower()
    if len(lowered) != len(run):
        return None  # a letter whose lower case is longer: offsets would not line up
    forms, longest = _spellings()
    # ends[i]: (end, bits) of every listed spelling starting at i
    matches: list[list[tuple[int, int]]] = [[] for _ in range(len(run) + 1)]
    found = 0
    for i in range(len(run)):
        for size in range(2, min(longest, len(run) - i) + 1):
            bits = forms.get(lowered[i : i + size])
            if bits:
                matches[i].append((i + size, bits))
                found |= bits
    best: tuple[int, int, int] | None = None  # words, first, last
    while found:
        bit = found & -found
        found ^= bit
        chain = _longest_chain(matches, len(run), bit)
        if chain and chain[0] >= MIN_WORDS and (best is None or chain[0] > best[0]):
            words = _chain_words(lowered, matches, chain, bit)
            if _enough_content(words, bit):
                best = chain
    if best is None:
        return None
    _, first, last = best
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


def _longest_chain(matches: list[list[tuple[int, int]]], size: int, bit: int) -> tuple[int, int, int] | None:
    """(words, first, last) of the longest chain of adjacent listed words of one language."""
    chain: list[tuple[int, int] | None] = [None] * (size + 1)  # position -> (words, first) ending there
    best: tuple[int, int, int] | None = None
    for i in range(size):
        here = chain[i]
        for end, bits in matches[i]:
            if not bits & bit:
                continue
            candidate = (here[0] + 1, here[1]) if here else (1, i)
            if chain[end] is None or candidate[0] > chain[end][0]:
                chain[end] = candidate
                if best is None or candidate[0] > best[0]:
                    best = (candidate[0], candidate[1], end)
    return best


def _chain_words(
    lowered: str, matches: list[list[tuple[int, int]]], chain: tuple[int, int, int], bit: int
) -> list[str]:
    """The words of a chain (one segmentation of lowered[first:last]), greedy on the longest word."""
    _, first, last = chain
    reachable = {last}
    # Walk back to know which positions lead to `last`, then forward picking words.
    for i in range(last - 1, first - 1, -1):
        if any(end in reachable for end, bits in matches[i] if bits & bit):
            reachable.add(i)
    words = []
    i = first
    while i < last:
        ends = [end for end, bits in matches[i] if bits & bit and end in reachable]
        if not ends:
            break
        end = max(ends)
        words.append(lowered[i:end])
        i = end
    return words


def _enough_content(words: list[str], bit: int) -> bool:
    from walletdesk.shield.mnemonics import COMMON_ENGLISH

    if wordlist_for_bit(bit).language != "english":
        return len(set(words)) >= MIN_CONTENT
    return len(set(words) - COMMON_ENGLISH) >= MIN_CONTENT
