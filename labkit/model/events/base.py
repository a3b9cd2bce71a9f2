"""Base classes and shared types of the journal's event models (see `events`)."""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from labkit.model.events.fields import Ident, Instant

ContributionKind = Literal[
    "idea", "ingredient", "insight", "question", "pain_point", "quote", "note", "feedback",
    "decision",
]
"""What a contribution is; ``note`` is a free note (e.g. a territorial diagnostic or peer help)."""
CONTRIBUTION_KINDS: tuple[str, ...] = get_args(ContributionKind)

CommitmentStatus = Literal["proposed", "committed", "in_progress", "done", "dropped"]
COMMITMENT_STATUSES: tuple[str, ...] = get_args(CommitmentStatus)

IdList = Annotated[list[Ident], Field(max_length=2000)]
UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class EventModel(BaseModel):
    """Base of every event payload."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    type: str
    id_field: ClassVar[str | None] = None
    """The field holding the identifier this event creates (assigned by the journal if empty)."""
    id_prefix: ClassVar[str] = ""
    partial: ClassVar[bool] = False

    def payload(self) -> dict[str, Any]:
        """The JSON-ready payload stored in the journal (without `type`, stored apart)."""
        if self.partial:
            return self.model_dump(mode="json", exclude={"type"}, exclude_unset=True)
        return self.model_dump(mode="json", exclude={"type"}, exclude_none=True)

    def payload_json(self) -> str:
        """`payload()` as compact JSON text (UTF-8, not ASCII-escaped)."""
        if self.partial:
            return self.model_dump_json(exclude={"type"}, exclude_unset=True)
        return self.model_dump_json(exclude={"type"}, exclude_none=True)

    def new_id(self) -> str | None:
        """The identifier this event creates, if any."""
        return self.__dict__[self.id_field] if self.id_field else None


class EditEvent(EventModel):
    """A partial change: fields left out are unchanged, fields given as None are cleared."""

    partial: ClassVar[bool] = True
    key_field: ClassVar[str] = ""
    required_fields: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _check_changes(self) -> EditEvent:
        changed = self.changes()
        if not changed:
            raise PydanticCustomError("edit_empty", "nothing to change")
        for name in sorted(self.required_fields & changed.keys()):
            if changed[name] is None:
                raise PydanticCustomError(
                    "field_cleared", "{field} cannot be cleared", {"field": name}
                )
        return self

    def target(self) -> str:
        """The identifier of the edited item."""
        return str(getattr(self, self.key_field))

    def changes(self) -> dict[str, Any]:
        """The fields this edit sets (None clears a field)."""
        return {
            name: getattr(self, name)
            for name in self.model_fields_set
            if name not in ("type", self.key_field)
        }


class TimedEvent(EventModel):
    at: Instant | None = None
    """When it happened, if not when it was recorded (a late entry)."""
