"""The world-café planner: hard constraints hold on random instances, metrics are honest,
known instances reach their bounds, re-planning keeps what was played."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labkit.errors import InvalidInputError
from labkit.planning import RotationRequest, Seatable, plan_rotation, replan_rotation

from .helpers import (
    group_deviation,
    max_meetings,
    organisation_clashes,
    repeats,
    revisits,
)

FAST = {"time_limit": 10.0, "max_iterations": 300}
"""The iteration cap ends these searches, the same on any machine; the time limit is only a
guard (at 0.5 s a loaded machine ended some before the hard constraints held, at random)."""


@st.composite
def requests(draw: st.DrawFn) -> RotationRequest:
    tables = draw(st.integers(2, 6))
    size = draw(st.integers(tables, 28))
    rounds = draw(st.integers(1, 5))
    people = [
        Seatable(f"p{i}", group=draw(st.sampled_from(["A", "B", "C", None])),
                 organisation=draw(st.sampled_from(["x", "y", "z", None])))
        for i in range(size)
    ]
    ids = [p.id for p in people]
    hosts = ids[:tables] if size >= 2 * tables and draw(st.booleans()) else []
    others = [pid for pid in ids if pid not in hosts]
    forbidden: list[tuple[str, str]] = []
    together: list[tuple[str, str]] = []
    if tables >= 3 and len(others) >= 6:
        picked = draw(st.permutations(others))
        count = draw(st.integers(0, 2))
        forbidden = [(picked[2 * k], picked[2 * k + 1]) for k in range(count)]
        if size >= (3 if hosts else 2) * tables and draw(st.booleans()):
            together = [(picked[4], picked[5])]
    return RotationRequest(
        people=people, tables=tables, rounds=rounds, hosts=hosts,
        visit_once=draw(st.booleans()), must_not_meet=forbidden, keep_together=together,
        seed=draw(st.integers(0, 3)), **FAST,
    )


def assert_valid(plan, request: RotationRequest, frozen: int = 0) -> None:
    absent = set(request.absent)
    present = sorted(p.id for p in request.people if p.id not in absent)
    assert len(plan.rounds) == request.rounds
    for r, rnd in enumerate(plan.rounds):
        assert len(rnd) == request.tables
        if r < frozen:
            continue
        assert sorted(pid for table in rnd for pid in table) == present
        sizes = [len(t) for t in rnd]
        assert max(sizes) - min(sizes) <= 1
        where = {pid: t for t, table in enumerate(rnd) for pid in table}
        for t, host in enumerate(request.hosts):
            assert where[host] == t
        for a, b in request.must_not_meet:
            if a in where and b in where:
                assert where[a] != where[b], f"{a} meets {b} in round {r + 1}"
        for a, b in request.keep_together:
            assert where[a] == where[b]
    if request.visit_once and request.rounds <= request.tables and not frozen:
        assert revisits(plan.rounds, set(request.hosts)) == 0


@settings(max_examples=40, deadline=None)
@given(requests())
def test_hard_constraints_hold_and_metrics_are_honest(request: RotationRequest) -> None:
    plan = plan_rotation(request)
    assert_valid(plan, request)
    m = plan.metrics
    assert m.hard_violations == 0
    assert m.repeats == repeats(plan.rounds)
    assert m.max_meetings == max_meetings(plan.rounds)
    assert m.group_spread_deviation == group_deviation(plan.rounds, list(request.people),
                                                       request.tables)
    assert m.organisation_clashes == organisation_clashes(plan.rounds, list(request.people))
    assert m.repeats >= m.repeats_lower_bound
    assert m.repeats >= m.repeats_lower_bound_at_max
    assert m.max_meetings >= m.max_meetings_lower_bound
    assert m.organisation_clashes >= m.organisation_clashes_lower_bound
    assert plan.stopped_by in {"optimal", "iterations", "time"}


@settings(max_examples=15, deadline=None)
@given(requests(), st.integers(1, 3), st.data())
def test_replanning_keeps_the_played_rounds(request: RotationRequest, played: int,
                                            data: st.DataObject) -> None:
    request = replace(request, rounds=request.rounds + played)
    first = plan_rotation(request)
    movers = [p.id for p in request.people if p.id not in request.hosts
              and not any(p.id in pair for pair in request.keep_together)]
    leaving = data.draw(st.sampled_from(movers)) if len(movers) > request.tables + 1 else None
    newcomer = Seatable("late", group="A", organisation="x")
    again = replan_rotation(request, first, played, absent=[leaving] if leaving else [],
                            arrivals=[newcomer])
    assert again.rounds[:played] == first.rounds[:played]
    assert again.frozen_rounds == played
    later = [pid for rnd in again.rounds[played:] for table in rnd for pid in table]
    assert leaving not in later
    assert later.count("late") == request.rounds - played
    final_request = replace(request, people=[*request.people, newcomer],
                            absent=frozenset([leaving]) if leaving else frozenset())
    assert_valid(again, final_request, frozen=played)
    assert again.metrics.repeats == repeats(again.rounds)


def people(n: int) -> list[Seatable]:
    return [Seatable(str(i)) for i in range(n)]


def test_same_seed_same_plan() -> None:
    request = RotationRequest(people(26), tables=5, rounds=4, seed=7, time_limit=30,
                              max_iterations=400)
    assert plan_rotation(request).rounds == plan_rotation(request).rounds


@pytest.mark.parametrize(("n", "tables", "rounds"), [
    (15, 5, 7),  # Kirkman's schoolgirls
    (20, 5, 5),
    (32, 8, 10),
    (300, 50, 10),
    (49, 7, 8),  # affine plane of order 7, all 8 rounds
])
def test_zero_repeat_instances_reach_zero(n: int, tables: int, rounds: int) -> None:
    plan = plan_rotation(RotationRequest(people(n), tables=tables, rounds=rounds))
    assert plan.metrics.repeats == 0 and plan.metrics.max_meetings == 1
    assert plan.stopped_by == "optimal"


def test_groups_at_every_table() -> None:
    ppl = [Seatable(str(i), group="ABCD"[i // 10]) for i in range(40)]
    plan = plan_rotation(RotationRequest(ppl, tables=8, rounds=4))
    assert plan.metrics.repeats == 0 and plan.metrics.group_spread_deviation == 0


def test_forty_at_four_tables_of_ten_with_hosts_reaches_the_bound() -> None:
    ids = people(40)
    request = RotationRequest(ids, tables=4, rounds=4, hosts=[p.id for p in ids[:4]],
                              time_limit=1)
    m = plan_rotation(request).metrics  # fewest repeats first: the bound is reached
    assert m.repeats == m.repeats_lower_bound
    m = plan_rotation(replace(request, objective="max_meetings")).metrics
    assert m.max_meetings == 2
    assert m.repeats <= m.repeats_lower_bound_at_max + 4


def test_hosts_on_an_affine_plane() -> None:
    ids = people(25)
    plan = plan_rotation(RotationRequest(ids, tables=5, rounds=5, hosts=[p.id for p in ids[:5]],
                                         visit_once=True))
    assert plan.metrics.repeats == 0 and plan.metrics.hard_violations == 0


def test_visit_once_impossible_is_reported() -> None:
    plan = plan_rotation(RotationRequest(people(12), tables=3, rounds=4, visit_once=True, **FAST))
    assert any(note.code == "visit_once_infeasible" for note in plan.notes)
    assert plan.metrics.visit_once_violations == 0
    assert plan.metrics.table_revisits == plan.metrics.table_revisits_lower_bound == 12


def test_route_and_json() -> None:
    plan = plan_rotation(RotationRequest(people(9), tables=3, rounds=4))
    route = plan.route("0")
    assert len(route) == 4 and all(t in (0, 1, 2) for t in route)
    data = plan.as_dict()
    assert len(data["rounds"]) == 4 and data["metrics"]["repeats"] == 0


@pytest.mark.parametrize(("changes", "fragment"), [
    ({"tables": 0}, "tables"),
    ({"hosts": ["0"]}, "hosts"),
    ({"hosts": ["0", "zz"]}, "unknown table host"),
    ({"must_not_meet": [("0", "nobody")]}, "unknown person"),
    ({"keep_together": [("0", "1")], "must_not_meet": [("1", "0")]}, "must both meet"),
    ({"history": [[["0", "1"]]]}, "has 1 tables"),
])
def test_invalid_requests(changes: dict, fragment: str) -> None:
    request = replace(RotationRequest(people(8), tables=2, rounds=2), **changes)
    with pytest.raises(InvalidInputError) as info:
        plan_rotation(request)
    assert fragment in str(info.value)


def test_zero_rounds_and_tables_larger_than_people() -> None:
    assert plan_rotation(RotationRequest(people(5), tables=2, rounds=0)).rounds == ()
    plan = plan_rotation(RotationRequest(people(3), tables=5, rounds=2, **FAST))
    assert all(sorted(len(t) for t in rnd) == [0, 0, 1, 1, 1] for rnd in plan.rounds)


def test_a_partial_design_keeps_its_rounds_and_reaches_the_bound() -> None:
    plan = plan_rotation(RotationRequest(people(21), tables=7, rounds=12, time_limit=1))
    assert "KTS(21) (10 rounds)" in plan.method
    m = plan.metrics
    assert m.repeats == m.repeats_lower_bound > 0
    assert repeats(plan.rounds[:10]) == 0 or "tabu" in plan.method


def test_kirkman_21_over_ten_rounds_has_no_repeat() -> None:
    plan = plan_rotation(RotationRequest(people(21), tables=7, rounds=10))
    assert plan.metrics.repeats == 0 and plan.verdict == "optimal"


def test_verdict_is_optimal_only_with_a_proof() -> None:
    ids = people(40)
    plan = plan_rotation(RotationRequest(ids, tables=4, rounds=4,
                                         hosts=[p.id for p in ids[:4]], time_limit=0.5))
    m = plan.metrics
    assert m.max_meetings > m.max_meetings_lower_bound  # the bound on max is not reached...
    assert plan.verdict == "best found"  # ...so no claim of optimality
    assert plan.as_dict()["verdict"] == "best found"


def test_time_limit_is_cpu_time_and_holds_without_an_iteration_cap() -> None:
    request = RotationRequest(people(24), tables=6, rounds=7, use_designs=False,
                              time_limit=0.4)
    started = time.process_time()
    plan = plan_rotation(request)
    spent = time.process_time() - started
    assert plan.stopped_by in {"time", "optimal"}
    assert spent < 0.4 + 0.3


def test_objective_max_meetings_first_spreads_repeats() -> None:
    request = RotationRequest(people(12), tables=3, rounds=4, time_limit=0.5)
    by_repeats = plan_rotation(request).metrics
    by_max = plan_rotation(replace(request, objective="max_meetings")).metrics
    assert by_max.max_meetings <= by_repeats.max_meetings
    assert by_repeats.repeats <= by_max.repeats
    with pytest.raises(InvalidInputError):
        plan_rotation(replace(request, objective="fastest"))


@pytest.mark.parametrize(("n", "tables", "rounds", "groups"), [
    (24, 6, 3, 4), (30, 6, 3, 5), (40, 8, 4, 4), (20, 5, 4, 4),
])
def test_equal_groups_cost_no_repeat(n: int, tables: int, rounds: int, groups: int) -> None:
    # a generous limit: the search ends as soon as the plan is optimal (0.5 s was reached
    # under load before it was, and the test failed at random)
    plain = plan_rotation(RotationRequest(people(n), tables=tables, rounds=rounds,
                                          time_limit=10.0)).metrics
    grouped = [Seatable(str(i), group="ABCDEFGH"[i % groups]) for i in range(n)]
    m = plan_rotation(RotationRequest(grouped, tables=tables, rounds=rounds,
                                      time_limit=10.0)).metrics
    assert m.repeats <= plain.repeats == 0
    assert m.group_spread_deviation == 0


@pytest.mark.parametrize(("size", "tables", "rounds"), [(30, 6, 6), (24, 6, 7)])
def test_published_social_golfer_sizes_plan_without_repeat(size: int, tables: int,
                                                           rounds: int) -> None:
    from labkit.planning import RotationRequest, Seatable, plan_rotation

    people = [Seatable(str(i)) for i in range(size)]
    plan = plan_rotation(RotationRequest(people, tables, rounds, time_limit=1.0))
    assert plan.metrics.repeats == 0 and plan.metrics.hard_violations == 0
    assert plan.verdict == "optimal"
