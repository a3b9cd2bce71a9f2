"""Symbols Arial lacks (★ for a kept idea, ✓ in vote tables, ☐ on the sign-in sheet) in runs of
their own, in a font that has them.

Arial (and its metric twin Liberation Sans) has no ★, ✓ or ☐: Word and LibreOffice then pick some
other font glyph by glyph. Such runs name SYMBOL_FONT (Windows' symbol font); where it is
missing, fontconfig gives the default sans-serif font (DejaVu Sans on Debian), which has them.
"""

from __future__ import annotations

import re
from typing import Any

SYMBOL_FONT = "Segoe UI Symbol"
SYMBOLS = re.compile("([\u2600-\u27bf\u2b00-\u2bff]+)")
"""Miscellaneous Symbols, Dingbats and the arrows and shapes block after them: not in Arial."""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
RUN_FONTS_XML = "<w:rFonts {}/>".format(
    " ".join(f'w:{slot}="{SYMBOL_FONT}"' for slot in _FONT_SLOTS))
"""The ``w:rFonts`` of a symbol run, as XML text (for rows written as text)."""


def pieces(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is a symbol) runs; one plain piece when it holds no symbol."""
    if SYMBOLS.search(text) is None:
        return [(text, False)]
    return [(piece, index % 2 == 1) for index, piece in enumerate(SYMBOLS.split(text)) if piece]


def set_symbol_font(r: Any) -> None:
    """Run element `r` in SYMBOL_FONT (``w:rFonts`` first in its ``w:rPr``, as the schema wants,
    after a ``w:rStyle``)."""
    from lxml.etree import SubElement

    r_pr = r.find(f"{_W}rPr")
    if r_pr is None:
        r_pr = SubElement(r, f"{_W}rPr")
        r.insert(0, r_pr)
    fonts = r_pr.find(f"{_W}rFonts")
    if fonts is None:
        fonts = SubElement(r_pr, f"{_W}rFonts")
        style = r_pr.find(f"{_W}rStyle")
        r_pr.insert(0 if style is None else 1, fonts)
    for slot in _FONT_SLOTS:
        fonts.set(f"{_W}{slot}", SYMBOL_FONT)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(f"{_W}{theme}", None)
