"""The console's pickers (agents, categories, teams) come from a copy kept in each process, read
again when the version in the shared cache moves (a save anywhere) or after a short while."""

import pytest
from django.core.cache import cache

from walletdesk.accounts.models import AgentProfile
from walletdesk.tickets import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(selectors.time, "monotonic", lambda: now[0])
    return now


def _agents():
    return {a["user_id"]: a["display_name"] for a in selectors.console_choices()["agents"]}


def test_pages_within_a_second_ask_neither_the_database_nor_the_cache(
    agent, category, clock, monkeypatch, django_assert_num_queries
):
    assert _agents() == {agent.pk: "Agent One"}
    reads = []
    monkeypatch.setattr(selectors.cache, "get", lambda key, *a, **k: reads.append(key))
    with django_assert_num_queries(0):
        for _ in range(3):
            assert [c["slug"] for c in selectors.console_choices()["categories"]] == ["deposit"]
    assert reads == []


def test_a_renamed_or_deactivated_agent_is_seen_at_once_in_this_process(agent, clock):
    assert _agents() == {agent.pk: "Agent One"}
    profile = agent.agent_profile
    profile.display_name = "Agent Uno"
    profile.save()
    assert _agents() == {agent.pk: "Agent Uno"}
    agent.is_active = False
    agent.save()
    assert _agents() == {}


def test_a_new_category_or_team_is_seen_at_once(category, clock):
    from walletdesk.accounts.services import team_get_or_create
    from walletdesk.tickets.services import category_upsert

    selectors.console_choices()
    vip = team_get_or_create(slug="vip", name_zh="大客户", name_en="VIP")
    category_upsert(slug="withdrawal", name_zh="提币问题", name_en="Withdrawal", team=vip, intake_fields=[])
    choices = selectors.console_choices()
    assert {c["slug"] for c in choices["categories"]} == {"deposit", "withdrawal"}
    assert {t["slug"] for t in choices["teams"]} == {"support", "vip"}


def test_a_change_made_by_another_process_is_seen_within_a_second(agent, clock):
    assert _agents() == {agent.pk: "Agent One"}
    # Another process saved it: the row and the shared version changed, not this process's copy.
    AgentProfile.objects.filter(user=agent).update(display_name="Elsewhere")
    cache.set(selectors.CHOICES_VERSION_KEY, "moved-elsewhere", timeout=None)
    assert _agents() == {agent.pk: "Agent One"}
    clock[0] += selectors.CATEGORIES_RECHECK_SECONDS
    assert _agents() == {agent.pk: "Elsewhere"}


def test_the_copy_is_read_again_after_its_maximum_age_even_if_no_version_moved(agent, clock):
    selectors.console_choices()
    AgentProfile.objects.filter(user=agent).update(display_name="Quietly")  # no signal, no version
    clock[0] += selectors.CATEGORIES_RECHECK_SECONDS
    assert _agents() == {agent.pk: "Agent One"}
    clock[0] += selectors.CATEGORIES_MAX_AGE_SECONDS
    assert _agents() == {agent.pk: "Quietly"}


def test_an_emptied_cache_reads_the_lists_again(agent, clock):
    selectors.console_choices()
    AgentProfile.objects.filter(user=agent).update(display_name="After restart")
    cache.clear()  # e.g. Redis restarted: the version is gone, so it is no longer the one held
    clock[0] += selectors.CATEGORIES_RECHECK_SECONDS
    assert _agents() == {agent.pk: "After restart"}


def test_heartbeats_and_sign_ins_keep_the_copy_but_a_presence_change_does_not(
    agent, clock, django_assert_num_queries
):
    from django.utils import timezone

    from walletdesk.accounts.services import agent_presence_set
    from walletdesk.chat.services import agent_heartbeat

    profile = agent_presence_set(profile=agent.agent_profile, presence="online")
    profile.presence_at = timezone.now() - timezone.timedelta(minutes=5)
    AgentProfile.objects.filter(pk=profile.pk).update(presence_at=profile.presence_at)
    selectors.console_choices()
    agent_heartbeat(agent=agent)  # the heartbeat's time moves in the database...
    assert AgentProfile.objects.get(pk=profile.pk).presence_at > profile.presence_at
    agent.last_login = timezone.now()
    agent.save(update_fields=["last_login"])
    with django_assert_num_queries(0):  # ...and the copy is still good
        selectors.console_choices()
    agent_presence_set(profile=AgentProfile.objects.get(pk=profile.pk), presence="away")
    presence = {a["user_id"]: a["presence"] for a in selectors.console_choices()["agents"]}
    assert presence[agent.pk] == "away"
