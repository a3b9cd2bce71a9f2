"""The rows of the report's tables, written as XML text and parsed once per table.

A 3,000-contribution annex is some 3,400 rows: building each one element by element through
lxml (a copy of a prototype row, then a run per line) was a third of the .docx's time. Each row
is now the prototype row's own XML, cut once into its pieces, with the escaped texts in between:
the same elements, attributes and order as before, parsed by lxml in one pass per table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from labkit.document.text import is_rtl, xml_safe
from labkit.docx_kit import symbols
from labkit.docx_kit import tables as kit
from labkit.report.docx_parts import ALIGN, bidi, run_element

_NAMESPACES = re.compile(r' xmlns:\w+="[^"]*"')
_BATCH = 500
"""Rows parsed at a time (the text of a batch stays small whatever the table's length)."""


def _xml(element: Any) -> str:
    """`element` as XML text without its namespace declarations (the table's wrapper has them)."""
    return _NAMESPACES.sub("", etree.tostring(element, encoding="unicode"))


def _open(element: Any) -> str:
    """The XML of `element` without its closing tag: what its added children follow."""
    text = _xml(element)
    if text.endswith("/>"):  # an empty element: <w:p/> opens as <w:p>
        return text[:-2] + ">"
    return text[: text.rindex("</")]


def _opening(element: Any, children: str, shade: str | None = None) -> str:
    """The opening of a copy of `element` without its `children` (a list attribute such as
    "p_lst"), shaded `shade` when given (a cell): what the XML of new children follows."""
    bare = deepcopy(element)
    for child in getattr(bare, children):
        bare.remove(child)
    if shade is not None:
        kit.shade_tc(bare, shade)
    return _open(bare)


def _escape(text: str) -> str:
    """Element text as lxml writes it (a carriage return would otherwise be read as a newline)."""
    return escape(text, {"\r": "&#13;"})


def _run(text: str, bold: bool) -> str:
    """`docx_parts.write_text`'s runs as XML text (a symbol Arial lacks in a run of its own)."""
    runs = []
    for piece, symbol in symbols.pieces(text):
        fonts = symbols.RUN_FONTS_XML if symbol else ""
        bolded = "<w:b/>" if bold else ""
        style = f"<w:rPr>{fonts}{bolded}</w:rPr>" if fonts or bolded else ""
        runs.append(f'<w:r>{style}<w:t xml:space="preserve">{_escape(piece)}</w:t></w:r>')
    return "".join(runs)


class _Cell:
    """A prototype cell cut into XML pieces: its openings (plain or shaded), its empty
    paragraph's opening and the closings."""

    def __init__(self, tc: Any) -> None:
        self.tc = tc
        self.p_open = _open(tc.p_lst[0])
        self.empty = _xml(tc)
        self._openings: dict[str | None, str] = {None: _opening(tc, "p_lst")}

    def opening(self, shade: str | None) -> str:
        if shade not in self._openings:
            self._openings[shade] = _opening(self.tc, "p_lst", shade)
        return self._openings[shade]

    def xml(self, value: str, strong: bool, shade: str | None) -> str:
        parts = [self.opening(shade)]
        for line in xml_safe(value).replace("\t", " ").split("\n"):
            parts.append(self.p_open)
            if line:
                parts.append(_run(line, strong))
            parts.append("</w:p>")
        parts.append("</w:tc>")
        return "".join(parts)


class RowFiller:
    """Appends rows to a table as copies of a prepared prototype row (cell widths, paragraph
    style, alignment) holding the texts; `finish` puts the rows still pending into the table.

    Body rows may split across pages: a "row can't split" on every row of a long table makes
    LibreOffice drop rows when the table starts near a page bottom (the annex lost 34 of 72).

    Row by row, never `Table.cell(r, c)` nor python-docx runs; the rows' XML is parsed a batch
    at a time (see the module's docstring)."""

    def __init__(self, table: Any, style_id: str, align: Sequence[str] = ()) -> None:
        self.table = table
        prototype = table.add_row()._tr
        table._tbl.remove(prototype)
        for index, tc in enumerate(prototype.tc_lst):
            p_pr = tc.p_lst[0].get_or_add_pPr()
            p_pr.style = style_id
            code = align[index] if index < len(align) else "l"
            if ALIGN.get(code) is not None:
                p_pr.jc_val = ALIGN[code]
        self.prototype = prototype
        self.tr_open = _opening(prototype, "tc_lst")
        self.cells = [_Cell(tc) for tc in prototype.tc_lst]
        self.pending: list[str] = []

    def add(self, values: Sequence[str], *, bold: bool = False, shade_first: str | None = None
            ) -> None:  # fmt: skip
        """Append a row; a value's line breaks start new paragraphs in its cell."""
        if any(is_rtl(line) for value in values for line in value.split("\n")):
            self.finish()
            self.table._tbl.append(self._element_row(values, bold, shade_first))
            return
        parts = [self.tr_open]
        for index, cell in enumerate(self.cells):
            if index >= len(values):
                parts.append(cell.empty)
                continue
            first = shade_first is not None and index == 0
            parts.append(cell.xml(values[index], bold or first, shade_first if first else None))
        parts.append("</w:tr>")
        self.pending.append("".join(parts))
        if len(self.pending) >= _BATCH:
            self.finish()

    def finish(self) -> None:
        """Put the pending rows at the end of the table, in order."""
        if not self.pending:
            return
        rows = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(self.pending)}</w:tbl>")
        self.pending.clear()
        tbl = self.table._tbl
        for tr in list(rows):
            tbl.append(tr)

    def _element_row(self, values: Sequence[str], bold: bool, shade_first: str | None) -> Any:
        """A row holding right-to-left text, built element by element (its paragraphs and runs
        are marked right-to-left)."""
        tr = deepcopy(self.prototype)
        for index, (tc, value) in enumerate(zip(tr.tc_lst, values, strict=False)):
            strong = bold or (shade_first is not None and index == 0)
            first = tc.p_lst[0]
            lines = xml_safe(value).replace("\t", " ").split("\n")
            template = deepcopy(first) if len(lines) > 1 else first  # copied only when needed
            for number, line in enumerate(lines):
                p = first if number == 0 else deepcopy(template)
                if number:
                    tc.append(p)
                if line:
                    r = run_element(p, line, strong)
                    if is_rtl(line):
                        bidi(p.get_or_add_pPr())
                        r.get_or_add_rPr().append(OxmlElement("w:rtl"))
            if shade_first is not None and index == 0:
                kit.shade_tc(tc, shade_first)
        return tr
