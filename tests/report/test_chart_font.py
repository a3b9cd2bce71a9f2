"""The PNG charts (HTML, Markdown, slides) are drawn in the document's font, not DejaVu."""

from __future__ import annotations

from pathlib import Path

from labkit.document import elements as e


def _chart(title: str) -> e.Chart:
    return e.Chart("hbar", title, ("Une idée", "Une autre idée"),
                   (e.Series("Gommettes", (3.0, 5.0)),), value_axis="gommettes")  # fmt: skip


def test_charts_are_drawn_in_arial_or_its_metric_twin_with_dejavu_for_missing_glyphs() -> None:
    from matplotlib.font_manager import fontManager

    from labkit.report.chart_canvas import TEXTS
    from labkit.report.charts import chart_fonts, render_chart

    known = {font.name for font in fontManager.ttflist}
    expected = "Arial" if "Arial" in known else "Liberation Sans"
    assert expected in known  # fonts-liberation is installed where the tests run
    assert chart_fonts() == (expected, "DejaVu Sans")
    TEXTS.texts.clear()
    render_chart(_chart("Police du document ★"))
    files = {Path(f).name for key in TEXTS.texts for f in key[1]}
    assert files and all(not name.startswith("DejaVu") for name in
                         {Path(key[1][0]).name for key in TEXTS.texts})  # fmt: skip
    assert any(name.startswith(("Arial", "arial", "Liberation")) for name in files), files
    assert any(name.startswith("DejaVuSans") for name in files)  # the fallback, for the ★
