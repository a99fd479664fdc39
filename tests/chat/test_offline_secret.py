"""An offline widget message that held a seed phrase: the confirmation carries the warning that the
portal and the live chat give, in the customer's language, with the stolen-account link."""

import pytest
from django.test import Client
from mnemonic import Mnemonic

from walletdesk.chat.session import widget_session_sign

PHRASE = Mnemonic("english").to_mnemonic(bytes(16))


def _post(customer, body, locale, client_id="offline-secret-1"):
    return Client().post(
        "/api/v1/chat/offline",
        {"client_id": client_id, "email": "me@example.com", "body": body, "locale": locale},
        content_type="application/json",
        headers={"X-Widget-Session": widget_session_sign(customer=customer)},
    )


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en", "will never ask for your seed phrase"), ("zh-hans", "客服绝不会向您索要助记词")],
)
def test_an_offline_message_with_a_seed_phrase_answers_with_the_warning(visitor, settings, locale, words):
    response = _post(visitor, f"an agent asked me for: {PHRASE}", locale)
    assert response.status_code == 200, response.content
    warning = response.json()["secret_warning_html"]
    assert words in warning
    assert f'href="{settings.SITE_URL}/support/new/?category=account_theft"' in warning
    assert PHRASE not in response.content.decode()
    # A resend of the same form (its first answer lost) still warns.
    again = _post(visitor, f"an agent asked me for: {PHRASE}", locale)
    assert again.json()["duplicate"] and words in again.json()["secret_warning_html"]


def test_an_offline_message_without_a_secret_has_no_warning(visitor):
    response = _post(visitor, "please call me back about my withdrawal", "en")
    assert response.status_code == 200 and response.json()["secret_warning_html"] == ""
