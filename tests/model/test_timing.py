"""Planned timings: starts and ends from the day's start, fixed starts, totals per phase.

The property test checks the promise behind validation: any agenda the model accepts (no error)
has blocks that do not overlap and stay inside their day — and, conversely, a day whose blocks
overlap or leave the day is never accepted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labkit.methods import check_session
from labkit.model import (
    Level,
    Phase,
    Session,
    has_errors,
    minutes_per_phase,
    schedule_day,
    schedule_session,
)
from labkit.model.timing import day_end

TIMING_CODES = {"block_overlap", "block_before_day_start", "day_overrun"}


def day(agenda: list[dict[str, Any]], start: str = "09:00", end: str = "17:00") -> dict:
    return {"date": "2026-03-12", "start": start, "end": end, "agenda": agenda}


def blk(bid: str, minutes: int, method: Any = "plenary", **fields: Any) -> dict[str, Any]:
    return {"id": bid, "title": bid.capitalize(), "duration": minutes, "method": method, **fields}


def session(*days: dict[str, Any]) -> Session:
    return Session.model_validate({"slug": "s", "title": "S", "lab": "L", "days": list(days)})


def hhmm(value: dt.datetime) -> str:
    return value.strftime("%H:%M")


def test_blocks_follow_each_other_from_the_day_start() -> None:
    s = session(day([blk("a", 30), blk("b", 45), blk("c", 15, "break")], start="9h30"))
    placed = schedule_day(s.days[0], 1)
    assert [(hhmm(p.start), hhmm(p.end)) for p in placed] == [
        ("09:30", "10:00"), ("10:00", "10:45"), ("10:45", "11:00"),
    ]
    assert [p.index for p in placed] == [0, 1, 2]
    assert [p.minutes for p in placed] == [30, 45, 15]
    assert all(p.day_number == 1 and p.start.date() == dt.date(2026, 3, 12) for p in placed)


def test_a_fixed_start_leaves_a_gap_and_the_next_blocks_run_on_from_it() -> None:
    s = session(day([blk("a", 60), blk("lunch", 60, "lunch", start="12h15"), blk("b", 30)]))
    placed = schedule_day(s.days[0])
    assert [(hhmm(p.start), hhmm(p.end)) for p in placed] == [
        ("09:00", "10:00"), ("12:15", "13:15"), ("13:15", "13:45"),
    ]
    assert check_session(s) == []


def test_a_fixed_start_inside_the_previous_block_is_placed_there_and_reported() -> None:
    s = session(day([blk("a", 90), blk("b", 30, start="10:00")]))
    placed = schedule_day(s.days[0])
    assert hhmm(placed[1].start) == "10:00"  # as written: validation says it overlaps
    (problem,) = check_session(s)
    assert problem.code == "block_overlap" and problem.level is Level.ERROR


def test_empty_day() -> None:
    s = session(day([]))
    assert schedule_day(s.days[0]) == []
    assert day_end(s.days[0]) == dt.datetime(2026, 3, 12, 17, 0)


def test_schedule_session_numbers_the_days(session_data: dict[str, Any]) -> None:
    s = Session.model_validate(session_data)
    days = schedule_session(s)
    assert [len(d) for d in days] == [7, 6]
    assert {p.day_number for p in days[1]} == {2}
    lunch = days[1][3]
    assert lunch.block.id == "dejeuner-j2" and hhmm(lunch.start) == "12:00"
    assert hhmm(days[1][-1].end) == "15:00"
    assert days[1][0].start == dt.datetime(2026, 3, 13, 9, 0)


def test_minutes_per_phase(session_data: dict[str, Any]) -> None:
    totals = minutes_per_phase(Session.model_validate(session_data))
    assert set(totals) == set(Phase)
    assert totals == {
        Phase.SCAN: 30 + 60 + 75 + 60,
        Phase.FOCUS: 90 + 45 + 60,
        Phase.ACT: 90 + 30,
        Phase.NONE: 15 + 60 + 15 + 60,
    }


def test_minutes_per_phase_lists_absent_phases_as_zero() -> None:
    totals = minutes_per_phase(session(day([blk("a", 30, phase="act")])))
    assert totals == {Phase.SCAN: 0, Phase.FOCUS: 0, Phase.ACT: 30, Phase.NONE: 0}


# -- property: accepted agendas never overlap and stay inside their day --------------------------
METHODS = [
    "plenary", "break", "lunch", "commitments", "closing", "territorial_diagnostic",
    {"type": "idea_vote"},
    {"type": "world_cafe", "questions": ["Q"], "tables": 1, "rounds": 1,
     "minutes_per_round": 10},
    {"type": "crossed_interviews", "prompt": "P", "minutes_per_person": 1, "regroup_minutes": 0},
]
clock = st.integers(min_value=6 * 60, max_value=23 * 60 + 59).map(
    lambda m: f"{m // 60:02d}:{m % 60:02d}"
)


@st.composite
def days_strategy(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(1, 3))
    days = []
    for d in range(count):
        start = draw(st.integers(7 * 60, 11 * 60))
        end = draw(st.integers(start + 60, min(start + 11 * 60, 23 * 60 + 59)))
        blocks = []
        for b in range(draw(st.integers(0, 8))):
            pin = draw(st.one_of(st.none(), st.none(), clock))
            method = draw(st.sampled_from(METHODS))
            block = blk(f"d{d}b{b}", draw(st.integers(1, 150)), method,
                        phase=draw(st.sampled_from(["scan", "focus", "act", "none"])))
            if pin is not None:
                block["start"] = pin
            blocks.append(block)
        days.append({
            "date": (dt.date(2026, 3, 12) + dt.timedelta(days=d)).isoformat(),
            "start": f"{start // 60:02d}:{start % 60:02d}",
            "end": f"{end // 60:02d}:{end % 60:02d}",
            "agenda": blocks,
        })
    return days


def geometry_faults(s: Session) -> list[str]:
    """Every overlap or block outside its day, computed independently of the validator."""
    faults = []
    for n, (the_day, placed) in enumerate(zip(s.days, schedule_session(s), strict=True), 1):
        opening = dt.datetime.combine(the_day.date, the_day.start)
        closing = dt.datetime.combine(the_day.date, the_day.end)
        latest_end = opening
        for item in placed:
            if item.start < opening or item.end > closing:
                faults.append(f"day {n}: {item.block.id} outside {hhmm(opening)}-{hhmm(closing)}")
            if item.start < latest_end:
                faults.append(f"day {n}: {item.block.id} overlaps the block before")
            latest_end = max(latest_end, item.end)
    return faults


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(days=days_strategy())
def test_accepted_agendas_have_no_overlap_and_stay_inside_their_day(
    days: list[dict[str, Any]],
) -> None:
    s = session(*days)
    problems = check_session(s)
    faults = geometry_faults(s)
    if not has_errors(problems):
        assert faults == []
        for placed in schedule_session(s):
            for before, after in zip(placed, placed[1:], strict=False):
                assert before.end <= after.start
    if faults:
        assert {p.code for p in problems} & TIMING_CODES, faults


def test_the_property_sees_both_accepted_and_refused_agendas() -> None:
    """Guard: the generator above produces plans of both kinds (else the property is empty)."""
    outcomes = set()

    @settings(max_examples=200, deadline=None, database=None)
    @given(days=days_strategy())
    def collect(days: list[dict[str, Any]]) -> None:
        s = session(*days)
        blocks = any(d.agenda for d in s.days)
        outcomes.add((has_errors(check_session(s)), bool(geometry_faults(s)), blocks))

    collect()
    assert (False, False, True) in outcomes  # accepted, with blocks
    assert (True, True, True) in outcomes  # refused because of the timings
