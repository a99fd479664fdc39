"""Agent sign-in lockouts: wrong TOTP codes and wrong passwords, per account and per address."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from walletdesk.accounts import signin_limits

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limits_on(settings):
    settings.WALLETDESK_RATE_LIMIT_ENABLED = True


@pytest.fixture
def device(agent):
    device = TOTPDevice.objects.create(user=agent, name="phone", confirmed=True)
    # django-otp's own 1 s, 2 s, 4 s ... delay would hide ours; this test is about the lockout.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    return device


def _password_step(client):
    response = client.post("/console/login/", {"username": "agent1", "password": "agent-pass-123"})
    assert response.status_code == 302


def _wrong(device):
    return f"{(totp(device.bin_key) + 1) % 1000000:06d}"


def test_wrong_totp_codes_lock_the_step_with_retry_after(client, agent, device, settings, monkeypatch):
    monkeypatch.setattr(device.__class__, "verify_is_allowed", lambda self: (True, None))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    _password_step(client)
    limit = signin_limits.LIMITS[("otp", "user")].failures
    for _ in range(limit):
        assert client.post("/console/login/otp/", {"token": _wrong(device)}).status_code == 400
    locked = client.post("/console/login/otp/", {"token": f"{totp(device.bin_key):06d}"})
    assert locked.status_code == 429  # even the right code waits: the account is locked
    assert 0 < int(locked["Retry-After"]) <= 15 * 60
    assert "Too many failed attempts" in locked.content.decode()
    assert not client.get("/console/").status_code == 200


def test_the_lock_is_per_account_across_addresses(client, agent, device, monkeypatch):
    monkeypatch.setattr(device.__class__, "verify_is_allowed", lambda self: (True, None))
    _password_step(client)
    limit = signin_limits.LIMITS[("otp", "user")].failures
    for n in range(limit):
        client.post("/console/login/otp/", {"token": _wrong(device)}, REMOTE_ADDR=f"10.0.0.{n + 1}")
    other = client.post("/console/login/otp/", {"token": _wrong(device)}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 429


def test_a_right_code_clears_the_count(client, agent, device, monkeypatch):
    monkeypatch.setattr(device.__class__, "verify_is_allowed", lambda self: (True, None))
    _password_step(client)
    limit = signin_limits.LIMITS[("otp", "user")].failures
    for _ in range(limit - 1):
        client.post("/console/login/otp/", {"token": _wrong(device)})
    ok = client.post("/console/login/otp/", {"token": f"{totp(device.bin_key):06d}"})
    assert ok.status_code == 302
    assert signin_limits.signin_check(step="otp", user_key=str(agent.pk), ip="127.0.0.1") is None


def test_wrong_passwords_lock_the_account_for_that_address_only(client, agent, settings):
    settings.WALLETDESK_RATE_LIMIT_PUBLIC = 1000
    limit = signin_limits.LIMITS[("password", "user_ip")].failures
    for _ in range(limit):
        wrong = client.post(
            "/console/login/", {"username": "agent1", "password": "nope"}, REMOTE_ADDR="10.1.0.1"
        )
        assert wrong.status_code == 400
    again = client.post(
        "/console/login/", {"username": "agent1", "password": "agent-pass-123"}, REMOTE_ADDR="10.1.0.1"
    )
    assert again.status_code == 429 and int(again["Retry-After"]) > 0
    # Someone else's ten wrong passwords do not shut the agent out from their own address.
    own = client.post(
        "/console/login/", {"username": "agent1", "password": "agent-pass-123"}, REMOTE_ADDR="10.2.0.1"
    )
    assert own.status_code == 302


def test_many_addresses_guessing_one_account_lock_it_everywhere(client, agent, settings):
    settings.WALLETDESK_RATE_LIMIT_PUBLIC = 1000
    limit = signin_limits.LIMITS[("password", "user")].failures
    for n in range(limit):
        ip = f"10.1.{n // 200}.{n % 200}"
        client.post("/console/login/", {"username": "agent1", "password": "nope"}, REMOTE_ADDR=ip)
    right = client.post(
        "/console/login/", {"username": "Agent1", "password": "agent-pass-123"}, REMOTE_ADDR="10.2.0.1"
    )
    assert right.status_code == 429 and int(right["Retry-After"]) > 0
    # Another account from the same addresses is not locked by this one's failures.
    assert signin_limits.signin_check(step="password", user_key="someone-else", ip="10.2.0.2") is None
