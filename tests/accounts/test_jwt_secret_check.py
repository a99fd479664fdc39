"""The public demo secret for customer tokens never stands outside the demo: not as a default beside
an ES256 key, and a start-up error when the demo is off and nobody set a secret."""

import os
import subprocess
import sys

from walletdesk.accounts.checks import jwt_secret_not_public


def _settings_value(env: dict[str, str], name: str) -> str:
    code = f"from walletdesk import settings; print(repr(settings.{name}))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WALLETDESK_JWT")}
    result = subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_an_es256_key_leaves_no_hs256_default():
    assert (
        _settings_value(
            {"WALLETDESK_JWT_ES256_PUBLIC_KEY": "-----BEGIN PUBLIC KEY-----x"}, "WALLETDESK_JWT_HS256_SECRET"
        )
        == "''"
    )
    assert _settings_value({}, "WALLETDESK_JWT_HS256_SECRET") == "'demo-wallet-shared-secret-change-me'"


def test_the_demo_secret_outside_the_demo_stops_the_start(settings):
    settings.WALLETDESK_DEMO = False
    settings.WALLETDESK_JWT_HS256_SECRET = settings.WALLETDESK_JWT_DEMO_SECRET
    (error,) = jwt_secret_not_public()
    assert error.id == "walletdesk.E001" and "anyone could sign in as any customer" in error.msg
    settings.WALLETDESK_JWT_HS256_SECRET = "the wallet's real secret"
    assert jwt_secret_not_public() == []
    settings.WALLETDESK_DEMO = True
    settings.WALLETDESK_JWT_HS256_SECRET = settings.WALLETDESK_JWT_DEMO_SECRET
    assert jwt_secret_not_public() == []


def test_the_check_runs_with_djangos_checks(settings):
    from django.core import checks

    settings.WALLETDESK_DEMO = False
    settings.WALLETDESK_JWT_HS256_SECRET = settings.WALLETDESK_JWT_DEMO_SECRET
    assert "walletdesk.E001" in [message.id for message in checks.run_checks()]
