"""Planned timings: each block's start and end from the day's start and the durations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from labkit.model.session import Block, Day, Phase, Session


@dataclass(frozen=True)
class ScheduledBlock:
    """A block placed on the clock: planned start and end (naive local datetimes)."""

    day_number: int
    index: int
    block: Block
    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> int:
        """Planned duration in minutes."""
        return self.block.duration


def schedule_day(day: Day, day_number: int = 1) -> list[ScheduledBlock]:
    """Place the day's blocks one after the other from the day's start.

    A block with a fixed `start` begins at that time (leaving a gap, or overlapping the previous
    block, which validation reports); the following blocks run on from its end.
    """
    cursor = dt.datetime.combine(day.date, day.start)
    placed: list[ScheduledBlock] = []
    for index, block in enumerate(day.agenda):
        start = dt.datetime.combine(day.date, block.start) if block.start else cursor
        end = start + dt.timedelta(minutes=block.duration)
        placed.append(ScheduledBlock(day_number, index, block, start, end))
        cursor = end
    return placed


def schedule_session(session: Session) -> list[list[ScheduledBlock]]:
    """The planned timings of every day, in order."""
    return [schedule_day(day, n) for n, day in enumerate(session.days, 1)]


def day_end(day: Day) -> dt.datetime:
    """The day's closing time as a datetime."""
    return dt.datetime.combine(day.date, day.end)


def minutes_per_phase(session: Session) -> dict[Phase, int]:
    """Total planned minutes per ASE phase over the whole session (every phase present)."""
    totals = {phase: 0 for phase in Phase}
    for _, block in session.blocks():
        totals[block.phase] += block.duration
    return totals
