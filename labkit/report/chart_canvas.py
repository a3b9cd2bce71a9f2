"""An Agg canvas that lays out each text once per render and draws it in one FreeType call
(imported with matplotlib only).

matplotlib 3.11 draws text glyph by glyph from Python (a transform, a render and a blit per glyph):
for the report's label-heavy charts that was most of their drawing time. Here a string is laid
out and drawn into one bitmap by FreeType, then blitted once: matplotlib's own path up to 3.10,
with the same font, size, hinting, antialiasing and placement (the pictures differ only by
sub-pixel rounding of glyph positions). Mathtext, and a matplotlib without this FreeType call,
take matplotlib's own path.

Laying a string out (`FT2Font.set_text`: every glyph loaded and hinted) is the costly part, and
matplotlib does it twice per text (measured for the layout, then drawn), per chart. `TextCache`
keeps each laid-out string (its size, descent and bitmap) by font file, size, resolution and
hinting, so a text is laid out once for every chart of a render that shows it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager
from matplotlib.ft2font import FT2Font

ONE_CALL_TEXT = all(hasattr(FT2Font, name) for name in
                    ("_render_glyph", "draw_glyphs_to_bitmap", "get_image"))  # fmt: skip
"""Whether matplotlib draws glyph by glyph (3.11) and its FreeType wrapper can still draw a
whole string into one bitmap (up to 3.10 matplotlib does so itself)."""
MAX_TEXTS = 4096
"""Laid-out strings kept at most (a report's charts show a few hundred)."""


@dataclass(frozen=True)
class LaidOut:
    """A string laid out by FreeType, unrotated: its size and descent in pixels, the offset of
    its bitmap in 26.6 subpixels and the bitmap (drawn antialiased or not)."""

    width: float
    height: float
    descent: float
    offset: tuple[float, float]
    image: Any
    antialiased: bool


class TextCache:
    """Laid-out strings by (text, font files, size, dpi, hinting, antialiasing); `layouts`
    counts the strings laid out (FreeType calls), for tests."""

    def __init__(self) -> None:
        self.texts: dict[tuple[Any, ...], LaidOut] = {}
        self.layouts = 0

    def get(self, renderer: RendererAgg, s: str, prop: Any, antialiased: bool) -> LaidOut:
        """`s` in the font of `prop` at the renderer's resolution, laid out once."""
        files = fontManager._find_fonts_by_props(prop)  # noqa: SLF001 - what _prepare_font uses
        flags = get_hinting_flag()
        key = (s, tuple(files), prop.get_size_in_points(), renderer.dpi, flags, antialiased)
        laid = self.texts.get(key)
        if laid is None:
            if len(self.texts) >= MAX_TEXTS:
                self.texts.clear()
            font = renderer._prepare_font(prop)  # noqa: SLF001 - matplotlib's own font set-up
            font.set_text(s, 0, flags=flags)  # rotated when drawn, with the bitmap
            font.draw_glyphs_to_bitmap(antialiased=antialiased)
            width, height = font.get_width_height()
            x_offset, y_offset = font.get_bitmap_offset()
            offset = (x_offset / 64.0, y_offset / 64.0)
            laid = LaidOut(width / 64.0, height / 64.0, font.get_descent() / 64.0, offset,
                           font.get_image(), antialiased)  # fmt: skip
            self.texts[key] = laid
            self.layouts += 1
        return laid


TEXTS = TextCache()
"""The process's laid-out strings (every chart of a render shares them)."""


class _Renderer(RendererAgg):
    def get_text_width_height_descent(self, s: str, prop: Any, ismath: bool | str) -> Any:
        if ismath or not ONE_CALL_TEXT:
            return super().get_text_width_height_descent(s, prop, ismath)
        # measured as it will be drawn: text is antialiased unless a Text says otherwise
        from matplotlib import rcParams

        laid = TEXTS.get(self, s, prop, bool(rcParams["text.antialiased"]))
        return laid.width, laid.height, laid.descent

    def draw_text(  # noqa: PLR0913 - matplotlib's signature
        self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
        ismath: bool | str = False, mtext: Any = None,
    ) -> None:  # fmt: skip
        if ismath or not ONE_CALL_TEXT:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        laid = TEXTS.get(self, s, prop, bool(gc.get_antialiased()))
        x_offset, y_offset = laid.offset
        radians = math.radians(angle)
        x = round(x + x_offset + laid.descent * math.sin(radians))
        y = round(y + y_offset + laid.descent * math.cos(radians))
        self._renderer.draw_text_image(laid.image, x, y + 1, angle, gc)


class Canvas(FigureCanvasAgg):
    """`FigureCanvasAgg` drawing text with `_Renderer`."""

    def get_renderer(self) -> RendererAgg:
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _Renderer(width, height, self.figure.dpi)
            self._lastKey = key
        return self.renderer
