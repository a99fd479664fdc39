"""The queue wait estimate: a pure function, so the live service and the replay benchmark
(bench/chat_wait.py) run exactly the same code. The model is explained in docs/chat-wait-estimate.md.

In short: every online agent has `capacity` chat slots. A free slot takes the next customer at once
(plus a short pick-up delay); a busy slot frees after the *expected remaining* handling time of the
chat in it, given how long that chat has already run (mean residual life of the recent handling-time
distribution). Customers ahead of you take the slots as they free, each occupying a slot for a mean
handling time; your wait is when the slot for your position frees.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from dataclasses import dataclass

# Without history we assume a 6-minute chat; a handful of real samples quickly outweighs it.
PRIOR_HANDLING_SECONDS = 360.0
PRIOR_WEIGHT = 5
# A free slot is not taken in zero seconds: the agent has to notice and accept.
DEFAULT_PICKUP_SECONDS = 20.0
# A chat already past every recent sample still ends some time: assume a quarter of the mean.
MIN_RESIDUAL_FRACTION = 0.25


@dataclass(frozen=True)
class AgentLoad:
    """One online agent: how many chats they may hold and how long each current chat has run."""

    capacity: int
    active_elapsed: tuple[float, ...] = ()


class HandlingStats:
    """Recent chat handling times (accept → end, seconds) with the two numbers the model needs."""

    def __init__(self, samples: Sequence[float], prior: float = PRIOR_HANDLING_SECONDS) -> None:
        clean = sorted(s for s in samples if s >= 0)
        self._sorted = clean
        self._suffix = [0.0] * (len(clean) + 1)
        for i in range(len(clean) - 1, -1, -1):
            self._suffix[i] = self._suffix[i + 1] + clean[i]
        n = len(clean)
        raw_mean = (self._suffix[0] / n) if n else prior
        # Shrink towards the prior while there are few samples.
        self.mean = (raw_mean * n + prior * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT)
        self.count = n

    def residual(self, elapsed: float) -> float:
        """E[D - elapsed | D > elapsed] over the samples; the mean when nothing is known."""
        if not self._sorted:
            return max(self.mean - elapsed, self.mean * MIN_RESIDUAL_FRACTION)
        i = bisect.bisect_right(self._sorted, elapsed)
        longer = len(self._sorted) - i
        if longer == 0:
            return self.mean * MIN_RESIDUAL_FRACTION
        return max(self._suffix[i] / longer - elapsed, 1.0)


def wait_estimate(
    *,
    position: int,
    agents: Sequence[AgentLoad],
    handling: HandlingStats,
    pickup_seconds: float = DEFAULT_PICKUP_SECONDS,
) -> float | None:
    """Seconds until the customer at `position` (1 = next) is picked up; None when nobody is online."""
    if position < 1:
        return 0.0
    slots: list[float] = []
    for agent in agents:
        busy = list(agent.active_elapsed)[: max(agent.capacity, 0)]
        slots.extend(0.0 for _ in range(max(agent.capacity - len(busy), 0)))
        slots.extend(handling.residual(elapsed) for elapsed in busy)
    if not slots:
        return None
    heapq.heapify(slots)
    free_at = 0.0
    for _ in range(position):
        free_at = heapq.heappop(slots)
        heapq.heappush(slots, free_at + handling.mean)
    return free_at + pickup_seconds


def wait_estimate_naive(*, position: int, agents_online: int, mean_handling: float) -> float | None:
    """The usual rule of thumb, kept as the baseline the benchmark compares against."""
    if agents_online <= 0:
        return None
    return position * mean_handling / agents_online
