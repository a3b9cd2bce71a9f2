"""Events about how the session runs: block and round lifecycle, rotations, attendance, undo."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from labkit.model.events.base import UUID_PATTERN, EventModel, IdList, TimedEvent
from labkit.model.events.fields import Ident, Number, ShortText

# --- block and world café round lifecycle -------------------------------------------------


class BlockStarted(TimedEvent):
    type: Literal["block.started"] = "block.started"
    block_id: Ident


class BlockPaused(TimedEvent):
    type: Literal["block.paused"] = "block.paused"
    block_id: Ident


class BlockResumed(TimedEvent):
    type: Literal["block.resumed"] = "block.resumed"
    block_id: Ident


class BlockExtended(EventModel):
    type: Literal["block.extended"] = "block.extended"
    block_id: Ident
    minutes: int = Field(ge=-600, le=600)
    """Minutes added to the block's planned duration (negative: shortened)."""

    @field_validator("minutes")
    @classmethod
    def _not_zero(cls, value: int) -> int:
        if value == 0:
            raise PydanticCustomError("zero_minutes", "an extension of 0 minutes")
        return value


class BlockEnded(TimedEvent):
    type: Literal["block.ended"] = "block.ended"
    block_id: Ident


class RoundStarted(TimedEvent):
    type: Literal["round.started"] = "round.started"
    block_id: Ident
    round: Number


class RoundEnded(TimedEvent):
    type: Literal["round.ended"] = "round.ended"
    block_id: Ident
    round: Number


class RotationReplanned(EventModel):
    """A world-café rotation re-planned on the spot: rounds of tables of participant ids."""

    type: Literal["rotation.replanned"] = "rotation.replanned"
    block_id: Ident
    from_round: Number
    """The round number of `plan[0]`."""
    plan: Annotated[list[list[IdList]], Field(min_length=1, max_length=100)]
    reason: ShortText | None = None

    @model_validator(mode="after")
    def _once_per_round(self) -> RotationReplanned:
        for index, tables in enumerate(self.plan):
            seen: set[str] = set()
            for table in tables:
                for person in table:
                    if person in seen:
                        raise PydanticCustomError(
                            "twice_in_round",
                            "{person} sits twice in round {round}",
                            {"person": person, "round": self.from_round + index},
                        )
                    seen.add(person)
        return self


# --- attendance ------------------------------------------------------------------------------


class AttendanceArrived(TimedEvent):
    type: Literal["attendance.arrived"] = "attendance.arrived"
    participant_id: Ident
    day: Number


class AttendanceLeft(TimedEvent):
    type: Literal["attendance.left"] = "attendance.left"
    participant_id: Ident
    day: Number


class AttendanceAbsent(EventModel):
    type: Literal["attendance.absent"] = "attendance.absent"
    participant_id: Ident
    day: Number
    reason: ShortText | None = None


class EventUndone(EventModel):
    """Cancels an earlier event (identified by its uuid); undoing an undo redoes."""

    type: Literal["event.undone"] = "event.undone"
    target: str
    reason: ShortText | None = None

    @field_validator("target")
    @classmethod
    def _uuid(cls, value: str) -> str:
        if not UUID_PATTERN.match(value):
            raise PydanticCustomError("bad_uuid", "not an event uuid")
        return value
