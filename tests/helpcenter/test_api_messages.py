"""The help API's error messages follow the caller's language like every other API error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "too_long", "no_article"),
    [
        ("zh-CN,zh;q=0.9", "搜索内容太长（最多 300 个字符）。", "文章不存在。"),
        ("en-US,en;q=0.9", "The query is too long (300 characters at most).", "No such article."),
    ],
)
def test_help_api_errors_are_in_the_callers_language(client, accept_language, too_long, no_article):
    search = client.get("/api/v1/help/search", {"q": "x" * 301}, HTTP_ACCEPT_LANGUAGE=accept_language)
    feedback = client.post(
        "/api/v1/help/articles/nope/feedback",
        {"helpful": True},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=accept_language,
    )

    assert search.status_code == 400
    assert search.json()["error"]["message"] == too_long
    assert feedback.status_code == 404
    assert feedback.json()["error"]["message"] == no_article
