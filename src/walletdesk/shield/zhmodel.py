"""What tells a Chinese mnemonic from Chinese prose when both are runs of listed characters.

The two BIP39 Chinese lists hold the 2,048 commonest characters, so prose is mostly listed
characters too. Two things differ: prose forms words (adjacent pairs that occur inside
dictionary words) and prefers the top few hundred characters, while a phrase is 12-24
characters drawn uniformly from all 2,048, which rarely pair up into words.

The pair set is built once from jieba's dictionary (`python -m walletdesk.shield.zhmodel`) and
shipped in data/ with every spelling already in it, so neither a dictionary is parsed nor a
pair converted at run time.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from walletdesk.shield.wordlists import zh_rank, zh_to_simplified

PAIRS_PATH = Path(__file__).resolve().parent / "data" / "zh_pairs.txt.gz"
# A pair counts as a word pair when it occurs inside a jieba word seen at least this often: at
# 5 a random pair of listed characters hits 2.3% of the time, prose pairs about half the time.
MIN_WORD_FREQUENCY = 3


def pairs_build() -> int:
    """Write the pair set from jieba's dictionary in every spelling; returns how many pairs."""
    import jieba

    listed = set(zh_rank())
    pairs: set[str] = set()
    dictionary = Path(jieba.__file__).resolve().parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as lines:
        for line in lines:
            word, frequency, *_ = line.split(" ")
            if int(frequency) < MIN_WORD_FREQUENCY:
                continue
            for first, second in zip(word, word[1:], strict=False):
                if first in listed and second in listed:
                    pairs.add(first + second)
    spellings = _spellings(pairs)
    PAIRS_PATH.parent.mkdir(parents=True, exist_ok=True)
    # No name or time in the header: the same pairs give the same bytes.
    with PAIRS_PATH.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as out:
        out.write("".join(sorted(spellings)).encode("utf-8"))
    return len(spellings)


def _spellings(simplified: set[str]) -> set[str]:
    """Simplified pairs plus their traditional spellings, and the mixed ones (one character
    converted, the other not): text mixes the two scripts, and is never translated."""
    both = set(simplified)
    for pair in simplified:
        first, second = pair[0].translate(_to_traditional()), pair[1].translate(_to_traditional())
        both.update((first + second, first + pair[1], pair[0] + second))
    return both


@lru_cache(maxsize=1)
def word_pairs() -> frozenset[str]:
    """Word pairs in every spelling (simplified, traditional, mixed), as data/ ships them.

    Read as they are: converting the 200,000 simplified pairs here cost a third of a second,
    the largest part of the shield's start-up.
    """
    with gzip.open(PAIRS_PATH, "rt", encoding="utf-8") as data:
        return frozenset(re.findall("..", data.read(), flags=re.DOTALL))


@lru_cache(maxsize=1)
def _to_traditional() -> dict[int, str]:
    return {
        ord(simple): traditional
        for traditional, simple in ((chr(code), text) for code, text in zh_to_simplified().items())
    }


if __name__ == "__main__":
    print(f"wrote {pairs_build()} pairs to {PAIRS_PATH}")
