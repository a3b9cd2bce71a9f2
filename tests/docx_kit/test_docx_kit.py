"""The python-docx helpers shared by the printed materials and the report: one QR maker, one
picture with XML-safe alternative text, one cell shading with one OOXML order, one fixed table."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from labkit.docx_kit import pictures, tables

LABKIT = Path(__file__).parents[2] / "labkit"


def test_prepare_and_report_call_the_kit() -> None:
    from labkit.prepare import docx_common as dc
    from labkit.report import docx_rows

    assert dc.add_picture is pictures.add_picture and dc.qr_png is pictures.qr_png
    assert dc.set_cell_shading is tables.set_cell_shading and dc.new_table is tables.new_table
    assert dc.qr_targets is pictures.qr_targets and dc.qn is tables.qn
    assert docx_rows.kit is tables
    for path in [*(LABKIT / "prepare").rglob("*.py"), *(LABKIT / "report").rglob("*.py")]:
        text = path.read_text("utf-8")
        for owned in ("import qrcode", '"w:shd"', "_TCPR_ORDER", "tblLayout", "docPr.set("):
            assert owned not in text, (path, owned)


def test_alternative_text_is_made_xml_safe() -> None:
    document = Document()
    png = pictures.qr_png("https://example.org/q")
    pictures.add_picture(document.add_paragraph(), png, 3, "QR: https://example.org/q\x07")
    assert pictures.qr_targets(document) == ["https://example.org/q"]


def test_shading_respects_the_ooxml_order_and_replaces_the_previous_fill() -> None:
    document = Document()
    table = tables.new_table(document, [3.0, 4.0], rows=1)
    cell = table.rows[0].cells[0]
    tables.set_cell_margins(cell)
    tables.set_cell_shading(cell, "#1f4e79")
    tables.set_cell_shading(cell, "E8EEF4")
    names = [child.tag.split("}")[1] for child in cell._tc.tcPr]
    assert names == ["tcW", "shd", "tcMar"]
    assert cell._tc.tcPr.find(tables.qn("w:shd")).get(tables.qn("w:fill")) == "E8EEF4"


def test_a_report_table_has_one_layout_and_header_widths_of_its_columns() -> None:
    from docx.shared import Cm

    from labkit.report.docx_rows import RowFiller

    document = Document()
    widths = [Cm(3.0).twips, Cm(5.0).twips]
    filler = RowFiller(document.element.body.append, widths, "Normal", table_style="TableGrid",
                       header=("A", "B"), header_style="Normal")  # fmt: skip
    filler.finish()
    table = document.tables[0]
    layouts = table._tbl.tblPr.findall(tables.qn("w:tblLayout"))
    assert len(layouts) == 1  # python-docx's autofit and ours used to write two
    widths = [cell.width.cm for cell in table.rows[0].cells]
    assert [round(w, 1) for w in widths] == [3.0, 5.0]


def test_a_table_opening_written_as_text_is_the_one_new_table_makes() -> None:
    from docx.shared import Cm

    from labkit.report.docx_rows import _xml

    document = Document()
    table = tables.new_table(document, [3.0, 5.5], rows=1)
    table._tbl.tblStyle_val = "TableGrid"
    tables.set_cell_shading(table.rows[0].cells[1], "#e8eef4")
    made = _xml(table._tbl)
    widths = [Cm(3.0).twips, Cm(5.5).twips]
    assert made.startswith(tables.table_opening_xml(widths, "TableGrid") + "<w:tr>")
    assert tables.cell_opening_xml(widths[1], "#e8eef4") in made
    assert tables.cell_opening_xml(widths[0]) in made


URLS = ["https://ressources.example.org/atelier", "https://x.org/" + "q" * 300]


@pytest.mark.parametrize("url", URLS)
def test_a_qr_code_has_the_pixels_of_qrcodes_pil_image(url: str) -> None:
    import io

    import qrcode
    from PIL import Image
    from qrcode.image.pil import PilImage

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=2)
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(PilImage, fill_color="black", back_color="white").save(buffer, format="PNG")
    expected = Image.open(io.BytesIO(buffer.getvalue()))
    drawn = Image.open(io.BytesIO(pictures.qr_png(url)))
    assert (drawn.mode, drawn.size) == (expected.mode, expected.size)
    assert drawn.convert("L").tobytes() == expected.convert("L").tobytes()


def test_a_qr_code_is_drawn_without_pillow() -> None:
    """Pillow's import and initialisation were about a tenth of a report's .docx (issue 16)."""
    import subprocess
    import sys

    code = ("import sys\nfrom labkit.docx_kit.pictures import qr_png\nqr_png('https://x.org')\n"
            "print('PIL' in sys.modules)\n"
            "from qrcode.image.styles.moduledrawers.pil import SquareModuleDrawer\n"
            "print('PIL' in sys.modules)\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.split() == ["False", "True"]  # the drawers stay importable for who needs them
