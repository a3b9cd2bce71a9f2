"""Text helpers shared by the report's content and writers: XML-safe text, direction, wrapping."""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, surrogates, U+FFFE/U+FFFF),
# named as such: the complement of the allowed ranges takes `re` about 9 ms to compile (a bitmap
# of every code point), at the start of each command that imports this module (issue 16).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: object) -> str:
    """`text` as a string without the characters an XML document (a .docx) cannot hold."""
    value = "" if text is None else str(text)
    return _XML_INVALID.sub("", value)


def clean(text: object) -> str:
    """User text ready for the report: XML-safe, carriage returns as newlines, lines without
    trailing spaces; otherwise exactly as typed (the annex quotes contributions verbatim)."""
    value = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def one_line(text: object) -> str:
    """`clean` text on a single line."""
    return " ".join(clean(text).split())


def unwrap(text: str) -> str:
    """Hand-wrapped text (a YAML block) as paragraphs: single line breaks become spaces, blank
    lines separate paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""The blocks holding every right-to-left character (Hebrew to Arabic Extended, the RLM mark,
the presentation forms, the right-to-left areas of plane 1), and a few more."""


def may_be_rtl(text: str) -> bool:
    """False when no character of `text` is right-to-left, so `is_rtl` is False on every part
    of it (one scan in C instead of a call a line)."""
    return _MAYBE_RTL.search(text) is not None


def is_rtl(text: str) -> bool:
    """Whether the first letter with a strong direction is right-to-left (Arabic, Hebrew...)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis when longer than `width`."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def wrapped_lines(text: str, width: int) -> list[str]:
    """`text` wrapped on lines of about `width` characters, nothing dropped."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if len(candidate) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def wrap(text: str, width: int, max_lines: int = 3) -> str:
    """`text` wrapped on at most `max_lines` lines of about `width` characters (chart labels)."""
    lines = wrapped_lines(text, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten(lines[-1] + " …", width)
        if not lines[-1].endswith("…"):
            lines[-1] += "…"
    return "\n".join(lines)
