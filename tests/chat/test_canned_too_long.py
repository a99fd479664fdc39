"""Over-long fields on the canned-reply page are a form error that keeps what was typed: the
fields' maxlength made the browser cut a 400-character Chinese title to 58 without a word."""

import html
import re

import pytest

from walletdesk.chat.models import CannedReply
from walletdesk.chat.services import CANNED_BODY_MAX, CANNED_TITLE_MAX

pytestmark = pytest.mark.django_db

HUGE_ZH = "测试 " + "长" * 400


@pytest.fixture
def client_as_supervisor(client, supervisor, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    client.force_login(supervisor)
    return client


def _form(**changes):
    return {
        "shortcut": "huge",
        "title_zh": "标题",
        "title_en": "Title",
        "body_zh": "正文",
        "body_en": "Body",
        **changes,
    }


def _value(page: str, name: str) -> str:
    if name.startswith("body"):
        found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    else:
        found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    assert found, name
    return html.unescape(found[1])


def test_the_form_does_not_let_the_browser_cut_what_is_pasted(client_as_supervisor):
    page = client_as_supervisor.get("/console/canned/").content.decode()
    form = page[page.index('id="canned-form"') : page.index("</form>")]
    assert "maxlength" not in form


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", f"The two titles together are at most {CANNED_TITLE_MAX} characters"),
        ("zh-hans", f"两个标题合计最多 {CANNED_TITLE_MAX} 个字符"),
    ],
)
def test_a_huge_title_is_refused_and_both_titles_stay_as_typed(client_as_supervisor, language, says):
    response = client_as_supervisor.post(
        "/console/canned/", _form(title_zh=HUGE_ZH, title_en="test"), HTTP_ACCEPT_LANGUAGE=language
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert says in page and str(len(HUGE_ZH) + len(" / test")) in page
    assert _value(page, "title_zh") == HUGE_ZH and _value(page, "title_en") == "test"
    assert 'id="canned-title-zh" name="title_zh"' in page and 'aria-invalid="true"' in page
    assert not CannedReply.objects.filter(shortcut="huge").exists()


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", f"Each reply is at most {CANNED_BODY_MAX} characters; the Chinese one has 5001"),
        ("zh-hans", f"每条回复最多 {CANNED_BODY_MAX} 个字符；中文回复有 5001 个"),
    ],
)
def test_a_huge_body_is_refused_and_kept_as_typed(client_as_supervisor, language, says):
    body = "字" * (CANNED_BODY_MAX + 1)
    response = client_as_supervisor.post(
        "/console/canned/", _form(body_zh=body), HTTP_ACCEPT_LANGUAGE=language
    )
    page = response.content.decode()
    assert response.status_code == 400 and says in page
    assert _value(page, "body_zh") == body
    assert not CannedReply.objects.filter(shortcut="huge").exists()


def test_titles_that_fit_are_stored_whole_in_both_languages(client_as_supervisor):
    title_zh, title_en = "长" * 58, "e" * (CANNED_TITLE_MAX - 58 - 3)
    response = client_as_supervisor.post("/console/canned/", _form(title_zh=title_zh, title_en=title_en))
    assert response.status_code == 302
    assert CannedReply.objects.get(shortcut="huge").title == f"{title_zh} / {title_en}"
    page = client_as_supervisor.get("/console/canned/huge/").content.decode()
    assert _value(page, "title_zh") == title_zh and _value(page, "title_en") == title_en
