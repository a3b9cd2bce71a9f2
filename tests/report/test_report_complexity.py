"""The report's cost, pinned without timing: the Word writer's walks of the document body grow
linearly with what it appends, each chart is drawn once per render, matplotlib only when drawn."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx.oxml.document import CT_Body, CT_Document
from lxml import etree

from labkit.document import elements as e
from labkit.report import build_report, journal_state, layout, render_report
from labkit.report.docx_writer import render_docx

_WALKS = ("__len__", "__iter__", "find", "findall", "iterchildren", "getchildren", "xpath",
          "iter", "index")  # fmt: skip
"""What makes lxml go through the children of an element, one by one."""


def _doc(paragraphs: int, tables: int = 3) -> e.ReportDocument:
    cover = e.CoverPage("Titre", "Sous-titre", ("Le 1er juillet",), "Restitution")
    elements: list[e.Element] = [e.Heading(1, "Partie")]
    for n in range(paragraphs):
        if n % (paragraphs // tables or 1) == 0:
            elements.append(e.Table(("N°", "Texte"), (("1", "une ligne"),), (1, 3)))
        elements.append(e.Paragraph(f"Contribution {n}"))
        if n % 10 == 0:
            elements.append(e.Bullets((f"idée {n}", "une autre"), sub=(("détail",),)))
    return e.ReportDocument("fr", "Titre", cover, "Sommaire", "En-tête", "Pied", "page",
                            tuple(elements))  # fmt: skip


@pytest.fixture
def walked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Children visited by every walk of the body (and of the whole document) from Python."""
    count = [0]
    size = etree.ElementBase.__len__

    def counting(cls: type, name: str, whole_document: bool) -> None:
        original = getattr(cls, name)

        def walk(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            body = self.body if whole_document else self
            count[0] += size(body) if body is not None else 0
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, walk)

    for name in _WALKS:
        if hasattr(CT_Body, name):
            counting(CT_Body, name, whole_document=False)
    for name in ("xpath", "iter"):
        counting(CT_Document, name, whole_document=True)
    yield count


def test_the_docx_writer_walks_the_body_linearly_in_what_it_appends(walked: list[int]) -> None:
    """Before the fix, every paragraph asked the body for its length: 4× the paragraphs walked
    16× the children. Now a block goes before the cached section properties (O(1)); the few
    remaining walks (one per table, python-docx's own) grow with the body, once per table."""
    walks = []
    for paragraphs in (150, 600):
        walked[0] = 0
        render_docx(_doc(paragraphs))
        walks.append(walked[0])
    small, large = walks
    assert large <= 4 * 1.5 * max(small, 1), walks


def test_the_docx_writer_appends_each_block_in_order_before_the_section_properties() -> None:
    import io

    from docx import Document

    data = render_docx(_doc(40))
    body = Document(io.BytesIO(data)).element.body
    assert body[-1].tag.endswith("}sectPr")
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    numbers = [int(t.split()[1]) for t in texts if t.startswith("Contribution ")]
    assert numbers == list(range(40))


