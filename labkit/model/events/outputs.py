"""Events about what the groups produce: commitments, survey responses, closing words,
attachments (contributions, clusters, votes and personas have their own modules)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from labkit.model.events.base import (
    CommitmentStatus,
    EditEvent,
    EventModel,
)
from labkit.model.events.fields import Ident, Number, ShortText, Territory, Text
from labkit.model.files import ATTACHMENTS_DIR

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


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
