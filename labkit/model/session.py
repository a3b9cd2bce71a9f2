"""The session plan: what a facilitator writes in session.yaml."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from labkit.i18n import Lang
from labkit.model.logistics import (
    Calendar,
    Contact,
    Organiser,
    clean_notice,
    organiser_shorthand,
)
from labkit.model.methods import MethodConfig
from labkit.model.participants import ID_PATTERN, Participant, StakeholderGroup
from labkit.model.preparation import PreparationTask
from labkit.model.restitution import Restitution
from labkit.model.text import clean_line, clean_optional_line, clean_text

SCHEMA_VERSION = 1
DEFAULT_TIMEZONE = "Europe/Paris"


def time_zone(name: str) -> ZoneInfo:
    """The IANA time zone `name` (e.g. "Europe/Paris"); ValueError when there is none."""
    if not name or name != name.strip():
        raise ValueError(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(name) from None


class Phase(StrEnum):
    """ASE phase of a block."""

    SCAN = "scan"
    FOCUS = "focus"
    ACT = "act"
    NONE = "none"


class SessionFormat(StrEnum):
    """The kind of Lab format."""

    LAB_SESSION = "lab_session"
    COLLABORATIVE_WORKSHOP = "collaborative_workshop"
    EVENT = "event"


class SessionMode(StrEnum):
    """Where the session runs."""

    IN_PERSON = "in_person"
    REMOTE = "remote"
    TRAVELING = "traveling"


class Block(BaseModel):
    """One block of a day's agenda."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="Stable identifier, unique in the session.")
    title: str = Field(min_length=1)
    phase: Phase = Phase.NONE
    duration: int = Field(ge=1, le=720, description="Duration in minutes.")
    start: dt.time | None = Field(
        default=None, description="Optional fixed start (e.g. 13:30); otherwise after the previous."
    )
    instructions: str = ""
    materials: list[str] = Field(default_factory=list)
    method: MethodConfig = Field(description="Method and its settings; `type` names the method.")

    _clean_title = field_validator("title", mode="before")(clean_line)
    _parse_start = field_validator("start", mode="before")(lambda v: parse_clock(v))
    _naive_start = field_validator("start")(lambda v: naive(v))
    _clean_instructions = field_validator("instructions", mode="before")(clean_text)

    @field_validator("method", mode="before")
    @classmethod
    def _method_shorthand(cls, value: Any) -> Any:
        """Accept `method: break` as a short form of `method: {type: break}`.

        Any name is turned into a mapping, so that a misspelt one ("plenery") is reported as an
        unknown method (with the list of methods), not as a wrongly typed field.
        """
        if isinstance(value, str):
            return {"type": value.strip()}
        return value

    @property
    def method_type(self) -> str:
        """The method's name, e.g. "world_cafe"."""
        return self.method.type


class Day(BaseModel):
    """A day of the session with its opening hours and agenda."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(17, 0)
    agenda: list[Block] = Field(default_factory=list)

    _parse_clock = field_validator("start", "end", mode="before")(lambda v: parse_clock(v))
    _naive_clock = field_validator("start", "end")(lambda v: naive(v))

_CLOCK = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)\s*$")


def parse_clock(value: Any) -> Any:
    """Accept French clock times ("9h30", "14h", "9:30") besides "09:30".

    A bare whole number from YAML (`start: 9`) is an hour; any other number is passed on as text
    so that it is reported as "not a time" (pydantic would read it as seconds after midnight,
    in UTC, and the aware time would break the timings).
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, int) and 0 <= value < 24:
            return dt.time(value)
        return str(value)
    if isinstance(value, str):
        match = _CLOCK.match(value)
        if match and int(match[1]) < 24 and int(match[2] or 0) < 60:
            return dt.time(int(match[1]), int(match[2] or 0))
    return value


def naive(value: dt.time | None) -> dt.time | None:
    """A clock time without offset: "09:30Z" is 09:30 in the session's own time zone.

    (An aware time would not compare with the naive ones the timings are built from.)
    """
    return value.replace(tzinfo=None) if value is not None and value.tzinfo else value


class SessionUrls(BaseModel):
    """Addresses the facilitators want to show as QR codes."""

    model_config = ConfigDict(extra="forbid")

    questionnaire: str | None = Field(default=None, pattern=r"^https?://\S+$")
    shared_folder: str | None = Field(default=None, pattern=r"^https?://\S+$")
    registration: str | None = Field(default=None, pattern=r"^https?://\S+$")
    resources: str | None = Field(default=None, pattern=r"^https?://\S+$")


