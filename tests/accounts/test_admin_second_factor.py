"""The Django admin asks for the console's second factor: a password alone does not open it."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture
def device(supervisor):
    return TOTPDevice.objects.create(user=supervisor, name="phone", confirmed=True)


def test_admin_login_is_the_consoles_and_a_password_alone_does_not_open_it(client, device, settings):
    settings.WALLETDESK_REQUIRE_2FA = True
    response = client.get("/admin/login/?next=/admin/verify/officialchannel/")
    assert response.status_code == 302
    assert response["Location"] == "/console/login/?next=/admin/verify/officialchannel/"
    client.post("/admin/login/", {"username": "super1", "password": "super-pass-123"})
    assert client.get("/admin/").status_code == 302
    response = client.post(
        "/console/login/?next=/admin/verify/officialchannel/",
        {"username": "super1", "password": "super-pass-123"},
    )
    assert response["Location"] == "/console/login/otp/"
    assert client.get("/admin/").status_code == 302  # the password step alone: still outside


def test_password_and_code_open_the_admin(client, device, settings):
    settings.WALLETDESK_REQUIRE_2FA = True
    client.post("/console/login/?next=/admin/", {"username": "super1", "password": "super-pass-123"})
    response = client.post("/console/login/otp/", {"token": f"{totp(device.bin_key):06d}"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_session_without_the_second_factor_is_not_enough(client, supervisor, device, settings):
    settings.WALLETDESK_REQUIRE_2FA = True
    client.force_login(supervisor)  # signed in, never verified by a device
    assert client.get("/admin/").status_code == 302


def test_a_plain_agent_with_both_factors_stays_out(client, agent, settings):
    settings.WALLETDESK_REQUIRE_2FA = True
    device = TOTPDevice.objects.create(user=agent, name="phone", confirmed=True)
    client.post("/console/login/?next=/admin/", {"username": agent.username, "password": "agent-pass-123"})
    client.post("/console/login/otp/", {"token": f"{totp(device.bin_key):06d}"})
    # Not staff: a page that says so, not a redirect to the console's login, which would send a
    # verified agent straight back to /admin/ (a loop in the browser).
    response = client.get("/admin/", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert response.redirect_chain[-1][0].startswith("/admin/login/")
    assert b"supervisors and administrators" in response.content
    assert client.get("/admin/tickets/ticket/", follow=True, HTTP_ACCEPT_LANGUAGE="en").status_code == 403
    in_chinese = client.get("/admin/", follow=True, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "管理后台仅供主管和管理员使用" in in_chinese


def test_without_required_2fa_the_admin_takes_a_password(client, supervisor, settings):
    settings.WALLETDESK_REQUIRE_2FA = False
    response = client.post("/admin/login/?next=/admin/", {"username": "super1", "password": "super-pass-123"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
