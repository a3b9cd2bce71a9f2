"""Chart labels that are never silently cut.

A category label is wrapped in the room its chart gives it (a few lines of so many characters, the
same rules the chart renderer draws with). A label that still does not fit is shortened on the
chart and given a numbered key, « (1) … », whose full text goes in the figure's caption: the
reader finds every word of every label, the chart stays legible.
"""

from __future__ import annotations

from dataclasses import replace

from labkit.document.elements import Chart, Figure
from labkit.document.text import wrapped_lines
from labkit.document.wording import Words, describe_chart

PALETTE = ("#2E6F9E", "#E07A5F", "#81B29A", "#F2CC8F", "#6D597A", "#3D5A80", "#B56576")
"""The series colours of every chart (PNG and native), in order."""
WIDTH_IN = 6.3
"""Width of a chart in inches (the renderer draws at this width)."""
CHAR_IN = 0.062
"""Average width of a character at 8 pt, in inches (DejaVu Sans)."""
HBAR_ROOM = (45, 3)
"""Characters per line and lines of a horizontal bar's label."""
LINES_UNDER_BAR = 4
"""Lines of a label under a vertical bar or a point of a curve."""
SERIES_ROOM = (70, 2)
"""Characters per line and lines of a series' name in the legend."""


def category_width(chart: Chart, size_pt: float = 8) -> int:
    """How many characters a category label may take per line under a bar or a point."""
    room = (WIDTH_IN - 1.1) / max(len(chart.categories), 1)
    return max(8, int(room / (CHAR_IN * size_pt / 8)) - 1)


def category_room(chart: Chart) -> tuple[int, int]:
    """(characters per line, lines) a category label of `chart` may take."""
    if chart.kind == "hbar":
        return HBAR_ROOM
    return category_width(chart, 8 if chart.kind == "bar" else 7), LINES_UNDER_BAR


def fits(text: str, width: int, lines: int) -> bool:
    """Whether `text` wraps within `lines` lines of `width` characters (no word wider either)."""
    wrapped = wrapped_lines(text, width)
    return len(wrapped) <= lines and all(len(line) <= width for line in wrapped)


def keyed(chart: Chart) -> tuple[Chart, tuple[tuple[str, str], ...]]:
    """`chart` with each label too long for its room shortened behind a key, and the keys.

    Category labels and series names (the legend) that fit are unchanged; the keys (« (1) »,
    « (2) » …) number the shortened ones in order, each with the label's full text.
    """
    keys: list[tuple[str, str]] = []

    def fitted(label: str, width: int, lines: int) -> str:
        flat = " ".join(label.split())
        if fits(flat, width, lines):
            return flat
        key = f"({len(keys) + 1})"
        keys.append((key, flat))
        return _shortened(f"{key} {flat}", width, lines)

    categories = tuple(fitted(label, *category_room(chart)) for label in chart.categories)
    series = tuple(replace(s, name=fitted(s.name, *SERIES_ROOM)) for s in chart.series)
    if not keys:
        return chart, ()
    return replace(chart, categories=categories, series=series), tuple(keys)


def _shortened(text: str, width: int, lines: int) -> str:
    """The longest start of `text`, in whole words, that fits `lines` lines with an ellipsis."""
    kept: list[str] = []
    for word in text.split():
        if not fits(" ".join([*kept, word]) + "…", width, lines):
            break
        kept.append(word)
    if len(kept) < 2:  # a word wider than the room (an address): cut inside it
        return text[: width - 1] + "…"
    return " ".join(kept).rstrip(" ,;:.-") + "…"


def figure(chart: Chart, words: Words, caption: str) -> Figure:
    """The figure showing `chart`: labels keyed where they would be cut, their full text in the
    caption, no title drawn when the caption is the title, and the alternative text describing
    the chart with its full labels and title."""
    shown, keys = keyed(chart)
    if " ".join(caption.split()) == " ".join(chart.title.split()):
        shown = replace(shown, title="")  # the caption says it: not twice, inside the image too
    if keys:
        caption = f"{caption}. " + " ; ".join(f"{key} {text}" for key, text in keys)
    return Figure(shown, describe_chart(chart, words), caption)
