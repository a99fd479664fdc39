"""Public pages as a new user saw them: the freeze page's Cancel link as tall as the red button beside
it, and no gap after the Chinese full stop in the footer ("密码。 · 官方联系渠道")."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name
from __future__ import annotations

import pytest

from tests.browser.conftest import (  # noqa: F401 - the browser fixtures, shared with tests/browser
    browser,
    live,
    live_server_thread,
    new_context,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("locale", ["zh-hans", "en"])
def test_the_freeze_pages_cancel_link_lines_up_with_its_button(live, new_context, settings, locale):
    from walletdesk.accounts.identity import identity_token_sign
    from walletdesk.wallet.services import DEMO_UID, wallet_demo_load

    settings.WALLETDESK_WALLET_URL = ""
    wallet_demo_load()
    page = new_context(locale="en-US" if locale == "en" else "zh-CN").new_page()
    page.goto(f"{live.url}/support/login/?token={identity_token_sign(wallet_uid=DEMO_UID, locale=locale)}")
    page.goto(f"{live.url}/support/account/freeze/")

    button = page.locator("#freeze-confirm-button").bounding_box()
    cancel = page.locator("#freeze-form a.btn").bounding_box()

    assert button and cancel
    assert abs(button["height"] - cancel["height"]) < 1 and abs(button["y"] - cancel["y"]) < 1


def test_the_chinese_footer_has_no_space_after_its_full_stop(live, new_context):
    page = new_context(locale="zh-CN").new_page()
    page.goto(f"{live.url}/contact/")

    footer = page.locator("footer.bottom")
    sentence = footer.locator("> :first-child").inner_text()
    after = footer.evaluate(
        "f => f.firstElementChild.nextSibling && f.firstElementChild.nextSibling.nodeType"
    )

    assert sentence.endswith("。")
    assert after == 1  # the next element follows at once: no text node (white space) in between
    assert "。 " not in footer.inner_text()
