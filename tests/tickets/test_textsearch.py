"""The search tokens fold Traditional to Simplified; the shortcut for texts t2s cannot change must
give exactly what the full conversion gives (documents and queries must keep meeting)."""

import pytest

from walletdesk.core import textsearch


def _slow_fold(text: str) -> str:
    return textsearch._t2s().convert(text).lower()


def test_shortcut_is_built():
    triggers = textsearch._t2s_triggers()
    assert triggers is not None
    assert "錢" in triggers and "钱" not in triggers


@pytest.mark.parametrize(
    "text",
    [
        "I was charged twice. 昨天同一笔消费被扣了两次款。Please refund.",
        "我的錢包無法登錄",  # traditional: converted
        "沈默是金",  # a phrase entry whose characters are all simplified too
        "沈阳的朋友",  # the same first character, not the phrase: left alone
        "TXID 0xABCDEF 提現未到賬",
        "",
    ],
)
def test_fold_matches_full_conversion(text):
    assert textsearch.fold(text) == _slow_fold(text)


def test_every_cjk_character_folds_as_the_full_conversion():
    # Every character of the common CJK block alone, then each next to a common simplified word.
    chars = [chr(code) for code in range(0x4E00, 0xA000)]
    for char in chars:
        assert textsearch.fold(char) == _slow_fold(char), char
    joined = "".join(chars[::7])
    assert textsearch.fold(joined) == _slow_fold(joined)


def test_tokens_fold_traditional_queries_to_the_simplified_document():
    assert textsearch.tokens("提現") == textsearch.tokens("提现")
