"""The session's TOTP device comes with the session user (accounts.backends + accounts.middleware):
one query fewer per signed-in request, and just as fresh as django-otp's own lookup."""

import pytest
from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.tickets.test_pages import login_agent
from walletdesk.accounts.backends import LOADED_TOTP_DEVICES, AgentModelBackend

pytestmark = pytest.mark.django_db


def test_the_user_comes_with_its_devices_in_one_query(agent, outsider, django_assert_num_queries):
    first = TOTPDevice.objects.create(user=agent, name="phone", confirmed=True)
    second = TOTPDevice.objects.create(user=agent, name="spare", confirmed=False)
    TOTPDevice.objects.create(user=outsider, name="theirs", confirmed=True)
    with django_assert_num_queries(1):
        user = AgentModelBackend().get_user(agent.pk)
        devices = getattr(user, LOADED_TOTP_DEVICES)
        assert sorted(devices) == [first.pk, second.pk]
        assert devices[first.pk].key == first.key and devices[first.pk].user is user
        assert user.agent_profile.display_name == "Agent One"
    assert getattr(AgentModelBackend().get_user(outsider.pk), LOADED_TOTP_DEVICES).keys() != devices.keys()
    plain = get_user_model().objects.create_user(username="nodevice", password="x-pass-1234")
    assert getattr(AgentModelBackend().get_user(plain.pk), LOADED_TOTP_DEVICES) == {}


def test_a_verified_console_page_asks_no_device_query(client, agent, settings, django_assert_num_queries):
    login_agent(client, agent, "agent-pass-123")
    # The user with profile and devices, and the session row unless the shared cache has it.
    expected = 1 if settings.SESSION_ENGINE.endswith("cached_db") else 2
    with django_assert_num_queries(expected):
        assert client.post("/console/preview/", {"body": "**hi**"}).status_code == 200


def test_a_removed_device_stops_verifying_on_the_next_request(client, agent):
    login_agent(client, agent, "agent-pass-123")
    assert client.get("/console/").status_code == 200
    TOTPDevice.objects.filter(user=agent).delete()
    assert client.get("/console/").status_code == 302
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_an_unconfirmed_device_does_not_verify(client, agent):
    login_agent(client, agent, "agent-pass-123")
    TOTPDevice.objects.filter(user=agent).update(confirmed=False)
    assert client.get("/console/").status_code == 302


def test_another_users_device_in_the_session_does_not_verify(client, agent, outsider):
    login_agent(client, agent, "agent-pass-123")
    theirs = TOTPDevice.objects.create(user=outsider, name="theirs", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = theirs.persistent_id
    session.save()
    assert client.get("/console/").status_code == 302


@pytest.mark.parametrize("persistent_id", ["otp_totp.totpdevice/x", "otp_totp.totpdevice/999999", "nonsense"])
def test_a_mangled_device_id_in_the_session_does_not_verify(client, agent, persistent_id):
    login_agent(client, agent, "agent-pass-123")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = persistent_id
    session.save()
    assert client.get("/console/").status_code == 302


def test_a_session_signed_in_through_model_backend_still_verifies(client, agent, settings):
    login_agent(client, agent, "agent-pass-123")
    session = client.session
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session.save()
    assert client.get("/console/").status_code == 200
