"""Several departures at once in a visit-once café (issue 14): the example's 4×4 café with
hosts keeps every seat it can — nobody is sent to a table already on their route, and the
re-plan never has more repeats than « keep the plan, drop the absent »."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from labkit.model import WorldCafeConfig
from labkit.planning import (
    RotationPlan,
    RotationRequest,
    Seatable,
    plan_rotation,
    replan_rotation,
)
from labkit.planning.rotation_metrics import rotation_metrics
from labkit.planning.rotation_replan import people_moved, seat_changes
from labkit.planning.session_requests import seatable
from labkit.store.session_folder import open_session

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cooperation-territoriale"


@pytest.fixture(scope="module")
def example_cafe() -> tuple[RotationRequest, RotationPlan]:
    """The example's café as this test measured it: its people, 4 tables × 4 rounds, hosts
    p01 p11 p21 p29, visit-once, no teams (the team path is `rotation_replan`'s other one)."""
    session = open_session(EXAMPLE).session
    block = next(b for _, b in session.blocks() if b.method_type == "world_cafe")
    assert isinstance(block.method, WorldCafeConfig)
    people = [seatable(p) for p in session.attendees(session.day_of_block(block.id) or 1)]
    request = RotationRequest(people, block.method.tables, block.method.rounds,
                              hosts=list(block.method.hosts), visit_once=True, seed=0,
                              time_limit=0.5)
    assert (request.tables, request.rounds, len(people)) == (4, 4, 32)
    assert request.hosts == ["p01", "p11", "p21", "p29"]
    plan = plan_rotation(request)
    assert plan.metrics.visit_once_violations == 0
    return request, plan


def keep_drop_repeats(request: RotationRequest, plan: RotationPlan, played: int,
                      gone: set[str]) -> int:
    rounds = [list(rnd) if r < played else [[p for p in t if p not in gone] for t in rnd]
              for r, rnd in enumerate(plan.rounds)]
    return rotation_metrics(rounds, request.people, tables=request.tables,
                            hosts=request.hosts, visit_once=True).repeats


@pytest.mark.parametrize("count", [3, 4, 6])
@pytest.mark.parametrize("seed", range(4))
def test_departures_at_round_2_move_at_most_two_people(
        example_cafe: tuple[RotationRequest, RotationPlan], count: int, seed: int) -> None:
    """Before: 3 departures moved 20 of the 29 left (seed 3), 4 moved 20-21, 6 moved 9-22,
    through a search; now 0 in every case measured (at most 2 allowed here)."""
    request, plan = example_cafe
    movers = [p.id for p in request.people if p.id not in request.hosts]
    gone = set(random.Random(seed).sample(movers, count))
    again = replan_rotation(request, plan, 1, absent=gone)
    moved = people_moved(seat_changes(plan.rounds[1:], again.rounds[1:], 2))
    assert len(moved) <= 2, moved
    assert again.metrics.visit_once_violations == 0
    assert again.metrics.repeats <= keep_drop_repeats(request, plan, 1, gone)
    assert not gone & {p for rnd in again.rounds[1:] for t in rnd for p in t}
    assert again.rounds[0] == plan.rounds[0]
    if any(max(map(len, rnd)) - min(map(len, rnd)) > 1 for rnd in again.rounds[1:]):
        assert "unbalanced" in {note.code for note in again.notes}  # « tables déséquilibrées »


def test_a_table_emptied_by_three_departures_is_refilled_by_route_swaps() -> None:
    """Three of table 1's four leave after round 1 of a 3×3 visit-once café: nobody can be sent
    to a table already on their route, but someone may sit at their round-3 table in round 2
    and their round-2 table in round 3. One person does so: round 3 is balanced again, round 2
    is one person nearer, every route keeps its tables and the repeats do not grow."""
    hosts = ["h1", "h2", "h3"]
    rounds = [[["h1", "m2", "m6", "m7"], ["h2", "m0", "m1", "m4"], ["h3", "m3", "m5", "m8"]],
              [["h1", "m1", "m4", "m8"], ["h2", "m3", "m5", "m6"], ["h3", "m0", "m2", "m7"]],
              [["h1", "m0", "m3", "m5"], ["h2", "m2", "m7", "m8"], ["h3", "m1", "m4", "m6"]]]
    gone = {"m1", "m4", "m8"}
    people = [Seatable(p) for p in [*hosts, *(f"m{i}" for i in range(9))]]
    request = RotationRequest(people, 3, 3, hosts=hosts, visit_once=True, history=rounds[:1],
                              plan_in_force=rounds[1:], absent=frozenset(gone), time_limit=0.5)
    plan = plan_rotation(request)
    sizes = [[len(t) for t in rnd] for rnd in plan.rounds[1:]]
    assert sizes[1] == [3, 3, 3]  # keep + drop: [1, 4, 4] then [4, 3, 2]
    assert max(sizes[0]) - min(sizes[0]) == 2
    assert "unbalanced" in {note.code for note in plan.notes}
    assert plan.method == "plan in force" and plan.moved == 2  # one person, two rounds
    assert people_moved(seat_changes(rounds[1:], plan.rounds[1:])) == ("m0",)
    assert plan.metrics.visit_once_violations == 0
    kept = [[[p for p in t if p not in gone] for t in rnd] for rnd in rounds]
    assert plan.metrics.repeats <= rotation_metrics(kept, people, tables=3, hosts=hosts,
                                                    visit_once=True).repeats
    for person in people:
        before = {t for rnd in rounds for t, table in enumerate(rnd) if person.id in table}
        assert set(plan.route(person.id)) <= before | {None}
