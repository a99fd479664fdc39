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


def test_an_expired_form_explains_how_to_keep_the_draft_in_the_customers_language(customer_client):
    from django.test import Client

    # A browser whose CSRF cookie is gone: the customer's long-open ticket form.
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = customer_client.cookies
    response = strict.post(
        "/support/new/", {"category": "withdrawal", "body": "draft"}, HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9"
    )

    assert response.status_code == 403
    page = response.content.decode()
    assert "表单已过期" in page
    assert "先复制您填写的内容" in page
    assert 'href="/verify/"' in page  # the site's layout, not Django's bare English page


def test_server_error_page_renders_without_a_request_and_is_translated():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("zh-hans"):
        page = render_to_string("500.html")

    assert "我们这边出了点问题" in page
    assert "先返回复制内容" in page


def test_the_bare_site_address_leads_to_the_support_home(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/support/"
