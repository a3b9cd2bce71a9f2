"""A short deck for the "restitution à chaud" or the sponsor meeting (python-pptx).

The question, the kept ideas per café question, the commitments, the satisfaction chart; in the
Lab's template when one is given (its layouts 0, 1 and 5: title, title and content, title only,
as in PowerPoint's default).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from labkit.document import elements as e
from labkit.document.wording import Words
from labkit.methods.world_cafe import CafeOutput
from labkit.report.content import Report

BULLETS_PER_SLIDE = 6


def typeset_text(text: str) -> str:
    """French no-break spaces (the deck is in French for now: labkit's documents are)."""
    from labkit.document.typography import french

    return french(text)


def render_pptx(
    report: Report, doc: e.ReportDocument, template: Path | None = None, root: Path | None = None
) -> bytes:
    """The deck as .pptx bytes; `doc` (the laid-out report) gives the typeset texts and chart,
    `root` (the session folder) the logos of the title slide."""
    from pptx import Presentation
    from pptx.util import Cm

    w = Words(report.lang)
    deck = Presentation(str(template)) if template else Presentation()
    if template is None:
        deck.slide_width, deck.slide_height = Cm(33.867), Cm(19.05)  # 16:9
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = doc.cover.title
    if len(title.placeholders) > 1:
        title.placeholders[1].text = "\n".join((doc.cover.subtitle, *doc.cover.lines[:2]))
    if root is not None:
        _logos(title, doc.cover.logos, root, deck.slide_width)
    if report.context.questions:
        _bullets(deck, w("h.questions"), report.context.questions)
    for output in report.outputs:
        if isinstance(output, CafeOutput):
            for q in output.questions:
                if q.kept and q.number is not None:
                    kept = w.count("cafe.kept", len(q.kept))
                    _bullets(deck, f"{w('question_n', n=q.number)} — {kept}",
                             [q.text, *(i.text for i in q.kept)], first_is_lead=True)
    for section in report.commitments:
        lines = [f"{r.what} — {r.owner or '—'}" + (f" ({w.date(r.due, 'long')})" if r.due else "")
                 for g in section.groups for r in g.rows]  # fmt: skip
        for start in range(0, len(lines), BULLETS_PER_SLIDE):
            _bullets(deck, section.title or w("h.commitments"),
                     lines[start:start + BULLETS_PER_SLIDE])  # fmt: skip
    chart = _satisfaction_figure(doc)
    if chart is not None:
        _figure(deck, chart)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


LOGO_HEIGHT_CM = 2.2


def _logos(slide: Any, logos: tuple[e.Image, ...], root: Path, slide_width: int) -> None:
    """The Lab's logo at the top left of the title slide, the sponsor's at the top right."""
    from pptx.util import Cm

    for index, logo in enumerate(logos[:2]):
        path = root / logo.path
        if not path.is_file():
            continue
        picture = slide.shapes.add_picture(str(path), Cm(1), Cm(0.8), height=Cm(LOGO_HEIGHT_CM))
        if index == 1:
            picture.left = slide_width - picture.width - Cm(1)
        picture._element.nvPicPr.cNvPr.set("descr", logo.alt)


def _bullets(deck: object, heading: str, lines: list[str] | tuple[str, ...],
             first_is_lead: bool = False) -> None:  # fmt: skip
    from pptx.util import Pt

    slide = deck.slides.add_slide(deck.slide_layouts[1])  # type: ignore[attr-defined]
    slide.shapes.title.text = typeset_text(heading)
    frame = slide.placeholders[1].text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = typeset_text(line)
        paragraph.font.size = Pt(20 if len(lines) <= 4 else 16)
        if first_is_lead and index == 0:
            paragraph.font.italic = True


def _satisfaction_figure(doc: e.ReportDocument) -> e.Figure | None:
    after = False
    for element in doc.elements:
        if isinstance(element, e.Heading) and element.level == 1:
            after = element.anchor == "satisfaction"
        elif after and isinstance(element, e.Figure):
            return element
    return None


def _figure(deck: object, figure: e.Figure) -> None:
    from pptx.util import Cm

    from labkit.i18n import format_number
    from labkit.report.charts import render_chart

    slide = deck.slides.add_slide(deck.slide_layouts[5])  # type: ignore[attr-defined]
    slide.shapes.title.text = figure.caption
    png = render_chart(figure.chart, lambda x: format_number(x, "fr"))
    top = Cm(3.5)
    height = deck.slide_height - top - Cm(0.5)  # type: ignore[attr-defined]
    picture = slide.shapes.add_picture(io.BytesIO(png), 0, top, height=height)
    if picture.width > deck.slide_width:  # type: ignore[attr-defined]
        ratio = deck.slide_width / picture.width  # type: ignore[attr-defined]
        picture.width, picture.height = int(picture.width * ratio), int(picture.height * ratio)
    picture.left = int((deck.slide_width - picture.width) / 2)  # type: ignore[attr-defined]
    picture._element.nvPicPr.cNvPr.set("descr", figure.alt)  # alt text for screen readers
