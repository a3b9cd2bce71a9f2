"""Practical and administrative settings of a session: contact, organisers, privacy, calendar.

All optional, so that older session files stay valid; the documents fall back to sensible French
defaults (the Lab as organiser, a standard RGPD notice naming the Lab).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from labkit.model.text import clean_line, clean_optional_line, clean_text

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class Contact(BaseModel):
    """Whom guests write or call with a question."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str = Field(min_length=1)
    email: str | None = Field(default=None, pattern=EMAIL_PATTERN)
    phone: str | None = None

    _clean = field_validator("name", mode="before")(clean_line)
    _clean_optional = field_validator("email", "phone", mode="before")(clean_optional_line)


class Organiser(BaseModel):
    """An organisation that co-organises the session (shown on the invitation and sign-in sheet)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str = Field(min_length=1)
    role: str | None = Field(default=None, description='E.g. "co-organisateur", "financeur".')

    _clean = field_validator("name", mode="before")(clean_line)
    _clean_role = field_validator("role", mode="before")(clean_optional_line)


def organiser_shorthand(value: object) -> object:
    """Accept `organisers: [DREETS, Département]` (names only) as well as mappings."""
    if isinstance(value, list):
        return [{"name": item} if isinstance(item, str) else item for item in value]
    return value


class Calendar(BaseModel):
    """Where the calendar's working days come from, and its stable UID part."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    country: str = Field(
        default="FR", pattern=r"^[A-Z]{2}$",
        description="ISO country code of the public holidays (FR, BE, CH...).",
    )
    subdivision: str | None = Field(
        default=None, description='Region of the holidays, e.g. "57" (Moselle) or "GES".'
    )
    uid: str | None = Field(
        default=None, pattern=r"^[A-Za-z0-9-]{6,64}$",
        description="Lab-specific part of the .ics UIDs; written by `labkit ics` when missing.",
    )

    @field_validator("country", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value


def clean_notice(value: object) -> object:
    """A privacy notice: multi-line text, blank meaning "use the default"."""
    value = clean_text(value)
    if isinstance(value, str):
        value = re.sub(r"[ \t]+\n", "\n", value).strip()
        return value or None
    return value
