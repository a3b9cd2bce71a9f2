"""Draw the report's charts with matplotlib (Agg, no pyplot: no global state, no display) as PNG."""

from __future__ import annotations

import functools
import struct
import warnings
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from labkit.document.chart_labels import CHAR_IN, PALETTE, SERIES_ROOM, WIDTH_IN, category_room
from labkit.document.elements import Chart
from labkit.document.text import wrap
from labkit.docx_kit.pictures import png_file, without_module

if TYPE_CHECKING:
    from labkit.report.chart_canvas import Canvas

DPI = 150
# Margins are computed from the labels (CHAR_IN per character) instead of by a layout engine,
# which would draw every text twice (charts are the slowest part of a render). Labels are wrapped
# in `category_room`, the room `chart_labels.keyed` fitted them to: none is cut here.
_GREY = "#555555"
DOCUMENT_FONTS = ("Arial", "Liberation Sans")
"""The report's text font (as `docx_kit.charts.FONT`), then its metric-compatible free twin."""
FALLBACK_FONT = "DejaVu Sans"
"""matplotlib's bundled font: when neither is installed, and for glyphs they lack (★, emoji)."""


def render_chart(chart: Chart, number: Callable[[float], str] = lambda x: f"{x:.1f}") -> bytes:
    """The chart as PNG bytes; `number` formats the values printed on it (locale-aware)."""
    _import_matplotlib()
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    from labkit.report.chart_canvas import Canvas

    draw = {"hbar": _hbar, "bar": _bar, "line": _line}[chart.kind]
    height = height_in(chart)
    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI, facecolor="white")
    canvas = Canvas(figure)
    with warnings.catch_warnings(), rc_context({"font.family": list(chart_fonts())}):
        axes = figure.add_subplot()
        warnings.simplefilter("ignore")  # missing glyphs (emoji...) are drawn as boxes, no noise
        draw(axes, chart, number)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        title = wrap(chart.title, 80, 2)
        # y given: matplotlib would otherwise measure every tick label to keep the title clear of
        # them (nothing is drawn above the axes, so the title sits at 1.0 either way)
        if title:  # none when the figure's caption says it
            axes.set_title(title, fontsize=10, loc="left", color="#222222", y=1.0)
        left, bottom = _margins(chart)
        top = 0.22 + 0.18 * (title.count("\n") + 1 if title else 0)
        figure.subplots_adjust(left=left / WIDTH_IN, right=1 - 0.25 / WIDTH_IN,
                               bottom=bottom / height, top=1 - top / height)  # fmt: skip
        return _png(canvas)


@functools.cache
def chart_fonts() -> tuple[str, ...]:
    """The charts' font families: the first of DOCUMENT_FONTS matplotlib knows, then
    FALLBACK_FONT. Looked up once per process, among the fonts matplotlib has cached: a family
    it lacks is never asked for (that would search, and warn, at every text)."""
    from matplotlib.font_manager import fontManager

    known = {font.name for font in fontManager.ttflist}
    first = [name for name in DOCUMENT_FONTS if name in known][:1]
    return (*first, FALLBACK_FONT)


def height_in(chart: Chart) -> float:
    """The chart's height in inches at WIDTH_IN wide (legend included); no matplotlib."""
    height = _height(chart)
    if len(chart.series) > 1:
        height += 0.16 * _legend_lines(chart)
    return height


def _import_matplotlib() -> None:
    """Import matplotlib's figure without its 3D toolkit: `matplotlib.projections` imports
    `mpl_toolkits.mplot3d` (about a tenth of matplotlib's import) to register a projection no
    report chart uses. Blocked only during that first import, then importable as usual."""
    import sys

    if "matplotlib.projections" in sys.modules:
        return
    with without_module("mpl_toolkits.mplot3d"), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Unable to import Axes3D")
        import matplotlib.figure  # noqa: F401


