"""The operators' admin reads in Chinese on a zh-hans request: app, model and field names, the
header and a category's intake form; on an English request the same pages read in English."""

import html as htmllib
import re

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db

# What the zh-hans admin showed before its labels were translated.
ENGLISH = (
    "Django",
    "Accounts",
    "Agent profiles",
    "Api tokens",
    "Audit entries",
    "Help center",
    "Official channels",
    "Customer:",
    "Secret leaks",
    "Intake fields",
    "Default team",
    "First response",
    "Last message at",
    "Assignee",
    "Subject",
    "Support",
)


@pytest.fixture
def root(client, settings, django_user_model):
    settings.WALLETDESK_REQUIRE_2FA = False
    user = django_user_model.objects.create_superuser("root", "root@example.com", "root-pass-123")
    client.force_login(user)
    return client


@pytest.fixture
def ticket(customer, category):
    from walletdesk.tickets.services import ticket_create_by_customer

    return ticket_create_by_customer(
        customer=customer,
        channel="portal",
        body="充值没到账",
        category=category,
        intake={"txid": "0x" + "ab" * 32},
    ).ticket


def _visible_text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def _pages(ticket, category):
    return (
        "/admin/",
        f"/admin/tickets/ticket/{ticket.pk}/change/",
        f"/admin/tickets/category/{category.pk}/change/",
    )


def test_admin_pages_have_no_english_names_in_chinese(root, ticket, category):
    for url in _pages(ticket, category):
        response = root.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
        assert response.status_code == 200, url
        text = _visible_text(response)
        assert f"{django_settings.BRAND_NAME} 管理后台" in text, url
        found = [word for word in ENGLISH if word in text]
        assert found == [], (url, found)


def test_the_index_and_a_ticket_read_in_english(root, ticket, category):
    text = _visible_text(root.get("/admin/", HTTP_ACCEPT_LANGUAGE="en"))
    assert f"{django_settings.BRAND_NAME} admin" in text
    assert "Agent profiles" in text and "Accounts and agents" in text
    text = _visible_text(root.get(f"/admin/tickets/ticket/{ticket.pk}/change/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Secret leaks" in text and "Customer" in text


def test_the_intake_form_is_indented_json_with_readable_chinese_and_its_keys_explained(root, category):
    response = root.get(f"/admin/tickets/category/{category.pk}/change/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = response.content.decode()
    textarea = re.search(r'<textarea[^>]*name="intake_fields"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    textarea = htmllib.unescape(textarea)
    assert '\n  {\n    "key": "txid"' in textarea
    assert "交易哈希" in textarea and "\\u" not in textarea
    text = _visible_text(response)
    assert "表单字段" in text
    for key in (
        "key",
        "type",
        "label_zh",
        "label_en",
        "help_zh",
        "help_en",
        "required",
        "txid, network, amount",
    ):
        assert key in text, key
