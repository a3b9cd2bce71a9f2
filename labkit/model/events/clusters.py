"""Events about grouping and choosing: clusters of contributions, kept ideas, votes."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from labkit.model.events.base import (
    EventModel,
    IdList,
)
from labkit.model.events.fields import Ident, Number, ShortText


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
