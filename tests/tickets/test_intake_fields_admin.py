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


def _add_form_data(client) -> dict:
    form = client.get("/admin/tickets/category/add/").context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    return {**data, "slug": "t_new", "name_zh": "测试", "name_en": "Test"}


@pytest.fixture
def admin_client(client, supervisor, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(supervisor)
    return client


def test_a_new_categorys_form_starts_with_an_empty_list_not_null(admin_client):
    page = admin_client.get("/admin/tickets/category/add/").content.decode()
    textarea = page[page.index('name="intake_fields"') :].split("</textarea>")[0]
    assert textarea.endswith(">\n[]") and "null" not in textarea


def test_saving_the_new_form_untouched_stores_an_empty_list(admin_client):
    from walletdesk.tickets.models import Category

    response = admin_client.post("/admin/tickets/category/add/", _add_form_data(admin_client))
    assert response.status_code == 302
    assert Category.objects.get(slug="t_new").intake_fields == []


@pytest.mark.parametrize(("typed", "stored"), [("", []), ("  \n", []), ("[]", [])])
def test_an_empty_box_or_list_means_no_fields(admin_client, typed, stored):
    from walletdesk.tickets.models import Category

    response = admin_client.post(
        "/admin/tickets/category/add/", {**_add_form_data(admin_client), "intake_fields": typed}
    )
    assert response.status_code == 302
    assert Category.objects.get(slug="t_new").intake_fields == stored


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "The intake form is null"), ("zh-hans", "填写项为 null")],
)
def test_null_is_refused_with_the_reason(admin_client, language, says):
    from walletdesk.tickets.models import Category

    data = {**_add_form_data(admin_client), "intake_fields": "null"}
    response = admin_client.post("/admin/tickets/category/add/", data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    page = response.content.decode()
    assert says in page and "errorlist" in page
    assert not Category.objects.filter(slug="t_new").exists()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("[{oops", "Enter a valid JSON"),
        ('[{"key":"Bad Key!","type":"zzz","label_zh":"x","label_en":"x"}]', "key must be lower-case"),
        ('{"key": "txid"}', "must be a list"),
        ("7", "must be a list"),
    ],
)
def test_malformed_json_is_a_form_error_and_keeps_what_was_typed(admin_client, typed, says):
    from walletdesk.tickets.models import Category

    data = {**_add_form_data(admin_client), "intake_fields": typed}
    response = admin_client.post("/admin/tickets/category/add/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and says in response.content.decode()
    assert not Category.objects.filter(slug="t_new").exists()
