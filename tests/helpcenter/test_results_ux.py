"""What a customer sees of a search: readable snippets, safe highlighting, no results for junk,
a useful page before anything is asked."""

from pathlib import Path

import pytest

from walletdesk.helpcenter.models import SearchEvent
from walletdesk.helpcenter.selectors import article_search
from walletdesk.helpcenter.services import article_save
from walletdesk.helpcenter.snippets import markdown_text, snippet_make

pytestmark = pytest.mark.django_db

TABLE_BODY = """提现记录有以下几种状态：

| 状态 | 含义 | 您需要做什么 |
|---|---|---|
| 审核中 | **大额**提现需要人工审核 | 耐心等待 |
| 处理中 | 已广播到区块链 | 用[交易哈希](https://example.com/tx)查询 |

## 显示已完成但对方没收到
1. 在提现记录中复制 TxID。
- 如果浏览器显示成功，请联系 *接收方* 平台。
"""

JUNK = [
    line
    for line in (Path(__file__).parent / "data" / "junk_queries.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_markdown_becomes_readable_text():
    text = markdown_text(TABLE_BODY)
    for syntax in ("|", "---", "**", "##", "](", "https://", "1.", "- ", "*"):
        assert syntax not in text, syntax
    assert "状态 · 含义 · 您需要做什么；" in text
    assert "大额提现需要人工审核" in text and "用交易哈希查询" in text
    assert "显示已完成但对方没收到 · 在提现记录中复制 TxID。" in text


def test_snippet_cuts_english_at_word_boundaries_with_ellipses():
    words = " ".join(f"word{i}" for i in range(60))
    text = f"{words} Lost phone and no backup key: Apple users restore the account from support. {words}"
    snip = snippet_make(text, {"backup"}, width=80)
    assert snip.text.startswith("…") and snip.text.endswith("…")
    inner = snip.text.strip("…")
    assert (
        inner.split()[0] in text.split() and inner.split()[-1].rstrip(".,:") in text.replace(":", "").split()
    )
    assert "<mark>backup</mark>" in snip.html
    two = snippet_make("Open Google Authenticator now.", {"googl", "authent"})
    assert two.html == "Open <mark>Google Authenticator</mark> now."  # one mark for adjacent words


def test_snippet_cuts_chinese_after_punctuation():
    text = "前言" * 80 + "。如果提现一直处理中，请用交易哈希查询。" + "后文内容" * 40
    snip = snippet_make(text, {"提现", "处理中"}, width=60)
    assert snip.text.startswith("…如果提现一直处理中") and snip.text.endswith("…")
    assert "<mark>提现</mark>" in snip.html and "<mark>处理中</mark>" in snip.html


def test_snippet_without_markdown_and_with_marks(help_center):
    article_save(
        slug="withdraw-status-zh",
        locale="zh-hans",
        title="提现状态说明",
        body=TABLE_BODY,
        tags="提现状态",
        status="published",
    )
    hit = next(h for h in article_search(query="提现审核中", limit=10) if h.slug == "withdraw-status-zh")
    assert "|" not in hit.snippet and "---" not in hit.snippet and "**" not in hit.snippet
    assert "<mark>" in hit.snippet_html
    start, end = hit.marks[0]  # the API's offsets point at the marked words of the plain snippet
    marked = hit.snippet[start:end]
    assert marked and marked.replace("提现", "").replace("审核", "").replace("中", "") == ""


def test_html_in_the_article_and_the_query_is_escaped(client, help_center):
    article_save(
        slug="xss-en",
        locale="en",
        title="Withdrawal limits",
        body="Withdrawal limits <img src=x onerror=alert(1)> depend on &lt;b&gt;your level&lt;/b&gt;.",
        status="published",
    )
    html = client.get(
        "/help/en/search/", {"q": 'withdrawal limits "><script>alert(2)</script>'}
    ).content.decode()
    assert "xss-en" in html
    assert "<script>alert(2)" not in html and "onerror=alert" not in html
    assert "<mark>Withdrawal</mark>" in html or "<mark>withdrawal</mark>" in html
    api = client.get("/api/v1/help/search", {"q": "withdrawal limits <b>x</b>"}).json()["results"]
    hit = next(h for h in api if h["slug"] == "xss-en")
    assert "<img" not in hit["snippet_html"] and "&lt;b&gt;" in hit["snippet_html"]
    assert "<b>" in hit["snippet"]  # the plain snippet is text; the widget sets it with textContent


@pytest.mark.parametrize("query", JUNK)
def test_junk_query_finds_nothing(help_center, query):
    assert article_search(query=query) == []


def test_junk_query_page_offers_next_steps_and_is_a_gap(client, help_center):
    html = client.get("/help/en/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "No articles found." in html and "/support/new/?q=" in html and "/contact/" in html
    assert "<script>alert(1)" not in html
    assert SearchEvent.objects.get().result_count == 0


def test_real_questions_still_answered_after_the_cut(help_center):
    assert article_search(query="withdrawal failed")[0].slug == "withdraw-failed-en"
    assert article_search(query="币没到")[0].slug == "deposit-missing-zh"
    assert article_search(query="withdrawal fialed <br>")[0].slug == "withdraw-failed-en"


def test_empty_query_page_shows_hint_popular_articles_and_sections(client, help_center):
    html = client.get("/help/zh-hans/search/", {"q": ""}).content.decode()
    assert "用一句话描述您的问题" in html and "热门文章" in html and "/help/zh-hans/a/" in html
    assert 'name="q"' in html
    en = client.get("/help/en/search/").content.decode()
    assert "Popular articles" in en and "Describe your problem" in en
    assert SearchEvent.objects.count() == 0


def test_suggestions_use_the_same_snippets(client, help_center):
    api = client.get("/api/v1/help/search", {"q": "提现失败", "locale": "zh-hans"}).json()["results"][0]
    page = client.get("/help/zh-hans/search/", {"q": "提现失败"}, HTTP_HX_REQUEST="true").content.decode()
    assert api["snippet_html"] in page
    assert "<mark>" in api["snippet_html"] and api["marks"]


def test_cli_search_stays_valid_for_junk(help_center, capsys):
    import json

    from django.core.management import call_command

    call_command("kb", "search", "<script>alert(1)</script>", "--json")
    assert json.loads(capsys.readouterr().out) == []
