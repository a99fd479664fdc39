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


# Korean and Japanese words are one to three syllables drawn from thousands: a syllable
# replaced in a two-syllable word is half the word, and most everyday nouns are that close to
# some listed word. A syllable dropped, doubled or swapped is still a typo.
@pytest.mark.parametrize(
    ("token", "near"),
    [
        ("배송", False),  # delivery: one syllable from 배추 and many more
        ("결제", False),  # payment
        ("택배", False),  # parcel
        ("가겨", False),  # 가격 with its second syllable replaced
        ("격가", True),  # 가격 swapped
        ("가격격", True),  # 가격 with a syllable doubled
        ("가", True),  # 가방 with a syllable dropped
        ("가르", True),  # 가르침 with a syllable dropped
    ],
)
def test_short_korean_near_words_allow_no_replaced_syllable(token: str, near: bool) -> None:
    from walletdesk.shield.wordlists import fuzzy_mask, wordlists

    korean = next(wordlist.bit for wordlist in wordlists() if wordlist.language == "korean")
    assert bool(fuzzy_mask(token) & korean) is near


@pytest.mark.parametrize(
    "text",
    [
        "문의 유형: 가격 가방 가족 배송 감정 건강 결과 환불 경제 계절 쿠폰 고객 공간 관계 — 설정이 이상해요",
        "메뉴: 가능 가득 결제 가방 가상 택배 가슴 가을 반품 가입 가정 리뷰 가족 가죽 각자 카테고리",
    ],
)
def test_a_korean_noun_list_with_other_nouns_between_is_not_a_phrase(text: str) -> None:
    assert secrets_find(text=text) == []


def test_a_korean_phrase_with_a_dropped_and_a_doubled_syllable_is_caught() -> None:
    import unicodedata

    from mnemonic import Mnemonic

    phrase = Mnemonic("korean").to_mnemonic(bytes(range(16)))
    words = unicodedata.normalize("NFC", phrase).split()
    words[4] = words[4][:-1] if len(words[4]) > 2 else words[4][0]
    words[8] = words[8] + words[8][-1]
    text = "복구 문구: " + " ".join(words) + " 확인 부탁드립니다"
    findings = secrets_find(text=text)
    start, end = text.index(words[0]), text.index(" 확인")
    assert any(f.start <= start and f.end >= end for f in findings)
