"""Planner requests from a session: who is seated, hosts always seated, the room once it runs."""

from pathlib import Path
from typing import Any

import pytest

from labkit.errors import InvalidInputError
from labkit.planning.session_requests import cafe_request
from labkit.store.session_folder import open_session


@pytest.fixture
def session(write_session: Any, session_data: dict[str, Any]) -> Any:
    path: Path = write_session(session_data)
    return open_session(path).session


def _cafe(session: Any) -> Any:
    return next(b for _, b in session.blocks() if b.method_type == "world_cafe")


def test_ahead_of_the_session_every_seated_attendee_takes_part(session: Any) -> None:
    block = _cafe(session)
    day = session.day_of_block(block.id)
    request = cafe_request(session, block, day)
    ids = {p.id for p in request.people}
    assert ids == {p.id for p in session.attendees(day)} | set(block.method.hosts)
    assert list(request.hosts) == list(block.method.hosts)
    assert not request.absent and not request.history


def test_in_the_room_leavers_of_played_rounds_count_as_absent(session: Any) -> None:
    block = _cafe(session)
    day = session.day_of_block(block.id)
    everyone = [p.id for p in session.attendees(day)]
    hosts = set(block.method.hosts)
    leaver = next(pid for pid in everyone if pid not in hosts)
    played = [[everyone[i::block.method.tables] for i in range(block.method.tables)]]
    room = [pid for pid in everyone if pid != leaver]
    request = cafe_request(session, block, day, present=room, history=played)
    assert request.absent == frozenset({leaver})
    assert [list(t) for t in request.history[0]] == played[0]


def test_a_host_who_left_is_named_in_the_error(session: Any) -> None:
    block = _cafe(session)
    day = session.day_of_block(block.id)
    host = block.method.hosts[0]
    room = [p.id for p in session.attendees(day) if p.id != host]
    with pytest.raises(InvalidInputError) as caught:
        cafe_request(session, block, day, present=room)
    assert session.participant(host).display_name in str(caught.value)


def test_a_block_that_is_not_a_cafe_is_refused(session: Any) -> None:
    other = next(b for _, b in session.blocks() if b.method_type == "break")
    with pytest.raises(InvalidInputError):
        cafe_request(session, other, 1)


def test_a_replan_in_the_room_starts_from_the_plan_in_force(session: Any) -> None:
    from labkit.planning import plan_rotation

    block = _cafe(session)
    day = session.day_of_block(block.id)
    first = plan_rotation(cafe_request(session, block, day, time_limit=0.3))
    hosts = set(block.method.hosts)
    leaver = next(pid for rnd in first.rounds[1:] for t in rnd for pid in t if pid not in hosts)
    room = [p.id for p in session.attendees(day) if p.id != leaver]
    request = cafe_request(session, block, day, present=room, history=first.rounds[:1],
                           plan_in_force=first.rounds[1:], time_limit=0.3)
    assert [list(t) for t in request.plan_in_force[0]] == [list(t) for t in first.rounds[1]]
    again = plan_rotation(request)
    assert again.rounds[0] == first.rounds[0]
    assert "plan in force" in again.method
    assert all(leaver not in t for rnd in again.rounds[1:] for t in rnd)


def _with_cafe(write_session: Any, data: dict[str, Any], **changes: Any) -> Any:
    data["days"][0]["agenda"][6]["method"].update(changes)
    return open_session(write_session(data)).session


def test_tables_keeping_questions_pass_them_to_the_planner(write_session: Any,
                                                           session_data: dict[str, Any]) -> None:
    from labkit.planning import plan_rotation

    session = _with_cafe(write_session, session_data, tables=4, hosts=[],
                         questions=["Q1", "Q2"], rounds=2)
    block = _cafe(session)
    request = cafe_request(session, block, 1)
    assert tuple(request.table_questions) == (1, 2, 1, 2)
    plan = plan_rotation(request)
    assert "question_revisits" in plan.as_dict()["metrics"]
    assert all(len(set(plan.route(p.id))) == 2 for p in request.people)  # nobody stays


def test_one_question_a_round_keeps_people_moving_between_tables(
    write_session: Any, session_data: dict[str, Any]
) -> None:
    from labkit.planning import plan_rotation

    session = _with_cafe(write_session, session_data, question_mode="per_round",
                         questions=["Q1", "Q2"], tables=4, hosts=[])
    block = _cafe(session)
    request = cafe_request(session, block, 1)
    assert tuple(request.table_questions) == (1, 2, 3, 4)  # each table its own place
    plan = plan_rotation(request)
    assert plan.metrics.repeats == 0 and plan.verdict == "optimal"
    assert all(len(set(plan.route(p.id))) == 2 for p in request.people)  # nobody stays
