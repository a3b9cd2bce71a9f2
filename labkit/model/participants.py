"""Stakeholder groups ("collèges") and participants."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from labkit.model.territories import normalise_territory
from labkit.model.text import clean_line, clean_optional_line

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class Role(StrEnum):
    """What a person does during the session."""

    PARTICIPANT = "participant"
    TABLE_HOST = "table_host"
    FACILITATOR = "facilitator"
    SPONSOR = "sponsor"
    OBSERVER = "observer"
    GRAPHIC_FACILITATOR = "graphic_facilitator"

    @property
    def seated(self) -> bool:
        """Whether this person sits at tables and takes part in rotations and pairs."""
        return self in (Role.PARTICIPANT, Role.TABLE_HOST, Role.SPONSOR)


class StakeholderGroup(BaseModel):
    """A stakeholder group of the session, e.g. job seekers or employment advisers."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    key: str = Field(pattern=ID_PATTERN, description="Short identifier used by participants.")
    label: str = Field(min_length=1, description="Name shown in agendas and reports.")
    colour: str = Field(
        default="#888888",
        pattern=r"^#[0-9A-Fa-f]{6}$",
        description="Colour as #RRGGBB, used for badges and charts.",
    )
    vulnerable: bool = Field(
        default=False,
        description="Members are never named in reports, even with --named (e.g. job seekers).",
    )

    _clean = field_validator("label", mode="before")(clean_line)


class Participant(BaseModel):
    """A person taking part; personal data is kept minimal (RGPD)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(pattern=ID_PATTERN, description="Stable identifier, e.g. p01.")
    first_name: str = Field(min_length=1)
    last_name: str | None = None
    organisation: str | None = None
    function: str | None = Field(
        default=None, description='Job title ("Fonction / qualité") for the sign-in sheet.'
    )
    group: str = Field(description="Key of a stakeholder group declared in `groups`.")
    role: Role = Role.PARTICIPANT
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    territory: str | None = Field(
        default=None, description="Département or region: 93, Ardèche, R84 (kept as its code)."
    )
    consent_named: bool = Field(
        default=False, description="Consents to be named in the restitution."
    )
    consent_contact: bool = Field(
        default=False, description="Agrees to receive the calendar invitation by e-mail."
    )
    days: list[int] | None = Field(
        default=None, description="Days attended (1-based); empty or absent means every day."
    )

    _clean = field_validator("first_name", "group", mode="before")(clean_line)
    _clean_optional = field_validator(
        "last_name", "organisation", "function", "territory", "email", mode="before"
    )(clean_optional_line)
    _territory = field_validator("territory")(normalise_territory)

    @property
    def display_name(self) -> str:
        """First name, plus the last name's initial when known ("Hélène D.")."""
        if self.last_name:
            return f"{self.first_name} {self.last_name[0]}."
        return self.first_name

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name

    def attends(self, day_number: int) -> bool:
        """Whether the participant attends day `day_number` (1-based)."""
        return not self.days or day_number in self.days
