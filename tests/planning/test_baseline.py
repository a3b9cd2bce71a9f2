"""The Good-Enough-Golfers baseline seats everyone at balanced tables."""

from __future__ import annotations

from labkit.planning import Seatable, rotation_metrics
from labkit.planning.baseline import good_enough_golfers


def test_baseline_plans_are_valid() -> None:
    ids = [str(i) for i in range(22)]
    rounds = good_enough_golfers(ids, 5, 3, hosts=ids[:5], must_not_meet=[("7", "8")])
    m = rotation_metrics(rounds, [Seatable(i) for i in ids], tables=5, hosts=ids[:5],
                         must_not_meet=[("7", "8")])
    assert m.hard_violations == 0
    assert all(sorted(p for t in rnd for p in t) == sorted(ids) for rnd in rounds)


def test_baseline_finds_zero_repeats_when_easy() -> None:
    ids = [str(i) for i in range(40)]
    rounds = good_enough_golfers(ids, 8, 3)
    m = rotation_metrics(rounds, [Seatable(i) for i in ids], tables=8)
    assert m.repeats == 0
