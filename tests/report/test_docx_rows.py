"""The report's tables written as XML text: the same XML as python-docx builds element by
element, and a constant number of element copies and parses per table, whatever its rows."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from labkit.document import elements as e
from labkit.docx_kit import tables as kit
from labkit.report import docx_rows
from labkit.report.docx_parts import write_text
from labkit.report.docx_rows import RowFiller, _xml
from labkit.report.docx_writer import render_docx
from labkit.report.reference import HEADER_FILL

ROWS = [
    ("1", "une ligne"),
    ("2", "deux\nlignes & <balises> « guillemets »"),
    ("3", ""),
    ("4", "un\ttab et un retour\rchariot"),
    ("5",),  # fewer values than columns: the last cell stays empty
    ("", "\n\nvide au début"),
]


def _filler(align: tuple[str, ...] = ("r", "l"), header: tuple[str, ...] = ("N°", "Texte"),
            style: str | None = None) -> RowFiller:  # fmt: skip
    body = Document().element.body
    widths = [Cm(2.0).twips, Cm(12.0).twips]
    return RowFiller(body.append, widths, "Normal", align, table_style=style, header=header,
                     header_style="Heading1")  # fmt: skip


def _python_docx_table(header: tuple[str, ...], align: tuple[str, ...], style: str | None) -> str:
    """The table as python-docx builds it element by element (what labkit wrote before)."""
    document = Document()
    table = kit.new_table(document, (2.0, 12.0), rows=1)
    table._tbl.tblStyle_val = style
    row = table.rows[0]
    kit.keep_row_together(row)
    kit.repeat_as_header(row)
    codes = {"r": WD_ALIGN_PARAGRAPH.RIGHT, "c": WD_ALIGN_PARAGRAPH.CENTER}
    for cell, text, code in zip(row.cells, header, align, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph._p.style = "Heading1"
        write_text(paragraph, text)
        kit.set_cell_shading(cell, HEADER_FILL)
        if code in codes:
            paragraph.alignment = codes[code]
    return _xml(table._tbl)


@pytest.mark.parametrize("style", [None, "LabkitTable"])
@pytest.mark.parametrize(("header", "align"), [
    (("N°", "Texte"), ("r", "l")), (("Équipe", "مرحبا"), ("c", "r")),
    (("a\tb", "« c » & <d>"), ("l", "l")), (("", "deux\nlignes"), ("r", "c")),
])  # fmt: skip
def test_a_table_written_as_text_is_the_table_python_docx_builds(
    header: tuple[str, ...], align: tuple[str, ...], style: str | None
) -> None:
    filler = _filler(align, header, style)
    filler.finish()
    assert _xml(filler.table) == _python_docx_table(header, align, style)


@pytest.mark.parametrize("shade", [None, "E8EEF4"])
@pytest.mark.parametrize("bold", [False, True])
def test_a_row_written_as_text_is_the_row_built_element_by_element(
    bold: bool, shade: str | None
) -> None:
    filler = _filler()
    for values in ROWS:
        filler.add(values, bold=bold, shade_first=shade)
    filler.finish()
    written = [_xml(tr) for tr in filler.table.tr_lst[1:]]
    built = [_xml(filler._element_row(values, bold, shade)) for values in ROWS]
    assert written == built
    assert "\r" in filler.table.tr_lst[4].xpath("string(.)")  # kept, not read as a newline


def test_right_to_left_rows_keep_their_place_and_their_marks() -> None:
    filler = _filler()
    for values in [("1", "avant"), ("2", "مرحبا بكم"), ("3", "après")]:
        filler.add(values)
    filler.finish()
    rows = filler.table.tr_lst[1:]
    assert [tr.xpath("string(.)") for tr in rows] == ["1avant", "2مرحبا بكم", "3après"]
    assert "<w:bidi/>" in _xml(rows[1]) and "<w:rtl/>" in _xml(rows[1])
    assert "bidi" not in _xml(rows[0]) + _xml(rows[2])


def _table_doc(rows: int) -> e.ReportDocument:
    cover = e.CoverPage("Titre", "Sous-titre", ("Le 1er juillet",), "Restitution")
    body = tuple((str(n), f"Contribution {n}\nsuite") for n in range(rows))
    table = e.Table(("N°", "Texte"), body, (1, 3), first_column_header=True)
    return e.ReportDocument("fr", "Titre", cover, "Sommaire", "En-tête", "Pied", "page",
                            (e.Heading(1, "Annexe"), table))  # fmt: skip


def test_a_table_costs_a_fixed_number_of_copies_and_parses_whatever_its_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before, every row was a deep copy of the prototype row (and of its paragraph per extra
    line): copies grew with the rows. Now the prototype is cut into text once per table and
    the rows are parsed a batch at a time."""
    counts = {"copies": 0, "parses": 0}
    copy, parse = docx_rows.deepcopy, docx_rows.parse_xml

    def copying(value):  # noqa: ANN001, ANN202
        counts["copies"] += 1
        return copy(value)

    def parsing(text):  # noqa: ANN001, ANN202
        counts["parses"] += 1
        return parse(text)

    monkeypatch.setattr(docx_rows, "deepcopy", copying)
    monkeypatch.setattr(docx_rows, "parse_xml", parsing)
    seen = []
    for rows in (20, 400):
        counts.update(copies=0, parses=0)
        render_docx(_table_doc(rows))
        seen.append(dict(counts))
    small, large = seen
    assert large["copies"] == small["copies"], seen
    assert large["parses"] <= 1 + 400 // docx_rows._BATCH, seen


@pytest.mark.parametrize("text", ["•\tune idée", "\tdébut", "a\tb\tc ", "1.\tligne\nsuite\r"])
@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (True, True)])
def test_a_run_with_tabs_is_the_run_python_docx_makes(text: str, bold: bool, italic: bool) -> None:
    from labkit.report.docx_parts import tabbed_run

    document = Document()
    expected = document.add_paragraph().add_run(text)
    expected.bold, expected.italic = bold or None, italic or None
    made = tabbed_run(document.add_paragraph()._p, text, bold, italic)
    assert _xml(made) == _xml(expected._r)


def test_a_report_table_is_written_without_python_docx_building_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """python-docx's making of a table (`CT_Tbl.new_tbl`, `Table.add_row`, the width setters)
    cost more than the rows of the tables of a 1,000-contribution report: none of it is used."""
    from docx.oxml.table import CT_Tbl
    from docx.table import Table

    calls: list[str] = []

    def counted(cls: type, name: str) -> None:
        original = getattr(cls, name)

        def call(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            calls.append(name)
            return original(*args, **kwargs)

        monkeypatch.setattr(cls, name, call)

    counted(CT_Tbl, "new_tbl")
    counted(Table, "add_row")
    document = Document(io.BytesIO(render_docx(_table_doc(30))))
    assert calls == []
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 31
