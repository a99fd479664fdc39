"""Customer API errors follow the language the wallet signed into the token when the caller asks for
none (Accept-Language, when sent, wins: tests/test_api_errors.py), field by field."""

import json

import pytest

from tests.conftest import jwt_for

pytestmark = pytest.mark.django_db


def _post(client, customer, body, **headers):
    return client.post(
        "/api/v1/customer/tickets", json.dumps(body), content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {jwt_for(customer)}", **headers,
    )  # fmt: skip


def test_an_english_token_gets_english_errors(client, customer):
    customer.locale = "en"
    response = _post(client, customer, {"category": 5, "subject": "x" * 301})
    error = response.json()["error"]
    assert response.status_code == 400 and error["message"] == "Some fields are invalid."
    assert error["fields"] == {
        "category": "Must be text.",
        "subject": "At most 300 characters.",
        "body": "This field is required.",
    }


def test_a_chinese_token_gets_chinese_errors(client, customer):
    customer.locale = "zh-hans"
    error = _post(client, customer, {"category": 5}).json()["error"]
    assert error["fields"]["category"] == "必须是文本。" and error["fields"]["body"] == "此项为必填。"
    assert error["message"] != "Some fields are invalid."
