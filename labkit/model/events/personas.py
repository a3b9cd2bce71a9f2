"""Events about personas and the steps of their journeys."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from labkit.model.events.base import (
    EditEvent,
    EventModel,
)
from labkit.model.events.fields import Ident, Number, ShortText, Text, TextList


class PersonaCreated(EventModel):
    type: Literal["persona.created"] = "persona.created"
    id_field: ClassVar[str | None] = "persona_id"
    id_prefix: ClassVar[str] = "p"
    persona_id: Ident | None = None
    name: ShortText
    description: Text | None = None
    block_id: Ident | None = None
    table: Number | None = None
    team: Ident | None = None


class PersonaEdited(EditEvent):
    type: Literal["persona.edited"] = "persona.edited"
    key_field: ClassVar[str] = "persona_id"
    required_fields: ClassVar[frozenset[str]] = frozenset({"name"})
    persona_id: Ident
    name: ShortText | None = None
    description: Text | None = None
    block_id: Ident | None = None
    table: Number | None = None
    team: Ident | None = None


class PersonaDeleted(EventModel):
    type: Literal["persona.deleted"] = "persona.deleted"
    persona_id: Ident


Emotion = Annotated[int, Field(ge=-2, le=2)]
"""From -2 (frustrated) to +2 (delighted)."""


class JourneyStepAdded(EventModel):
    type: Literal["journey_step.added"] = "journey_step.added"
    id_field: ClassVar[str | None] = "step_id"
    id_prefix: ClassVar[str] = "s"
    step_id: Ident | None = None
    persona_id: Ident
    stage: ShortText
    position: Number | None = None
    """Order in the journey; steps without a position follow, in recording order."""
    actions: TextList = []
    touchpoints: TextList = []
    emotion: Emotion | None = None
    pain_points: TextList = []
    opportunities: TextList = []


class JourneyStepEdited(EditEvent):
    type: Literal["journey_step.edited"] = "journey_step.edited"
    key_field: ClassVar[str] = "step_id"
    required_fields: ClassVar[frozenset[str]] = frozenset(
        {"stage", "actions", "touchpoints", "pain_points", "opportunities"}
    )
    step_id: Ident
    stage: ShortText | None = None
    position: Number | None = None
    actions: TextList | None = None
    touchpoints: TextList | None = None
    emotion: Emotion | None = None
    pain_points: TextList | None = None
    opportunities: TextList | None = None


class JourneyStepDeleted(EventModel):
    type: Literal["journey_step.deleted"] = "journey_step.deleted"
    step_id: Ident
