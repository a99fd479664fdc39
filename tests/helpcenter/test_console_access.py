"""The console's "Articles" link is in every agent's menu: agents read the list, editors edit."""

import pytest

from walletdesk.helpcenter.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_client(client, agent, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(agent)
    return client


def test_an_agent_reads_the_article_list_with_public_links_and_no_edit_controls(agent_client, help_center):
    page = agent_client.get("/console/help/", HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200
    published = Article.objects.filter(status="published").first()
    assert f'href="{published.url}"' in html
    assert "/console/help/new/" not in html and "/console/help/a/" not in html
    assert "Only editors may change the help center." in html


def test_an_agent_opening_an_editor_page_gets_a_console_page_back(agent_client, help_center):
    slug = Article.objects.first().slug
    for url in ("/console/help/new/", f"/console/help/a/{slug}/", "/console/help/report/"):
        page = agent_client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
        html = page.content.decode()
        assert page.status_code == 403
        assert "只有编辑可以修改帮助中心" in html and 'href="/console/help/"' in html and "<nav>" in html
    assert agent_client.post("/console/help/preview/", {"body": "x"}).status_code == 403


def test_an_agent_cannot_save_an_article(agent_client, help_center):
    article = Article.objects.first()
    data = {"locale": article.locale, "title": "Changed", "body": "Changed", "status": "published"}
    assert agent_client.post(f"/console/help/a/{article.slug}/", data).status_code == 403
    article.refresh_from_db()
    assert article.title != "Changed"


def test_a_supervisor_edits_from_the_list(client, supervisor, settings, help_center):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(supervisor)
    html = client.get("/console/help/").content.decode()
    assert "/console/help/new/" in html and "/console/help/a/" in html


def test_an_agent_without_2fa_sees_no_list(client, agent, help_center):
    client.force_login(agent)  # password only: WALLETDESK_REQUIRE_2FA stays on
    response = client.get("/console/help/")
    assert response.status_code == 403
    assert Article.objects.first().title not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [({"q": "x" * 301}, "q"), ({"q": "x", "limit": 0}, "limit"), ({"q": "x", "locale": "fr"}, "locale")],
)
def test_a_bad_search_is_a_search_error_not_an_article_error(client, help_center, query, field):
    response = client.get("/api/v1/help/search", query)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "search_query_invalid" and field in error["fields"]