def _png(canvas: Canvas) -> bytes:
    """The drawn figure as an RGB PNG: the background is opaque white, so the alpha channel
    matplotlib's own PNG carries would only add a quarter to the pixels to compress."""
    import numpy as np

    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    rgba = np.frombuffer(canvas.buffer_rgba(), np.uint8).reshape(height, width, 4)
    return png_rgb(rgba[:, :, :3], DPI)


def png_rgb(pixels: Any, dpi: int) -> bytes:
    """An 8-bit RGB PNG of `pixels` (height × width × 3), unfiltered, zlib level 3.

    Lossless like Pillow's, three times faster on a chart (Pillow tries every row filter; a
    chart's flat colours compress as well without): the pixels decoded are the same.
    """
    import numpy as np

    height, width, _ = pixels.shape
    rows = np.zeros((height, width * 3 + 1), np.uint8)  # each row: filter type 0, then RGB
    rows[:, 1:] = pixels.reshape(height, width * 3)
    per_metre = round(dpi / 0.0254)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return png_file(header, zlib.compress(rows.tobytes(), 3),
                    (b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))  # fmt: skip


def _legend_lines(chart: Chart) -> int:
    """How many lines the series' names take in the legend."""
    return sum(wrap(s.name, *SERIES_ROOM).count("\n") + 1 for s in chart.series)


def _label(chart: Chart, category: str) -> str:
    """A category label wrapped in the room its chart gives it."""
    width, lines = category_room(chart)
    return wrap(category, width, lines)


def _label_lines(labels: list[str]) -> tuple[int, int]:
    """The longest line (characters) and the most lines among wrapped labels."""
    lines = [label.split("\n") for label in labels] or [[""]]
    return max(len(x) for parts in lines for x in parts), max(len(parts) for parts in lines)


def _margins(chart: Chart) -> tuple[float, float]:
    """Left and bottom margins in inches, from the labels the chart draws there."""
    if chart.kind == "hbar":
        longest, _ = _label_lines([_label(chart, c) for c in chart.categories])
        bottom = 0.55 if chart.value_axis else 0.4
        if len(chart.series) > 1:
            bottom += 0.15 + 0.16 * _legend_lines(chart)
        return min(0.25 + CHAR_IN * longest, WIDTH_IN * 0.5), bottom
    _, lines = _label_lines([_label(chart, c) for c in chart.categories])
    bottom = 0.25 + 0.15 * lines
    if chart.kind == "bar" and len(chart.series) > 1:
        bottom += 0.2 + 0.16 * _legend_lines(chart)
    if chart.kind == "line":
        longest = max((len(label) for _, label in chart.value_labels), default=4)
        return 0.3 + CHAR_IN * longest, bottom
    return 0.75, bottom


def _height(chart: Chart) -> float:
    if chart.kind == "hbar":
        lines = sum(_label(chart, c).count("\n") + 1 for c in chart.categories)
        bars = len(chart.categories) * max(len(chart.series), 1)
        rows = max(0.15 * lines + 0.1 * len(chart.categories), 0.2 * bars)
        return min(max(1.5, 0.8 + rows), 8.0)
    if chart.kind == "bar":
        return 3.2 + 0.3 * len(chart.series)
    return 2.7


def _colour(chart: Chart, index: int, fallback: int) -> str:
    series = chart.series[index] if index < len(chart.series) else None
    return (series.colour if series and series.colour else None) or PALETTE[fallback % 7]


