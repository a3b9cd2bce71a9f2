"""Typed, read-only views of what the journal holds (built by `labkit.store.journal.state`).

All datetimes are timezone-aware UTC. Timers take an optional `now` so that they can be tested and
so that a screen refreshing every second can pass one clock reading to every widget.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from labkit.model.events import EventModel
from labkit.model.events.fields import utc_now
from labkit.model.record import Record

BlockStatus = Literal["not_started", "running", "paused", "ended"]
PresenceStatus = Literal["present", "left", "absent"]
ZERO = timedelta(0)


@dataclass(frozen=True, eq=False, repr=False)
class RecordedEvent(Record):
    """An event as stored: its place in the journal, who recorded it, when, and its payload."""

    id: int
    uuid: str
    ts: datetime
    device: str
    recorder: str | None
    event: EventModel

    @property
    def type(self) -> str:
        """The event type name, e.g. ``contribution.added``."""
        return self.event.type

    @property
    def at(self) -> datetime:
        """When it happened: the event's own `at` if given (a late entry), else when recorded."""
        return self.event.__dict__.get("at") or self.ts


@dataclass(frozen=True, eq=False, repr=False)
class Interval(Record):
    """A span of time; `end` is None while it lasts."""

    start: datetime
    end: datetime | None = None

    def duration(self, now: datetime | None = None) -> timedelta:
        """Its length, up to `now` while it lasts."""
        end = self.end or now or utc_now()
        return max(end - self.start, ZERO)

    def overlap(self, start: datetime, end: datetime) -> timedelta:
        """How much of [start, end] it covers (an open interval is taken to last until `end`)."""
        lo, hi = max(self.start, start), min(self.end or end, end)
        return max(hi - lo, ZERO)


def _paused_between(pauses: tuple[Interval, ...], start: datetime, end: datetime) -> timedelta:
    return sum((pause.overlap(start, end) for pause in pauses), ZERO)


@dataclass(frozen=True, eq=False, repr=False)
class BlockTiming(Record):
    """How an agenda block actually ran."""

    block_id: str
    started_at: datetime | None = None
    ended_at: datetime | None = None
    pauses: tuple[Interval, ...] = ()
    extension_minutes: int = 0
    """Minutes added (or, negative, removed) during the session."""

    @property
    def status(self) -> BlockStatus:
        """not_started, running, paused or ended."""
        if self.ended_at is not None:
            return "ended"
        if self.started_at is None:
            return "not_started"
        return "paused" if self.pauses and self.pauses[-1].end is None else "running"

    def paused_time(self, now: datetime | None = None) -> timedelta:
        """Total time spent paused."""
        if self.started_at is None:
            return ZERO
        end = self.ended_at or now or utc_now()
        return _paused_between(self.pauses, self.started_at, end)

    def elapsed(self, now: datetime | None = None) -> timedelta:
        """Time the block has been running, pauses excluded."""
        if self.started_at is None:
            return ZERO
        end = self.ended_at or now or utc_now()
        return max(end - self.started_at - self.paused_time(end), ZERO)

    def remaining(self, planned_minutes: float, now: datetime | None = None) -> timedelta:
        """Time left on the planned duration plus extensions (negative when overrunning)."""
        budget = timedelta(minutes=planned_minutes + self.extension_minutes)
        return budget - self.elapsed(now)


@dataclass(frozen=True, eq=False, repr=False)
class RoundTiming(Record):
    """A world-café round within a block."""

    block_id: str
    round: int
    started_at: datetime
    ended_at: datetime | None = None

    @property
    def running(self) -> bool:
        """Whether the round has started and not ended."""
        return self.ended_at is None

    def elapsed(self, block: BlockTiming | None = None, now: datetime | None = None) -> timedelta:
        """Time the round has been running, the block's pauses excluded."""
        end = self.ended_at or now or utc_now()
        paused = _paused_between(block.pauses, self.started_at, end) if block else ZERO
        return max(end - self.started_at - paused, ZERO)


