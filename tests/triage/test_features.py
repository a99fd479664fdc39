"""Model features: single Chinese characters count, Latin letters do not."""

from __future__ import annotations

from walletdesk.triage.features import features_of


def test_each_chinese_character_is_a_feature_of_its_own() -> None:
    feats = features_of("币被划走了")

    assert {"c:币", "c:被", "c:划", "c:走", "c:了"} <= set(feats)


def test_traditional_characters_count_as_their_simplified_forms() -> None:
    assert "c:盗" in features_of("帳號被盜")


def test_latin_letters_and_digits_are_not_unigram_features() -> None:
    feats = features_of("my usdt 100 gone")

    assert not [f for f in feats if f.startswith("c:")]


def test_questions_about_the_company_and_its_terms_carry_the_other_keyword() -> None:
    for text in ("where can I read your terms of service?", "能删除我的个人数据吗", "你们公司总部在哪"):
        assert "kw:other" in features_of(text), text
