"""An empty check says what to paste instead of showing the blank page again."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "Paste a link, address, account or number to check."),
        ("zh-CN", "请粘贴要核验的链接、地址、账号或号码。"),
    ],
)
def test_an_empty_value_gets_a_message(client, language, says):
    response = client.get("/verify/?value=+", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert says in response.content.decode()


def test_the_plain_page_has_no_error(client):
    response = client.get("/verify/")
    assert response.status_code == 200 and 'role="alert"' not in response.content.decode()
