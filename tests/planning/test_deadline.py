"""The planner's deadline: every phase checks it, and a start at the bound ends the search."""

from __future__ import annotations

import subprocess
import sys
import time

from labkit.planning import RotationRequest, Seatable, plan_rotation
from labkit.planning.deadline import Deadline
from labkit.planning.rotation_search import TabuSearch


class FakeClock:
    """A clock that advances by `step` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step, self.reads = 0.0, step, 0

    def __call__(self) -> float:
        self.reads += 1
        self.now += self.step
        return self.now


def _people(n: int) -> list[Seatable]:
    return [Seatable(str(i)) for i in range(n)]


def test_a_fake_clock_deadline_expires_after_its_budget() -> None:
    clock = FakeClock(0.25)
    deadline = Deadline(1.0, cpu=clock, wall=lambda: 0.0)
    expired = [deadline.expired() for _ in range(6)]
    assert expired == [False, False, False, True, True, True]  # ends at 0.25 + 1.0
    assert deadline.checks == 6
    assert Deadline(5.0, cpu=lambda: 0.0, wall=FakeClock(1.0)).remaining() <= 15.0
    assert not Deadline.never().expired()


def test_an_expired_deadline_stops_the_greedy_start_and_the_search_at_once() -> None:
    # no design for 40 at 7 tables: the greedy start then the search; the clock jumps 10 s
    # per read, so the deadline has expired at its first check
    request = RotationRequest(people=_people(40), tables=7, rounds=6, time_limit=1.0,
                              use_designs=False)
    clock = FakeClock(10.0)
    deadline = Deadline(1.0, cpu=clock, wall=clock)
    plan = plan_rotation(request, deadline=deadline)
    assert plan.stopped_by == "time"
    assert "tabu search" in plan.method  # one step, stopped at its first check
    # every round seats everyone once, tables balanced (the cheap deal keeps the rules)
    for rnd in plan.rounds:
        assert sorted(int(p) for table in rnd for p in table) == list(range(40))
        assert max(map(len, rnd)) - min(map(len, rnd)) <= 1
    # the greedy start checked once per round (then dealt without costs), the search once
    assert deadline.checks <= 6 + 4


def test_without_expiry_the_greedy_start_keeps_checking() -> None:
    request = RotationRequest(people=_people(40), tables=7, rounds=6, time_limit=1.0,
                              use_designs=False, max_iterations=50)
    deadline = Deadline(1e9, cpu=FakeClock(0.0), wall=FakeClock(0.0))
    plan = plan_rotation(request, deadline=deadline)
    assert plan.stopped_by in ("iterations", "optimal")
    assert deadline.checks >= 6  # at least one check per greedy round


def test_a_design_at_the_lower_bound_ends_the_search_at_once(monkeypatch) -> None:
    steps = []
    original = TabuSearch.tabu_step

    def counting(self, conflicts, best_cost):  # type: ignore[no-untyped-def]
        steps.append(1)
        return original(self, conflicts, best_cost)

    monkeypatch.setattr(TabuSearch, "tabu_step", counting)
    greedy_calls = []
    import labkit.planning.rotation as rotation

    real_greedy = rotation.greedy_start

    def greedy(*args, **kwargs):  # type: ignore[no-untyped-def]
        greedy_calls.append(kwargs.get("deadline"))
        return real_greedy(*args, **kwargs)

    monkeypatch.setattr(rotation, "greedy_start", greedy)
    plan = plan_rotation(RotationRequest(people=_people(32), tables=8, rounds=10,
                                         time_limit=30.0))
    assert plan.metrics.repeats == 0 == plan.metrics.repeats_lower_bound
    assert plan.stopped_by == "optimal" and "tabu" not in plan.method
    assert steps == []  # not one search step
    # only the O(people) deal that gives the bounds: no cost-aware greedy start
    assert len(greedy_calls) == 1 and greedy_calls[0].expired()


def test_a_thousand_people_plan_within_a_generous_bound_of_the_limit() -> None:
    # whole process, as a user runs it: the limit is 0.5 s; imports and start-up are counted
    argv = [sys.executable, "-m", "labkit", "rotate", "--size", "1000", "--tables", "143",
            "--rounds", "10", "--time-limit", "0.5", "--json"]
    start = time.monotonic()
    done = subprocess.run(argv, capture_output=True, timeout=60, check=False)
    wall = time.monotonic() - start
    assert done.returncode == 0, done.stderr.decode()
    assert wall < 5 * 0.5 + 3.0, f"{wall:.1f} s for a 0.5 s limit"


def test_a_process_budget_takes_off_what_was_already_spent() -> None:
    assert Deadline.for_process(1.0, spent=0.4).seconds == 1.0 * 0.97 - 0.01 - 0.4
    assert Deadline.for_process(1.0, spent=2.0).seconds == 0.0
    spent = time.process_time()  # by default: the CPU this process has spent so far
    assert 0.0 < Deadline.for_process(spent + 100.0).seconds <= 100.0
