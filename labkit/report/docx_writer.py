"""Draw a `ReportDocument` as a Word file (python-docx) with the styles of a reference document.

Cover page, table of contents field, running header with the session's title, "page X / Y"
footer, tables with repeated header rows, charts with alternative text, a QR code to the session's
resources. Every text goes through `xml_safe` (characters XML cannot hold are dropped).
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from labkit.document import elements as e
from labkit.document.text import xml_safe
from labkit.report.docx_parts import (
    add_field,
    begin_field,
    bookmark,
    end_field,
    keep_with_next,
    new_paragraph,
    write_text,
)
from labkit.report.reference import LIGHT_FILL, REFERENCE_NAME, TABLE_STYLE, ensure_styles

if TYPE_CHECKING:
    from docx.oxml.text.paragraph import CT_P

logger = logging.getLogger(__name__)

_W_PPR, _W_SECTPR = qn("w:pPr"), qn("w:sectPr")
_W_P, _W_T, _W_DRAWING, _W_PAGE_BREAK_BEFORE = (
    qn(t) for t in ("w:p", "w:t", "w:drawing", "w:pageBreakBefore")
)
Progress = Callable[[int, int], None]
"""Called with (units done, units in all) while rendering."""

_PARAGRAPH_STYLES = {
    "body": "Normal", "lead": "Report Lead", "note": "Report Note", "quote": "Quote",
    "label": "Report Label",
}  # fmt: skip
CHART_WIDTH_CM = 16.0
CURVE_WIDTH_LANDSCAPE_CM = 13.0
"""An emotion curve under its journey table on a landscape page: 5.6 cm tall, so that the table
and its curve share the page."""
QR_WIDTH_CM = 3.2
PHOTO_WIDTH_CM = 14.0
PHOTO_MAX_HEIGHT_CM = 16.0
KEEP_TOGETHER_ROWS = 12
TAIL_LINES = 15
"""Lines at the end of a section kept on one page (see `_DocxWriter._keep_tail_together`)."""
PICTURE_LINES = 12
CHARS_PER_LINE = 95
"""Characters of body text on a line of a portrait page."""


def reference_path() -> Path | None:
    """The bundled reference document, if this installation has it."""
    from labkit.resources import data_dir

    try:
        path = data_dir("templates") / REFERENCE_NAME
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def render_docx(
    doc: e.ReportDocument,
    *,
    reference: Path | None = None,
    root: Path | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The report as .docx bytes. `root` is the session folder (for photos of flipcharts)."""
    return _DocxWriter(doc, reference, root, progress).render()


def work_units(doc: e.ReportDocument) -> int:
    """How much work a render is, for a progress bar (figures and big tables weigh more)."""
    return sum(_weight(element) for element in doc.elements) + 10


def _weight(element: e.Element) -> int:
    if isinstance(element, e.Table):
        return 1 + len(element.rows) // 20
    if isinstance(element, e.Figure | e.Image):
        return 8
    return 1


