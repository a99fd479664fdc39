"""The flash-message store is made only when a view or page uses it (core.middleware.MessageMiddleware):
a page that neither adds nor shows a message leaves the messages cookie alone, and a message added
on a redirect is still shown on the page it lands on, once."""

import pytest
from django.contrib import messages
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import empty

from walletdesk.core.middleware import MessageMiddleware

pytestmark = pytest.mark.django_db


def _request():
    request = RequestFactory().get("/console/")
    request.session = {}
    return request


def test_a_page_without_messages_makes_no_store_and_sets_no_cookie():
    request = _request()
    response = MessageMiddleware(lambda r: HttpResponse("page"))(request)
    assert request._messages._wrapped is empty  # still the lazy placeholder
    assert "messages" not in response.cookies


def test_a_message_added_by_the_view_is_stored_for_the_next_page():
    request = _request()

    def view(r):
        messages.info(r, "Saved <b>now</b>")
        return HttpResponse("redirecting")

    response = MessageMiddleware(view)(request)
    assert "messages" in response.cookies and response.cookies["messages"].value


def test_the_demo_note_survives_the_redirect_and_shows_once(client, settings):
    settings.WALLETDESK_DEMO = True
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    landed = client.get("/support/demo/", follow=True)
    assert landed.content.decode().count("Signed in as the demo customer") == 1
    assert "Signed in as the demo customer" not in client.get("/support/tickets/").content.decode()
