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


@pytest.fixture
def portal_client(client, customer):
    from tests.conftest import jwt_for

    client.get(f"/support/login/?token={jwt_for(customer)}")
    return client


def _solved_ticket(customer):
    from walletdesk.tickets.inbox import InboundMessage, receive
    from walletdesk.tickets.models import Ticket

    ticket = receive(
        InboundMessage(channel="web", customer=customer, new_ticket=True, subject="Hi", body="hello")
    ).ticket
    Ticket.objects.filter(pk=ticket.pk).update(status="solved")
    return ticket


@pytest.mark.parametrize(
    ("accept_language", "heading", "back"),
    [
        ("zh-CN,zh;q=0.9", "此地址用于提交表单", "返回表单所在页面"),
        ("en", "This address is for a form", "Go back"),
    ],
)
def test_opening_a_forms_address_is_a_page_with_a_way_back(
    portal_client, customer, accept_language, heading, back
):
    ticket = _solved_ticket(customer)
    response = portal_client.get(
        f"/support/tickets/{ticket.pk}/rate/",
        HTTP_ACCEPT_LANGUAGE=accept_language,
        HTTP_ACCEPT="text/html,*/*",
    )
    page = response.content.decode()
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert heading in page and back in page and f'href="/support/tickets/{ticket.pk}/"' in page
    # Not a browser asking for a page (a script, curl): the bare 405 as before.
    bare = portal_client.get(f"/support/tickets/{ticket.pk}/rate/", HTTP_ACCEPT="*/*")
    assert bare.status_code == 405 and bare.content == b""


@pytest.mark.parametrize(
    ("accept_language", "heading", "inbox"),
    [("zh-CN,zh;q=0.9", "页面不存在", "返回收件箱"), ("en", "Page not found", "Back to the inbox")],
)
def test_a_console_404_stays_in_the_console(client, agent, settings, accept_language, heading, inbox):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(agent)
    response = client.get("/console/tickets/999999/", HTTP_ACCEPT_LANGUAGE=accept_language)
    page = response.content.decode()
    assert response.status_code == 404 and heading in page and inbox in page
    assert 'href="/console/"' in page and 'action="/console/logout/"' in page  # the console's layout
    assert 'href="/support/tickets/"' not in page
    # A customer (or anyone not signed in as an agent) keeps the customer site's page.
    client.logout()
    page = client.get("/console/no-such-page/", HTTP_ACCEPT_LANGUAGE=accept_language).content.decode()
    assert 'href="/support/tickets/"' in page or client.get("/console/no-such-page/").status_code == 302


@pytest.mark.parametrize(
    ("accept_language", "message"),
    [("zh-CN,zh;q=0.9", "请选择 1 到 5 星"), ("en", "Choose from 1 to 5 stars")],
)
def test_a_rating_without_stars_is_a_400_that_says_so(portal_client, customer, accept_language, message):
    ticket = _solved_ticket(customer)
    for form in ({}, {"rating": ""}, {"rating": "9"}, {"rating": "x"}):
        response = portal_client.post(
            f"/support/tickets/{ticket.pk}/rate/",
            {**form, "comment": "ok"},
            HTTP_ACCEPT_LANGUAGE=accept_language,
        )
        page = response.content.decode()
        assert response.status_code == 400 and message in page, form
        assert f'href="/support/tickets/{ticket.pk}/#rating"' in page
    ticket.refresh_from_db()
    assert ticket.csat_rating is None
    ok = portal_client.post(f"/support/tickets/{ticket.pk}/rate/", {"rating": "4"})
    assert ok.status_code == 302
