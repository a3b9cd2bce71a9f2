"""Events about what the groups produce: contributions, clusters, votes, personas and journeys,
commitments, survey responses, closing words, attachments."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from labkit.model.events.base import (
    CommitmentStatus,
    ContributionKind,
    EditEvent,
    EventModel,
    IdList,
)
from labkit.model.events.fields import Ident, Number, ShortText, Territory, Text, TextList
from labkit.model.files import ATTACHMENTS_DIR

_SHA256 = re.compile(r"^[0-9a-f]{64}$")

# --- contributions, clusters, kept ideas, votes ----------------------------------------------


class _Placement(EventModel):
    block_id: Ident | None = None
    question: Number | None = None
    round: Number | None = None
    table: Number | None = None
    pair: Number | None = None
    team: Ident | None = None
    territory: Territory | None = None


class ContributionAdded(_Placement):
    type: Literal["contribution.added"] = "contribution.added"
    id_field: ClassVar[str | None] = "contribution_id"
    id_prefix: ClassVar[str] = "c"
    contribution_id: Ident | None = None
    text: Text
    kind: ContributionKind = "note"
    author: ShortText | None = None
    """Who said it (a participant id or a first name), only if they agree to be named."""


class ContributionEdited(_Placement, EditEvent):
    type: Literal["contribution.edited"] = "contribution.edited"
    key_field: ClassVar[str] = "contribution_id"
    required_fields: ClassVar[frozenset[str]] = frozenset({"text", "kind"})
    contribution_id: Ident
    text: Text | None = None
    kind: ContributionKind | None = None
    author: ShortText | None = None


class ContributionDeleted(EventModel):
    type: Literal["contribution.deleted"] = "contribution.deleted"
    contribution_id: Ident


class ClusterCreated(EventModel):
    type: Literal["cluster.created"] = "cluster.created"
    id_field: ClassVar[str | None] = "cluster_id"
    id_prefix: ClassVar[str] = "g"
    cluster_id: Ident | None = None
    title: ShortText
    block_id: Ident | None = None
    question: Number | None = None
    contribution_ids: IdList = []


class ClusterRenamed(EventModel):
    type: Literal["cluster.renamed"] = "cluster.renamed"
    cluster_id: Ident
    title: ShortText


class ClusterMembersAdded(EventModel):
    """Contributions put in a cluster (taken out of any other cluster)."""

    type: Literal["cluster.members_added"] = "cluster.members_added"
    cluster_id: Ident
    contribution_ids: Annotated[IdList, Field(min_length=1)]


class ClusterMembersRemoved(EventModel):
    type: Literal["cluster.members_removed"] = "cluster.members_removed"
    cluster_id: Ident
    contribution_ids: Annotated[IdList, Field(min_length=1)]


class ClusterDeleted(EventModel):
    type: Literal["cluster.deleted"] = "cluster.deleted"
    cluster_id: Ident


class IdeasKept(EventModel):
    """The ideas kept for a question (ordered; contribution or cluster ids); replaces earlier."""

    type: Literal["ideas.kept"] = "ideas.kept"
    block_id: Ident | None = None
    question: Number | None = None
    item_ids: Annotated[IdList, Field(max_length=100)]

    @field_validator("item_ids")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise PydanticCustomError("duplicate_items", "an item is kept twice")
        return value


class VoteCast(EventModel):
    """Dots given to an item (a contribution or a cluster) by a participant, a team or the room."""

    type: Literal["vote.cast"] = "vote.cast"
    item_id: Ident
    dots: int = Field(default=1, ge=1, le=1000)
    participant_id: Ident | None = None
    team: Ident | None = None
    block_id: Ident | None = None
    question: Number | None = None

    @model_validator(mode="after")
    def _one_voter(self) -> VoteCast:
        if self.participant_id is not None and self.team is not None:
            raise PydanticCustomError("two_voters", "a vote is per participant or per team")
        return self


# --- personas and journeys -------------------------------------------------------------------


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


# --- commitments -----------------------------------------------------------------------------


class CommitmentAdded(EventModel):
    type: Literal["commitment.added"] = "commitment.added"
    id_field: ClassVar[str | None] = "commitment_id"
    id_prefix: ClassVar[str] = "e"
    commitment_id: Ident | None = None
    what: Text
    owner_organisation: ShortText | None = None
    owner_person: ShortText | None = None
    due: date | None = None
    indicator: Text | None = None
    territory: Territory | None = None
    team: Ident | None = None
    status: CommitmentStatus = "proposed"
    block_id: Ident | None = None


class CommitmentEdited(EditEvent):
    type: Literal["commitment.edited"] = "commitment.edited"
    key_field: ClassVar[str] = "commitment_id"
    required_fields: ClassVar[frozenset[str]] = frozenset({"what", "status"})
    commitment_id: Ident
    what: Text | None = None
    owner_organisation: ShortText | None = None
    owner_person: ShortText | None = None
    due: date | None = None
    indicator: Text | None = None
    territory: Territory | None = None
    team: Ident | None = None
    status: CommitmentStatus | None = None
    block_id: Ident | None = None


class CommitmentDeleted(EventModel):
    type: Literal["commitment.deleted"] = "commitment.deleted"
    commitment_id: Ident


# --- closing: survey, words, attachments, undo -----------------------------------------------


class SurveyAnswered(EventModel):
    """One questionnaire, anonymous by design: a stakeholder group, never a participant."""

    type: Literal["survey.answered"] = "survey.answered"
    id_field: ClassVar[str | None] = "response_id"
    id_prefix: ClassVar[str] = "r"
    response_id: Ident | None = None
    group: Ident
    """The respondent's stakeholder group key."""
    scores: Annotated[dict[Ident, Annotated[float, Field(ge=0, le=100)]], Field(max_length=100)]
    """One score per question id, on that question's scale."""
    comment: Text | None = None


