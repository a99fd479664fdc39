"""Session engines reading the session row with a query compiled once (accounts.sessions): the
same data as Django's engines, and a session ended or expired anywhere is over at once."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.tickets.test_pages import login_agent
from walletdesk.accounts.sessions.cached_db import SessionStore as CachedStore
from walletdesk.accounts.sessions.db import SessionStore as DBStore

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("store", [DBStore, CachedStore])
def test_a_session_reads_back_as_djangos_own_store_reads_it(store, django_assert_num_queries):
    written = store()
    written.update({"wd_customer_id": 7, "text": "退款 ✓"})
    written.save()
    with django_assert_num_queries(1):
        assert DBStore(written.session_key).load() == {"wd_customer_id": 7, "text": "退款 ✓"}
    assert DjangoStore(written.session_key).load() == DBStore(written.session_key).load()
    if store is CachedStore:
        with django_assert_num_queries(0):  # from the shared cache, as Django's cached_db does
            assert store(written.session_key).load()["wd_customer_id"] == 7


@pytest.mark.parametrize("key", ["missing-session-key-0001", "x" * 40, "短" * 20])
def test_an_unknown_session_is_empty_and_gets_a_new_key(key):
    session = DBStore(key)
    assert session.load() == {} and session.session_key is None


def test_an_expired_session_is_empty():
    session = DBStore()
    session["a"] = 1
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert DBStore(session.session_key).load() == {}


def test_a_session_ended_elsewhere_signs_the_console_out(client, agent, settings):
    login_agent(client, agent, "agent-pass-123")
    assert client.get("/console/").status_code == 200
    # A logout handled by another process: the engine in use deletes the row (and its cache entry).
    import_module(settings.SESSION_ENGINE).SessionStore(client.cookies["sessionid"].value).delete()
    assert client.get("/console/").status_code == 302


def test_an_expired_database_session_signs_the_console_out(client, agent, settings):
    settings.SESSION_ENGINE = "walletdesk.accounts.sessions.db"
    login_agent(client, agent, "agent-pass-123")
    assert client.get("/console/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/console/").status_code == 302
