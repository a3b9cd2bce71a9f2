"""The report's tables, written as XML text and parsed a batch of rows at a time.

A 3,000-contribution annex is some 3,400 rows: building each one element by element through
lxml (a copy of a prototype row, then a run per line) was a third of the .docx's time, and
python-docx's own making of a table (its grid, widths, style, header row) cost more than its
rows at 1,000 contributions. The table's properties, grid, header and rows are now the XML
python-docx wrote, with the escaped texts in between: the same elements, attributes and order as
before, parsed by lxml in one pass per batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from lxml import etree
from lxml.etree import SubElement

from labkit.document.text import is_rtl, may_be_rtl, xml_safe
from labkit.docx_kit import symbols
from labkit.docx_kit import tables as kit
from labkit.report.docx_parts import bidi, run_element, write_text
from labkit.report.reference import HEADER_FILL

_NAMESPACES = re.compile(r' xmlns:\w+="[^"]*"')
_BATCH = 500
"""Rows parsed at a time (the text of a batch stays small whatever the table's length)."""


def _xml(element: Any) -> str:
    """`element` as XML text without its namespace declarations (the table's wrapper has them)."""
    return _NAMESPACES.sub("", etree.tostring(element, encoding="unicode"))


def _escape(text: str) -> str:
    """Element text as lxml writes it (a carriage return would otherwise be read as a newline).
    Not `xml.sax.saxutils.escape`: importing it imports `urllib.request`, ~15 ms of a report."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\r", "&#13;")


def _run(text: str, bold: bool) -> str:
    """`docx_parts.write_text`'s runs as XML text (a symbol Arial lacks in a run of its own)."""
    runs = []
    for piece, symbol in symbols.pieces(text):
        fonts = symbols.RUN_FONTS_XML if symbol else ""
        bolded = "<w:b/>" if bold else ""
        style = f"<w:rPr>{fonts}{bolded}</w:rPr>" if fonts or bolded else ""
        runs.append(f'<w:r>{style}<w:t xml:space="preserve">{_escape(piece)}</w:t></w:r>')
    return "".join(runs)


_JC = {"r": "right", "c": "center"}
"""A column's alignment code ("l", "r", "c") as the ``w:jc`` python-docx writes for it."""


class _Cell:
    """A cell of a table column cut into XML pieces: its openings (plain or shaded), its
    paragraph's opening and the closings."""

    def __init__(self, width: int, style_id: str, jc: str | None) -> None:
        self.width = width
        style = _escape(style_id).replace('"', "&quot;")
        alignment = f'<w:jc w:val="{jc}"/>' if jc else ""
        self.p_open = f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{alignment}</w:pPr>'
        self.empty = f"{self.opening(None)}{self.p_open}</w:p></w:tc>"

    def opening(self, shade: str | None) -> str:
        return kit.cell_opening_xml(self.width, shade)

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
    """Writes a report table as XML text: a fixed-layout table in the table style `table_style`
    (an id, None for the document's default), its shaded header row kept whole and repeated on
    every page, then its rows; `finish` puts the rows still pending into the table. The first
    batch parsed is the table itself, handed to `place` (which puts it in the document).

    Each cell is `width` twips wide (Word reads the cells', LibreOffice the grid's); its
    paragraphs are in style `style_id`, aligned by `align` ("l", "r", "c"). The XML is the one
    python-docx writes for the same table (`docx_kit.tables.new_table`, then the header and the
    rows cell by cell), written out instead of built element by element.

    Body rows may split across pages: a "row can't split" on every row of a long table makes
    LibreOffice drop rows when the table starts near a page bottom (the annex lost 34 of 72).
    The rows' XML is parsed a batch at a time (see the module's docstring)."""

    def __init__(self, place: Callable[[Any], None], widths: Sequence[int], style_id: str,
                 align: Sequence[str] = (), *, table_style: str | None,
                 header: Sequence[str], header_style: str) -> None:  # fmt: skip
        self.place = place
        self.table: Any = None
        self.align = tuple(_JC.get(align[i]) if i < len(align) else None
                           for i in range(len(widths)))  # fmt: skip
        self.cells = [_Cell(w, style_id, jc) for w, jc in zip(widths, self.align, strict=True)]
        heading = [self._header_cell(cell, text, header_style, jc)
                   for cell, text, jc in zip(self.cells, header, self.align, strict=True)]
        self.pending: list[str] = [
            kit.table_opening_xml(widths, table_style),
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{''.join(heading)}</w:tr>"
            "</w:tbl>"
        ]
        self.prototype: Any = None
        """The body row as an element, made when a right-to-left row needs it."""

    @staticmethod
    def _header_cell(cell: _Cell, text: str, style_id: str, jc: str | None) -> str:
        """A header cell: its paragraph written as any paragraph of the report (`write_text`:
        tabs, breaks, right-to-left text)."""
        p = OxmlElement("w:p")
        p_pr = SubElement(p, qn("w:pPr"))
        SubElement(p_pr, qn("w:pStyle")).set(qn("w:val"), style_id)
        if jc:
            SubElement(p_pr, qn("w:jc")).set(qn("w:val"), jc)
        write_text(Paragraph(p, None), text)  # type: ignore[arg-type]
        return f"{cell.opening(HEADER_FILL)}{_xml(p)}</w:tc>"

    def add(self, values: Sequence[str], *, bold: bool = False, shade_first: str | None = None
            ) -> None:  # fmt: skip
        """Append a row; a value's line breaks start new paragraphs in its cell."""
        if may_be_rtl("".join(values)) and any(
            is_rtl(line) for value in values for line in value.split("\n")
        ):
            self.finish()
            self.table.append(self._element_row(values, bold, shade_first))
            return
        parts = ["<w:tr>"]
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
        """Put the pending rows at the end of the table (the first time, the table itself)."""
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending.clear()
        parsed = list(parse_xml(f"<w:body {nsdecls('w')}>{text}</w:body>"))
        if self.table is None:  # placed with its header row only: lxml moves a whole table
            self.table = parsed.pop(0)  # from one document to another far slower than its rows
            self.place(self.table)
        for tr in parsed:
            self.table.append(tr)

    def _element_row(self, values: Sequence[str], bold: bool, shade_first: str | None) -> Any:
        """A row holding right-to-left text, built element by element (its paragraphs and runs
        are marked right-to-left)."""
        if self.prototype is None:
            cells = "".join(cell.empty for cell in self.cells)
            self.prototype = parse_xml(f"<w:body {nsdecls('w')}><w:tr>{cells}</w:tr></w:body>")[0]
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
