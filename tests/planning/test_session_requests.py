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
