"""The official-contacts page on a phone: each address must read whole, since the reader compares it
character by character with what a scammer sent (three columns broke them over four lines)."""

# ruff: noqa: F811 - the browser fixtures are imported here and then requested by name
import pytest

from tests.browser.conftest import browser, live, live_server_thread, new_context  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def registry(transactional_db):
    from tests.verify.cases import DEMO
    from walletdesk.verify.selectors import registry_index_forget
    from walletdesk.verify.services import registry_import

    registry_import(data=DEMO)
    registry_index_forget()


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
def test_every_official_address_fits_on_one_line_on_a_phone(live, new_context, registry, locale):
    page = new_context(locale=locale, viewport={"width": 390, "height": 800}).new_page()
    page.goto(live.url + "/contact/")
    lines = page.eval_on_selector_all(
        ".contacts td.contact-address code",
        """codes => codes.map(c => {
            const style = getComputedStyle(c);
            return [c.textContent, Math.round(c.getBoundingClientRect().height / parseFloat(style.lineHeight || 20))];
        })""",
    )
    assert len(lines) >= 8
    assert [text for text, count in lines if count > 1] == []
