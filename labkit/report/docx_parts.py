"""Low-level python-docx pieces of the report: fields (TOC, page numbers), table rows, shading,
pictures with alternative text, right-to-left paragraphs. Imported only when rendering a .docx."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from labkit.report.charts import qr_png  # noqa: F401 - re-exported for the writer
from labkit.report.text import is_rtl, xml_safe

ALIGN = {"l": None, "r": WD_ALIGN_PARAGRAPH.RIGHT, "c": WD_ALIGN_PARAGRAPH.CENTER}

# children of w:pPr that must come after w:bidi (ECMA-376 order)
_AFTER_BIDI = {
    qn(f"w:{n}")
    for n in ("adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
              "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
              "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
}  # fmt: skip
_TCPR_AFTER_SHD = {qn(f"w:{n}") for n in ("noWrap", "tcMar", "textDirection", "tcFitText",
                                          "vAlign", "hideMark")}  # fmt: skip


def write_text(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Append `text` (XML-safe) to `paragraph`; right-to-left text turns the paragraph RTL."""
    text = xml_safe(text)
    if not text:
        return
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if is_rtl(text):
        set_rtl(paragraph, run)


def set_rtl(paragraph: Any, run: Any | None = None) -> None:
    """Mark a paragraph (and a run) as right-to-left."""
    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        bidi = OxmlElement("w:bidi")
        for index, child in enumerate(p_pr):
            if child.tag in _AFTER_BIDI:
                p_pr.insert(index, bidi)
                break
        else:
            p_pr.append(bidi)
    if run is not None:
        r_pr = run._r.get_or_add_rPr()
        if r_pr.find(qn("w:rtl")) is None:
            r_pr.append(OxmlElement("w:rtl"))


def add_field(paragraph: Any, instruction: str, placeholder: str = "", dirty: bool = False) -> None:
    """A complex field (PAGE, NUMPAGES, TOC...) with its cached result `placeholder`."""
    _fld_char(paragraph, "begin", dirty)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    _fld_char(paragraph, "separate")
    if placeholder:
        paragraph.add_run(xml_safe(placeholder))
    _fld_char(paragraph, "end")


def begin_field(paragraph: Any, instruction: str, dirty: bool = True) -> None:
    """The start of a field whose cached result spans several paragraphs (a TOC)."""
    _fld_char(paragraph, "begin", dirty)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    _fld_char(paragraph, "separate")


def end_field(paragraph: Any) -> None:
    _fld_char(paragraph, "end")


def _fld_char(paragraph: Any, kind: str, dirty: bool = False) -> None:
    run = paragraph.add_run()
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")
    run._r.append(element)


def update_fields_on_open(document: Any) -> None:
    """Ask Word to refresh the fields (the table of contents) when the file is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields")
        element.set(qn("w:val"), "true")
        settings.append(element)


def new_table(document: Any, header: Sequence[str], widths_cm: Sequence[float], style: Any,
              header_style: Any) -> Any:  # fmt: skip
    """A fixed-layout table with a shaded header row repeated on every page."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = style
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(layout)
    else:
        tbl_pr.append(layout)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    tr_pr.append(OxmlElement("w:tblHeader"))
    for cell, text in zip(row.cells, header, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph._p.style = header_style
        write_text(paragraph, text)
        shade(cell, "1F4E79")
    return table


def fill_row(
    table: Any,
    values: Sequence[str],
    style: Any,
    *,
    bold: bool = False,
    align: Sequence[str] = (),
    first_bold_shaded: str | None = None,
) -> None:
    """Append one row (O(1): `add_row`, never `Table.cell`); newlines start new paragraphs.

    `style` is a paragraph style *id* (set directly: looking a style up by name for each of
    thousands of cells is what makes large tables slow)."""
    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    cells = row.cells
    for index, (cell, value) in enumerate(zip(cells, values, strict=False)):
        lines = str(value).split("\n")
        paragraph = cell.paragraphs[0]
        paragraph._p.style = style
        alignment = ALIGN.get(align[index]) if index < len(align) else None
        strong = bold or (first_bold_shaded is not None and index == 0)
        for number, line in enumerate(lines):
            if number:
                paragraph = cell.add_paragraph()
                paragraph._p.style = style
            if alignment is not None:
                paragraph.alignment = alignment
            write_text(paragraph, line, bold=strong)
        if first_bold_shaded is not None and index == 0:
            shade(cell, first_bold_shaded)


def shade(cell: Any, colour: str) -> None:
    """Fill a table cell with `colour` (RRGGBB)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    for index, child in enumerate(tc_pr):
        if child.tag in _TCPR_AFTER_SHD:
            tc_pr.insert(index, shading)
            return
    tc_pr.append(shading)


def add_picture(paragraph: Any, data: bytes, width_cm: float, alt: str, title: str = "") -> Any:
    """An inline picture with its alternative text (docPr descr) and title."""
    shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(width_cm))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", xml_safe(alt))
    if title:
        doc_pr.set("title", xml_safe(title)[:250])
    return shape


def keep_with_next(paragraph: Any) -> None:
    paragraph.paragraph_format.keep_with_next = True
