"""Native Word charts: one DrawingML chart part per figure, its data cached in the XML, its
alternative text on the drawing; no matplotlib for a .docx."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from labkit.document import elements as e
from labkit.docx_kit.charts import A_NS, C_NS, CHART_CONTENT_TYPE
from labkit.report.docx_writer import render_docx

_C = {"c": C_NS}


def _doc() -> e.ReportDocument:
    cover = e.CoverPage("Titre", "Sous-titre", ("Le 1er juillet",), "Restitution")
    ranking = e.Chart("hbar", "Gommettes par idée", ("Idée A", "Idée B"),
                      (e.Series("Gommettes", (7.0, 3.0)),),
                      category_colours=("#112233", "#445566"))  # fmt: skip
    means = e.Chart("bar", "Satisfaction", ("Parents", "Agents"),
                    (e.Series("Q1", (4.6, 3.7)), e.Series("Q2", (4.0, None))))  # fmt: skip
    curve = e.Chart("line", "Courbe des émotions", ("Avant", "Après"),
                    (e.Series("Léa", (-2.0, 2.0)),), -2, 2,
                    ((-2, "très frustré·e"), (0, "neutre"), (2, "ravi·e")))  # fmt: skip
    elements = (e.Heading(1, "Partie"),
                e.Figure(ranking, "Diagramme en barres : Idée A 7, Idée B 3", "Gommettes"),
                e.Figure(means, "Diagramme en barres : satisfaction moyenne", "Satisfaction"),
                e.Figure(curve, "Courbe des émotions de Léa : de très frustrée à ravie",
                         "Léa"))  # fmt: skip
    return e.ReportDocument("fr", "Titre", cover, "Sommaire", "En-tête", "Pied", "page", elements)


def _charts(data: bytes) -> tuple[list[str], list[etree._Element]]:
    """The alternative texts of the chart drawings and their chart parts, in order."""
    document = Document(io.BytesIO(data))
    alts, spaces = [], []
    for inline in document.element.body.iter(qn("wp:inline")):
        chart = inline.find(f".//{{{C_NS}}}chart")
        if chart is None:
            continue
        part = document.part.related_parts[chart.get(qn("r:id"))]
        assert part.content_type == CHART_CONTENT_TYPE
        assert str(part.partname).startswith("/word/charts/chart")
        alts.append(inline.find(qn("wp:docPr")).get("descr"))
        spaces.append(etree.fromstring(part.blob))
    return alts, spaces


def test_each_figure_is_a_native_chart_part_with_its_data_and_alt_text() -> None:
    alts, spaces = _charts(render_docx(_doc()))
    assert alts == ["Diagramme en barres : Idée A 7, Idée B 3",
                    "Diagramme en barres : satisfaction moyenne",
                    "Courbe des émotions de Léa : de très frustrée à ravie"]  # fmt: skip
    ranking, means, curve = spaces
    assert ranking.find(".//c:barDir", _C).get("val") == "bar"
    assert ranking.xpath(".//c:cat//c:v/text()", namespaces=_C) == ["Idée A", "Idée B"]
    assert ranking.xpath(".//c:val//c:v/text()", namespaces=_C) == ["7.0", "3.0"]
    colours = ranking.xpath(".//c:dPt//a:srgbClr/@val", namespaces={**_C, "a": A_NS})
    assert colours == ["112233", "445566"]
    assert means.find(".//c:barDir", _C).get("val") == "col"
    assert means.xpath(".//c:ser/c:tx/c:v/text()", namespaces=_C) == ["Q1", "Q2"]
    assert means.xpath(".//c:ser[2]/c:val//c:pt/@idx", namespaces=_C) == ["0"]  # a gap
    assert "4,6" in means.xpath(".//c:dLbl//*[local-name()='t']/text()", namespaces=_C)
    assert curve.find(".//c:lineChart", _C) is not None
    assert curve.xpath(".//c:dLbl//*[local-name()='t']/text()", namespaces=_C) == [
        "très frustré·e", "ravi·e"]  # fmt: skip


def test_a_docx_render_with_charts_does_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "from tests.docx_kit.test_charts import _doc\n"
        "from labkit.report.docx_writer import render_docx\n"
        "assert b'word/charts/chart1.xml' in render_docx(_doc())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'numpy')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                         check=True).stdout  # fmt: skip
    assert out.strip() == "[]"
