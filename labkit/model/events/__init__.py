"""The journal's typed events: one pydantic model per event type, a union discriminated on `type`.

An event is validated by its model before it is written. Events that create something carry its
identifier (`contribution_id`, `cluster_id`...); left empty, the journal assigns the next free one
(``c12``, ``g3``...). Edit events are *partial*: only the fields given are changed, and a field
given as ``None`` is cleared. Nothing is ever updated or deleted in the database: deletions and
undo are events too (`event.undone` targets another event by its uuid; undoing an undo redoes).

Identifier prefixes: c contribution, g cluster (group), p persona, s journey step, e commitment
(engagement), r survey response, w closing word, f attachment (file).

Each model is built on first use, with the module of its family (`contributions`, `clusters`,
`personas`, `outputs`, `session`): `MODELS` maps type names to models through a static table, so
that a writer of one contribution (`labkit note`) builds the contribution models, not all 34
(issue 16: cold start). `EVENT_MODELS`, the union `Event` and `EVENT_ADAPTER` build them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any, Union

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

_TABLE: tuple[tuple[str, str, str], ...] = (
    ("block.started", "BlockStarted", "session"),
    ("block.paused", "BlockPaused", "session"),
    ("block.resumed", "BlockResumed", "session"),
    ("block.extended", "BlockExtended", "session"),
    ("block.ended", "BlockEnded", "session"),
    ("round.started", "RoundStarted", "session"),
    ("round.ended", "RoundEnded", "session"),
    ("rotation.replanned", "RotationReplanned", "session"),
    ("attendance.arrived", "AttendanceArrived", "session"),
    ("attendance.left", "AttendanceLeft", "session"),
    ("attendance.absent", "AttendanceAbsent", "session"),
    ("contribution.added", "ContributionAdded", "contributions"),
    ("contribution.edited", "ContributionEdited", "contributions"),
    ("contribution.deleted", "ContributionDeleted", "contributions"),
    ("cluster.created", "ClusterCreated", "clusters"),
    ("cluster.renamed", "ClusterRenamed", "clusters"),
    ("cluster.members_added", "ClusterMembersAdded", "clusters"),
    ("cluster.members_removed", "ClusterMembersRemoved", "clusters"),
    ("cluster.deleted", "ClusterDeleted", "clusters"),
    ("ideas.kept", "IdeasKept", "clusters"),
    ("vote.cast", "VoteCast", "clusters"),
    ("persona.created", "PersonaCreated", "personas"),
    ("persona.edited", "PersonaEdited", "personas"),
    ("persona.deleted", "PersonaDeleted", "personas"),
    ("journey_step.added", "JourneyStepAdded", "personas"),
    ("journey_step.edited", "JourneyStepEdited", "personas"),
    ("journey_step.deleted", "JourneyStepDeleted", "personas"),
    ("commitment.added", "CommitmentAdded", "outputs"),
    ("commitment.edited", "CommitmentEdited", "outputs"),
    ("commitment.deleted", "CommitmentDeleted", "outputs"),
    ("survey.answered", "SurveyAnswered", "outputs"),
    ("closing.word_added", "ClosingWordAdded", "outputs"),
    ("attachment.added", "AttachmentAdded", "outputs"),
    ("event.undone", "EventUndone", "session"),
)
"""Every event: its type name, its model's name and the module defining it (a test checks it)."""

_CLASS_OF = {type_name: name for type_name, name, _ in _TABLE}
_MODULE_OF = {name: module for _, name, module in _TABLE}


class _Models(Mapping[str, type[EventModel]]):
    """Event type name -> model, each model built (its module imported) on first lookup."""

    def __getitem__(self, event_type: str) -> type[EventModel]:
        model: type[EventModel] = __getattr__(_CLASS_OF[event_type])
        return model

    def __contains__(self, event_type: object) -> bool:
        return event_type in _CLASS_OF

    def __iter__(self) -> Iterator[str]:
        return iter(_CLASS_OF)

    def __len__(self) -> int:
        return len(_CLASS_OF)


MODELS: Mapping[str, type[EventModel]] = _Models()
"""Event type name -> model."""


def __getattr__(name: str) -> Any:
    """A model by its class name, or `EVENT_MODELS`, `Event`, `EVENT_ADAPTER`, built on first
    use and kept."""
    if name in _MODULE_OF:
        value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    elif name == "EVENT_MODELS":
        value = tuple(MODELS[type_name] for type_name in _CLASS_OF)
    elif name == "Event":
        from pydantic import Field

        models = __getattr__("EVENT_MODELS")
        value = Annotated[Union[models], Field(discriminator="type")]  # noqa: UP007
    elif name == "EVENT_ADAPTER":
        from pydantic import ConfigDict, TypeAdapter

        value = TypeAdapter(__getattr__("Event"), config=ConfigDict(defer_build=True))
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from pydantic import Field, TypeAdapter

    from labkit.model.events.clusters import (
        ClusterCreated,
        ClusterDeleted,
        ClusterMembersAdded,
        ClusterMembersRemoved,
        ClusterRenamed,
        IdeasKept,
        VoteCast,
    )
    from labkit.model.events.contributions import (
        ContributionAdded,
        ContributionDeleted,
        ContributionEdited,
    )
    from labkit.model.events.outputs import (
        AttachmentAdded,
        ClosingWordAdded,
        CommitmentAdded,
        CommitmentDeleted,
        CommitmentEdited,
        SurveyAnswered,
    )
    from labkit.model.events.personas import (
        JourneyStepAdded,
        JourneyStepDeleted,
        JourneyStepEdited,
        PersonaCreated,
        PersonaDeleted,
        PersonaEdited,
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

    EVENT_MODELS: tuple[type[EventModel], ...]
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
    EVENT_ADAPTER: TypeAdapter[Event]
    """Validates any event; its schema (every event model) is built on first use."""


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
