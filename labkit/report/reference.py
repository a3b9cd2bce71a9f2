"""The reference document holding the report's styles (``templates/report-reference.docx``).

The docx writer copies its styles and page set-up: a Lab can restyle every restitution by
editing that file in Word (fonts, colours, headings, table look) without touching code. This
module builds the default one, and `ensure_styles` re-creates any style a customised reference
lacks, so that a partial template never breaks a render.

Regenerate the bundled file with ``python -m labkit.report.reference``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

FONT = "Arial"
INK = "1F2A37"
ACCENT = "1F4E79"
MUTED = "5F6B7A"
HEADER_FILL = "1F4E79"
LIGHT_FILL = "E8EEF4"
BORDER = "A6B4C2"
TABLE_STYLE = "Labkit Table"
REFERENCE_NAME = "report-reference.docx"

# name -> (base, size pt, bold, italic, colour, space before, space after, extra)
PARAGRAPH_STYLES: dict[str, tuple[str | None, float, bool, bool, str, float, float, dict]] = {
    "Normal": (None, 10, False, False, INK, 0, 5, {"line": 1.12}),
    "Title": ("Normal", 26, True, False, ACCENT, 0, 10, {}),
    "Subtitle": ("Normal", 14, False, False, MUTED, 0, 18, {}),
    "Heading 1": ("Normal", 16, True, False, ACCENT, 18, 6, {"keep": True, "outline": 0}),
    "Heading 2": ("Normal", 13, True, False, ACCENT, 12, 4, {"keep": True, "outline": 1}),
    "Heading 3": ("Normal", 11, True, False, INK, 10, 3, {"keep": True, "outline": 2}),
    "Caption": ("Normal", 8.5, False, True, MUTED, 2, 10, {}),
    "Quote": ("Normal", 10, False, True, MUTED, 2, 6, {"indent": 0.6}),
    "List Bullet": ("Normal", 10, False, False, INK, 0, 2, {}),
    "List Bullet 2": ("Normal", 9.5, False, False, INK, 0, 1, {}),
    "TOC Heading": ("Normal", 16, True, False, ACCENT, 0, 10, {}),
    "TOC 1": ("Normal", 10.5, True, False, INK, 4, 1, {}),
    "TOC 2": ("Normal", 10, False, False, INK, 0, 1, {"indent": 0.5}),
    "Header": ("Normal", 8, False, False, MUTED, 0, 0, {}),
    "Footer": ("Normal", 8, False, False, MUTED, 0, 0, {}),
    "Cover Kicker": ("Normal", 12, True, False, MUTED, 60, 6, {"caps": True}),
    "Cover Line": ("Normal", 12, False, False, INK, 0, 4, {}),
    "Report Lead": ("Normal", 11, False, False, INK, 2, 8, {}),
    "Report Note": ("Normal", 8.5, False, True, MUTED, 0, 6, {}),
    "Report Label": ("Normal", 10, True, False, ACCENT, 6, 2, {"keep": True}),
    "Report Numbered": ("Normal", 10, False, False, INK, 0, 2, {"hanging": 0.6}),
    "Table Text": ("Normal", 9, False, False, INK, 0, 0, {"line": 1.0}),
    "Table Text Small": ("Normal", 7.5, False, False, INK, 0, 0, {"line": 1.0}),
    "Table Header": ("Normal", 9, True, False, "FFFFFF", 0, 0, {"line": 1.0, "keep": True}),
}


def ensure_styles(document: Any) -> None:
    """Create the report's styles the document lacks (a customised reference may lack some)."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    names = {s.name for s in styles}
    for name, spec in PARAGRAPH_STYLES.items():
        if name not in names:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            _format_paragraph_style(document, style, spec)
    if TABLE_STYLE not in names:
        _add_table_style(document)


def build_reference() -> bytes:
    """The default reference document, as .docx bytes."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    styles = document.styles
    for name, spec in PARAGRAPH_STYLES.items():
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        _format_paragraph_style(document, style, spec)
    _add_table_style(document)
    document.core_properties.title = "labkit — restitution (reference styles)"
    document.core_properties.author = "labkit"
    document.add_paragraph("labkit", style="Cover Kicker")
    document.add_paragraph("Styles de la restitution / Report styles", style="Title")
    for name in ("Heading 1", "Heading 2", "Heading 3", "Report Lead", "Normal", "Quote",
                 "Report Label", "List Bullet", "Report Note", "Caption"):  # fmt: skip
        document.add_paragraph(name, style=name)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _format_paragraph_style(document: Any, style: Any, spec: tuple) -> None:
    from docx.shared import Cm, Pt, RGBColor

    base, size, bold, italic, colour, before, after, extra = spec
    if base and style.name != base:
        style.base_style = document.styles[base]
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = RGBColor.from_string(colour)
    if extra.get("caps"):
        font.all_caps = True
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(_qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(_qn(theme), None)
    layout = style.paragraph_format
    layout.space_before = Pt(before)
    layout.space_after = Pt(after)
    if "line" in extra:
        layout.line_spacing = extra["line"]
    if extra.get("keep"):
        layout.keep_with_next = True
    if "indent" in extra:
        layout.left_indent = Cm(extra["indent"])
    if "hanging" in extra:
        layout.left_indent = Cm(extra["hanging"])
        layout.first_line_indent = Cm(-extra["hanging"])
    if "outline" in extra:
        _outline_level(style, extra["outline"])


def _outline_level(style: Any, level: int) -> None:
    from docx.oxml import OxmlElement

    p_pr = style.element.get_or_add_pPr()
    for old in p_pr.findall(_qn("w:outlineLvl")):
        p_pr.remove(old)
    element = OxmlElement("w:outlineLvl")
    element.set(_qn("w:val"), str(level))
    p_pr.append(element)


def _add_table_style(document: Any) -> None:
    """A table style with thin blue-grey borders and cell margins (the header is shaded by the
    writer, which also repeats it on each page)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    styles = document.styles
    if TABLE_STYLE in {s.name for s in styles}:
        return
    style = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table_properties = parse_xml(
        f"<w:tblPr {ns}><w:tblBorders>{edges}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>"
    )
    style.element.append(table_properties)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def write_reference(path: Path) -> Path:
    """Write the default reference document to `path` (atomically)."""
    from labkit.store.atomic import write_bytes_atomic

    write_bytes_atomic(path, build_reference())
    return path


if __name__ == "__main__":  # pragma: no cover - maintenance command
    from labkit.resources import data_dir

    print(write_reference(data_dir("templates") / REFERENCE_NAME))