class ClosingWordAdded(EventModel):
    type: Literal["closing.word_added"] = "closing.word_added"
    id_field: ClassVar[str | None] = "word_id"
    id_prefix: ClassVar[str] = "w"
    word_id: Ident | None = None
    text: ShortText | None = None
    image: ShortText | None = None
    """The picture chosen (its label or file name), when a participant picks an image."""
    participant_id: Ident | None = None
    block_id: Ident | None = None

    @model_validator(mode="after")
    def _word_or_image(self) -> ClosingWordAdded:
        if self.text is None and self.image is None:
            raise PydanticCustomError("word_or_image", "a closing word needs a word or an image")
        return self


class AttachmentAdded(EventModel):
    """A file (a photo of a flipchart, a tablecloth) copied into the session's attachments."""

    type: Literal["attachment.added"] = "attachment.added"
    id_field: ClassVar[str | None] = "attachment_id"
    id_prefix: ClassVar[str] = "f"
    attachment_id: Ident | None = None
    path: ShortText
    """Relative to the session folder, e.g. ``attachments/3f2a...-nappe.jpg``."""
    original_name: ShortText
    sha256: str
    size: int = Field(ge=0)
    media_type: ShortText | None = None
    caption: Text | None = None
    block_id: Ident | None = None
    question: Number | None = None
    table: Number | None = None
    team: Ident | None = None
    territory: Territory | None = None

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not _SHA256.match(value):
            raise PydanticCustomError("bad_sha256", "not a sha256 hex digest")
        return value

    @field_validator("path")
    @classmethod
    def _inside(cls, value: str) -> str:
        parts = value.replace("\\", "/").split("/")
        if value.startswith(("/", "\\")) or ".." in parts or parts[0] != ATTACHMENTS_DIR:
            raise PydanticCustomError("bad_path", f"an attachment lives in {ATTACHMENTS_DIR}/")
        return value
