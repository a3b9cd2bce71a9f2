"""`labkit.document.text`: the characters an XML document cannot hold."""

from __future__ import annotations

import sys

from labkit.document import text


def _xml_char(code: int) -> bool:
    """XML 1.0's `Char` production."""
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)  # fmt: skip


def test_xml_safe_removes_exactly_the_characters_xml_cannot_hold() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    kept = "".join(c for c in every if _xml_char(ord(c)))
    assert text.xml_safe(every) == kept


def test_the_invalid_characters_are_a_class_of_their_own_not_a_complement() -> None:
    """The complement of the allowed ranges (``[^…\\U0010ffff]``) costs `re` about 9 ms to compile
    at every start of a command that imports the module (`labkit validate`, issue 16)."""
    assert not text._XML_INVALID.pattern.startswith("[^")
