"""Checks a facilitator understands: errors make a plan unusable, warnings deserve a look.

This module holds the plan's generic rules and the `Problem` type; each method's own rules are
in its spec (`labkit.methods`), and `labkit.methods.check_session` runs them all.

`labkit.methods.check_session` never raises: it returns every problem found, each with the path
of the field at fault (the same form as pydantic's `loc`, so that the store can add the file's
line number).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from labkit.i18n import format_time, t
from labkit.model.methods import PAUSE_TYPES
from labkit.model.session import Phase, Session
from labkit.model.timing import day_end, schedule_day

Path = tuple[str | int, ...]

MAX_MINUTES_WITHOUT_BREAK = 180
MIN_GAP_AS_PAUSE = 10
PHASE_ORDER = {Phase.SCAN: 0, Phase.FOCUS: 1, Phase.ACT: 2}


class Level(StrEnum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem of a session plan: its level, a code, the field's path and the details."""

    level: Level
    code: str
    path: Path
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The plain-language explanation, in `lang`."""
        return t(f"validation.{self.code}", lang, **self.params)


def error(code: str, path: Path, **params: object) -> Problem:
    """An error (the plan cannot be used as it is), explained by `validation.<code>`."""
    return Problem(Level.ERROR, code, path, params)


def warning(code: str, path: Path, **params: object) -> Problem:
    """A warning (worth a look), explained by `validation.<code>`."""
    return Problem(Level.WARNING, code, path, params)




def has_errors(problems: list[Problem]) -> bool:
    """Whether any problem is an error."""
    return any(p.level == Level.ERROR for p in problems)


# -- people ------------------------------------------------------------------------------------
def duplicates(values: list[str]) -> set[str]:
    """The values that occur more than once."""
    return {v for v, n in Counter(values).items() if n > 1}


def check_people(session: Session) -> Iterator[Problem]:
    """Stakeholder groups and participants: duplicates, unknown groups, days out of range."""
    dup_groups = duplicates([g.key for g in session.groups])
    for i, group in enumerate(session.groups):
        if group.key in dup_groups:
            yield error("duplicate_group", ("groups", i, "key"), key=group.key)
    keys = {g.key for g in session.groups}
    dup_people = duplicates([p.id for p in session.participants])
    day_count = len(session.days)
    for i, person in enumerate(session.participants):
        if person.id in dup_people:
            yield error("duplicate_participant", ("participants", i, "id"), id=person.id)
        if person.group not in keys:
            yield error(
                "unknown_group",
                ("participants", i, "group"),
                group=person.group,
                name=person.first_name,
                known=", ".join(sorted(keys)) or "—",
            )
        for j, number in enumerate(person.days or []):
            if not 1 <= number <= day_count:
                yield error(
                    "participant_day_out_of_range",
                    ("participants", i, "days", j),
                    name=person.first_name,
                    day=number,
                    count=day_count,
                )


# -- days and timings --------------------------------------------------------------------------
def check_days(session: Session) -> Iterator[Problem]:
    """Days in order, each day's timings (overlaps, overruns, long stretches without a break)."""
    previous: dt.date | None = None
    for d, day in enumerate(session.days):
        if previous is not None and day.date <= previous:
            yield error("day_dates_order", ("days", d, "date"), day=d + 1)
        previous = day.date
        if day.end <= day.start:
            yield error("day_end_before_start", ("days", d, "end"), day=d + 1)
            continue
        yield from _check_day_timings(session, d)


def _check_day_timings(session: Session, d: int) -> Iterator[Problem]:
    day = session.days[d]
    placed = schedule_day(day, d + 1)
    closing = day_end(day)
    opening = dt.datetime.combine(day.date, day.start)
    previous_end = opening
    worked = 0
    for item in placed:
        path: Path = ("days", d, "agenda", item.index)
        if item.start < opening:
            yield error(
                "block_before_day_start", (*path, "start"), title=item.block.title,
                start=format_time(item.start), day_start=format_time(opening),
            )
        elif item.start < previous_end:
            yield error(
                "block_overlap", (*path, "start"), title=item.block.title,
                start=format_time(item.start), previous_end=format_time(previous_end),
            )
        if item.end > closing or item.end.date() != day.date:
            over = int((item.end - closing).total_seconds() // 60)
            yield error(
                "day_overrun", path, day=d + 1, title=item.block.title, end=format_time(item.end),
                day_end=format_time(closing), minutes=over,
            )
            break
        gap = int((item.start - previous_end).total_seconds() // 60)
        if item.block.method_type in PAUSE_TYPES or gap >= MIN_GAP_AS_PAUSE:
            worked = 0
        if item.block.method_type not in PAUSE_TYPES:
            worked += item.block.duration
            if worked > MAX_MINUTES_WITHOUT_BREAK:
                yield warning(
                    "no_break", path, title=item.block.title, hours=worked // 60,
                    minutes=worked % 60,
                )
                worked = 0
        previous_end = max(previous_end, item.end)


# -- phases ------------------------------------------------------------------------------------
def check_phase_order(session: Session) -> Iterator[Problem]:
    """Scan, Focus and Act in order."""
    reached: Phase | None = None
    for d, day in enumerate(session.days):
        for b, block in enumerate(day.agenda):
            if block.phase not in PHASE_ORDER:
                continue
            if reached is not None and PHASE_ORDER[block.phase] < PHASE_ORDER[reached]:
                yield warning(
                    "phase_order", ("days", d, "agenda", b, "phase"), title=block.title,
                    phase=block.phase.value, reached=reached.value,
                )
            else:
                reached = block.phase
