"""Listed words of the prose around a checksum-valid English phrase stay readable ("this is my
seed … can you check my balance"); a longer phrase whose checksum fails is still redacted whole."""

from __future__ import annotations

import random

import pytest
from mnemonic import Mnemonic

from walletdesk.shield.services import secrets_find
from walletdesk.shield.wordlists import checksum_valid

_ENGLISH = Mnemonic("english")
_INDEX = {word: position for position, word in enumerate(_ENGLISH.wordlist)}


def _phrase(seed: int, strength: int = 16) -> str:
    return _ENGLISH.to_mnemonic(random.Random(seed).randbytes(strength))


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(
    "wrap",
    [
        "hi, this is my seed {} can you check my balance",
        "here is the phrase {} please help, the wallet balance is zero",
        "Seed phrase: {} can you check this for me",
    ],
)
def test_listed_prose_words_beside_a_valid_phrase_are_kept(wrap: str, seed: int) -> None:
    phrase = _phrase(40 + seed, strength=random.Random(seed).choice([16, 32]))
    text = wrap.format(phrase)
    findings = secrets_find(text=text)
    assert [(f.start, f.end) for f in findings] == [(text.index(phrase), text.index(phrase) + len(phrase))]


def _fifteen_with_a_valid_inner_twelve(seed: int) -> list[str]:
    """15 words whose own checksum fails while words 3..14 pass as a 12-word phrase."""
    rng = random.Random(seed)
    while True:
        inner = _ENGLISH.to_mnemonic(rng.randbytes(16)).split()
        words = [rng.choice(_ENGLISH.wordlist) for _ in range(3)] + inner
        if not checksum_valid([_INDEX[w] for w in words]):
            return words


@pytest.mark.parametrize("seed", range(6))
def test_a_fifteen_word_phrase_with_a_chance_valid_inner_twelve_is_redacted_whole(seed: int) -> None:
    words = _fifteen_with_a_valid_inner_twelve(seed)
    text = "my wallet words " + " ".join(words) + " thanks"
    covered = set()
    for finding in secrets_find(text=text):
        covered.update(range(finding.start, finding.end))
    start = text.index(" ".join(words))
    assert set(range(start, start + len(" ".join(words)))) <= covered
