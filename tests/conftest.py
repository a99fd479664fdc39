"""Personas shared by every app's tests: customer, another customer, agent, supervisor, outsider."""

import os
import sys

import pytest
from django.conf import settings
from django.core.cache.backends.redis import RedisCache

# One Redis server is shared by the xdist workers of a run, by other test runs on the machine and by
# developers' servers, so everything a test process puts there carries its own name:
# - the channel layer's prefix: pub/sub channels are server-wide, whatever the Redis db number, so a
#   worker's widget for "ticket.1" received the other worker's (or another run's) ticket 1 events;
# - cache keys: a test's counters, sessions and versions are its process's own;
# - Huey's queue: a task one worker enqueues is never picked up against the other's database.
_TEST_NAME = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}"
if settings.REDIS_URL:
    settings.CHANNEL_LAYERS["default"].setdefault("CONFIG", {})["prefix"] = f"asgi-{_TEST_NAME}"
    settings.CACHES["default"]["KEY_PREFIX"] = _TEST_NAME
    settings.HUEY["name"] = f"walletdesk-{_TEST_NAME}"


def _redis_cache_clear_own(self) -> None:  # noqa: ANN001
    """RedisCache.clear() is FLUSHDB: under a key prefix, tests delete only the keys under it. A
    test's cache.clear() (and the per-test clear below) emptied the other xdist worker's keys in the
    middle of its test: sign-in failure counts, rate-limit windows, cached sessions and the chat reply
    dedupe, so lockouts, rate limits and query counts failed there at random."""
    if not self.key_prefix:
        _redis_cache_flushdb(self)
        return
    client = self._cache.get_client(write=True)
    keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


_redis_cache_flushdb = RedisCache.clear
RedisCache.clear = _redis_cache_clear_own


# Content types and permissions are what post_migrate puts back right after every flush: deleting
# them made it insert ~300 rows again in ~30 transactions (~1.5 s of commits per test here).
_FLUSH_KEEPS = {"django_content_type", "auth_permission"}


@pytest.fixture(scope="session", autouse=True)
def _postgres_flush_by_delete():
    """After each transactional test Django TRUNCATEs every table; on PostgreSQL that makes new files
    for ~60 tables and their indexes: 0.2-0.3 s of server CPU and 1.5-3 s of disk waits per test
    here, for tables that hold a few rows. DELETE under the same ACCESS EXCLUSIVE locks leaves the
    same empty tables (sequences are not reset either way; the foreign keys are deferred to commit)
    and waits for a live server's open transactions as TRUNCATE does. A flush that resets sequences
    or cascades to tables outside the list keeps Django's TRUNCATE."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        yield
        return
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):  # noqa: ANN001, ANN202
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        names = [style.SQL_FIELD(self.quote_name(table)) for table in tables if table not in _FLUSH_KEEPS]
        lock = f"{style.SQL_KEYWORD('LOCK TABLE')} {', '.join(names)} {style.SQL_KEYWORD('IN ACCESS EXCLUSIVE MODE')};"
        return [lock, *(f"{style.SQL_KEYWORD('DELETE FROM')} {name};" for name in names)]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture(scope="session", autouse=True)
def _redis_leave_nothing():
    """The names above are this process's alone: what its tests left in Redis goes with it."""
    yield
    if not settings.REDIS_URL:
        return
    from django.core.cache import caches

    caches["default"].clear()
    if "huey.contrib.djhuey" in sys.modules:
        huey = sys.modules["huey.contrib.djhuey"].HUEY
        huey.immediate = False  # immediate mode swaps Redis for an in-memory stand-in
        huey.flush()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):  # noqa: ANN001, ANN201
    """The browser tests share one Chromium per process (tests/browser/conftest.py); it stops before
    a test that does not use it, after this test's fixtures (its pages) are gone."""
    browser_fixtures = sys.modules.get("tests.browser.conftest")
    if browser_fixtures is not None and (nextitem is None or "browser" not in nextitem.fixturenames):
        browser_fixtures.shared_chromium.stop()


@pytest.fixture(autouse=True)
def _huey_inline():
    """Tasks run inline in tests, unless a test turns the real queue back on."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield


@pytest.fixture(autouse=True)
def _rate_limits_off(settings):
    settings.WALLETDESK_RATE_LIMIT_ENABLED = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness is a second per agent fixture on this machine; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import caches

    from walletdesk.helpcenter.search import engine

    caches["default"].clear()
    # Each process keeps the categories; a rolled-back test's categories must not stay there.
    from walletdesk.tickets.selectors import categories_forget

    categories_forget()
    # The help-center snapshot checks the index version at most once a second: a rolled-back test's
    # articles must not stay visible to the next test (widget suggestions, ticket deflection, ...).
    engine.snapshot_forget()
    yield


@pytest.fixture
def smtp(settings):
    """A real SMTP server on loopback that Django's mail goes to (tests/smtp_server.py)."""
    from tests.smtp_server import smtp_start

    inbox, controller = smtp_start(settings)
    yield inbox
    controller.stop()


@pytest.fixture
def team(db):
    from walletdesk.accounts.services import team_get_or_create

    return team_get_or_create(slug="support", name_zh="客服组", name_en="Support")


@pytest.fixture
def category(db, team):
    from walletdesk.tickets.services import category_upsert

    return category_upsert(
        slug="deposit",
        name_zh="充值问题",
        name_en="Deposit",
        team=team,
        intake_fields=[
            {
                "key": "txid",
                "type": "txid",
                "required": True,
                "label_zh": "交易哈希",
                "label_en": "Transaction ID",
            },
            {
                "key": "network",
                "type": "network",
                "required": False,
                "label_zh": "网络",
                "label_en": "Network",
            },
        ],
    )


@pytest.fixture
def customer(db):
    from walletdesk.accounts.models import Customer

    return Customer.objects.create(
        wallet_uid="uid-alice", name="Alice", email="alice@example.com", locale="en"
    )


@pytest.fixture
def other_customer(db):
    from walletdesk.accounts.models import Customer

    return Customer.objects.create(
        wallet_uid="uid-bob", name="Bob", email="bob@example.com", locale="zh-hans"
    )


@pytest.fixture
def agent(db, team):
    from walletdesk.accounts.services import agent_create

    return agent_create(
        username="agent1", password="agent-pass-123", display_name="Agent One", teams=[team]
    ).user


@pytest.fixture
def supervisor(db, team):
    from walletdesk.accounts.services import agent_create

    return agent_create(username="super1", password="super-pass-123", role="supervisor", teams=[team]).user


@pytest.fixture
def outsider(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username="outsider", password="outsider-pass-1")


@pytest.fixture
def agent_token(agent):
    from walletdesk.accounts.services import api_token_create

    return api_token_create(user=agent, name="tests")[1]


def jwt_for(customer, ttl=3600):
    from walletdesk.accounts.identity import identity_token_sign

    return identity_token_sign(
        wallet_uid=customer.wallet_uid,
        name=customer.name,
        email=customer.email,
        locale=customer.locale,
        ttl_seconds=ttl,
    )


@pytest.fixture
def customer_client(client, customer):
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {jwt_for(customer)}"
    return client


@pytest.fixture
def agent_client(client, agent_token):
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {agent_token}"
    return client
