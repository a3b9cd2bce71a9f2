"""French typography for every text a writer prints, and plain (non point médian) wording.

`french(text)`: a no-break space before ``: ; ? !`` and inside « », none inside "6 h 45" or
"1 h 40". Only spaces already there are changed (a URL's ``://`` or ``?q=`` stays as is).
(Plain wording of the fixed strings is `labkit.i18n.plain_gender`.)
`typeset(doc)`: the document with `french` applied to every text, when it is in French.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from labkit.document import elements as e

NBSP = "\u00a0"
_AFTER = re.compile(r"«[ \t]+")
_CLOCK = re.compile(r"\b(\d{1,2}) h(?: (\d{2})\b)?")
_DURATION = re.compile(r"\b(\d+) (min|h|%)(?=\W|$)")
_BEFORE = {mark: re.compile(r"[ \t]+" + re.escape(mark)) for mark in (":", ";", "?", "!", "»")}
"""The spaces before each mark (one pattern a mark: a literal replacement, no group to expand)."""
_ANY = re.compile(r"[ \t][:;?!»]|«[ \t]| (?:h|min|%)")
"""What one rule at least needs: a space before a mark, after «, before h, min or %."""


def french(text: str) -> str:
    """`text` with French no-break spaces (see the module's docstring)."""
    if not text or _ANY.search(text) is None:
        return text  # most texts have nothing to change: one scan for what every rule needs
    # each rule only where its characters are (a substring test is far cheaper than a regex)
    for mark, spaces in _BEFORE.items():
        if mark in text:
            text = spaces.sub(NBSP + mark, text)
    if "«" in text:
        text = _AFTER.sub("«" + NBSP, text)
    if " h" in text:
        text = _CLOCK.sub(lambda m: f"{m[1]}{NBSP}h" + (f"{NBSP}{m[2]}" if m[2] else ""), text)
    if " min" in text or " h" in text or " %" in text:
        text = _DURATION.sub(lambda m: f"{m[1]}{NBSP}{m[2]}", text)
    return text


def typeset(doc: e.ReportDocument) -> e.ReportDocument:
    """The document with French typography on every text (unchanged in another language)."""
    if doc.lang != "fr":
        return doc
    return _walk(doc)


_NOT_TEXT = frozenset({"kind", "style", "anchor", "lang", "colour", "path", "url", "align",
                       "category_colours"})  # fmt: skip
_TEXT_FIELDS: dict[type, tuple[str, ...] | None] = {str: None, tuple: None}
"""By type met, the dataclass fields `typeset` goes into (found once per type); None for `str`
and `tuple`, walked apart; () for any other leaf (numbers, dates, enums, None)."""


def _walk(value: Any) -> Any:
    kind = type(value)
    try:
        names = _TEXT_FIELDS[kind]  # one dict look-up per value, not an isinstance chain
    except KeyError:
        names = _TEXT_FIELDS[kind] = _fields_of(kind)
    if names is None:
        if isinstance(value, str):
            return french(value)
        walked = tuple(_walk(v) for v in value)
        return value if all(a is b for a, b in zip(walked, value, strict=True)) else walked
    if not names:
        return value
    changes = {}
    for name in names:
        before = getattr(value, name)
        after = _walk(before)
        if after is not before:
            changes[name] = after
    return dataclasses.replace(value, **changes) if changes else value  # unchanged: kept


def _fields_of(kind: type) -> tuple[str, ...] | None:
    """What `_walk` does with a value of type `kind`: None for a text or a tuple, the text
    fields of a dataclass, () to leave it as it is."""
    if issubclass(kind, str | tuple):
        return None
    if dataclasses.is_dataclass(kind) and not issubclass(kind, type):
        return tuple(f.name for f in dataclasses.fields(kind) if f.name not in _NOT_TEXT)
    return ()
