"""What must not be split by a page break in the Word restitution: a vote table and its chart,
a bullet and its first sub-item (read back from the .docx)."""

from __future__ import annotations

import io
from dataclasses import replace

from docx import Document
from docx.oxml.ns import qn

from labkit.document import elements as e
from labkit.report import build_report, journal_state, layout
from labkit.report.docx_writer import KEEP_TOGETHER_ROWS, render_docx

_KEEP = f"{qn('w:pPr')}/{qn('w:keepNext')}"


def _text(p) -> str:  # noqa: ANN001
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _kept(p) -> bool:  # noqa: ANN001
    return p.find(_KEEP) is not None


def _render(captured, *elements: e.Element):  # noqa: ANN001, ANN202
    folder, _ = captured
    doc = layout(build_report(folder.session, journal_state(folder), lang="fr"))
    return Document(io.BytesIO(render_docx(replace(doc, elements=elements)))).element.body


def _chart() -> e.Figure:
    chart = e.Chart("hbar", "Gommettes par idée", ("Idée A", "Idée B"),
                    (e.Series("Gommettes", (4.0, 2.0)),), value_axis="gommettes")  # fmt: skip
    return e.Figure(chart, "Diagramme", "Gommettes par idée (Q1)")


def test_a_vote_table_keeps_its_last_row_and_caption_with_its_chart(captured) -> None:  # noqa: ANN001
    rows = tuple((str(n), f"Idée {n}", str(10 - n)) for n in range(KEEP_TOGETHER_ROWS + 3))
    short = e.Table(("Rang", "Idée", "Gommettes"), rows[:3], (1, 4, 1), caption="Vote Q1")
    long = e.Table(("Rang", "Idée", "Gommettes"), rows, (1, 4, 1))
    alone = e.Table(("Rang", "Idée", "Gommettes"), rows[:3], (1, 4, 1))
    body = _render(captured, short, _chart(), long, _chart(), alone, e.Paragraph("Fin."))
    first, second, third = body.findall(qn("w:tbl"))
    assert all(_kept(p) for p in first.iter(qn("w:p")))  # short: whole, and with its chart
    caption = first.getnext()
    assert _text(caption) == "Vote Q1" and _kept(caption)
    assert _kept(caption.getnext())  # the spacer before the chart
    long_rows = second.findall(qn("w:tr"))
    assert all(_kept(p) for p in long_rows[-1].iter(qn("w:p")))  # its end goes with the chart
    assert not any(_kept(p) for tr in long_rows[1:-1] for p in tr.iter(qn("w:p")))  # may split
    assert not any(_kept(p) for p in third.findall(qn("w:tr"))[-1].iter(qn("w:p")))


def test_a_bullet_with_sub_items_never_ends_a_page_alone(captured) -> None:  # noqa: ANN001
    bullets = e.Bullets(("Territoire 02 (4)", "Somme (80) (4)", "Sans détail"),
                        sub=(("a", "b"), ("c",), ()))  # fmt: skip
    body = _render(captured, bullets, e.Paragraph("Fin."))
    paragraphs = {_text(p).split("\t")[-1]: p for p in body.iter(qn("w:p"))}
    assert _kept(paragraphs["Territoire 02 (4)"]) and _kept(paragraphs["Somme (80) (4)"])
    assert not _kept(paragraphs["Sans détail"]) and not _kept(paragraphs["b"])


def test_a_chapter_s_opening_line_stays_with_its_first_sub_heading(captured) -> None:  # noqa: ANN001
    body = _render(captured, e.Heading(1, "Le déroulé de la session"),
                   e.Paragraph("Les horaires prévus et les horaires réels."),
                   e.Heading(2, "jeudi 8 avril 2027"), e.Paragraph("Une ligne."),
                   e.Heading(2, "vendredi 9 avril 2027"))  # fmt: skip
    paragraphs = {_text(p): p for p in body.iter(qn("w:p"))}
    assert _kept(paragraphs["Les horaires prévus et les horaires réels."])
    assert not _kept(paragraphs["Une ligne."])  # a section's last line before the next one
