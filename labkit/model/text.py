"""Cleaning of user text: control characters never reach a file or a report.

The validators run *before* type validation, so that a blank value still fails a required
field's length check, and a number typed without quotes in YAML (a département such as 93) is
read as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")


def fold(text: str, *, keep_punctuation: bool = False) -> str:
    """Text reduced for comparison and sorting: no accents, ligatures spelled out, no case, and
    anything but letters and digits as single spaces (matching headers, names, typed letters).

    `keep_punctuation` keeps the other characters as they are, for keys where they matter
    ("J-45" is not "J+45").

    >>> fold("  Hélène-Marie  D'ARC ")
    'helene marie d arc'
    >>> fold(" J-45 ", keep_punctuation=True)
    'j-45'
    """
    plain = _plain(text)
    return plain.strip() if keep_punctuation else _NOT_ALNUM.sub(" ", plain).strip()


def _plain(text: str) -> str:
    """No accents, ligatures spelled out, no case."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Word(NamedTuple):
    """A word of a text, folded (see `fold`), with where it stands in the original text."""

    folded: str
    start: int
    end: int


_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
"""Letters and digits (any script), with the combining accents of a decomposed text."""


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word folded as `fold` folds it, kept as a single token ("Œuvre" -> "oeuvre")."""
    return "".join(c for c in _plain(word) if c.isalnum())


def word_texts(text: str) -> list[str]:
    """The words of `text` as written (what `folded_words` folds), found quickly."""
    return _WORD.findall(text)


def folded_words(text: str) -> Iterator[Word]:
    """The words of `text`, folded, with their place: "N'Diaye-Ba" gives n, diaye, ba.

    >>> [w.folded for w in folded_words("Hélène D'ARC, Œuvre")]
    ['helene', 'd', 'arc', 'oeuvre']
    """
    for match in _WORD.finditer(text):
        folded = fold_word(match.group())
        if folded:
            yield Word(folded, match.start(), match.end())


def _as_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


def clean_text(value: Any) -> Any:
    """Drop control characters from multi-line text, keeping newlines and tabs."""
    value = _as_text(value)
    if not isinstance(value, str):
        return value
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def without_controls(text: str) -> str:
    """`text` with its line breaks and tabs as one space each and its other control
    characters dropped (not stripped: a pasted piece keeps its spaces)."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", text))


def clean_line(value: Any) -> Any:
    """Drop control characters and line breaks from a one-line value."""
    value = _as_text(value)
    if not isinstance(value, str):
        return value
    return without_controls(value).strip()


def clean_optional_line(value: Any) -> Any:
    """As `clean_line`, and a blank value becomes None."""
    value = clean_line(value)
    return value or None if isinstance(value, str) else value


def not_a_bool(value: Any) -> Any:
    """Refuse `true`/`false` for a number (pydantic would read `duration: true` as 1 minute)."""
    if isinstance(value, bool):
        from pydantic_core import PydanticCustomError

        raise PydanticCustomError("int_from_bool", "a whole number expected, not {found}",
                                  {"found": str(value).lower()})
    return value
