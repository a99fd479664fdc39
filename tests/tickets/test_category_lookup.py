"""Categories for ticket creation come from a copy kept in each process, read again when the
version in the shared cache moves (a save or delete anywhere) or after a short while."""

import pytest
from django.core.cache import cache

from walletdesk.tickets import selectors
from walletdesk.tickets.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(selectors.time, "monotonic", lambda: now[0])
    return now


@pytest.fixture
def cache_reads(monkeypatch):
    reads = []
    real = cache.get

    def counting(key, *args, **kwargs):
        reads.append(key)
        return real(key, *args, **kwargs)

    monkeypatch.setattr(selectors.cache, "get", counting)
    return reads


def test_lookups_within_a_second_ask_neither_the_database_nor_the_cache(
    category, clock, cache_reads, django_assert_num_queries
):
    assert selectors.category_get(slug="deposit").default_team.slug == "support"
    cache_reads.clear()
    with django_assert_num_queries(0):
        for _ in range(5):
            assert selectors.category_get(slug="deposit").pk == category.pk
            assert selectors.category_get(slug="nope") is None
    assert cache_reads == []


def test_a_save_is_seen_at_once_in_this_process(category, clock):
    selectors.category_get(slug="deposit")
    category.first_response_minutes = 15
    category.save()
    assert selectors.category_get(slug="deposit").first_response_minutes == 15


def test_a_change_made_by_another_process_is_seen_within_a_second(category, clock):
    assert selectors.category_get(slug="deposit").first_response_minutes == 240
    # Another process saved it: the row and the shared version changed, not this process's copy.
    Category.objects.filter(pk=category.pk).update(first_response_minutes=30)
    cache.set(selectors.CATEGORIES_VERSION_KEY, "moved-elsewhere", timeout=None)
    assert selectors.category_get(slug="deposit").first_response_minutes == 240
    clock[0] += selectors.CATEGORIES_RECHECK_SECONDS
    assert selectors.category_get(slug="deposit").first_response_minutes == 30


def test_the_copy_is_read_again_after_its_maximum_age_even_if_no_version_moved(category, clock):
    selectors.category_get(slug="deposit")
    Category.objects.filter(pk=category.pk).update(name_en="Deposits")  # no signal, no version
    clock[0] += selectors.CATEGORIES_RECHECK_SECONDS
    assert selectors.category_get(slug="deposit").name_en == "Deposit"
    clock[0] += selectors.CATEGORIES_MAX_AGE_SECONDS
    assert selectors.category_get(slug="deposit").name_en == "Deposits"


def test_a_deleted_category_is_gone(category, clock):
    selectors.category_get(slug="deposit")
    category.delete()
    assert selectors.category_get(slug="deposit") is None


def test_a_team_change_is_seen_and_an_agent_sign_in_moves_nothing(category, agent, clock):
    def version():
        return cache.get(selectors.CATEGORIES_VERSION_KEY)

    selectors.category_get(slug="deposit")
    before = version()
    agent.last_login = agent.date_joined
    agent.save()  # every sign-in saves the user
    assert version() == before
    team = category.default_team
    team.name_en = "Support desk"
    team.save()
    assert version() != before
    assert selectors.category_get(slug="deposit").default_team.name_en == "Support desk"
