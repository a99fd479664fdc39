"""The demo sign-in (/support/demo/) says who you are on the page it lands on, and only there."""

import pytest

pytestmark = pytest.mark.django_db

NOTE = "Signed in as the demo customer"


def test_the_demo_sign_in_note_shows_on_the_landing_page_only(client, settings):
    settings.WALLETDESK_DEMO = True
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    landed = client.get("/support/demo/", follow=True)
    assert landed.redirect_chain[-1][0] == "/support/tickets/"
    assert landed.content.decode().count(NOTE) == 1
    for later in ("/verify/anti-phishing/", "/support/tickets/"):
        assert NOTE not in client.get(later).content.decode(), later
