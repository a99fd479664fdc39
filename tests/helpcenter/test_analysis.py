"""The analyser other apps may reuse (walletdesk.helpcenter.search) and the FTS candidate path."""

import pytest

from walletdesk.helpcenter.search import analyze, detect_locale, normalize
from walletdesk.helpcenter.search.fuzzy import HomophoneIndex, TypoIndex, osa_distance


def test_normalize_folds_traditional_width_case_and_network_names():
    assert normalize("我的帳戶被凍結，提幣失敗") == "我的账户被冻结,提币失败"
    assert normalize("乾隆") == "乾隆"  # OpenCC's phrase table wins over single characters
    assert normalize("ＵＳＤＴ TRC-20 Can't") == "usdt trc20 cant"


def test_analyze_keeps_domain_words_whole_and_adds_bigrams():
    tokens = analyze("谷歌验证器丢了，助记词要保存好")
    assert "谷歌验证器" in tokens and "助记词" in tokens
    assert "丢了" in tokens  # a bigram where jieba cut single characters
    assert "的" not in tokens


def test_analyze_stems_english_and_drops_stop_words():
    assert analyze("The withdrawals were pending") == ["withdraw", "withd", "pend"]
    assert analyze("recovery") == analyze("recovery")  # deterministic
    assert "recov" in analyze("recovery") and "recov" in analyze("recovered")


def test_detect_locale_treats_mixed_text_as_chinese():
    assert detect_locale("USDT 提不出来") == "zh-hans"
    assert detect_locale("usdt withdrawal") == "en"


def test_typo_and_homophone_neighbours():
    assert osa_distance("withdrawl", "withdraw") == 1
    assert osa_distance("recieve", "receive") == 1  # a transposition is one edit
    typo = TypoIndex(["withdraw", "deposit", "fee", "free"])
    assert typo.neighbours("withdrawl")[0] == ("withdraw", 1)
    assert typo.neighbours("fea") == []  # three letters: too many neighbours to guess
    assert HomophoneIndex(["提现", "充值"]).neighbours("体现") == ["提现"]


@pytest.mark.django_db
def test_database_fts_candidates_give_the_same_answers(help_center, monkeypatch):
    """Past IN_MEMORY_MAX_DOCS the FTS index (FTS5 / tsvector+GIN) picks the candidates."""
    from walletdesk.helpcenter.search import engine, ranking
    from walletdesk.helpcenter.selectors import article_search

    queries = ["提不出来", "帳戶被凍結", "withdrawl faild", "lost my authenticator", "币没到"]
    in_memory = [[h.slug for h in article_search(query=q)][:3] for q in queries]
    monkeypatch.setattr(ranking, "IN_MEMORY_MAX_DOCS", 0)
    engine.snapshot_forget()
    assert not engine.snapshot_get().in_memory
    via_fts = [[h.slug for h in article_search(query=q)][:3] for q in queries]
    engine.snapshot_forget()
    assert via_fts == in_memory


def test_traditional_phrases_fold_like_opencc():
    assert normalize("比特幣轉入很久沒到，帳戶凍結怎麼解") == "比特币转入很久没到,账户冻结怎么解"


@pytest.mark.django_db
def test_one_rule_applies_once_to_overlapping_search_mode_words(help_center):
    from walletdesk.helpcenter.search import engine, ranking

    snap = engine.snapshot_get()
    concepts = ranking.query_concepts(snap, "提币到账要多久")  # jieba yields 要多久 and 多久
    with_rule = [c for c in concepts if ("到账慢",) in c.phrases]
    assert len(with_rule) == 1


@pytest.mark.django_db
def test_split_verb_object_words_are_joined(help_center):
    from walletdesk.helpcenter.search import engine, ranking

    snap = engine.snapshot_get()
    owns = {c.own for c in ranking.query_concepts(snap, "我昨天充了值还没到")}
    assert "充值" in owns
    assert "充值" not in {c.own for c in ranking.query_concepts(snap, "充电了吗")}
