"""Minimal re-plans: start from the plan in force, keep what is unaffected, never more repeats
than keeping the plan without the absent people, and an honest count of people moved."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.planning import RotationRequest, Seatable, plan_rotation, replan_rotation

from .helpers import repeats


def keep_drop(rounds, played: int, absent: set[str]) -> list:  # noqa: ANN001
    return [list(rnd) if r < played else [[p for p in t if p not in absent] for t in rnd]
            for r, rnd in enumerate(rounds)]


def balanced(rounds) -> bool:  # noqa: ANN001
    return all(max(map(len, rnd)) - min(map(len, rnd)) <= 1 for rnd in rounds)


def moved(before, after) -> int:  # noqa: ANN001
    count = 0
    for old, new in zip(before, after, strict=True):
        where = {p: t for t, table in enumerate(old) for p in table}
        count += sum(1 for t, table in enumerate(new) for p in table
                     if p in where and where[p] != t)
    return count


@st.composite
def cases(draw: st.DrawFn) -> tuple[RotationRequest, int, set[str], int]:
    tables = draw(st.integers(2, 6))
    size = draw(st.integers(2 * tables, 30))
    rounds = draw(st.integers(2, 6))
    people = [Seatable(f"p{i}", group=draw(st.sampled_from(["A", "B", None])))
              for i in range(size)]
    hosts = [p.id for p in people[:tables]] if draw(st.booleans()) else []
    movers = [p.id for p in people if p.id not in hosts]
    absent = set(draw(st.lists(st.sampled_from(movers), max_size=3, unique=True)))
    request = RotationRequest(people, tables, rounds, hosts=hosts, seed=draw(st.integers(0, 3)),
                              time_limit=0.3, max_iterations=200)
    return request, draw(st.integers(1, rounds - 1)), absent, draw(st.integers(0, 2))


@settings(max_examples=25, deadline=None)
@given(cases())
def test_replans_are_valid_minimal_and_never_worse_than_dropping(case) -> None:  # noqa: ANN001
    request, played, absent, arrivals = case
    first = plan_rotation(request)
    new = [Seatable(f"new{k}", group="A") for k in range(arrivals)]
    again = replan_rotation(request, first, played, absent=absent, arrivals=new)
    assert again.rounds[:played] == first.rounds[:played]
    present = sorted({p.id for p in request.people} - absent | {p.id for p in new})
    for rnd in again.rounds[played:]:
        assert sorted(p for t in rnd for p in t) == present
        assert max(map(len, rnd)) - min(map(len, rnd)) <= 1
        for t, host in enumerate(request.hosts):
            assert host in rnd[t]
    assert again.moved == moved(first.rounds[played:], again.rounds[played:])
    assert again.metrics.repeats == repeats(again.rounds)
    dropped = keep_drop(first.rounds, played, absent)
    if not new and balanced(dropped[played:]):
        assert again.metrics.repeats <= repeats(dropped)


def test_one_absence_in_a_zero_repeat_design_moves_nobody() -> None:
    people = [Seatable(str(i)) for i in range(32)]
    request = RotationRequest(people, tables=8, rounds=10)
    plan = plan_rotation(request)
    again = replan_rotation(request, plan, 4, absent=["5"])
    assert plan.metrics.repeats == again.metrics.repeats == 0
    assert again.moved == 0 and again.verdict == "optimal"


def test_an_arrival_sits_with_people_they_never_met() -> None:
    people = [Seatable(str(i)) for i in range(20)]
    request = RotationRequest(people, tables=5, rounds=5)
    plan = plan_rotation(request)
    again = replan_rotation(request, plan, 2, absent=["3"], arrivals=[Seatable("late")])
    assert again.metrics.repeats == 0
    assert again.moved == 0  # the arrival takes the absent person's seat, nobody else moves
