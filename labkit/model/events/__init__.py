"""The journal's typed events: one pydantic model per event type, a union discriminated on `type`.

An event is validated by its model before it is written. Events that create something carry its
identifier (`contribution_id`, `cluster_id`...); left empty, the journal assigns the next free one
(``c12``, ``g3``...). Edit events are *partial*: only the fields given are changed, and a field
given as ``None`` is cleared. Nothing is ever updated or deleted in the database: deletions and
undo are events too (`event.undone` targets another event by its uuid; undoing an undo redoes).

Identifier prefixes: c contribution, g cluster (group), p persona, s journey step, e commitment
(engagement), r survey response, w closing word, f attachment (file).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, TypeAdapter

from labkit.model.events.base import (
    COMMITMENT_STATUSES,
    CONTRIBUTION_KINDS,
    CommitmentStatus,
    ContributionKind,
    EditEvent,
    EventModel,
    TimedEvent,
)
from labkit.model.events.fields import STORED
from labkit.model.events.outputs import (
    AttachmentAdded,
    ClosingWordAdded,
    ClusterCreated,
    ClusterDeleted,
    ClusterMembersAdded,
    ClusterMembersRemoved,
    ClusterRenamed,
    CommitmentAdded,
    CommitmentDeleted,
    CommitmentEdited,
    ContributionAdded,
    ContributionDeleted,
    ContributionEdited,
    IdeasKept,
    JourneyStepAdded,
    JourneyStepDeleted,
    JourneyStepEdited,
    PersonaCreated,
    PersonaDeleted,
    PersonaEdited,
    SurveyAnswered,
    VoteCast,
)
from labkit.model.events.session import (
    AttendanceAbsent,
    AttendanceArrived,
    AttendanceLeft,
    BlockEnded,
    BlockExtended,
    BlockPaused,
    BlockResumed,
    BlockStarted,
    EventUndone,
    RotationReplanned,
    RoundEnded,
    RoundStarted,
)

EVENT_MODELS: tuple[type[EventModel], ...] = (
    BlockStarted, BlockPaused, BlockResumed, BlockExtended, BlockEnded,
    RoundStarted, RoundEnded, RotationReplanned,
    AttendanceArrived, AttendanceLeft, AttendanceAbsent,
    ContributionAdded, ContributionEdited, ContributionDeleted,
    ClusterCreated, ClusterRenamed, ClusterMembersAdded, ClusterMembersRemoved, ClusterDeleted,
    IdeasKept, VoteCast,
    PersonaCreated, PersonaEdited, PersonaDeleted,
    JourneyStepAdded, JourneyStepEdited, JourneyStepDeleted,
    CommitmentAdded, CommitmentEdited, CommitmentDeleted,
    SurveyAnswered, ClosingWordAdded, AttachmentAdded, EventUndone,
)  # fmt: skip

MODELS: dict[str, type[EventModel]] = {
    model.model_fields["type"].default: model for model in EVENT_MODELS
}
"""Event type name -> model."""

Event = Annotated[
    BlockStarted
    | BlockPaused
    | BlockResumed
    | BlockExtended
    | BlockEnded
    | RoundStarted
    | RoundEnded
    | RotationReplanned
    | AttendanceArrived
    | AttendanceLeft
    | AttendanceAbsent
    | ContributionAdded
    | ContributionEdited
    | ContributionDeleted
    | ClusterCreated
    | ClusterRenamed
    | ClusterMembersAdded
    | ClusterMembersRemoved
    | ClusterDeleted
    | IdeasKept
    | VoteCast
    | PersonaCreated
    | PersonaEdited
    | PersonaDeleted
    | JourneyStepAdded
    | JourneyStepEdited
    | JourneyStepDeleted
    | CommitmentAdded
    | CommitmentEdited
    | CommitmentDeleted
    | SurveyAnswered
    | ClosingWordAdded
    | AttachmentAdded
    | EventUndone,
    Field(discriminator="type"),
]
"""Any journal event, discriminated on `type`."""

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event, config=ConfigDict(defer_build=True))
"""Validates any event; its schema (every event model) is built on first use, not on import."""


def parse_payload(
    event_type: str, payload: str | bytes | dict[str, Any], *, stored: bool = False
) -> EventModel:
    """The event of type `event_type` from its payload (JSON text or dict).

    `stored` marks a payload read back from the journal: its texts were cleaned and checked when
    it was written, so that work is skipped (types and constraints are still validated).
    Raises KeyError for an unknown type and pydantic.ValidationError for a bad payload.
    """
    model = MODELS[event_type]
    context = STORED if stored else None
    if isinstance(payload, dict):
        return model.model_validate(payload, context=context)
    return model.model_validate_json(payload, context=context)


__all__ = [
    "COMMITMENT_STATUSES", "CONTRIBUTION_KINDS", "EVENT_ADAPTER", "EVENT_MODELS", "MODELS",
    "AttachmentAdded", "AttendanceAbsent", "AttendanceArrived", "AttendanceLeft", "BlockEnded",
    "BlockExtended", "BlockPaused", "BlockResumed", "BlockStarted", "ClosingWordAdded",
    "ClusterCreated", "ClusterDeleted", "ClusterMembersAdded", "ClusterMembersRemoved",
    "ClusterRenamed", "CommitmentAdded", "CommitmentDeleted", "CommitmentEdited",
    "CommitmentStatus", "ContributionAdded", "ContributionDeleted", "ContributionEdited",
    "ContributionKind", "EditEvent", "Event", "EventModel", "EventUndone", "IdeasKept",
    "JourneyStepAdded", "JourneyStepDeleted", "JourneyStepEdited", "PersonaCreated",
    "PersonaDeleted", "PersonaEdited", "RotationReplanned", "RoundEnded", "RoundStarted",
    "SurveyAnswered", "TimedEvent", "VoteCast", "parse_payload",
]  # fmt: skip
