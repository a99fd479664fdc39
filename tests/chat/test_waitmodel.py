import pytest

from walletdesk.chat.waitmodel import AgentLoad, HandlingStats, wait_estimate, wait_estimate_naive


def test_free_slot_means_only_the_pickup_delay():
    stats = HandlingStats([300.0] * 20)
    wait = wait_estimate(
        position=1, agents=[AgentLoad(capacity=2, active_elapsed=(10.0,))], handling=stats, pickup_seconds=20
    )
    assert wait == 20


def test_nobody_online_gives_no_estimate():
    assert wait_estimate(position=1, agents=[], handling=HandlingStats([])) is None
    assert wait_estimate_naive(position=1, agents_online=0, mean_handling=300) is None


def test_busy_slot_frees_after_the_expected_remaining_time():
    stats = HandlingStats([100.0, 200.0, 300.0, 400.0] * 10)  # mean shrinks towards prior only slightly
    # One slot, its chat has run 250 s: only the 300 s and 400 s chats last that long → residual 100 s.
    wait = wait_estimate(
        position=1, agents=[AgentLoad(capacity=1, active_elapsed=(250.0,))], handling=stats, pickup_seconds=0
    )
    assert wait == pytest.approx(100.0)


def test_later_positions_wait_longer_and_more_agents_shorten_the_wait():
    stats = HandlingStats([300.0] * 50)
    one = [AgentLoad(capacity=2, active_elapsed=(100.0, 200.0))]
    two = one + [AgentLoad(capacity=2, active_elapsed=(50.0, 60.0))]
    waits = [wait_estimate(position=p, agents=one, handling=stats) for p in (1, 2, 3, 4)]
    assert waits == sorted(waits) and waits[0] < waits[3]
    assert wait_estimate(position=3, agents=two, handling=stats) < wait_estimate(
        position=3, agents=one, handling=stats
    )


def test_chat_running_past_every_sample_still_ends_soon():
    stats = HandlingStats([120.0] * 30)
    wait = wait_estimate(
        position=1, agents=[AgentLoad(capacity=1, active_elapsed=(900.0,))], handling=stats, pickup_seconds=0
    )
    assert 0 < wait < 120


def test_few_samples_lean_on_the_prior():
    assert HandlingStats([]).mean == 360.0
    assert 60 < HandlingStats([60.0]).mean < 360.0
    assert HandlingStats([60.0] * 1000).mean == pytest.approx(60.0, rel=0.05)
