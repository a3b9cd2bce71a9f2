"""The drawing vocabulary shared by every writer: headings, paragraphs, lists, tables, charts.

`layout` turns a `Report` into these elements (already worded in the report's language); the
docx, Markdown and HTML writers each draw them. Texts are plain (never markup or template code).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from labkit.model.record import Record


@dataclass(frozen=True, eq=False, repr=False)
class Heading(Record):
    level: int
    text: str
    anchor: str = ""


@dataclass(frozen=True, eq=False, repr=False)
class Paragraph(Record):
    text: str
    style: str = "body"
    """body, lead (introduction), note (small, grey), quote, label (bold lead-in)."""
    keep_with_next: bool = False
    """Stays on the page of what follows (a line under a heading: never left alone at a page
    bottom, its content on the next page)."""


@dataclass(frozen=True, eq=False, repr=False)
class Bullets(Record):
    items: tuple[str, ...]
    numbered: bool = False
    sub: tuple[tuple[str, ...], ...] = ()
    """Optional second-level items under each item (same length as `items` when given)."""


@dataclass(frozen=True, eq=False, repr=False)
class Table(Record):
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths."""
    caption: str | None = None
    compact: bool = False
    """Small type (large tables, journey maps)."""
    align: tuple[str, ...] = ()
    """Per column: "l" (default), "r" or "c"."""
    first_column_header: bool = False
    emphasis: frozenset[int] = field(default_factory=frozenset)
    """Indexes of rows to set in bold (totals, kept ideas)."""


@dataclass(frozen=True, eq=False, repr=False)
class Series(Record):
    name: str
    values: tuple[float | None, ...]
    colour: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Chart(Record):
    kind: str
    """bar (vertical, grouped), hbar (horizontal ranking) or line (emotion curve)."""
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_min: float | None = None
    value_max: float | None = None
    value_labels: tuple[tuple[float, str], ...] = ()
    """Named ticks of the value axis (e.g. -2 = frustrated ... +2 = delighted)."""
    value_axis: str = ""
    category_colours: tuple[str, ...] = ()
    """One colour per category (single-series bar charts, e.g. stakeholder groups)."""


@dataclass(frozen=True, eq=False, repr=False)
class Figure(Record):
    chart: Chart
    alt: str
    caption: str


@dataclass(frozen=True, eq=False, repr=False)
class Image(Record):
    """A picture file of the session folder (a photo of a flipchart)."""

    path: str
    alt: str
    caption: str


@dataclass(frozen=True, eq=False, repr=False)
class Qr(Record):
    url: str
    caption: str


@dataclass(frozen=True, eq=False, repr=False)
class PageBreak(Record):
    """The next element starts on a new page."""


@dataclass(frozen=True, eq=False, repr=False)
class Orientation(Record):
    """Start a new section of pages in landscape (True) or portrait (False)."""

    landscape: bool


Element = (
    Heading | Paragraph | Bullets | Table | Figure | Image | Qr | PageBreak | Orientation
)


@dataclass(frozen=True, eq=False, repr=False)
class CoverPage(Record):
    title: str
    subtitle: str
    lines: tuple[str, ...]
    """Dates, place, Lab, sponsor — one per line."""
    kicker: str
    """The small line above the title ("Restitution")."""
    qr: Qr | None = None
    logos: tuple[Image, ...] = ()
    """The Lab's and the sponsor's logos, side by side above the kicker."""
    edition: str = ""
    """The document's version and date, at the foot of the cover."""


@dataclass(frozen=True, eq=False, repr=False)
class ReportDocument(Record):
    lang: str
    title: str
    cover: CoverPage
    toc_title: str
    header: str
    footer: str
    """Text before the page number in the footer."""
    page_word: str
    elements: tuple[Element, ...]
    author: str = ""
    """Who the document is from (the Lab): its core properties' author."""
    subject: str = ""

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(e for e in self.elements if isinstance(e, Figure))
