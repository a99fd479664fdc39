"""A phrase tolerates a word or two misspelt in all: the gaps of a run, the tokens skipped to
reach listed words beside it and the near-words of a list share that one budget (set 7)."""

from __future__ import annotations

import pytest

from walletdesk.shield.services import secrets_find
from walletdesk.shield.topics import words_are_topical_list

_HEADING = "lol wrong chat, sorry — that was my grocery list:\n"


@pytest.mark.parametrize(
    "items",
    [
        "milk eggs bread butter apples banana cheese rice sugar coffee tomatoes onion",
        "fruit mustard kiwi celery vanilla oil pudding coconut cake ham burger bacon",
        "fork spinach mushroom noodle cherry cup beef cabbage mustard dessert chicken garlic",
    ],
)
def test_a_list_with_near_words_does_not_reach_over_its_heading_into_prose(items: str) -> None:
    # The list itself spends the two gaps; "was my" between it and the listed words of the
    # heading would be two more.
    text = _HEADING + "\n".join(items.split())
    assert secrets_find(text=text) == []


def test_plural_items_of_one_topic_read_as_a_list() -> None:
    words = "lemons cherries tomatoes apples potatoes rice milk onion".split()
    assert words_are_topical_list(words)


def test_plural_forms_are_not_stretched_into_other_topics() -> None:
    words = "lemons dogs tables elbows cousins trains pianos ladders".split()
    assert not words_are_topical_list(words)


def test_a_phrase_with_two_typos_and_listed_words_beside_it_is_still_caught() -> None:
    phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow"
    words = phrase.split()
    words[3], words[8] = "yaer", "legl"
    text = "my seed: " + " ".join(words) + " please check"
    findings = secrets_find(text=text)
    start = text.index("legal")
    end = text.index(" please")
    assert any(f.start <= start and f.end >= end for f in findings)
