"""Error of the chat queue's wait estimate on replayed synthetic history.

A discrete-event simulation generates a day of live chat (customers arriving, FIFO queue, agents
with a capacity of concurrent chats, lognormal handling times, shift changes, a short pick-up delay).
At each customer's arrival we ask walletdesk.chat.waitmodel.wait_estimate — the same function the
server uses — for a prediction from exactly what the server would know at that moment (online agents,
their capacity, how long each open chat has run, the last 200 handling times), then compare with the
wait the simulation actually produced. Baseline: the rule of thumb position × mean / agents online.

    .venv/bin/python bench/chat_wait.py [--seeds 5]
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from walletdesk.chat.waitmodel import (  # noqa: E402
    AgentLoad,
    HandlingStats,
    wait_estimate,
    wait_estimate_naive,
)

HOUR = 3600.0


@dataclass
class Scenario:
    name: str
    hours: float
    # (start hour, arrivals per minute)
    arrivals: list[tuple[float, float]]
    # (start hour, [capacity of each online agent])
    shifts: list[tuple[float, list[int]]]
    median_handling: float = 360.0
    sigma: float = 0.8
    pickup: tuple[float, float] = (5.0, 35.0)


SCENARIOS = [
    Scenario("steady, 4 agents x 3", 8, [(0, 1.2)], [(0, [3, 3, 3, 3])]),
    Scenario("lunch peak", 8, [(0, 0.8), (3, 2.2), (4, 0.8)], [(0, [3, 3, 3, 3])]),
    Scenario("shift change 2 -> 5 agents", 8, [(0, 1.3)], [(0, [3, 3]), (2, [3, 3, 3, 3, 3])]),
    Scenario("short chats, capacity 5", 8, [(0, 2.5)], [(0, [5, 5, 5])], median_handling=150, sigma=0.6),
]


@dataclass
class Slot:
    agent: int
    busy_since: float | None = None


@dataclass
class Sim:
    scenario: Scenario
    rng: random.Random
    now: float = 0.0
    events: list = field(default_factory=list)
    queue: list = field(default_factory=list)  # [(customer id, arrival)]
    slots: list[Slot] = field(default_factory=list)
    agents_online: list[int] = field(default_factory=list)  # capacity per agent (index = agent id)
    history: list[float] = field(default_factory=list)
    predictions: dict = field(default_factory=dict)  # customer -> (position, model, naive)
    waits: dict = field(default_factory=dict)
    seq: int = 0

    def push(self, at: float, kind: str, data: object = None) -> None:
        self.seq += 1
        heapq.heappush(self.events, (at, self.seq, kind, data))

    def rate_at(self, t: float) -> float:
        rate = 0.0
        for start, value in self.scenario.arrivals:
            if t >= start * HOUR:
                rate = value
        return rate / 60.0

    def handling(self) -> float:
        return self.rng.lognormvariate(math.log(self.scenario.median_handling), self.scenario.sigma)

    def set_shift(self, capacities: list[int]) -> None:
        # Agents leaving finish their current chats but take no new ones (their free slots vanish).
        self.agents_online = capacities
        self.slots = [s for s in self.slots if s.busy_since is not None]
        for agent, capacity in enumerate(capacities):
            busy = sum(1 for s in self.slots if s.agent == agent)
            self.slots.extend(Slot(agent) for _ in range(max(capacity - busy, 0)))
        self.dispatch()

    def loads(self) -> list[AgentLoad]:
        result = []
        for agent, capacity in enumerate(self.agents_online):
            elapsed = tuple(
                self.now - s.busy_since for s in self.slots if s.agent == agent and s.busy_since is not None
            )
            result.append(AgentLoad(capacity=capacity, active_elapsed=elapsed))
        return result

    def dispatch(self) -> None:
        for slot in self.slots:
            if not self.queue:
                return
            if slot.busy_since is None and slot.agent < len(self.agents_online):
                customer, arrived = self.queue.pop(0)
                slot.busy_since = math.inf  # reserved while the agent picks it up
                self.push(
                    self.now + self.rng.uniform(*self.scenario.pickup), "pickup", (slot, customer, arrived)
                )

    def run(self) -> None:
        for start, capacities in self.scenario.shifts:
            self.push(start * HOUR, "shift", capacities)
        self.push(self.rng.expovariate(self.rate_at(0)), "arrive", 0)
        end = self.scenario.hours * HOUR
        while self.events:
            self.now, _, kind, data = heapq.heappop(self.events)
            if kind == "shift":
                self.set_shift(data)
            elif kind == "arrive":
                if self.now < end:
                    self.arrive(data)
                    rate = self.rate_at(self.now)
                    self.push(self.now + self.rng.expovariate(rate), "arrive", data + 1)
            elif kind == "pickup":
                slot, customer, arrived = data
                self.waits[customer] = self.now - arrived
                slot.busy_since = self.now
                self.push(self.now + self.handling(), "end", slot)
            elif kind == "end":
                slot = data
                self.history.append(self.now - slot.busy_since)
                slot.busy_since = None
                if (
                    slot.agent >= len(self.agents_online)
                    or sum(1 for s in self.slots if s.agent == slot.agent) > self.agents_online[slot.agent]
                ):
                    self.slots.remove(slot)
                self.dispatch()

    def arrive(self, customer: int) -> None:
        self.queue.append((customer, self.now))
        position = len(self.queue)
        loads = self.loads()
        # A reserved slot (being picked up) counts as a chat that has just begun.
        loads = [
            AgentLoad(
                capacity=load.capacity,
                active_elapsed=tuple(0.0 if e == -math.inf else e for e in load.active_elapsed),
            )
            for load in loads
        ]
        stats = HandlingStats(self.history[-200:])
        model = wait_estimate(position=position, agents=loads, handling=stats)
        naive = wait_estimate_naive(
            position=position, agents_online=len(self.agents_online), mean_handling=stats.mean
        )
        self.predictions[customer] = (position, model, naive)
        self.dispatch()


def errors(pairs: list[tuple[float, float]]) -> dict[str, float]:
    abs_err = sorted(abs(p - a) for p, a in pairs)
    return {
        "mae": statistics.fmean(abs_err),
        "median": statistics.median(abs_err),
        "p90": abs_err[int(0.9 * (len(abs_err) - 1))],
        "bias": statistics.fmean(p - a for p, a in pairs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args()
    header = (
        f"{'scenario':<28} {'who':<9} {'n':>6} {'mean wait':>9} "
        f"{'model MAE':>9} {'med':>6} {'p90':>6} {'bias':>6} {'naive MAE':>9} {'p90':>6} {'bias':>6}"
    )
    print(header)
    print("-" * len(header))
    for scenario in SCENARIOS:
        rows: dict[str, list] = {"all": [], "queued": []}
        for seed in range(args.seeds):
            sim = Sim(scenario=scenario, rng=random.Random(seed))
            sim.run()
            for customer, (position, model, naive) in sim.predictions.items():
                actual = sim.waits.get(customer)
                if actual is None or model is None or naive is None:
                    continue
                rows["all"].append((model, naive, actual))
                if position > 1 or actual > 60:
                    rows["queued"].append((model, naive, actual))
        for who, data in rows.items():
            if not data:
                continue
            m = errors([(p, a) for p, _, a in data])
            n = errors([(p, a) for _, p, a in data])
            mean_wait = statistics.fmean(a for _, _, a in data)
            print(
                f"{scenario.name:<28} {who:<9} {len(data):>6} {mean_wait:>8.0f}s "
                f"{m['mae']:>8.0f}s {m['median']:>5.0f}s {m['p90']:>5.0f}s {m['bias']:>+5.0f}s "
                f"{n['mae']:>8.0f}s {n['p90']:>5.0f}s {n['bias']:>+5.0f}s"
            )
    print("\nall = every customer; queued = customers who joined behind someone or waited > 60 s.")
    print("MAE = mean absolute error of the predicted wait; bias = mean(predicted - actual).")


if __name__ == "__main__":
    main()