class _DocxWriter:
    def __init__(
        self, doc: e.ReportDocument, reference: Path | None, root: Path | None,
        progress: Progress | None,
    ) -> None:  # fmt: skip
        from docx import Document

        from labkit.report.reference import build_reference

        self.doc, self.root, self.progress = doc, root, progress
        source = reference or reference_path()
        self.document = Document(str(source)) if source else Document(io.BytesIO(build_reference()))
        body = self.document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        self.body = body
        self.end = body.find(_W_SECTPR)
        """The closing section properties: every new block goes just before them (found once;
        asking the body for its length or last child per paragraph walks all its children)."""
        self.appended: list[Any] = []
        """Every paragraph this writer appended to the body, in order (no walk of the body to
        find the latest ones)."""
        self._usable_cm: float | None = None
        self._next_shape_id: int | None = None
        ensure_styles(self.document)
        styles = self.document.styles
        self.style_ids = {s.name: s.style_id for s in styles}
        self.styles = styles
        self.done, self.total = 0, work_units(doc)
        self.photo_count = sum(isinstance(x, e.Image) for x in doc.elements)
        self.bullets_numbered = self._has_numbering("List Bullet")
        self.previous: e.Element | None = None
        """The element written last (`_element` reads what it comes after)."""
        self.break_before = False
        """The next paragraph starts a page (a break paragraph could itself land on a fresh
        page and leave it blank)."""

    # --- helpers -----------------------------------------------------------------------------

    def _has_numbering(self, name: str) -> bool:
        p_pr = self.styles[name].element.pPr
        return p_pr is not None and p_pr.numPr is not None

    def _tick(self, units: int = 1) -> None:
        self.done += units
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def paragraph(self, text: str = "", style: str = "Normal", **options: Any) -> Any:
        p = new_paragraph(self.style_ids[style], page_break_before=self.break_before)
        self.break_before = False
        self._append(p)
        self.appended.append(p)
        paragraph = Paragraph(cast("CT_P", p), self.document._body)  # w:p parses as a CT_P
        write_text(paragraph, text, **options)
        return paragraph

    def _append(self, block: Any) -> None:
        """Put `block` (a w:p or w:tbl) at the end of the body, before the section properties:
        O(1) whatever the body's length."""
        if self.end is not None:
            self.end.addprevious(block)
        else:
            self.body.append(block)

    @functools.cached_property
    def _table_style_id(self) -> str | None:
        """The id `Table.style = TABLE_STYLE` writes (None for the default table style), found
        once: python-docx looks for the default style through all the styles at each table."""
        from docx.enum.style import WD_STYLE_TYPE

        return self.document.part.get_style_id(self.styles[TABLE_STYLE], WD_STYLE_TYPE.TABLE)

    def _shape_id(self) -> int:
        """The id python-docx's `part.next_id` gives the next drawing (one more than the
        largest ``@id`` of the document), counted here: python-docx searches every attribute of
        the document for it, once per chart."""
        if self._next_shape_id is None:
            self._next_shape_id = self.document.part.next_id
        self._next_shape_id += 1
        return self._next_shape_id - 1

    def _picture(self, paragraph: Any, image: bytes, width_cm: float, alt: str, title: str = ""
                 ) -> None:  # fmt: skip
        """`docx_kit.pictures.add_picture`; python-docx numbers the picture itself (the count
        of `_shape_id` starts again from the document after it)."""
        from labkit.docx_kit.pictures import add_picture

        add_picture(paragraph, image, width_cm, alt, title)
        self._next_shape_id = None

    def usable_width_cm(self) -> float:
        """The text width of the current section (cached: `sections[-1]` searches the whole
        document for section properties)."""
        if self._usable_cm is None:
            section = self.document.sections[-1]
            width = section.page_width or Cm(21.0)  # the reference document sets A4 and margins
            margins = (section.left_margin or 0) + (section.right_margin or 0)
            self._usable_cm = (width - margins) / 360000
        return self._usable_cm

    # --- the document ------------------------------------------------------------------------

    def render(self) -> bytes:
        from labkit.docx_kit.meta import set_compatibility, set_language, set_properties

        self._page_furniture()
        self._cover()
        self._toc()
        elements = self.doc.elements
        for index, element in enumerate(elements):
            following = elements[index + 1] if index + 1 < len(elements) else None
            self._element(element, following)
            self.previous = element
            self._tick(_weight(element))
        set_language(self.document, self.doc.lang)
        set_compatibility(self.document)
        set_properties(self.document, title=xml_safe(self.doc.title), lang=self.doc.lang,
                       subject=xml_safe(self.doc.subject), author=xml_safe(self.doc.author))
        buffer = io.BytesIO()
        self.document.save(buffer)
        self._tick(10)
        return buffer.getvalue()

    def _page_furniture(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section = self.document.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header._p.style = self.style_ids["Header"]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        write_text(header, self.doc.header)
        footer = section.footer.paragraphs[0]
        footer._p.style = self.style_ids["Footer"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        write_text(footer, f"{self.doc.footer} — {self.doc.page_word} ")
        add_field(footer, "PAGE", "1")
        footer.add_run(" / ")
        add_field(footer, "NUMPAGES", "1")

    def _cover(self) -> None:
        from docx.shared import Pt

        from labkit.docx_kit.pictures import QR_PREFIX, qr_png

        cover = self.doc.cover
        if cover.logos:
            self._logos(cover.logos)
        self.paragraph(cover.kicker, "Cover Kicker")
        self.paragraph(cover.title, "Title")
        self.paragraph(cover.subtitle, "Subtitle")
        for line in cover.lines:
            self.paragraph(line, "Cover Line")
        if cover.qr:
            spacer = self.paragraph("", "Cover Line")
            spacer.paragraph_format.space_before = Pt(36)
            self._picture(self.paragraph(), qr_png(cover.qr.url), QR_WIDTH_CM,
                        QR_PREFIX + cover.qr.url, "QR")  # fmt: skip
            self.paragraph(cover.qr.caption, "Caption")
        if cover.edition:
            edition = self.paragraph(cover.edition, "Cover Line")
            edition.paragraph_format.space_before = Pt(24)
        self.break_before = True

    def _logos(self, logos: tuple[e.Image, ...]) -> None:
        """The Lab's and the sponsor's logos side by side, each in a 5 × 2.4 cm box."""
        from labkit.report.photos import logo_width_cm

        paragraph = self.paragraph("", "Cover Line")
        placed = 0
        for logo in logos:
            path = (self.root / logo.path) if self.root else None
            if path is None or not path.is_file():
                logger.warning("logo %s not found: left off the cover", logo.path)
                continue
            try:
                data = path.read_bytes()
                if placed:
                    paragraph.add_run("\u2003\u2003")
                self._picture(paragraph, data, logo_width_cm(data), logo.alt, logo.caption)
                placed += 1
            except Exception:  # noqa: BLE001 - an unreadable logo must not stop the report
                logger.exception("logo %s could not be placed on the cover", path)

    def _toc(self) -> None:
        """A TOC field whose cached result labkit writes itself: each entry's page number is a
        PAGEREF to a bookmark on its heading, which LibreOffice and Word compute when laying
        out (so a PDF has page numbers without an "update fields?" prompt)."""
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Cm

        self.paragraph(self.doc.toc_title, "TOC Heading")
        headings = [h for h in self.doc.elements if isinstance(h, e.Heading) and h.level <= 2]
        first = self.paragraph("", "TOC 1")
        begin_field(first, 'TOC \\o "1-2" \\h \\z \\u', dirty=False)
        last = first
        right = Cm(self.usable_width_cm())
        for index, heading in enumerate(headings):
            target = first if index == 0 else self.paragraph("", f"TOC {heading.level}")
            if index == 0:
                target._p.style = self.style_ids[f"TOC {heading.level}"]
            target.paragraph_format.tab_stops.add_tab_stop(right, WD_TAB_ALIGNMENT.RIGHT,
                                                           WD_TAB_LEADER.DOTS)  # fmt: skip
            write_text(target, heading.text + "\t")
            add_field(target, f"PAGEREF _Toc{index + 1} \\h", "")
            last = target
        end_field(last)
        self.toc_marks = 0
        self.break_before = True

    # --- elements ----------------------------------------------------------------------------

    def _element(self, element: e.Element, following: e.Element | None) -> None:
        if isinstance(following, e.Qr) and isinstance(element, e.Bullets | e.Paragraph):
            self._keep_with_qr(element)
        elif isinstance(element, e.Heading):
            paragraph = self.paragraph(element.text, f"Heading {min(max(element.level, 1), 3)}")
            keep_with_next(paragraph._p)
            if element.level <= 2:
                self.toc_marks += 1
                bookmark(paragraph, f"_Toc{self.toc_marks}", self.toc_marks)
        elif isinstance(element, e.Paragraph):
            style = _PARAGRAPH_STYLES.get(element.style, "Normal")
            # a short line introducing a table or a chart (« 10 gommettes · 4 équipes ») stays on
            # its page: with the heading's keep-with-next, heading, line and table go together;
            # so does a label (« Ce qui marche (2) ») with its list
            introduces = element.keep_with_next or (
                isinstance(following, e.Table | e.Figure) and len(element.text) <= 300) or (
                element.style == "label" and not isinstance(following, e.Heading | None)) or (
                _between_headings(self.previous, element, following))
            for line in element.text.split("\n"):
                paragraph = self.paragraph(line, style)
                if introduces:
                    keep_with_next(paragraph._p)
        elif isinstance(element, e.Bullets):
            last = self._bullets(element)
            if last is not None and isinstance(following, e.Table | e.Figure):
                keep_with_next(last._p)  # the list's end with its table
        elif isinstance(element, e.Table):
            chart = isinstance(following, e.Figure)  # a vote table and its chart: one page
            self._table(element, keep_next=chart)
            if isinstance(following, e.Table | e.Figure) or following is None:
                spacer = self.paragraph("", "Report Note")
                if chart:
                    keep_with_next(spacer._p)
        elif isinstance(element, e.Figure):
            self._figure(element)
        elif isinstance(element, e.Image):
            self._image(element)
        elif isinstance(element, e.Qr):
            self._qr(element)
        elif isinstance(element, e.PageBreak):
            self.break_before = True
        elif isinstance(element, e.Orientation):
            self._orientation(element.landscape)

    def _keep_with_qr(self, element: e.Bullets | e.Paragraph) -> None:
        """Text followed by a QR code stays on its page (no page holding only a QR code)."""
        start = len(self.appended)
        if isinstance(element, e.Bullets):
            self._bullets(element)
        else:
            self._element(element, None)
        for p in self.appended[start:]:
            keep_with_next(p)

    def _bullets(self, bullets: e.Bullets) -> Paragraph | None:
        """The items (and sub-items); the last paragraph written."""
        last = None
        for index, item in enumerate(bullets.items, 1):
            if bullets.numbered:
                last = self.paragraph(f"{index}.\t{item}", "Report Numbered")
            else:
                last = self.paragraph(item if self.bullets_numbered else f"•\t{item}",
                                      "List Bullet")  # fmt: skip
            subs = bullets.sub[index - 1] if index - 1 < len(bullets.sub) else ()
            if subs:  # an item never ends a page without its first sub-item
                keep_with_next(last._p)
            for sub in subs:
                last = self.paragraph(sub if self.bullets_numbered else f"–\t{sub}",
                                      "List Bullet 2")  # fmt: skip
        return last

    def _table(self, table: e.Table, keep_next: bool = False) -> None:
        """The table and its caption; `keep_next`: its last row and caption stay on the page of
        what follows (a chart)."""
        from labkit.report.docx_rows import RowFiller

        total = sum(table.widths) or 1
        usable = self.usable_width_cm()
        widths = [Cm(usable * w / total).twips for w in table.widths]
        text_style = self.style_ids["Table Text Small" if table.compact else "Table Text"]
        rows = RowFiller(self._append, widths, text_style, table.align,
                         table_style=self._table_style_id, header=table.header,
                         header_style=self.style_ids["Table Header"])  # fmt: skip
        shaded = LIGHT_FILL if table.first_column_header else None
        for index, row in enumerate(table.rows):
            rows.add(row, bold=index in table.emphasis, shade_first=shaded)
        rows.finish()
        rows_kept = rows.table.tr_lst
        if len(table.rows) > KEEP_TOGETHER_ROWS:  # a long table may split, not a short one
            rows_kept = rows_kept[-1:] if keep_next else []
        elif not keep_next:
            rows_kept = rows_kept[:-1]
        for tr in rows_kept:
            for tc in tr.tc_lst:
                for p in tc.p_lst:
                    keep_with_next(p)
        if table.caption:
            caption = self.paragraph(table.caption, "Caption")
            if keep_next:
                keep_with_next(caption._p)

    def _figure(self, figure: e.Figure) -> None:
        """A native Word chart (vector, editable; no matplotlib) and its caption."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from labkit.docx_kit.charts import WIDTH_IN, add_chart
        from labkit.i18n import format_number
        from labkit.report.charts import height_in

        paragraph = self.paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        keep_with_next(paragraph._p)
        width = min(CHART_WIDTH_CM, self.usable_width_cm())
        if figure.chart.kind == "line" and self.usable_width_cm() > CHART_WIDTH_CM + 4:
            width = CURVE_WIDTH_LANDSCAPE_CM
        height = width * height_in(figure.chart) / WIDTH_IN
        add_chart(paragraph, figure.chart, width, height, figure.alt, figure.caption,
                  self.doc.lang, lambda x: format_number(x, self.doc.lang),
                  shape_id=self._shape_id())  # fmt: skip
        self.paragraph(figure.caption, "Caption").alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _image(self, image: e.Image) -> None:
        from labkit.report.photos import is_picture, photo_budget, prepare_photo

        path = (self.root / image.path) if self.root else None
        if path is not None and path.is_file() and is_picture(path):
            try:
                photo = prepare_photo(path, photo_budget(self.photo_count))
                width = min(PHOTO_WIDTH_CM, self.usable_width_cm())
                if photo.height > photo.width:  # an upright flipchart: at most 16 cm tall
                    width = min(width, PHOTO_MAX_HEIGHT_CM * photo.width / photo.height)
                picture = self.paragraph()
                keep_with_next(picture._p)
                self._picture(picture, photo.data, width, image.alt, image.caption)
            except Exception:  # noqa: BLE001 - an unreadable photo must not stop the report
                logger.exception("photo %s could not be placed in the report", path)
                self.paragraph(image.path, "Report Note")
        else:
            self.paragraph(image.path, "Report Note")
        self.paragraph(image.caption, "Caption")

    def _qr(self, qr: e.Qr) -> None:
        from labkit.docx_kit.pictures import QR_PREFIX, qr_png

        picture = self.paragraph()
        keep_with_next(picture._p)
        self._picture(picture, qr_png(qr.url), QR_WIDTH_CM, QR_PREFIX + qr.url, "QR")
        self.paragraph(qr.caption, "Caption")

    def _orientation(self, landscape: bool) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        from labkit.docx_kit.page import fold_section_break

        self.break_before = False  # a new section starts a page anyway
        current = self.document.sections[-1]
        if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
            return
        self._keep_tail_together()
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        fold_section_break(self.end.getprevious())  # no empty paragraph ending the section
        self._usable_cm = None
        section.different_first_page_header_footer = False
        width, height = section.page_width, section.page_height
        if landscape != (width > height):
            section.page_width, section.page_height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def _keep_tail_together(self) -> None:
        """The section's last paragraphs, about TAIL_LINES lines, go to their page together: a
        tail that did not fit the page before would otherwise stand alone on a page the section
        break closes (a near-empty page before a landscape section). Stops at a table (it may
        split), a page break or the previous section's end."""
        chain: list[Any] = []
        lines = 0
        block = self.end.getprevious() if self.end is not None else None
        while block is not None and block.tag == _W_P and lines < TAIL_LINES:
            p_pr = block.find(_W_PPR)
            if p_pr is not None and p_pr.find(_W_SECTPR) is not None:
                break
            chain.append(block)
            lines += _lines(block)
            if p_pr is not None and p_pr.find(_W_PAGE_BREAK_BEFORE) is not None:
                break
            block = block.getprevious()
        for paragraph in chain[1:]:  # the last one is followed by the section break
            keep_with_next(paragraph)


def _between_headings(previous: e.Element | None, paragraph: e.Paragraph,
                      following: e.Element | None) -> bool:  # fmt: skip
    """A chapter's short opening line between its heading and a sub-heading (« Le déroulé de
    la session », a line, « jeudi 8 avril 2027 »): kept with the sub-heading, so that the
    heading and its line never end a page without what they open."""
    return (isinstance(previous, e.Heading) and isinstance(following, e.Heading)
            and following.level > previous.level and len(paragraph.text) <= 300)  # fmt: skip


def _lines(p: Any) -> int:
    """About how many lines of body text paragraph `p` takes (a picture: PICTURE_LINES)."""
    if next(p.iter(_W_DRAWING), None) is not None:
        return PICTURE_LINES
    text = "".join(t.text or "" for t in p.iter(_W_T))
    return 1 + len(text) // CHARS_PER_LINE
