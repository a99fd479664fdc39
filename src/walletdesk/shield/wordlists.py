"""BIP39 wordlists from the `mnemonic` package, indexed for matching typed (not canonical) words.

Customers type words in any case, drop French/Spanish accents and paste Japanese/Korean in either
Unicode normal form, so every word is looked up by a normalised key. Each key maps to a bit mask
of the languages whose list holds it ("abandon" is English and French).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from mnemonic import Mnemonic

# Every list the `mnemonic` package ships: the ten standard BIP39 languages plus Russian and
# Turkish, which some wallets use too. Order fixes each language's bit in the masks.
LANGUAGES: tuple[str, ...] = (
    "english",
    "chinese_simplified",
    "chinese_traditional",
    "japanese",
    "korean",
    "spanish",
    "french",
    "italian",
    "czech",
    "portuguese",
    "russian",
    "turkish",
)
ZH_LANGUAGES = ("chinese_simplified", "chinese_traditional")
MNEMONIC_LENGTHS = (12, 15, 18, 21, 24)


@dataclass(frozen=True)
class Wordlist:
    language: str
    bit: int
    words: tuple[str, ...]
    index: dict[str, int]  # normalised key -> position in the list


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_cjk_syllabic(text: str) -> bool:
    """Kana and Hangul carry meaning in their combining marks (dakuten, jamo): keep them."""
    return any(
        "\u3040" <= ch <= "\u30ff" or "\u1100" <= ch <= "\u11ff" or "\uac00" <= ch <= "\ud7af" for ch in text
    )


@lru_cache(maxsize=1 << 16)
def word_key(token: str) -> str:
    """The lookup key of a typed word: lower case, accents dropped (Latin, Cyrillic), kana/Hangul NFC.

    Cached: the same few thousand words come back in every phrase.
    """
    lowered = token.lower()
    if lowered.isascii():
        return lowered
    if _is_cjk_syllabic(lowered):
        return unicodedata.normalize("NFC", lowered)
    # Dotless ı: "SIRDAŞ".lower() gives "sirdaş", the Turkish list says "sırdaş".
    return _strip_marks(lowered).replace("ı", "i")


@lru_cache(maxsize=1)
def wordlists() -> tuple[Wordlist, ...]:
    lists = []
    for bit, language in enumerate(LANGUAGES):
        words = tuple(Mnemonic(language).wordlist)
        index: dict[str, int] = {}
        for position, word in enumerate(words):
            # First wins: after dropping accents the Russian list has a few collisions; the
            # position only matters for the checksum, which is a bonus, never a requirement.
            index.setdefault(word_key(word), position)
        lists.append(Wordlist(language=language, bit=1 << bit, words=words, index=index))
    return tuple(lists)


@lru_cache(maxsize=1)
def key_masks() -> dict[str, int]:
    """Normalised key -> OR of the language bits whose list holds it."""
    masks: dict[str, int] = {}
    for wordlist in wordlists():
        for key in wordlist.index:
            masks[key] = masks.get(key, 0) | wordlist.bit
    return masks


@lru_cache(maxsize=1)
def fast_keys() -> frozenset[str]:
    """Lower-cased spellings of listed words as typed (NFC, NFD, with or without accents, ı/i).

    Lets a prefilter count listed words with set lookups alone, without normalising each token.
    """
    spellings: set[str] = set()
    for wordlist in wordlists():
        for word in wordlist.words:
            for form in (word, unicodedata.normalize("NFC", word), unicodedata.normalize("NFD", word)):
                lowered = form.lower()
                spellings.update((lowered, lowered.replace("ı", "i"), word_key(lowered)))
    return frozenset(spellings)


def wordlist_for_bit(bit: int) -> Wordlist:
    return wordlists()[bit.bit_length() - 1]


@lru_cache(maxsize=1)
def zh_bits() -> int:
    return sum(wl.bit for wl in wordlists() if wl.language in ZH_LANGUAGES)


@lru_cache(maxsize=1)
def zh_rank() -> dict[str, int]:
    """Chinese character -> position in the (simplified or traditional) list.

    Both Chinese lists are ordered by how common the character is and share positions, so the
    position is a frequency rank: prose uses the top few hundred, a random phrase all 2,048.
    """
    ranks: dict[str, int] = {}
    for wordlist in wordlists():
        if wordlist.language in ZH_LANGUAGES:
            for position, word in enumerate(wordlist.words):
                ranks.setdefault(word, position)
    return ranks


@lru_cache(maxsize=1)
def zh_to_simplified() -> dict[int, str]:
    """str.translate table mapping each traditional list character to its simplified twin."""
    simplified, traditional = (
        next(wl for wl in wordlists() if wl.language == name).words for name in ZH_LANGUAGES
    )
    return {ord(t): s for s, t in zip(simplified, traditional, strict=True) if s != t}


def checksum_valid(indices: list[int]) -> bool:
    """Whether word positions form a BIP39 phrase with a correct checksum (12..24 words)."""
    if len(indices) not in MNEMONIC_LENGTHS or min(indices) < 0 or max(indices) > 2047:
        return False
    bits = 0
    for position in indices:
        bits = (bits << 11) | position
    total = len(indices) * 11
    checksum_bits = total // 33
    entropy_bits = total - checksum_bits
    entropy = (bits >> checksum_bits).to_bytes(entropy_bits // 8, "big")
    expected = hashlib.sha256(entropy).digest()[0] >> (8 - checksum_bits)
    return (bits & ((1 << checksum_bits) - 1)) == expected


def checksum_valid_starts(indices: list[int], size: int) -> list[int]:
    """The starts of the `size`-word windows of `indices` that checksum_valid accepts, in order.

    The phrase checks try every window of a run at each phrase length; here each window's bits
    are one running integer, shifted in a word at a time and masked to the window, where
    checksum_valid rebuilds them word by word for every window (most of its cost).
    """
    if size not in MNEMONIC_LENGTHS:
        return []
    checksum_bits = size * 11 // 33
    entropy_bytes = (size * 11 - checksum_bits) // 8
    window_mask = (1 << size * 11) - 1
    checksum_mask = (1 << checksum_bits) - 1
    unused_bits = 8 - checksum_bits
    starts = []
    bits = 0
    last_unlisted = -1  # the last index that is no word position (-1: unlisted word)
    for end, position in enumerate(indices, 1):
        if not 0 <= position <= 2047:
            last_unlisted = end - 1
            position = 0
        bits = ((bits << 11) | position) & window_mask
        first = end - size
        if first >= 0 and last_unlisted < first:
            entropy = (bits >> checksum_bits).to_bytes(entropy_bytes, "big")
            if bits & checksum_mask == hashlib.sha256(entropy).digest()[0] >> unused_bits:
                starts.append(first)
    return starts


@lru_cache(maxsize=1)
def _deletion_index() -> dict[str, int]:
    """Each listed word and each of its one-letter deletions -> language bits (symmetric deletes)."""
    index: dict[str, int] = {}
    for wordlist in wordlists():
        if wordlist.language in ZH_LANGUAGES:
            continue
        for key in wordlist.index:
            for variant in {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}:
                index[variant] = index.get(variant, 0) | wordlist.bit
    return index


@lru_cache(maxsize=1 << 14)
def fuzzy_mask(key: str) -> int:
    """Languages holding a word one typo (insert, drop, swap, replace) away from `key`.

    Kana and Hangul words are short (a three-kana word with one dropped is two): one or two
    characters are enough there, but a syllable replaced in a two-syllable word is half the
    word, and with thousands of syllables in use most two-syllable nouns are one replaced
    syllable from some listed word ("배송" from "배추"): there only a syllable dropped, added
    or swapped counts. Cached: the words beside a phrase come back in every message.
    """
    syllabic = _is_cjk_syllabic(key)
    if syllabic and len(key) <= 2:
        return _short_syllabic_mask(key)
    if len(key) < 3:
        return 0
    index = _deletion_index()
    mask = index.get(key, 0)
    for i in range(len(key)):
        mask |= index.get(key[:i] + key[i + 1 :], 0)
    return mask


def _short_syllabic_mask(key: str) -> int:
    """fuzzy_mask for a kana or Hangul key of one or two characters: no syllable replaced."""
    # The deletion index holds each listed word with one character dropped.
    mask = _deletion_index().get(key, 0)
    if len(key) == 2:
        listed = key_masks()
        mask |= listed.get(key[::-1], 0) | listed.get(key[0], 0) | listed.get(key[1], 0)
    return mask
