"""Word lists that are not seed phrases: a run of BIP39 words that keeps to one everyday topic.

A shopping list, the ingredients of a recipe or the tags of a post can be eight or more BIP39
words in a row ("milk, bread, butter, egg, sugar, salt, ..."). BIP39 draws each word uniformly
from 2,048, so a real phrase keeps to one topic of data/en_topics.txt far less than once in ten
thousand (tests/shield/test_topics.py measures it); a dictionary excerpt ("ability, able,
about, above ...") keeps to alphabetical order, which a random phrase almost never does.
Callers apply this only to English runs without a valid checksum: a valid phrase is a secret
whatever its words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "en_topics.txt"
_WORD_RE = re.compile(r"[A-Za-z]+")
# A list keeps at least this share of its words (and this many) in one topic.
TOPIC_SHARE = 0.6
TOPIC_MIN = 5
# This many words or more in alphabetical order is a dictionary excerpt.
ALPHABETICAL_MIN = 8


@lru_cache(maxsize=1)
def topic_words() -> dict[str, frozenset[str]]:
    topics: dict[str, frozenset[str]] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, words = line.split(":", 1)
            topics[name.strip()] = frozenset(words.split())
    return topics


def words_are_topical_list(words: list[str]) -> bool:
    """Whether lower-case `words` (a run's words, stop words left out) read as a list, not a phrase."""
    if len(words) < TOPIC_MIN:
        return False
    if _longest_alphabetical(words) >= max(ALPHABETICAL_MIN, 0.8 * len(words)):
        return True
    needed = max(TOPIC_MIN, TOPIC_SHARE * len(words))
    # A list names its items in the plural as often as not ("eggs, apples, tomatoes"): the
    # plural of a topic's word belongs to the topic too.
    forms = [(word, *_singulars(word)) for word in words]
    return any(
        sum(not topic.isdisjoint(spellings) for spellings in forms) >= needed
        for topic in topic_words().values()
    )


def _singulars(word: str) -> tuple[str, ...]:
    """The singulars an English plural may stand for ("tomatoes", "cherries", "apples")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return ()
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return (word[:-2], word[:-1])
    return (word[:-1],)


def text_is_topical_list(text: str, *, stop_words: frozenset[str]) -> bool:
    words = [word.lower() for word in _WORD_RE.findall(text)]
    return words_are_topical_list([word for word in words if word not in stop_words])


def _longest_alphabetical(words: list[str]) -> int:
    """Length of the longest stretch of consecutive words in strictly increasing order."""
    longest = current = 1
    for previous, word in zip(words, words[1:], strict=False):
        current = current + 1 if previous < word else 1
        longest = max(longest, current)
    return longest
