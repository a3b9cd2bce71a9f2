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
_BEFORE = re.compile(r"[ \t]+([:;?!»])")
_AFTER = re.compile(r"«[ \t]+")
_CLOCK = re.compile(r"\b(\d{1,2}) h(?: (\d{2})\b)?")
_DURATION = re.compile(r"\b(\d+) (min|h|%)(?=\W|$)")
_MARKS = (":", ";", "?", "!", "»")
_ANY = re.compile(r"[ \t][:;?!»]|«[ \t]| (?:h|min|%)")
"""What one rule at least needs: a space before a mark, after «, before h, min or %."""


def french(text: str) -> str:
    """`text` with French no-break spaces (see the module's docstring)."""
    if not text or _ANY.search(text) is None:
        return text  # most texts have nothing to change: one scan for what every rule needs
    # each rule only where its characters are (a substring test is far cheaper than a regex)
    if any(mark in text for mark in _MARKS):
        text = _BEFORE.sub(NBSP + r"\1", text)
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
_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}
"""The fields `typeset` goes into, by dataclass (looked up once per class)."""


def _walk(value: Any) -> Any:
    if isinstance(value, str):
        return french(value)
    if isinstance(value, tuple):
        walked = tuple(_walk(v) for v in value)
        return value if all(a is b for a, b in zip(walked, value, strict=True)) else walked
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _TEXT_FIELDS.get(type(value))
        if names is None:
            names = tuple(f.name for f in dataclasses.fields(value) if f.name not in _NOT_TEXT)
            _TEXT_FIELDS[type(value)] = names
        changes = {}
        for name in names:
            before = getattr(value, name)
            after = _walk(before)
            if after is not before:
                changes[name] = after
        return dataclasses.replace(value, **changes) if changes else value  # unchanged: kept
    return value
