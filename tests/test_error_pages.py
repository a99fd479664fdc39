"""Pages a customer reaches by mistake: they stay in the site's layout and language, with a way on."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "heading", "help_link"),
    [("zh-CN,zh;q=0.9", "页面不存在", "/help/zh-hans/"), ("en-US,en;q=0.9", "Page not found", "/help/en/")],
)
def test_unknown_help_article_is_a_translated_page_with_the_site_navigation(
    client, accept_language, heading, help_link
):
    response = client.get("/help/en/a/no-such-article/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 404
    page = response.content.decode()
    assert heading in page
    assert f'href="{help_link}"' in page
    assert 'href="/verify/"' in page
