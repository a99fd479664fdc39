"""The queue wait estimate: a pure function, so the live service and the replay benchmark
(bench/chat_wait.py) run exactly the same code. The model is explained in docs/chat-wait-estimate.md.

In short: every online agent has `capacity` chat slots. A free slot takes the next customer at once
(plus a short pick-up delay); a busy slot frees after the remaining handling time of the chat in it,
drawn from the recent handling times that lasted longer than that chat has already run. Customers
ahead of you take the slots as they free, each holding one for a drawn handling time; your wait is
when the slot for your position frees — the median over 64 seeded runs of this little simulation.
"""

from __future__ import annotations

import bisect
import heapq
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

# Without history we assume a 6-minute chat; a handful of real samples quickly outweighs it.
PRIOR_HANDLING_SECONDS = 360.0
PRIOR_WEIGHT = 5
# A free slot is not taken in zero seconds: the agent has to notice and accept.
DEFAULT_PICKUP_SECONDS = 20.0
# A chat already past every recent sample still ends some time: assume a quarter of the mean.
MIN_RESIDUAL_FRACTION = 0.25
RUNS = 64
SEED = 20260101


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

    def draw(self, rng: random.Random) -> float:
        """One handling time: a recent sample, or (while samples are few) the prior."""
        n = len(self._sorted)
        if n == 0 or rng.random() < PRIOR_WEIGHT / (n + PRIOR_WEIGHT):
            return rng.expovariate(1.0 / PRIOR_HANDLING_SECONDS)
        return self._sorted[rng.randrange(n)]

    def draw_residual(self, elapsed: float, rng: random.Random) -> float:
        """The remaining time of a chat that has run `elapsed` seconds: drawn from the samples that
        lasted longer (or, while samples are few, memoryless from the prior)."""
        n = len(self._sorted)
        if n == 0 or rng.random() < PRIOR_WEIGHT / (n + PRIOR_WEIGHT):
            return rng.expovariate(1.0 / PRIOR_HANDLING_SECONDS)
        i = bisect.bisect_right(self._sorted, elapsed)
        if i >= n:
            return rng.expovariate(1.0 / (self.mean * MIN_RESIDUAL_FRACTION))
        return self._sorted[rng.randrange(i, n)] - elapsed


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
    waits = wait_estimates(
        queue_length=position, agents=agents, handling=handling, pickup_seconds=pickup_seconds
    )
    return None if waits is None else waits[-1]


def wait_estimates(
    *,
    queue_length: int,
    agents: Sequence[AgentLoad],
    handling: HandlingStats,
    pickup_seconds: float = DEFAULT_PICKUP_SECONDS,
    runs: int = RUNS,
) -> list[float] | None:
    """Estimated waits for positions 1..queue_length at once (one simulation serves the whole queue).

    Each run draws every busy slot's remaining time from the recent handling times that outlast its
    elapsed time, lets the waiting customers take slots in order as they free (each new chat lasting
    a drawn handling time), and records when each position gets its slot. The estimate is the median
    over the runs. Drawing matters: the first of twelve busy slots frees much sooner than the
    average slot does, which a calculation with mean times misses (it overestimated by minutes).
    The generator is seeded, so the same state always gives the same numbers (no jitter on screen)."""
    if queue_length < 1:
        return []
    busy: list[float] = []
    free = 0
    for agent in agents:
        running = list(agent.active_elapsed)[: max(agent.capacity, 0)]
        free += max(agent.capacity - len(running), 0)
        busy.extend(running)
    if free + len(busy) == 0:
        return None
    if free >= queue_length:  # everyone waiting takes a free slot now, whatever the draws
        return [pickup_seconds] * queue_length
    # Only the `queue_length` earliest slots of a run can ever be taken (each taking pushes a later
    # time), so the rest are dropped before the heap: same numbers, and a desk with hundreds of
    # slots no longer costs a heap of hundreds per run. The draws still happen for every busy slot,
    # so the seeded sequence (and every estimate) is unchanged.
    keep = queue_length - free
    rng = random.Random(SEED)
    per_position: list[list[float]] = [[] for _ in range(queue_length)]
    for _ in range(runs):
        residuals = [handling.draw_residual(elapsed, rng) for elapsed in busy]
        if len(residuals) > keep:
            residuals = heapq.nsmallest(keep, residuals)
        slots = [0.0] * free + residuals
        heapq.heapify(slots)
        for index in range(queue_length):
            free_at = heapq.heappop(slots)
            per_position[index].append(free_at)
            heapq.heappush(slots, free_at + handling.draw(rng))
    return [statistics.median(times) + pickup_seconds for times in per_position]


def wait_estimate_naive(*, position: int, agents_online: int, mean_handling: float) -> float | None:
    """The usual rule of thumb, kept as the baseline the benchmark compares against."""
    if agents_online <= 0:
        return None
    return position * mean_handling / agents_online
