import random

import pytest

from walletdesk.chat.waitmodel import (
    AgentLoad,
    HandlingStats,
    wait_estimate,
    wait_estimate_naive,
    wait_estimates,
)


def test_free_slot_means_only_the_pickup_delay():
    stats = HandlingStats([300.0] * 20)
    agents = [AgentLoad(capacity=2, active_elapsed=(10.0,))]
    assert wait_estimate(position=1, agents=agents, handling=stats, pickup_seconds=20) == 20


def test_nobody_online_gives_no_estimate():
    assert wait_estimate(position=1, agents=[], handling=HandlingStats([])) is None
    assert wait_estimate_naive(position=1, agents_online=0, mean_handling=300) is None


def test_busy_slot_frees_after_a_remaining_time_drawn_from_longer_chats():
    stats = HandlingStats([100.0, 200.0, 300.0, 400.0] * 50)
    # One slot whose chat has run 250 s: only the 300 s and 400 s chats last that long → 50 s or 150 s.
    rng = random.Random(1)
    draws = [round(stats.draw_residual(250.0, rng)) for _ in range(400)]
    assert draws.count(50) > 100 and draws.count(150) > 100
    agents = [AgentLoad(capacity=1, active_elapsed=(250.0,))]
    assert 50 <= wait_estimate(position=1, agents=agents, handling=stats, pickup_seconds=0) <= 150


def test_first_of_many_busy_slots_frees_sooner_than_an_average_slot():
    stats = HandlingStats([float(s) for s in range(60, 1200, 10)] * 3)
    many = [AgentLoad(capacity=3, active_elapsed=(30.0, 40.0, 50.0)) for _ in range(4)]
    one = [AgentLoad(capacity=1, active_elapsed=(40.0,))]
    wait_many = wait_estimate(position=1, agents=many, handling=stats, pickup_seconds=0)
    wait_one = wait_estimate(position=1, agents=one, handling=stats, pickup_seconds=0)
    assert wait_many < 0.5 * wait_one


def test_later_positions_wait_longer_and_more_agents_shorten_the_wait():
    stats = HandlingStats([300.0] * 50)
    one = [AgentLoad(capacity=2, active_elapsed=(100.0, 200.0))]
    two = one + [AgentLoad(capacity=2, active_elapsed=(50.0, 60.0))]
    waits = wait_estimates(queue_length=4, agents=one, handling=stats)
    assert waits == sorted(waits) and waits[0] < waits[3]
    assert wait_estimate(position=3, agents=two, handling=stats) < wait_estimate(
        position=3, agents=one, handling=stats
    )


def test_estimates_are_repeatable_for_the_same_state():
    stats = HandlingStats([300.0, 500.0, 700.0] * 20)
    agents = [AgentLoad(capacity=2, active_elapsed=(100.0, 200.0))]
    first = wait_estimates(queue_length=5, agents=agents, handling=stats)
    assert first == wait_estimates(queue_length=5, agents=agents, handling=stats)
    assert wait_estimate(position=5, agents=agents, handling=stats) == first[-1]


def test_chat_running_past_every_sample_still_ends_soon():
    stats = HandlingStats([120.0] * 30)
    agents = [AgentLoad(capacity=1, active_elapsed=(900.0,))]
    assert 0 < wait_estimate(position=1, agents=agents, handling=stats, pickup_seconds=0) < 120


def test_few_samples_lean_on_the_prior():
    assert HandlingStats([]).mean == 360.0
    assert 60 < HandlingStats([60.0]).mean < 360.0
    assert HandlingStats([60.0] * 1000).mean == pytest.approx(60.0, rel=0.05)
