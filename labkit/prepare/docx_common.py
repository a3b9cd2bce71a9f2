"""Drawing helpers for the printed documents (python-docx): A4 pages, fonts, text, QR codes.

Styles are created when missing (a template may lack "Table Grid" or "Heading 1"); tables,
shading and pictures are `labkit.docx_kit`'s (shared with the report), and every QR image
carries the alternative text "QR: <url>" so that readers (and tests) can tell QR codes apart.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from labkit.document.text import xml_safe
from labkit.docx_kit.pictures import (
    QR_PREFIX,
    add_picture,
    picture_descriptions,
    qr_png,
    qr_targets,
)
from labkit.docx_kit.tables import (
    add_row,
    keep_row_together,
    new_table,
    qn,
    repeat_as_header,
    set_cell_borders,
    set_cell_margins,
    set_cell_shading,
    set_row_height,
    set_table_borders,
    size_row,
)
from labkit.store.atomic import write_bytes_atomic

__all__ = [  # the shared python-docx helpers (`labkit.docx_kit`), for the prepare modules
    "QR_PREFIX",
    "add_picture",
    "add_row",
    "keep_row_together",
    "new_table",
    "picture_descriptions",
    "qn",
    "qr_png",
    "qr_targets",
    "repeat_as_header",
    "set_cell_borders",
    "set_cell_margins",
    "set_cell_shading",
    "set_row_height",
    "set_table_borders",
    "size_row",
]

A4_SHORT_CM = 21.0
A4_LONG_CM = 29.7
FONT = "Arial"
QR_BOX_PIXELS = 10
"""Pixels per QR module on printed materials (sharper than the report's default)."""



def new_document(
    *,
    landscape: bool = False,
    margins_cm: float | Sequence[float] = 2.0,
    font_size: float = 11,
    lang: str = "fr",
    title: str = "",
    subject: str = "",
    author: str = "",
) -> Any:
    """A blank A4 document: orientation, margins (one value or top, right, bottom, left), font;
    clean core properties (`docx_kit.meta.set_properties`: by `author`, the Lab, created now)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    from labkit.docx_kit.meta import set_properties

    document = Document()
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(A4_LONG_CM), Cm(A4_SHORT_CM)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(A4_SHORT_CM), Cm(A4_LONG_CM)
    margins = [margins_cm] * 4 if isinstance(margins_cm, int | float) else list(margins_cm)
    top, right, bottom, left = (Cm(value) for value in margins)
    section.top_margin, section.right_margin = top, right
    section.bottom_margin, section.left_margin = bottom, left
    section.header_distance = section.footer_distance = Cm(min(1.0, margins[0] / 2))
    normal = ensure_style(document, "Normal")
    normal.font.name = FONT
    normal.font.size = Pt(font_size)
    _set_east_asian_font(normal.element, FONT)
    _set_language(normal.element, "fr-FR" if lang == "fr" else "en-GB")
    normal.paragraph_format.space_after = Pt(4)
    set_properties(document, title=xml_safe(title), subject=xml_safe(subject),
                   author=xml_safe(author), lang=lang)
    return document


def usable_width_cm(document: Any) -> float:
    """The width between the margins of the document's (first) section, in cm."""
    section = document.sections[0]
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def ensure_style(document: Any, name: str, *, paragraph: bool = True, base: str = "Normal") -> Any:
    """The style `name`, created (based on `base`) when the document lacks it."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = document.styles
    try:
        return styles[name]
    except KeyError:
        kind = WD_STYLE_TYPE.PARAGRAPH if paragraph else WD_STYLE_TYPE.TABLE
        style = styles.add_style(name, kind)
        if paragraph and name != base:
            style.base_style = ensure_style(document, base)
        return style


def heading_style(document: Any, level: int, size: float, colour: str = "1F3864") -> Any:
    """A heading style ("Heading N"), created or adjusted: bold, coloured, kept with next."""
    from docx.shared import Pt, RGBColor

    style = ensure_style(document, f"Heading {level}")
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = RGBColor.from_string(colour)
    _set_east_asian_font(style.element, FONT)
    style.paragraph_format.space_before = Pt(10 if level == 1 else 8)
    style.paragraph_format.space_after = Pt(4)
    style.paragraph_format.keep_with_next = True
    return style


def add_text(container: Any, text: str = "", **options: Any) -> Any:
    """A new paragraph holding one run of text, in a document or a table cell.

    Options: size (pt), bold, italic, colour (RRGGBB), align ("left", "center", "right"),
    space_after and space_before (pt), style.
    """
    return fill_paragraph(container.add_paragraph(style=options.pop("style", None)), text,
                          **options)


def cell_text(cell: Any, text: str = "", **options: Any) -> Any:
    """Write into a cell: its first paragraph while that is still empty, else a new one."""
    first = cell.paragraphs[0]
    if len(cell.paragraphs) == 1 and not first.text and not first.runs:
        style = options.pop("style", None)
        if style:
            first.style = style
        return fill_paragraph(first, text, **options)
    return add_text(cell, text, **options)


def fill_paragraph(
    paragraph: Any,
    text: str = "",
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
    align: str | None = None,
    space_after: float = 0,
    space_before: float = 0,
) -> Any:
    """Add a run of `text` to `paragraph` and set its alignment and spacing."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    if text:
        add_run(paragraph, text, size=size, bold=bold, italic=italic, colour=colour)
    if align:
        paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    paragraph.paragraph_format.space_after = Pt(space_after)
    paragraph.paragraph_format.space_before = Pt(space_before)
    return paragraph


def add_run(
    paragraph: Any,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
) -> Any:
    """A run of text at the end of `paragraph` (the last one: a symbol Arial lacks, such as
    ☐, gets a run of its own in `docx_kit.symbols.SYMBOL_FONT`)."""
    from docx.shared import Pt, RGBColor

    from labkit.docx_kit import symbols

    run = None
    for piece, symbol in symbols.pieces(text):
        run = paragraph.add_run(piece)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
        if symbol:
            symbols.set_symbol_font(run._r)
    return run


def add_qr(paragraph: Any, url: str, width_cm: float) -> Any:
    """A QR code to `url` at the end of `paragraph`, `width_cm` wide."""
    return add_picture(paragraph, qr_png(url, box_size=QR_BOX_PIXELS), width_cm, QR_PREFIX + url)


def add_tail(document: Any) -> None:
    """A tiny last paragraph: a document must end with one, and a full-height table before it
    must not be pushed onto an extra blank page."""
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(1)
    paragraph.add_run("").font.size = Pt(1)


def save_docx(document: Any, path: Path) -> Path:
    """Save atomically (a half-written .docx never replaces a good one); return the path.

    A document in French gets French typography in every text first (`typeset_french`)."""
    if str(document.core_properties.language or "").split("-")[0] == "fr":
        typeset_french(document)
    buffer = io.BytesIO()
    document.save(buffer)
    path = Path(path)
    write_bytes_atomic(path, buffer.getvalue())
    return path


def fit_size(text: str, steps: Iterable[tuple[int, float]], smallest: float) -> float:
    """A font size for `text`: the first of `steps` (max length, size) it fits, else `smallest`."""
    for limit, size in steps:
        if len(text) <= limit:
            return size
    return smallest


def readable_colour(colour: str, fallback: str = "404040") -> str:
    """`colour` (RRGGBB) when dark enough to read on white, else `fallback`."""
    value = colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return value.upper() if luminance <= 0.55 else fallback


def _set_east_asian_font(style_element: Any, font: str) -> None:
    r_pr = style_element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one


def typeset_french(document: Any) -> None:
    """French no-break spaces (`labkit.document.typography.french`) in every text of `document`:
    body, tables, text boxes, headers and footers; a space ending one run before `: ; ? ! »`
    starting the next becomes a no-break space too."""
    from labkit.document.typography import NBSP, french

    for part in document.part.package.iter_parts():
        root = getattr(part, "element", None)
        if root is None or not hasattr(root, "iter"):
            continue
        for paragraph in root.iter(qn("w:p")):
            texts = [t for t in paragraph.iter(qn("w:t")) if t.text]
            for node in texts:
                node.text = french(node.text)
            for before, after in zip(texts, texts[1:], strict=False):
                if before.text.endswith(" ") and after.text[:1] in {":", ";", "?", "!", "»"}:
                    before.text = before.text[:-1] + NBSP


def _set_language(style_element: Any, tag: str) -> None:
    from docx.oxml import OxmlElement

    r_pr = style_element.get_or_add_rPr()
    language = r_pr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        r_pr.append(language)
    language.set(qn("w:val"), tag)
