"""Before opening a ticket the customer types the problem, sees articles as they type, and says
the articles answered it: a deflection is counted. Real Chromium (Debian's), real HTTP server."""

import os
import tempfile

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-sync",
]


@pytest.fixture
def page():
    playwright = pytest.importorskip("playwright.sync_api")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.fail("Debian's chromium is missing: `make test-deps` installs it")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs a loop in this thread
    with playwright.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        yield context.new_page()
        context.close()


def test_suggestions_appear_while_typing_and_deflection_is_counted(page, live_server, help_center):
    from walletdesk.helpcenter.models import SearchEvent

    page.goto(f"{live_server.url}/help/zh-hans/ask/")
    page.locator("#ask-q").press_sequentially("u提不出来", delay=40)
    first = page.locator("#ask-suggestions li a").first
    first.wait_for(timeout=10_000)
    assert first.inner_text() == "提现失败怎么办"
    assert first.get_attribute("href") == "/help/zh-hans/a/withdraw-failed-zh/"
    page.locator("#ask-solved").click()
    page.locator("#ask-thanks").wait_for(state="visible", timeout=10_000)
    event = SearchEvent.objects.get(deflected=True)
    assert event.query == "u提不出来" and event.source == "ticket_form"


def test_portal_search_box_updates_results_as_you_type(page, live_server, help_center):
    page.goto(f"{live_server.url}/help/en/")
    page.locator("#help-q").press_sequentially("withdrawl faild", delay=30)
    # The list is redrawn after each keystroke: wait for the answer to the whole query, not the first
    # list drawn while typing (an early prefix matches nothing and shows "submit a request").
    expect(page.locator("#help-results li a").first).to_have_text(
        "Why did my withdrawal fail?", timeout=10_000
    )
