"""What the restitution document says beyond the journal: the sponsor's foreword, the thanks, the
follow-up, the document's version, the sponsor's logo (`restitution:` in session.yaml).

All optional, so that older session files stay valid: without them the report has no foreword,
generic thanks naming the Lab, and « Les suites » from the retro-planning and the commitments.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from labkit.model.text import clean_line, clean_optional_line, clean_text


class NextMeeting(BaseModel):
    """The next time the people of the session meet (a follow-up committee, a second Lab...)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    date: dt.date
    what: str = Field(min_length=1, description='E.g. "Comité de suivi des engagements".')
    where: str | None = None

    _clean = field_validator("what", mode="before")(clean_line)
    _clean_where = field_validator("where", mode="before")(clean_optional_line)


class Restitution(BaseModel):
    """The restitution document's own texts and settings."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    foreword: str = Field(
        default="", description="The sponsor's foreword (« Avant-propos »), paragraphs apart."
    )
    foreword_by: str | None = Field(
        default=None, description='Who signs the foreword, e.g. "Marie Durand, sous-préfète".'
    )
    thanks: str = Field(
        default="", description="Thanks; blank: a sentence thanking the participants and hosts."
    )
    follow_up: str | None = Field(
        default=None, description='Who follows the commitments up, e.g. "Le Lab et la DREETS".'
    )
    next_meeting: NextMeeting | None = None
    version: str = Field(
        default="1.0", max_length=20, description='The document\'s version, e.g. "1.0", "2 (V.F.)".'
    )
    date: dt.date | None = Field(
        default=None, description="The document's date; absent: the day it is generated."
    )
    sponsor_logo: str | None = Field(
        default=None, description="The sponsor's logo (PNG/JPEG), relative to the folder."
    )

    _clean_text = field_validator("foreword", "thanks", mode="before")(clean_text)
    _clean_lines = field_validator("foreword_by", "follow_up", "sponsor_logo", mode="before")(
        clean_optional_line
    )
    _clean_version = field_validator("version", mode="before")(clean_line)
