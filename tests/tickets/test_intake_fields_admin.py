"""A malformed intake form is refused in /admin/ with the reason, before it can break the widget."""

import json

import pytest
from django.utils import translation

from walletdesk.tickets.intake import intake_fields_problems

pytestmark = pytest.mark.django_db

GOOD = [{"key": "txid", "type": "txid", "required": True, "label_zh": "交易哈希", "label_en": "TxID"}]


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"key": "x"}, "must be a list"),
        ([{"label_zh": "x"}, "str"], "Field 2 must be an object"),
        ([{"key": "Order ID", "label_zh": "单号", "label_en": "Order"}], "key must be lower-case"),
        ([GOOD[0], GOOD[0]], "used twice"),
        ([{**GOOD[0], "type": "date"}], "type must be one of"),
        ([{**GOOD[0], "required": "yes"}], "required must be true or false"),
        ([{**GOOD[0], "label_en": ""}], "label in Chinese and in English"),
        ([{**GOOD[0], "help_en": ["a"]}], "help_en must be text"),
    ],
)
def test_each_malformed_shape_is_named(fields, says):
    with translation.override("en"):
        assert any(says in problem for problem in intake_fields_problems(fields))


def test_the_problems_read_in_chinese_for_a_chinese_admin():
    with translation.override("zh-hans"):
        assert (
            intake_fields_problems([{"label_zh": "x"}, "str"])[-1]
            == "第 2 个字段必须是包含 key、type 和标签的对象。"
        )


def test_the_demo_forms_are_valid():
    from walletdesk.demo.categories import CATEGORIES

    for row in CATEGORIES:
        fields = next(value for value in row if isinstance(value, list))
        assert intake_fields_problems(fields) == [], row[0]


def test_admin_refuses_a_broken_form_and_keeps_the_old_one(client, supervisor, category, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(supervisor)
    url = f"/admin/tickets/category/{category.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    before = category.intake_fields
    data["intake_fields"] = json.dumps([{"label_zh": "x"}, "str"])
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Field 2 must be an object" in response.content.decode()
    category.refresh_from_db()
    assert category.intake_fields == before
    assert client.get("/widget/frame/").status_code == 200
