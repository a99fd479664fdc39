"""A Chinese phrase is redacted on its own: the customer's words on both sides stay (issue #6).

The Chinese lists hold the 2,048 commonest characters, so the prose beside a phrase is made of
listed characters too; these pin that only the phrase is replaced, and that a mistyped phrase
is still caught whole.
"""

from __future__ import annotations

import pytest
from mnemonic import Mnemonic

from walletdesk.shield.services import secrets_find, text_redact

MARK = "[已隐藏助记词]"
# The phrase of the user walk-through in issue #6 (checksum-valid).
PHRASE = "牌 理 湘 印 贯 嘛 牺 围 直 融 锭 久"


def _phrase(language: str, seed: int) -> str:
    return Mnemonic(language).to_mnemonic(bytes((seed * 37 + k * 11) % 256 for k in range(16)))


@pytest.mark.parametrize(
    ("before", "phrase", "after"),
    [
        ("我的助记词是 ", PHRASE, " 请帮我找回"),
        ("我的助记词是", PHRASE.replace(" ", ""), "请帮我找回"),
        ("我的助记词是：", PHRASE, "。请帮我找回钱包"),
        ("我的助记词是：", PHRASE.replace(" ", ""), "。请帮我找回钱包"),
        ("助记词：", PHRASE.replace(" ", "、"), "，请帮我看看资产还在不在"),
    ],
    ids=["spaced", "glued", "punctuated", "glued-punctuated", "enumeration-comma"],
)
def test_only_the_phrase_is_replaced_and_the_prose_around_it_stays(
    before: str, phrase: str, after: str
) -> None:
    assert Mnemonic("chinese_simplified").check(PHRASE)
    redaction = text_redact(text=before + phrase + after, locale="zh-hans")
    assert redaction.text == before + MARK + after


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_traditional_phrase_glued_into_prose_leaves_the_question(seed: int) -> None:
    phrase = _phrase("chinese_traditional", seed).replace(" ", "")
    before, after = "你好，我的助記詞是：", "。請幫我找回錢包，謝謝"
    redaction = text_redact(text=before + phrase + after, locale="zh-hant")
    assert redaction.text == before + MARK + after


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_simplified_phrase_between_spaces_leaves_the_prose(seed: int) -> None:
    phrase = _phrase("chinese_simplified", seed)
    before, after = "客服你好，我的助记词是 ", " 请帮我看看为什么转不出去"
    assert text_redact(text=before + phrase + after, locale="zh-hans").text == before + MARK + after


@pytest.mark.parametrize("glue", [" ", ""], ids=["spaced", "glued"])
@pytest.mark.parametrize("wrong", [0, 5, 11])
def test_a_mistyped_phrase_is_still_caught_whole(glue: str, wrong: int) -> None:
    words = PHRASE.split()
    # One character swapped for another listed one: the checksum fails.
    words[wrong] = "的" if words[wrong] != "的" else "是"
    assert not Mnemonic("chinese_simplified").check(" ".join(words))
    before, phrase, after = "我的助记词是：", glue.join(words), "。请帮我找回钱包"
    text = before + phrase + after
    covered = {k for f in secrets_find(text=text) for k in range(f.start, f.end)}
    start = len(before)
    assert {k for k in range(start, start + len(phrase)) if not text[k].isspace()} <= covered


@pytest.mark.xfail(
    strict=True,
    reason="issue #6 left open: with no valid checksum to pin it, the glued region still takes in "
    "the prose across the punctuation on both sides (recall first)",
)
def test_a_mistyped_phrase_leaves_the_question_after_the_full_stop() -> None:
    words = PHRASE.split()
    words[11] = "的"
    after = "。请帮我找回钱包"
    text = "我的助记词是：" + "".join(words) + after
    assert text_redact(text=text, locale="zh-hans").text.endswith(after)


def test_a_phrase_with_two_characters_miswritten_is_still_caught() -> None:
    words = PHRASE.split()
    words[3], words[8] = "秘", "骤"
    text = "帮我看看这个：" + "".join(words) + " 谢谢"
    covered = {k for f in secrets_find(text=text) for k in range(f.start, f.end)}
    start = text.index(words[0])
    assert set(range(start, start + len(words))) <= covered


@pytest.mark.parametrize(
    "text",
    [
        "我的助记词是不是丢了？请帮我找回钱包，我记得是十二个字，但是想不起来了",
        "请问怎么备份助记词？客服说不要把助记词告诉任何人，我应该写在纸上吗",
        "我 要 投 诉 你 们 的 客 服 一 直 不 回 复 我",
    ],
)
def test_ordinary_chinese_about_phrases_is_not_flagged(text: str) -> None:
    assert secrets_find(text=text) == []
