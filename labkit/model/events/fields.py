"""Field types shared by the journal's event models: cleaned text, identifiers, UTC instants.

Every text that reaches the journal goes through `clean_text`: control characters are stripped
(newlines and tabs are kept, carriage returns become newlines), lone surrogates are dropped (they
cannot be stored as UTF-8), surrounding whitespace is trimmed. Lengths are checked *after*
cleaning, with a dedicated error type so that the message can be translated.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from labkit.model.territories import normalise_territory

MAX_TEXT_LENGTH = 20_000
"""Longest free text (a contribution, a comment): about ten pages."""
MAX_SHORT_LENGTH = 500
"""Longest short text (a title, a name, a stage, a closing word)."""
MAX_ID_LENGTH = 100
"""Longest identifier (a block, a participant, a team, a territory, a question key)."""

STORED: dict[str, bool] = {"stored": True}
"""Validation context of payloads read back from the journal (already cleaned when written)."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str) -> str:
    """`value` without control characters (except newline and tab) and surrounding whitespace."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


def _cleaner(max_length: int, *, single_line: bool) -> Any:
    def check(value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str):
            return value  # pydantic's own str validation reports the wrong type
        if info.context is STORED:
            return value  # read back from the journal: cleaned and checked when written
        if len(value) > 4 * max_length + 1000:
            # megabytes of text: refuse before spending time cleaning it
            raise PydanticCustomError(
                "text_too_long",
                "text of {length} characters, at most {max} allowed",
                {"length": len(value), "max": max_length},
            )
        text = clean_text(value)
        if single_line:
            text = " ".join(text.split())
        if not text:
            raise PydanticCustomError("text_empty", "empty text")
        if len(text) > max_length:
            raise PydanticCustomError(
                "text_too_long",
                "text of {length} characters, at most {max} allowed",
                {"length": len(text), "max": max_length},
            )
        return text

    return BeforeValidator(check)


Text = Annotated[str, _cleaner(MAX_TEXT_LENGTH, single_line=False)]
"""Free text (newlines kept), non-empty, at most MAX_TEXT_LENGTH characters once cleaned."""
ShortText = Annotated[str, _cleaner(MAX_SHORT_LENGTH, single_line=True)]
"""One line of text, non-empty, at most MAX_SHORT_LENGTH characters."""
Ident = Annotated[str, _cleaner(MAX_ID_LENGTH, single_line=True)]
"""An identifier given by the session plan or the user (block, participant, team, territory)."""
Territory = Annotated[str, _cleaner(MAX_ID_LENGTH, single_line=True),
                     AfterValidator(normalise_territory)]  # fmt: skip
"""A territory: a known département or region as its code ("Ardèche", "7" -> "07")."""

TextList = Annotated[list[ShortText], Field(max_length=200)]
"""A short list of one-line texts (actions, touchpoints, pain points of a journey step)."""

Number = Annotated[int, Field(ge=1, le=10_000)]
"""A 1-based number: question, round, table, pair, day."""


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


Instant = Annotated[AwareDatetime, AfterValidator(_to_utc)]
"""A moment with its time zone, normalised to UTC (naive datetimes are refused)."""


def utc_now() -> datetime:
    """The current moment in UTC."""
    return datetime.now(UTC)
