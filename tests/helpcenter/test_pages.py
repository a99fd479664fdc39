"""Public pages, the JSON API and the editors' console."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from walletdesk.helpcenter.models import Article, ArticleFeedback, SearchEvent
from walletdesk.helpcenter.services import article_save

pytestmark = pytest.mark.django_db


def test_article_page_has_breadcrumbs_hreflang_related_and_counts_views(client, help_center):
    response = client.get("/help/zh-hans/a/withdraw-failed-zh/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'hreflang="en"' in html and "/help/en/a/withdraw-failed-en/" in html
    assert 'aria-label="breadcrumb"' in html and "/help/zh-hans/s/general/" in html
    assert "deposit-missing-zh" in html  # related: same section
    client.get("/help/zh-hans/a/withdraw-failed-zh/")
    assert Article.objects.get(slug="withdraw-failed-zh").view_count == 2


def test_view_count_is_singular_for_the_first_reader_in_english(client, help_center):
    first = client.get("/help/en/a/withdraw-failed-en/").content.decode()
    second = client.get("/help/en/a/withdraw-failed-en/").content.decode()
    assert re.search(r"\b1 view\b(?!s)", first)
    assert re.search(r"\b2 views\b", second)


def test_draft_is_not_public_anywhere(client, help_center):
    article_save(
        slug="plan-zh",
        locale="zh-hans",
        title="未公开的活动",
        body="草稿内容",
        status="draft",
        category="general",
    )
    assert client.get("/help/zh-hans/a/plan-zh/").status_code == 404
    assert "plan-zh" not in client.get("/help/zh-hans/").content.decode()
    assert "plan-zh" not in client.get("/help/sitemap.xml").content.decode()
    assert "plan-zh" not in client.get("/api/v1/help/search", {"q": "未公开的活动"}).content.decode()


def test_script_in_an_article_body_is_neutralised(client, synonyms):
    body = 'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))\n\n<a href="#" onclick="evil()">y</a>'
    article_save(slug="xss-en", locale="en", title="<b>Title</b>", body=body)
    html = client.get("/help/en/a/xss-en/").content.decode()
    article_html = html.split('class="article-body">', 1)[1].split("</div>", 1)[0]
    tags = re.findall(r"<[a-zA-Z][^>]*>", article_html)  # real elements, not escaped text
    assert tags and not [t for t in tags if re.search(r"<script|\son\w+\s*=|javascript:", t, re.I)]
    assert "&lt;script&gt;" in article_html  # shown as text, never run
    assert "<b>Title</b>" not in html and "&lt;b&gt;Title&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("locale", "line"), [("en", "never asks for your seed phrase"), ("zh-hans", "绝不会索要")]
)
def test_the_help_home_says_support_never_asks_for_the_seed_phrase_once(client, help_center, locale, line):
    html = client.get(f"/help/{locale}/").content.decode()
    assert html.count(line) == 1


def test_wrong_locale_segment_redirects_and_unknown_locale_is_404(client, help_center):
    response = client.get("/help/en/a/withdraw-failed-zh/")
    assert response.status_code == 302 and response["Location"] == "/help/zh-hans/a/withdraw-failed-zh/"
    assert client.get("/help/fr/").status_code == 404
    assert client.get("/help/en/a/no-such-article/").status_code == 404


def test_sitemap_lists_both_languages_with_alternates(client, help_center):
    xml = client.get("/help/sitemap.xml").content.decode()
    assert xml.count("<url>") == 10
    assert re.search(r'hreflang="en" href="[^"]+/help/en/a/phishing-en/"', xml)


def test_feedback_form_records_vote_and_comment(client, help_center):
    url = "/help/en/a/account-frozen-en/feedback/"
    response = client.post(
        url, {"helpful": "no", "comment": "Still frozen after 3 days"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    article = Article.objects.get(slug="account-frozen-en")
    assert (article.helpful_yes, article.helpful_no) == (0, 1)
    assert ArticleFeedback.objects.get().comment == "Still frozen after 3 days"
    assert client.post(url, {"helpful": "maybe"}).status_code == 400


def test_portal_search_page_logs_only_submitted_searches(client, help_center):
    partial = client.get("/help/zh-hans/search/", {"q": "币没到"}, HTTP_HX_REQUEST="true")
    assert "deposit-missing-zh" in partial.content.decode() and "<html" not in partial.content.decode()
    assert SearchEvent.objects.count() == 0
    full = client.get("/help/zh-hans/search/", {"q": "完全无关的问题xyz"})
    assert "没有找到相关文章" in full.content.decode()
    event = SearchEvent.objects.get()
    assert event.result_count == 0 and event.source == "portal"


def test_api_search_tracks_clicks_and_deflections(client, help_center):
    response = client.get(
        "/api/v1/help/search", {"q": "GA丢了", "locale": "zh-hans", "track": "true", "source": "ticket_form"}
    )
    body = response.json()
    assert response.status_code == 200
    assert body["results"][0]["slug"] == "google-authenticator-zh"
    assert body["results"][0]["url"] == "/help/zh-hans/a/google-authenticator-zh/"
    search_id = body["search_id"]
    assert (
        client.post(
            f"/api/v1/help/searches/{search_id}/click",
            {"slug": "google-authenticator-zh"},
            content_type="application/json",
        ).status_code
        == 200
    )
    assert client.post(f"/api/v1/help/searches/{search_id}/deflect").status_code == 200
    event = SearchEvent.objects.get(pk=search_id)
    assert (
        event.deflected and event.clicked_slug == "google-authenticator-zh" and event.source == "ticket_form"
    )
    assert client.post("/api/v1/help/searches/999999/deflect").status_code == 404


def test_a_click_counts_only_for_a_suggested_article_of_a_recent_search(client, help_center):
    body = client.get("/api/v1/help/search", {"q": "GA丢了", "locale": "zh-hans", "track": "true"}).json()
    url = f"/api/v1/help/searches/{body['search_id']}/click"
    response = client.post(url, {"slug": "reset-password-en"}, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["fields"] == {"slug": "not suggested"}
    assert SearchEvent.objects.get(pk=body["search_id"]).clicked_slug == ""
    SearchEvent.objects.filter(pk=body["search_id"]).update(created_at=timezone.now() - timedelta(hours=2))
    slug = body["results"][0]["slug"]
    assert client.post(url, {"slug": slug}, content_type="application/json").status_code == 404
    assert client.post(f"/api/v1/help/searches/{body['search_id']}/deflect").status_code == 404
    assert SearchEvent.objects.get(pk=body["search_id"]).deflected is False


def test_api_rejects_bad_input_with_a_message(client, help_center):
    response = client.get("/api/v1/help/search", {"q": "x", "locale": "fr"})
    assert response.status_code == 400 and response.json()["error"]["fields"] == {"locale": "zh-hans | en"}
    assert client.get("/api/v1/help/search", {"q": "x", "limit": 99}).status_code == 400
    assert client.get("/api/v1/help/search", {"q": "x" * 301}).status_code == 400
    feedback = client.post(
        "/api/v1/help/articles/nope/feedback", {"helpful": True}, content_type="application/json"
    )
    assert feedback.status_code == 404


def test_api_search_is_rate_limited_per_ip(client, help_center, settings):
    settings.WALLETDESK_RATE_LIMIT_ENABLED = True
    settings.WALLETDESK_RATE_LIMIT_PUBLIC = 2  # the search allows three times the public limit
    codes = [client.get("/api/v1/help/search", {"q": "frozen"}).status_code for _ in range(7)]
    assert codes[:6] == [200] * 6 and codes[6] == 429


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user(username="ed", password="pw-123456789", is_superuser=True)


def test_console_requires_an_editor(client, django_user_model, help_center):
    assert client.get("/console/help/").status_code == 302
    django_user_model.objects.create_user(username="cust", password="pw-123456789")
    client.login(username="cust", password="pw-123456789")
    assert client.get("/console/help/").status_code == 403
    assert client.post("/console/help/preview/", {"body": "x"}).status_code == 403


def test_editor_writes_a_draft_previews_publishes_and_sees_history(client, editor, synonyms):
    client.force_login(editor)
    preview = client.post("/console/help/preview/", {"body": "**bold** <script>x</script>"}).content.decode()
    assert "<strong>bold</strong>" in preview and "<script>" not in preview
    data = {
        "slug": "staking-en",
        "locale": "en",
        "title": "Staking",
        "body": "Earn rewards.",
        "status": "draft",
        "tags": "earn, staking",
    }
    assert client.post("/console/help/new/", data).status_code == 302
    assert client.get("/help/en/a/staking-en/").status_code == 404
    data.update(status="published", body="Earn staking rewards daily.")
    assert client.post("/console/help/a/staking-en/", data).status_code == 302
    assert client.get("/help/en/a/staking-en/").status_code == 200
    article = Article.objects.get(slug="staking-en")
    assert article.author == editor and article.tags == ["earn", "staking"]
    history = client.get("/console/help/a/staking-en/history/").content.decode()
    assert "Earn rewards." in history and "Earn staking rewards daily." in history
    bad = client.post("/console/help/new/", {"slug": "bad slug!", "locale": "en", "title": "", "body": ""})
    # The console speaks the editor's language (zh-hans by default), whatever the article's language.
    assert bad.status_code == 400 and "请填写标题。" in bad.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/console/help/"})
    bad = client.post("/console/help/new/", {"slug": "bad slug!", "locale": "en", "title": "", "body": ""})
    assert bad.status_code == 400 and "A title is required." in bad.content.decode()


def test_console_pages_are_translated(client, editor, help_center):
    client.force_login(editor)
    pages = ["/console/help/", "/console/help/new/", "/console/help/report/"]
    zh = [client.get(url).content.decode() for url in pages]
    assert "新建文章" in zh[0] and "搜索缺口" in zh[0] and "主题" in zh[0]
    assert "正文（Markdown）" in zh[1] and "保存" in zh[1] and "Body (Markdown)" not in zh[1]
    assert "没有结果：建议接下来撰写" in zh[2] and "No result" not in zh[2]
    client.post("/i18n/setlang/", {"language": "en", "next": "/console/help/"})
    en = [client.get(url).content.decode() for url in pages]
    assert "New article" in en[0] and "新建文章" not in en[0]
    assert "Body (Markdown)" in en[1] and "No result: write these next" in en[2]


def test_gap_report_lists_searches_without_results_or_clicks(client, editor, help_center):
    client.get("/help/en/search/", {"q": "nft airdrop"})
    client.get("/help/en/search/", {"q": "nft airdrop"})
    client.get("/help/en/search/", {"q": "account frozen"})
    client.force_login(editor)
    html = client.get("/console/help/report/").content.decode()
    no_result, no_click = html.split("有结果但无点击")
    assert "nft airdrop" in no_result and "<td>2</td>" in no_result
    assert "account frozen" in no_click
