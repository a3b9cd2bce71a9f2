"""Events about contributions: an idea, a quote, a note... added, edited, deleted."""

from __future__ import annotations

from typing import ClassVar, Literal

from labkit.model.events.base import (
    ContributionKind,
    EditEvent,
    EventModel,
)
from labkit.model.events.fields import Ident, Number, ShortText, Territory, Text


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