def _hbar(axes, chart: Chart, number: Callable[[float], str]) -> None:  # noqa: ANN001
    """Horizontal bars, one group of bars per category (one bar per series)."""
    count = max(len(chart.series), 1)
    height = 0.7 / count
    positions = list(range(len(chart.categories)))
    everything = [v or 0.0 for s in chart.series for v in s.values]
    top = max(everything, default=1) or 1
    integers = all(float(v).is_integer() for v in everything)
    for index, series in enumerate(chart.series):
        values = [v or 0.0 for v in series.values]
        offsets = [p - 0.35 + height * (index + 0.5) for p in positions]
        colours = (list(chart.category_colours) if count == 1 and chart.category_colours
                   else [_colour(chart, index, index)] * len(values))  # fmt: skip
        bars = axes.barh(offsets, values, height * 0.9, color=colours[: len(values)],
                         label=wrap(series.name, *SERIES_ROOM))  # fmt: skip
        for bar, value in zip(bars, series.values, strict=True):
            if value is not None:
                axes.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2,
                          f"{value:.0f}" if integers else number(value),
                          va="center", fontsize=7 if count > 1 else 8, color="#222222")  # fmt: skip
    axes.set_yticks(positions, [_label(chart, c) for c in chart.categories], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(chart.value_min or 0, (chart.value_max or top) * 1.12)
    axes.tick_params(axis="x", labelsize=8, colors=_GREY)
    if integers:
        from matplotlib.ticker import MaxNLocator

        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    if chart.value_axis:
        axes.set_xlabel(chart.value_axis, fontsize=8, color=_GREY)
    _legend(axes, chart)


def _legend(axes, chart: Chart) -> None:  # noqa: ANN001
    """Several series: a legend in the bottom margin, under the axis labels."""
    if len(chart.series) > 1:
        handles, names = axes.get_legend_handles_labels()
        axes.get_figure().legend(handles, names, fontsize=7, frameon=False, loc="lower left",
                                 bbox_to_anchor=(0.01, 0.01), ncol=1)  # fmt: skip


def _bar(axes, chart: Chart, number: Callable[[float], str]) -> None:  # noqa: ANN001
    count = max(len(chart.series), 1)
    width = 0.8 / count
    positions = range(len(chart.categories))
    for index, series in enumerate(chart.series):
        offsets = [p - 0.4 + width * (index + 0.5) for p in positions]
        values = [v if v is not None else 0.0 for v in series.values]
        bars = axes.bar(offsets, values, width * 0.92, label=wrap(series.name, *SERIES_ROOM),
                        color=_colour(chart, index, index))  # fmt: skip
        for bar, value in zip(bars, series.values, strict=True):
            if value is not None:
                axes.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), number(value),
                          ha="center", va="bottom", fontsize=7, color="#222222")  # fmt: skip
    axes.set_xticks(list(positions), [_label(chart, c) for c in chart.categories], fontsize=8)
    axes.set_ylim(chart.value_min or 0, (chart.value_max or 1) * 1.08)
    axes.tick_params(axis="y", labelsize=8, colors=_GREY)
    if chart.value_axis:
        axes.set_ylabel(chart.value_axis, fontsize=8, color=_GREY)
    _legend(axes, chart)


def _line(axes, chart: Chart, number: Callable[[float], str]) -> None:  # noqa: ANN001, ARG001
    positions = list(range(len(chart.categories)))
    for index, series in enumerate(chart.series):
        points = [(p, v) for p, v in zip(positions, series.values, strict=True) if v is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        colour = _colour(chart, index, index)
        axes.plot(xs, ys, marker="o", linewidth=2, markersize=7, color=colour, label=series.name)
        axes.fill_between(xs, ys, 0, alpha=0.12, color=colour)
    axes.axhline(0, color="#999999", linewidth=0.8, linestyle="--")
    low = chart.value_min if chart.value_min is not None else -2
    high = chart.value_max if chart.value_max is not None else 2
    axes.set_ylim(low - 0.4, high + 0.4)
    if chart.value_labels:
        axes.set_yticks([v for v, _ in chart.value_labels], [lab for _, lab in chart.value_labels],
                        fontsize=8)  # fmt: skip
    axes.set_xticks(positions, [_label(chart, c) for c in chart.categories], fontsize=7)
    axes.set_xlim(-0.4, len(positions) - 0.6)
    axes.grid(axis="y", color="#eeeeee")
