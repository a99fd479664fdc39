"""Every API answer that is an error has the API's JSON shape, in the caller's language."""

import pytest

pytestmark = pytest.mark.django_db


def _error(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    return response.json()["error"]


def test_an_unknown_api_path_is_a_json_404(client):
    error = _error(client.get("/api/v1/nothing-here", HTTP_ACCEPT_LANGUAGE="en"), 404)
    assert error["code"] == "not_found" and "/api/v1/docs" in error["message"]


def test_a_method_the_path_does_not_take_is_a_json_405_with_allow(client):
    response = client.delete("/api/v1/categories", HTTP_ACCEPT_LANGUAGE="en")
    error = _error(response, 405)
    assert error["code"] == "method_not_allowed" and "GET" in response["Allow"] and "GET" in error["message"]


def test_a_handlers_own_404_is_kept(customer_client):
    error = _error(customer_client.get("/api/v1/customer/tickets/999999"), 404)
    assert error["code"] != "not_found" or "docs" not in error["message"]


def test_pages_outside_the_api_keep_their_html_404(client):
    response = client.get("/support/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_unreadable_json_says_so_in_the_callers_language(customer_client, category):
    en = customer_client.post(
        "/api/v1/customer/tickets", "{not json", content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert _error(en, 400) == {
        "code": "body_unreadable",
        "message": "The request body is not valid JSON.",
        "fields": {},
    }
    zh = customer_client.post(
        "/api/v1/customer/tickets", "{not json", content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-CN"
    )
    assert _error(zh, 400)["message"] == "请求正文不是有效的 JSON。"


def test_missing_token_and_bad_fields_follow_the_language(customer_client):
    from django.test import Client

    assert _error(Client().get("/api/v1/customer/tickets", HTTP_ACCEPT_LANGUAGE="zh-CN"), 401)["message"] == (
        "需要认证：请发送有效的令牌。"
    )
    bad = customer_client.post(
        "/api/v1/customer/tickets", {"body": 5}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-CN"
    )
    error = _error(bad, 400)
    assert error["message"] == "部分字段无效。" and error["fields"]
