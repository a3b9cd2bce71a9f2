"""A world café with `teams:`: the teams move together (team N at table N in round 1, then a
shift), hosts stay, visit-once holds, teams balanced and mixed; re-plans move nobody else."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from labkit.errors import InvalidInputError
from labkit.planning import plan_rotation, replan_rotation
from labkit.planning.session_requests import cafe_request
from labkit.planning.team_rotation import team_of
from labkit.store.session_folder import open_session

EXAMPLE = Path(__file__).parents[2] / "examples" / "cooperation-territoriale"


@pytest.fixture(scope="module")
def session() -> Any:
    return open_session(EXAMPLE).session


def _cafe(session: Any) -> Any:
    return session.block("cafe")


def _plan(session: Any, **kwargs: Any) -> Any:
    block = _cafe(session)
    request = cafe_request(session, block, session.day_of_block(block.id) or 1, **kwargs)
    return request, plan_rotation(request)


def test_teams_move_together_team_n_starting_at_table_n(session: Any) -> None:
    config = _cafe(session).method
    request, plan = _plan(session)
    assert len(plan.teams) == 4 and plan.team_names == ("Verte", "Jaune", "Bleue", "Rouge")
    for k, members in enumerate(plan.teams):
        routes = {plan.route(pid) for pid in members}
        assert len(routes) == 1, "a team's members follow one route"
        assert plan.route(members[0])[0] == k, "team N starts at table N"
    for r, rnd in enumerate(plan.rounds):
        for table, seated in enumerate(rnd):
            assert seated[0] == config.hosts[table], "hosts stay at their table"
            movers = set(seated[1:])
            assert movers == set(plan.teams[(table - r) % 4]), "one whole team a table"
    assert plan.metrics.visit_once_violations == 0 and plan.metrics.table_revisits == 0
    assert plan.metrics.question_revisits == 0
    assert plan.verdict == "teams together"
    assert plan.metrics.teammate_repeats == plan.metrics.repeats  # nobody else meets twice


def test_teams_are_balanced_and_mix_groups_and_territories(session: Any) -> None:
    request, plan = _plan(session)
    info = {p.id: p for p in request.people}
    sizes = [len(team) for team in plan.teams]
    assert sum(sizes) == 28 and max(sizes) - min(sizes) <= 1
    groups = Counter(p.group for p in request.people if p.id not in plan.hosts)
    for members in plan.teams:
        here = Counter(info[pid].group for pid in members)
        for group, total in groups.items():  # each group dealt evenly over the teams
            assert total // 4 <= here[group] <= -(-total // 4), (group, here)
        assert len({info[pid].territory for pid in members}) >= 2


def test_the_teams_are_the_same_for_a_seed(session: Any) -> None:
    assert _plan(session, seed=3)[1].teams == _plan(session, seed=3)[1].teams


def test_one_departure_moves_nobody_else_and_the_teams_keep_moving(session: Any) -> None:
    request, plan = _plan(session)
    gone = plan.teams[1][0]
    after = replan_rotation(request, plan, played=1, absent=[gone])
    assert after.moved == 0
    for r in range(1, 4):
        for table, seated in enumerate(after.rounds[r]):
            expected = [pid for pid in plan.rounds[r][table] if pid != gone]
            assert list(seated) == expected
    assert gone not in after.teams[1] and after.verdict == "teams together"


def test_a_live_replan_keeps_the_teams_and_seats_a_late_arrival_in_the_smallest(
    session: Any,
) -> None:
    block = _cafe(session)
    day = session.day_of_block(block.id) or 1
    everyone = [p.id for p in session.attendees(day)]
    late = next(pid for pid in everyone if pid not in block.method.hosts)
    _, plan = _plan(session, present=[pid for pid in everyone if pid != late])
    gone = plan.teams[2][0]
    room = [pid for pid in everyone if pid != gone]
    request = cafe_request(session, block, day, present=room, history=plan.rounds[:1],
                           plan_in_force=plan.rounds[1:])
    after = plan_rotation(request)
    assert after.moved == 0  # nobody but the arrival changes seat
    assert late in after.teams[2]  # team Bleue lost someone: now the smallest
    assert any(n.code == "team_joined" and n.params["team"] == "Bleue" for n in after.notes)
    assert team_of(after.rounds, block.method.hosts, block.method.teams)[late] == "Bleue"
    assert after.route(late)[1:] == after.route(after.teams[2][0])[1:]


def test_more_teams_than_tables_is_a_clear_error(session: Any) -> None:
    block = _cafe(session)
    config = block.method.model_copy(update={"teams": ["A", "B", "C", "D", "E"]})
    other = block.model_copy(update={"method": config})
    with pytest.raises(InvalidInputError) as caught:
        cafe_request(session, other, 1)
    assert "teams" in str(caught.value) and "5" in str(caught.value)


def test_without_teams_people_rotate_alone(session: Any) -> None:
    block = _cafe(session)
    config = block.method.model_copy(update={"teams": []})
    request = cafe_request(session, block.model_copy(update={"method": config}), 1)
    assert request.teams == ()
