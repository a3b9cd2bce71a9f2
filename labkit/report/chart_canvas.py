"""An Agg canvas that rasterises each text in one FreeType call (imported with matplotlib only).

matplotlib 3.11 draws text glyph by glyph from Python (a transform, a render and a blit per glyph):
for the report's label-heavy charts that was most of their drawing time. Here a string is laid
out and drawn into one bitmap by FreeType, then blitted once: matplotlib's own path up to 3.10,
with the same font, size, hinting, antialiasing and placement (the pictures differ only by
sub-pixel rounding of glyph positions). Mathtext, and a matplotlib without this FreeType call,
take matplotlib's own path.
"""

from __future__ import annotations

import math
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.ft2font import FT2Font

ONE_CALL_TEXT = all(hasattr(FT2Font, name) for name in
                    ("_render_glyph", "draw_glyphs_to_bitmap", "get_image"))  # fmt: skip
"""Whether matplotlib draws glyph by glyph (3.11) and its FreeType wrapper can still draw a
whole string into one bitmap (up to 3.10 matplotlib does so itself)."""


class _Renderer(RendererAgg):
    def draw_text(  # noqa: PLR0913 - matplotlib's signature
        self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
        ismath: bool | str = False, mtext: Any = None,
    ) -> None:  # fmt: skip
        if ismath or not ONE_CALL_TEXT:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        font = self._prepare_font(prop)
        font.set_text(s, 0, flags=get_hinting_flag())  # rotated below, with the bitmap
        font.draw_glyphs_to_bitmap(antialiased=gc.get_antialiased())
        descent = font.get_descent() / 64.0
        x_offset, y_offset = (v / 64.0 for v in font.get_bitmap_offset())
        radians = math.radians(angle)
        x = round(x + x_offset + descent * math.sin(radians))
        y = round(y + y_offset + descent * math.cos(radians))
        self._renderer.draw_text_image(font.get_image(), x, y + 1, angle, gc)


class Canvas(FigureCanvasAgg):
    """`FigureCanvasAgg` drawing text with `_Renderer`."""

    def get_renderer(self) -> RendererAgg:
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:
            self.renderer = _Renderer(width, height, self.figure.dpi)
            self._lastKey = key
        return self.renderer
