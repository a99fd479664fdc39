import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from walletdesk.accounts.backends import AgentModelBackend

pytestmark = pytest.mark.django_db
BACKENDS = ["walletdesk.accounts.backends.AgentModelBackend", "django.contrib.auth.backends.ModelBackend"]


def test_the_session_user_comes_with_the_agent_profile(agent, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = AgentModelBackend().get_user(agent.pk)
        assert user.agent_profile.display_name == "Agent One"
    plain = get_user_model().objects.create_user(username="admin2", password="admin-pass-123")
    assert not hasattr(AgentModelBackend().get_user(plain.pk), "agent_profile")
    plain.is_active = False
    plain.save()
    assert AgentModelBackend().get_user(plain.pk) is None and AgentModelBackend().get_user(99999) is None


def test_console_sign_in_works_with_the_agent_backend(client, agent, settings):
    settings.AUTHENTICATION_BACKENDS = BACKENDS
    device = TOTPDevice.objects.create(user=agent, name="phone", confirmed=True)
    client.post("/console/login/", {"username": "agent1", "password": "agent-pass-123"})
    assert client.post("/console/login/otp/", {"token": f"{totp(device.bin_key):06d}"}).status_code == 302
    assert client.session["_auth_user_backend"] == BACKENDS[0]
    assert client.get("/console/").status_code == 200
