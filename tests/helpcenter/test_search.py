"""Search as customers write: Chinese, English, Traditional, mixed, slang, typos, cross-language."""

import pytest

from walletdesk.helpcenter.selectors import article_search
from walletdesk.helpcenter.services import article_save, synonym_save

pytestmark = pytest.mark.django_db


def top(query, **kw):
    return [h.slug for h in article_search(query=query, **kw)][:3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("提现失败", "withdraw-failed-zh"),
        ("提不出来", "withdraw-failed-zh"),  # slang from the synonym table
        ("提幣失敗了", "withdraw-failed-zh"),  # Traditional characters
        ("u提不出来怎么办", "withdraw-failed-zh"),  # u → USDT, mixed
        ("币没到", "deposit-missing-zh"),
        ("帳戶被凍結", "account-frozen-zh"),
        ("GA丢了", "google-authenticator-zh"),  # GA → 谷歌验证器
        ("换手机了谷歌验正器怎么办", "google-authenticator-zh"),  # typo 验正器
        ("假客服找我要助记词", "phishing-zh"),
        ("withdrawal failed", "withdraw-failed-en"),
        ("withdrawl faild", "withdraw-failed-en"),  # two typos
        ("my deposit never arrived", "deposit-missing-en"),
        ("account frozen how to unfreeze", "account-frozen-en"),
        ("lost my authenticator", "google-authenticator-en"),
        ("someone asked for my seed phrase on telegram", "phishing-en"),
    ],
)
def test_query_finds_the_answer_first(help_center, query, expected):
    assert top(query)[0] == expected


def test_results_are_one_per_topic_in_the_query_language(help_center):
    hits = article_search(query="提现失败 withdrawal failed", limit=10)
    groups = [h.slug.rsplit("-", 1)[0] for h in hits]
    assert len(groups) == len(set(groups))
    assert hits[0].slug == "withdraw-failed-zh"  # Chinese characters make it a Chinese question
    assert article_search(query="提现失败", locale="en")[0].slug == "withdraw-failed-en"


def test_other_language_article_answers_when_it_is_the_only_one(help_center):
    article_save(
        slug="staking-en",
        locale="en",
        title="Staking rewards",
        body="Stake coins and earn staking rewards daily.",
    )
    hits = article_search(query="staking rewards 质押")
    assert hits[0].slug == "staking-en"


def test_hits_carry_url_snippet_and_scores_best_first(help_center):
    hits = article_search(query="充值未到账")
    assert hits[0].url == "/help/zh-hans/a/deposit-missing-zh/"
    assert "充值" in hits[0].snippet
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_nonsense_and_empty_queries_return_nothing(help_center):
    assert article_search(query="") == []
    assert article_search(query="   ") == []
    assert article_search(query="zzqxv") == []


def test_drafts_are_never_found(help_center):
    article_save(
        slug="secret-zh", locale="zh-hans", title="内部草稿 质押活动", body="质押活动尚未公布", status="draft"
    )
    assert "secret-zh" not in top("质押活动")
    article_save(
        slug="secret-zh",
        locale="zh-hans",
        title="内部草稿 质押活动",
        body="质押活动尚未公布",
        status="published",
    )
    assert top("质押活动")[0] == "secret-zh"
    article_save(
        slug="secret-zh", locale="zh-hans", title="内部草稿 质押活动", body="质押活动尚未公布", status="draft"
    )
    assert "secret-zh" not in top("质押活动")


def test_an_editors_new_synonym_applies_to_the_next_search(help_center):
    assert "account-frozen-zh" not in top("被关小黑屋")
    synonym_save(term="小黑屋", expansions="账户冻结")
    assert top("被关小黑屋")[0] == "account-frozen-zh"


def test_title_match_outranks_a_body_mention(synonyms):
    article_save(
        slug="fees-en", locale="en", title="Withdrawal fees", body="What we charge for sending coins."
    )
    article_save(
        slug="limits-en",
        locale="en",
        title="Daily limits",
        body="Limits apply. Withdrawal fees are explained elsewhere.",
    )
    assert top("withdrawal fees")[0] == "fees-en"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tibi shibai", "withdraw-failed-zh"),  # pinyin without tones or Chinese input
        ("chongzhi meidaozhang", "deposit-missing-zh"),  # slang 没到账 from the synonym table
        ("dongjie", "account-frozen-zh"),
    ],
)
def test_pinyin_typed_in_latin_letters_reads_as_chinese(help_center, query, expected):
    assert top(query)[0] == expected


def test_english_words_are_never_read_as_pinyin(help_center):
    from walletdesk.helpcenter.search import engine, ranking

    snap = engine.snapshot_get()
    assert ranking.pinyin_rewrite(snap, "withdrawal failed") == "withdrawal failed"
    assert ranking.pinyin_rewrite(snap, "tibi") == "tibi 提币"


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("red packet expired", "hongbao-zh"),  # only a Chinese article exists
        ("邀请返佣", "referral-en"),  # only an English article exists
    ],
)
def test_glossary_answers_across_languages(synonyms, query, slug):
    article_save(slug="hongbao-zh", locale="zh-hans", title="发红包", body="红包 24 小时内未领完会退回。")
    article_save(
        slug="referral-en", locale="en", title="Referral rewards", body="Invite friends, earn a commission."
    )
    article_save(
        slug="fees-en", locale="en", title="Withdrawal fees", body="What we charge for sending coins."
    )
    assert top(query)[0] == slug


def test_another_process_change_is_seen_within_the_check_interval(help_center, settings):
    from walletdesk.helpcenter.models import IndexState
    from walletdesk.helpcenter.search import engine

    settings.WALLETDESK_SEARCH_VERSION_CHECK_SECONDS = 60
    first = engine.snapshot_get()
    # Another process's save replaces the token without touching this process's snapshot.
    IndexState.objects.filter(key=engine.STATE_KEY).update(version="changed-elsewhere")
    assert engine.snapshot_get() is first
    settings.WALLETDESK_SEARCH_VERSION_CHECK_SECONDS = 0
    assert engine.snapshot_get() is not first
    # This process's own changes never wait for the interval.
    settings.WALLETDESK_SEARCH_VERSION_CHECK_SECONDS = 60
    current = engine.snapshot_get()
    article_save(slug="new-en", locale="en", title="Brand new topic", body="Quokka migration guide.")
    assert engine.snapshot_get() is not current
    assert top("quokka")[0] == "new-en"