def test_each_chart_is_drawn_once_per_render(
    captured, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    import labkit.report.charts as charts

    folder, _ = captured
    figures = len(layout(build_report(folder.session, journal_state(folder))).figures)
    assert figures >= 2
    original, drawn = charts.render_chart, []

    def counting(chart: e.Chart, *args, **kwargs) -> bytes:  # noqa: ANN002, ANN003
        drawn.append(chart.title)
        return original(chart, *args, **kwargs)

    monkeypatch.setattr(charts, "render_chart", counting)
    for fmt in ("docx", "html", "md"):
        drawn.clear()
        render_report(folder, fmt, tmp_path / f"report.{fmt}")
        # the .docx has native charts: no picture drawn
        assert len(drawn) == (0 if fmt == "docx" else figures), (fmt, drawn)


def test_matplotlib_is_imported_only_when_a_chart_is_drawn() -> None:
    code = (
        "import sys\n"
        "from tests.report.test_report_complexity import _doc\n"
        "from labkit.report.docx_writer import render_docx\n"
        "from labkit.report.text_writers import render_markdown\n"
        "render_docx(_doc(20)); render_markdown(_doc(20))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                         check=True).stdout  # fmt: skip
    assert out.strip() == "[]"


def test_a_docx_report_imports_neither_urllib_nor_babels_locale_data(tmp_path: Path) -> None:
    """Issue 16: `xml.sax.saxutils` imports `urllib.request` (http, email, ssl) and babel's
    first number unpickles the locale's CLDR data with `babel.dates`: some 45 ms of the ~0.6 s
    a 1,000-contribution report takes, for an escape function and a comma. And only the
    session's methods are imported (this one has no persona journey nor prototype test)."""
    import shutil

    session = tmp_path / "session"
    shutil.copytree(Path(__file__).parents[2] / "examples" / "cooperation-territoriale", session)
    argv = ["labkit", "report", str(session), "--out", str(tmp_path / "r.docx")]
    code = (
        "import sys\n"
        "from labkit.cli.app import main\n"
        f"sys.argv = {argv!r}\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
        "heavy = ('urllib.request', 'http.client', 'babel.numbers', 'babel.dates',\n"
        "         'labkit.methods.prototype', 'labkit.methods.persona_journey')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "r.docx").stat().st_size > 10_000


def _chart(title: str, labels: int = 8) -> e.Chart:
    categories = tuple(f"Groupe {n} : une étiquette" for n in range(labels))
    series = (e.Series("Avant", tuple(float(n) for n in range(labels))),
              e.Series("Après", tuple(float(n + 1) for n in range(labels))))  # fmt: skip
    return e.Chart("hbar", title, categories, series, value_axis="gommettes")


def test_each_text_is_laid_out_once_per_render_whatever_the_charts_showing_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Laying a string out (FreeType loading and hinting every glyph) was done twice per text
    (measured, then drawn) and again in every chart: now once, for all the charts of a render."""
    from matplotlib.backends.backend_agg import RendererAgg

    from labkit.report.charts import render_chart

    prepared = [0]
    original = RendererAgg._prepare_font

    def counting(self, prop):  # noqa: ANN001, ANN202
        prepared[0] += 1
        return original(self, prop)

    monkeypatch.setattr(RendererAgg, "_prepare_font", counting)
    render_chart(_chart("Premier graphique, unique"))
    first = prepared[0]
    assert first > 0
    prepared[0] = 0
    render_chart(_chart("Premier graphique, unique"))  # the same texts: none laid out again
    assert prepared[0] == 0
    render_chart(_chart("Un autre titre"))  # only the new title
    assert prepared[0] == 1


def test_a_chart_png_holds_the_pixels_matplotlib_drew_at_its_resolution() -> None:
    import io

    import numpy as np
    from matplotlib.figure import Figure
    from PIL import Image

    from labkit.report.chart_canvas import Canvas
    from labkit.report.charts import DPI, render_chart

    png = render_chart(_chart("Des pixels"))
    picture = Image.open(io.BytesIO(png))
    assert picture.mode == "RGB"
    assert round(picture.info["dpi"][0]) == DPI
    figure = Figure(figsize=(2, 1), dpi=DPI, facecolor="white")
    figure.add_subplot().plot([0, 1, 2], [2, 0, 1])
    canvas = Canvas(figure)
    canvas.draw()
    drawn = np.asarray(canvas.buffer_rgba())[:, :, :3]
    from labkit.report.charts import png_rgb

    decoded = np.asarray(Image.open(io.BytesIO(png_rgb(drawn, DPI))).convert("RGB"))
    assert (decoded == drawn).all()


def test_drawing_a_chart_leaves_matplotlib_s_3d_toolkit_unimported() -> None:
    code = (
        "import sys\n"
        "from tests.report.test_report_complexity import _chart\n"
        "from labkit.report.charts import render_chart\n"
        "render_chart(_chart('Sans 3D'))\n"
        "print('mpl_toolkits.mplot3d' in sys.modules)\n"
        "import mpl_toolkits.mplot3d\n"  # still importable afterwards
        "print('ok')\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-W", "error::UserWarning", "-c", code],
                         capture_output=True, text=True, cwd=root, check=True).stdout  # fmt: skip
    assert out.split() == ["False", "ok"]


def test_charts_are_numbered_without_searching_the_document(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:  # fmt: skip
    """python-docx's `part.next_id` searches every attribute of the document: once per chart,
    it made the charts' cost grow with the document. The writer counts the ids itself now."""
    searches = [0]
    original = CT_Document.xpath

    def xpath(self, path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        searches[0] += path == "//@id"
        return original(self, path, *args, **kwargs)

    monkeypatch.setattr(CT_Document, "xpath", xpath)
    seen = []
    for charts in (1, 8):
        searches[0] = 0
        doc = _doc(20)
        figures = tuple(e.Figure(_chart(f"Graphique {n}"), f"Légende {n}", f"Texte {n}")
                        for n in range(charts))  # fmt: skip
        render_docx(dataclasses.replace(doc, elements=doc.elements + figures))
        seen.append(searches[0])
    assert seen[0] == seen[1] <= 1, seen