@dataclass(frozen=True, eq=False, repr=False)
class Rotation(Record):
    """A re-planned world-café rotation: `plan[i]` is round `from_round + i`, a list of tables."""

    block_id: str
    from_round: int
    plan: tuple[tuple[tuple[str, ...], ...], ...]
    reason: str | None
    event_id: int

    def tables(self, round_number: int) -> tuple[tuple[str, ...], ...] | None:
        """The tables of `round_number` in this plan, or None if the plan does not cover it."""
        index = round_number - self.from_round
        return self.plan[index] if 0 <= index < len(self.plan) else None


@dataclass(frozen=True, eq=False, repr=False)
class Attendance(Record):
    """A participant's presence on one day."""

    participant_id: str
    day: int
    status: PresenceStatus
    stays: tuple[Interval, ...] = ()
    """Each arrival and the following departure."""
    absence_reason: str | None = None

    @property
    def arrived_at(self) -> datetime | None:
        """First arrival of the day."""
        return self.stays[0].start if self.stays else None

    @property
    def left_at(self) -> datetime | None:
        """Last departure of the day (None while present)."""
        return self.stays[-1].end if self.stays else None


@dataclass(frozen=True, eq=False, repr=False)
class Contribution(Record):
    """Something a group produced: an idea, an ingredient, a question, a note..."""

    contribution_id: str
    text: str
    kind: str
    block_id: str | None
    question: int | None
    round: int | None
    table: int | None
    pair: int | None
    team: str | None
    territory: str | None
    author: str | None
    event_id: int
    recorded_at: datetime
    device: str
    recorder: str | None
    edited_at: datetime | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Cluster(Record):
    """Contributions grouped under a title."""

    cluster_id: str
    title: str
    block_id: str | None
    question: int | None
    contribution_ids: tuple[str, ...]
    event_id: int


@dataclass(frozen=True, eq=False, repr=False)
class KeptIdeas(Record):
    """The ideas kept (in order) for a question of a block."""

    block_id: str | None
    question: int | None
    item_ids: tuple[str, ...]
    event_id: int


@dataclass(frozen=True, eq=False, repr=False)
class Vote(Record):
    """Dots given to an item."""

    item_id: str
    dots: int
    participant_id: str | None
    team: str | None
    block_id: str | None
    question: int | None
    event_id: int


@dataclass(frozen=True, eq=False, repr=False)
class Persona(Record):
    persona_id: str
    name: str
    description: str | None
    block_id: str | None
    table: int | None
    team: str | None
    event_id: int


@dataclass(frozen=True, eq=False, repr=False)
class JourneyStep(Record):
    step_id: str
    persona_id: str
    stage: str
    position: int | None
    actions: tuple[str, ...]
    touchpoints: tuple[str, ...]
    emotion: int | None
    pain_points: tuple[str, ...]
    opportunities: tuple[str, ...]
    event_id: int


@dataclass(frozen=True, eq=False, repr=False)
class Commitment(Record):
    commitment_id: str
    what: str
    owner_organisation: str | None
    owner_person: str | None
    due: date | None
    indicator: str | None
    territory: str | None
    team: str | None
    status: str
    block_id: str | None
    event_id: int
    updated_at: datetime | None = None


@dataclass(frozen=True, eq=False, repr=False)
class SurveyResponse(Record):
    """One anonymous questionnaire."""

    response_id: str
    group: str
    scores: Mapping[str, float]
    comment: str | None
    event_id: int


@dataclass(frozen=True, eq=False, repr=False)
class ClosingWord(Record):
    word_id: str
    text: str | None
    image: str | None
    participant_id: str | None
    block_id: str | None
    event_id: int


@dataclass(frozen=True, eq=False, repr=False)
class Attachment(Record):
    attachment_id: str
    path: str
    original_name: str
    sha256: str
    size: int
    media_type: str | None
    caption: str | None
    block_id: str | None
    question: int | None
    table: int | None
    team: str | None
    territory: str | None
    event_id: int
    recorded_at: datetime


@dataclass(frozen=True, eq=False, repr=False)
class BlockDrift(Record):
    """A block's actual timing against its planned start and end.

    Positive drifts are late. While a block runs, `projected_end` is when it will end if it uses
    its planned duration plus extensions, and `end_drift` is measured on that projection.
    """

    block_id: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
    projected_end: datetime | None
    start_drift: timedelta | None
    end_drift: timedelta | None
    duration_drift: timedelta | None = field(default=None)
