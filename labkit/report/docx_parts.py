"""Low-level python-docx pieces of the report: fields (TOC, page numbers), runs, paragraphs,
right-to-left paragraphs (its tables are `labkit.report.docx_rows`'). Imported only when
rendering a .docx. Table layout, shading and pictures are `labkit.docx_kit`'s, shared with the
printed materials."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import SubElement

from labkit.document.text import is_rtl, xml_safe
from labkit.docx_kit import symbols

_W_R, _W_RPR, _W_B, _W_I, _W_T = (qn(t) for t in ("w:r", "w:rPr", "w:b", "w:i", "w:t"))
_W_PPR, _W_PSTYLE, _W_KEEP_NEXT, _W_PAGE_BREAK_BEFORE = (
    qn(t) for t in ("w:pPr", "w:pStyle", "w:keepNext", "w:pageBreakBefore")
)

# children of w:pPr that must come after w:bidi (ECMA-376 order)
_AFTER_BIDI = {
    qn(f"w:{n}")
    for n in ("adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
              "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
              "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
}  # fmt: skip


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_W_TAB, _W_BR = qn("w:tab"), qn("w:br")
_BREAKS = re.compile(r"([\t\r\n])")


def write_text(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Append `text` (XML-safe) to `paragraph`; right-to-left text turns the paragraph RTL."""
    text = xml_safe(text)
    if not text:
        return
    runs = []
    for piece, symbol in symbols.pieces(text):  # a symbol Arial lacks: a run in a font with it
        if "\t" in piece:
            r = tabbed_run(paragraph._p, piece, bold, italic)
        else:
            r = run_element(paragraph._p, piece, bold, italic)
        if symbol:
            symbols.set_symbol_font(r)
        runs.append(r)
    if is_rtl(text):
        set_rtl(paragraph)
        for r in runs:
            r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def tabbed_run(p: Any, text: str, bold: bool = False, italic: bool = False) -> Any:
    """The run python-docx's ``add_run(text)`` then ``bold``/``italic`` make (tabs as
    ``<w:tab/>``, line breaks as ``<w:br/>``, an ``<w:rPr>`` even when plain), built in one pass
    instead of python-docx's character by character."""
    r = SubElement(p, _W_R)
    r_pr = SubElement(r, _W_RPR)
    if bold:
        SubElement(r_pr, _W_B)
    if italic:
        SubElement(r_pr, _W_I)
    for piece in _BREAKS.split(text):
        if piece == "\t":
            SubElement(r, _W_TAB)
        elif piece in ("\r", "\n"):
            SubElement(r, _W_BR)
        elif piece:
            t = SubElement(r, _W_T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_XML_SPACE, "preserve")
    return r


def run_element(p: Any, text: str, bold: bool = False, italic: bool = False) -> Any:
    """A <w:r> with one <w:t> at the end of the paragraph element `p`, built directly."""
    r = SubElement(p, _W_R)
    if bold or italic:
        r_pr = SubElement(r, _W_RPR)
        if bold:
            SubElement(r_pr, _W_B)
        if italic:
            SubElement(r_pr, _W_I)
    t = SubElement(r, _W_T)
    t.text = text
    t.set(_XML_SPACE, "preserve")
    return r


def keep_with_next(p: Any) -> None:
    """`paragraph_format.keep_with_next = True` on a raw ``w:p``: the same ``<w:keepNext/>``,
    put straight after ``w:pStyle`` (the only property that precedes it) instead of python-docx's
    search of every later property in schema order."""
    p_pr = p.get_or_add_pPr()
    if p_pr.find(_W_KEEP_NEXT) is not None:
        return
    first = p_pr[0] if len(p_pr) else None
    position = 1 if first is not None and first.tag == _W_PSTYLE else 0
    p_pr.insert(position, OxmlElement("w:keepNext"))


def new_paragraph(style_id: str, page_break_before: bool = False) -> Any:
    """A ``w:p`` in style `style_id`, starting a page when asked (``w:pageBreakBefore`` follows
    ``w:pStyle``; `keep_with_next` later goes between them, as the schema orders them)."""
    p = OxmlElement("w:p")
    p_pr = SubElement(p, _W_PPR)
    SubElement(p_pr, _W_PSTYLE).set(qn("w:val"), style_id)
    if page_break_before:
        SubElement(p_pr, _W_PAGE_BREAK_BEFORE)
    return p


def set_rtl(paragraph: Any) -> None:
    """Mark a paragraph as right-to-left."""
    bidi(paragraph._p.get_or_add_pPr())


def bidi(p_pr: Any) -> None:
    """Mark paragraph properties right-to-left (``w:bidi`` in its schema place)."""
    if p_pr.find(qn("w:bidi")) is not None:
        return
    element = OxmlElement("w:bidi")
    for index, child in enumerate(p_pr):
        if child.tag in _AFTER_BIDI:
            p_pr.insert(index, element)
            return
    p_pr.append(element)


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


def bookmark(paragraph: Any, name: str, number: int) -> None:
    """A bookmark around the paragraph's content (a TOC entry's PAGEREF target)."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    p = paragraph._p
    p_pr = p.find(qn("w:pPr"))
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)
