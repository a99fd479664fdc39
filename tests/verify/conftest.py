import json

import pytest

from tests.verify.cases import DEMO, NEBULEX


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Agent fixtures hash passwords; the real hasher costs a second or two per test here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_index():
    """Each test has its own database state; the per-process index must not outlive it."""
    from walletdesk.verify.selectors import registry_index_forget

    registry_index_forget()
    yield
    registry_index_forget()


@pytest.fixture
def demo_registry(db):
    from walletdesk.verify.services import registry_import

    registry_import(data=DEMO)
    return DEMO


@pytest.fixture
def nebulex_registry(db):
    from walletdesk.verify.services import registry_import

    registry_import(data=NEBULEX)
    return NEBULEX


@pytest.fixture
def registry_file(tmp_path):
    def write(data, name="registry.json"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return str(path)

    return write
