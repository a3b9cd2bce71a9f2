"""Retro-planning: the preparation tasks of a session, dated relative to its first day."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from labkit.model.participants import ID_PATTERN
from labkit.model.text import clean_line, clean_optional_line, not_a_bool


class TaskStatus(StrEnum):
    """Where a preparation task stands."""

    TODO = "todo"
    DONE = "done"


class PreparationTask(BaseModel):
    """A task of the backward schedule, e.g. J-45 "invitations sent"."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    offset_days: int = Field(
        ge=-365, le=365, description="Days from the first session day: -45 is J-45, 14 is J+14."
    )
    owner: str | None = None
    status: TaskStatus = TaskStatus.TODO
    done_on: dt.date | None = None

    _clean_title = field_validator("title", mode="before")(clean_line)
    _whole_offset = field_validator("offset_days", mode="before")(not_a_bool)
    _clean_owner = field_validator("owner", mode="before")(clean_optional_line)

    @property
    def label(self) -> str:
        """The task's relative day as facilitators write it: "J-45", "J", "J+14"."""
        if self.offset_days == 0:
            return "J"
        return f"J{self.offset_days:+d}"

    def due(self, first_day: dt.date) -> dt.date:
        """The task's due date for a session starting on `first_day`."""
        return first_day + dt.timedelta(days=self.offset_days)
