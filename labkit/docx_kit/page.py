"""Page furniture for python-docx: header and footer content, "page N / M" fields, a logo.

Fields are Word's simple fields (PAGE, NUMPAGES), which Word and LibreOffice update on opening
and printing; the cached value is a placeholder.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any


def add_field(paragraph: Any, instruction: str, *, size: float | None = None,
              bold: bool = False) -> Any:
    """A simple field (e.g. "PAGE", "NUMPAGES") at the end of `paragraph`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    if bold:
        properties.append(OxmlElement("w:b"))
    if size:
        for tag in ("w:sz", "w:szCs"):
            element = OxmlElement(tag)
            element.set(qn("w:val"), str(round(Pt(size).pt * 2)))
            properties.append(element)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    return field


def _add_run(paragraph: Any, text: str, size: float) -> None:
    from docx.shared import Pt

    paragraph.add_run(text).font.size = Pt(size)


def add_page_of_pages(paragraph: Any, template: str, *, size: float = 9) -> None:
    """Write `template` ("Page {page} / {pages}") with live PAGE and NUMPAGES fields."""
    before, _, rest = template.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    if before:
        _add_run(paragraph, before, size)
    add_field(paragraph, "PAGE", size=size)
    if middle:
        _add_run(paragraph, middle, size)
    add_field(paragraph, "NUMPAGES", size=size)
    if after:
        _add_run(paragraph, after, size)


def readable_image(path: Path | None) -> io.BytesIO | None:
    """The image at `path` as PNG bytes python-docx accepts, or None when absent/unreadable."""
    if path is None:
        return None
    try:
        from PIL import Image

        with Image.open(path) as image:
            image.load()
            buffer = io.BytesIO()
            image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB").save(
                buffer, format="PNG")
    except (OSError, ValueError):
        return None
    buffer.seek(0)
    return buffer


def fold_section_break(holder: Any) -> bool:
    """Move the section properties that python-docx's `add_section` puts in an empty paragraph
    (`holder`: w:p/w:pPr/w:sectPr) into the paragraph before it, and drop `holder`: the section
    then ends on its last line of text, as Word writes it, instead of an empty line that, when
    the text fills its page, goes to a page of its own. Left as it is (False) after a table, a
    section cannot end in one, or after another section's end."""
    from docx.oxml.ns import qn

    p_pr = holder.find(qn("w:pPr"))
    section = p_pr.find(qn("w:sectPr")) if p_pr is not None else None
    before = holder.getprevious()
    if section is None or before is None or before.tag != qn("w:p"):
        return False
    target = before.find(qn("w:pPr"))
    if target is None:
        from docx.oxml import OxmlElement

        target = OxmlElement("w:pPr")
        before.insert(0, target)
    if target.find(qn("w:sectPr")) is not None:
        return False
    target.append(section)  # w:sectPr comes last in a w:pPr but for a w:pPrChange, never written
    holder.getparent().remove(holder)
    return True
