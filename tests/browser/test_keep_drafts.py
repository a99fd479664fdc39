"""Switching the portal's language reloads the page; what the customer typed comes back."""

import pytest

from tests.conftest import jwt_for


@pytest.mark.django_db(transaction=True)
def test_switching_language_keeps_what_was_typed_in_the_request_form(live, new_context, customer, category):
    page = new_context(locale="zh-CN").new_page()
    page.goto(f"{live.url}/support/login/?token={jwt_for(customer)}")
    page.goto(f"{live.url}/support/new/?category={category.slug}")
    page.fill("#request-form [name=subject]", "USDT 充值未到账")
    page.fill("#request-form [name=body]", "昨天充的 500u 还没到")

    with page.expect_navigation():  # the switch posts and comes back to this page
        page.select_option('form[action="/i18n/setlang/"] select', "en")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#request-form [name=subject]").input_value() == "USDT 充值未到账"
    assert page.locator("#request-form [name=body]").input_value() == "昨天充的 500u 还没到"
    page.reload()  # kept for that one reload only
    assert page.locator("#request-form [name=body]").input_value() == ""