class Session(BaseModel):
    """A Lab session: context, people and agenda. Pure data: no I/O."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1)
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    title: str = Field(min_length=1)
    lab: str = Field(min_length=1, description="The Lab that runs the session.")
    sponsor: str | None = Field(default=None, description="The commanditaire.")
    format: SessionFormat = SessionFormat.LAB_SESSION
    mode: SessionMode = SessionMode.IN_PERSON
    venue: str | None = None
    remote_link: str | None = Field(default=None, pattern=r"^https?://\S+$")
    language: Lang = Lang.FR
    inclusive_writing: bool = Field(
        default=False,
        description="Documents keep the point médian (participant·es); default: plain wording, "
        "as the circular of 21 November 2017 asks of official texts.",
    )
    timezone: str = Field(
        default=DEFAULT_TIMEZONE,
        description="IANA time zone of the planned times (e.g. Europe/Paris, America/Cayenne).",
    )
    context: str = ""
    questions: list[str] = Field(default_factory=list)
    objectives: list[str] = Field(default_factory=list)
    urls: SessionUrls = Field(default_factory=SessionUrls)
    groups: list[StakeholderGroup] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    days: list[Day] = Field(min_length=1, max_length=3)
    preparation: list[PreparationTask] | None = Field(
        default=None,
        description="Retro-planning tasks; absent: labkit's default template (J-60 ... J+14).",
    )
    organisers: list[Organiser] = Field(
        default_factory=list, description="Co-organisers besides the Lab (invitation, sheets)."
    )
    contact: Contact | None = Field(default=None, description="Whom guests ask questions.")
    access: str = Field(
        default="", description="How to get there: transport, parking, accessibility (PMR)."
    )
    privacy_notice: str | None = Field(
        default=None, description="RGPD notice of the sign-in sheet; absent: labkit's default."
    )
    logo: str | None = Field(
        default=None, description="Logo file (PNG/JPEG) for the documents, relative to the folder."
    )
    calendar: Calendar = Field(default_factory=Calendar)
    restitution: Restitution = Field(
        default_factory=Restitution,
        description="The report's foreword, thanks, follow-up, version and sponsor's logo.",
    )

    _clean_title = field_validator("title", "lab", mode="before")(clean_line)
    _clean_optional = field_validator("sponsor", "venue", mode="before")(clean_optional_line)
    _clean_context = field_validator("context", "access", mode="before")(clean_text)
    _clean_notice = field_validator("privacy_notice", mode="before")(clean_notice)
    _clean_logo = field_validator("logo", mode="before")(clean_optional_line)
    _organisers = field_validator("organisers", mode="before")(organiser_shorthand)

    @field_validator("schema_version")
    @classmethod
    def _check_schema_version(cls, version: int) -> int:
        # on the field, so that the error names its line; the store words it through the
        # catalog key "pydantic.schema_too_new" when there is one
        if version > SCHEMA_VERSION:
            raise PydanticCustomError(
                "schema_too_new",
                "schema_version {version} is newer than this labkit understands "
                "({supported}): update labkit",
                {"version": version, "supported": SCHEMA_VERSION},
            )
        return version

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, name: str) -> str:
        try:
            time_zone(name)
        except ValueError:
            raise PydanticCustomError(
                "unknown_timezone",
                "unknown time zone '{zone}' (an IANA name such as Europe/Paris)",
                {"zone": name},
            ) from None
        return name

    @property
    def zone(self) -> ZoneInfo:
        """The session's time zone: planned times are read in it, journal instants shown in
        it (the live app, the report, the calendar, the exports)."""
        return time_zone(self.timezone)

    # -- lookups -------------------------------------------------------------------------------
    def blocks(self) -> list[tuple[int, Block]]:
        """Every block with its 1-based day number, in agenda order."""
        return [(n, block) for n, day in enumerate(self.days, 1) for block in day.agenda]

    def block(self, block_id: str) -> Block | None:
        """The block with this id, or None."""
        return next((b for _, b in self.blocks() if b.id == block_id), None)

    def day_of_block(self, block_id: str) -> int | None:
        """The 1-based day number holding the block, or None."""
        return next((n for n, b in self.blocks() if b.id == block_id), None)

    def participant(self, participant_id: str) -> Participant | None:
        """The participant with this id, or None."""
        return next((p for p in self.participants if p.id == participant_id), None)

    def group(self, key: str) -> StakeholderGroup | None:
        """The stakeholder group with this key, or None."""
        return next((g for g in self.groups if g.key == key), None)

    def attendees(self, day_number: int, seated_only: bool = True) -> list[Participant]:
        """Participants expected on day `day_number`; by default only those who sit at tables."""
        return [
            p
            for p in self.participants
            if p.attends(day_number) and (p.role.seated or not seated_only)
        ]
