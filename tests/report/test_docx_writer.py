"""The Word restitution, checked by reopening the .docx with python-docx."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from labkit.document import elements as e
from labkit.document.text import xml_safe
from labkit.document.typography import french
from labkit.report import build_report, journal_state, layout, render_report
from labkit.report.docx_writer import render_docx
from tests.report.conftest import BIDI, EMOJI, HOSTILE


def _open(path: Path):  # noqa: ANN202
    return Document(str(path))


def _texts(document) -> list[str]:  # noqa: ANN001
    """Every paragraph text: body, tables (cell by cell), headers and footers."""
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            found += [cell.text for cell in row.cells]
    for section in document.sections:
        for part in (section.header, section.footer):
            found += [p.text for p in part.paragraphs]
    return found


def _alt_texts(document) -> list[str]:  # noqa: ANN001
    return [el.get("descr", "") for el in document.element.body.iter(qn("wp:docPr"))]


@pytest.fixture
def docx_path(captured_docx) -> Path:  # noqa: ANN001
    """The restitution of `captured`, rendered once for this module (the tests only read it)."""
    return captured_docx[1]


def test_headings_follow_the_restitution_outline(docx_path: Path) -> None:
    document = _open(docx_path)
    level_one = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level_one == [
        "L'essentiel", "Contexte et objectifs", "Qui a participé", "Le déroulé de la session",
        "Ce que les groupes ont produit", "Les parcours des personas", "Engagements",
        "La satisfaction des participants", "Le mot de la fin", "Les suites", "Remerciements",
        "Annexe\u00a0: toutes les contributions",
    ]  # fmt: skip
    level_two = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "World café" in level_two and "Interviews croisés" in level_two  # the plan's own title
    assert document.paragraphs[1].style.name == "Title"


def test_tables_have_repeated_header_rows_and_the_commitments(docx_path: Path) -> None:
    document = _open(docx_path)
    assert len(document.tables) >= 10
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    commitments = [t for t in document.tables if t.rows[0].cells[0].text == "Engagement"]
    rows = [[c.text for c in r.cells] for t in commitments for r in t.rows[1:]]
    assert ["Créer un guichet unique", "Hélène Dupont (Org)", "30 juin 2026", "Fait"] in rows


def test_charts_and_qr_code_carry_alternative_text(docx_path: Path) -> None:
    document = _open(docx_path)
    alts = _alt_texts(document)
    assert len(document.inline_shapes) == len(alts) >= 5
    assert all(alts)
    assert alts.count("QR: https://ressources.example.org/lab") == 2  # cover and next steps
    charts = [a for a in alts if not a.startswith("QR: ")]
    assert any(a.startswith("Diagramme en barres horizontales — Gommettes") for a in charts)
    assert any("Courbe des émotions — Léa, 28 ans" in a for a in charts)
    assert any("Satisfaction moyenne par collège" in a for a in charts)


def test_no_name_without_consent(captured_docx, tmp_path: Path) -> None:  # noqa: ANN001
    folder, docx_path = captured_docx
    document = _open(docx_path)
    text = "\n".join(_texts(document) + _alt_texts(document))
    assert "Hélène Dupont" in text
    for name in ("Julie", "Marc", "Nadia", "Sophie", "Léo", "Paul", "Yann", "Inès", "Karim"):
        assert not re.search(rf"\b{name}\b", text), name
    named = render_report(folder, "docx", tmp_path / "named.docx", named=True)
    text = "\n".join(_texts(_open(named.path)))
    assert re.search(r"\bMarc\b", text) and not re.search(r"\bJulie\b", text)


def test_every_contribution_of_the_journal_is_in_the_annex(captured_docx) -> None:  # noqa: ANN001
    folder, docx_path = captured_docx
    document = _open(docx_path)
    annex_start = next(i for i, p in enumerate(document.paragraphs)
                       if p.style.name == "Heading 1" and p.text.startswith("Annexe"))  # fmt: skip
    annex_tables = [t for t in document.tables
                    if t._tbl.getparent().index(t._tbl)
                    > document.element.body.index(document.paragraphs[annex_start]._p)]  # fmt: skip
    cells = {row.cells[3].text for t in annex_tables for row in t.rows[1:]}
    contributions = journal_state(folder).contributions.values()
    assert len(contributions) == 12
    for contribution in contributions:
        assert french(xml_safe(contribution.text)) in cells, contribution.text


def test_page_furniture_toc_and_fields(docx_path: Path) -> None:
    document = _open(docx_path)
    body = document.element.body.xml
    assert "TOC \\o" in body
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "Garde d'enfants" in section.header.paragraphs[0].text
    assert "PAGE" in section.footer._element.xml and "NUMPAGES" in section.footer._element.xml
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")) is None  # no "update the fields?" prompt
    assert "PAGEREF _Toc1" in body and "_Toc1" in {
        b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}


def test_a_french_document_for_current_word(docx_path: Path) -> None:
    document = _open(docx_path)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(
        qn("w:val")) == "fr-FR"  # fmt: skip
    modes = {s.get(qn("w:name")): s.get(qn("w:val"))
             for s in document.settings.element.iter(qn("w:compatSetting"))}  # fmt: skip
    assert modes["compatibilityMode"] == "15"
    core = document.core_properties
    assert core.author == core.last_modified_by == "Lab Île-de-France"
    assert core.comments == "" and core.created.year >= 2026 and core.title
    app = next(r.target_part.blob for r in document.part.package.rels.values()
               if r.reltype.endswith("/extended-properties"))  # fmt: skip
    assert b"<Application>labkit</Application>" in app and b"Macintosh" not in app


def test_french_typography_and_plain_wording(docx_path: Path) -> None:
    text = "\n".join(_texts(_open(docx_path)))
    assert " :" not in text.replace("://", "") and "\u00a0:" in text
    assert "·es" not in text.replace("Conseiller·es", "")  # the fixed strings; a group's name stays


def test_unicode_survives_and_xml_invalid_characters_are_dropped(docx_path: Path) -> None:
    document = _open(docx_path)
    text = "\n".join(_texts(document))
    for value in (HOSTILE, BIDI, EMOJI):
        assert value in text
    rtl = [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
           if p.text == BIDI]  # fmt: skip
    assert rtl and rtl[0]._p.pPr.find(qn("w:bidi")) is not None


def test_raw_control_characters_in_any_text_never_crash_the_writer(captured) -> None:  # noqa: ANN001
    folder, _ = captured
    report = build_report(folder.session, journal_state(folder), lang="fr")
    doc = layout(report)
    nasty = "A\x00B\x01C\x0bD\x0cE\ufffeF\ud800G 🚀"
    doc = type(doc)(
        doc.lang, nasty, doc.cover, doc.toc_title, nasty, nasty, doc.page_word,
        (e.Heading(1, nasty), e.Paragraph(nasty), e.Bullets((nasty,), sub=((nasty,),)),
         e.Table((nasty, "b"), ((nasty, nasty),), (1, 1), caption=nasty), *doc.elements),
    )  # fmt: skip
    data = render_docx(doc)
    reopened = Document(io.BytesIO(data))
    assert "ABCDEFG 🚀" in [p.text for p in reopened.paragraphs]


def test_a_reference_document_without_the_report_styles_still_works(
    captured, tmp_path: Path  # noqa: ANN001
) -> None:
    bare = tmp_path / "bare.docx"
    Document().save(str(bare))
    folder, _ = captured
    doc = layout(build_report(folder.session, journal_state(folder), lang="fr"))
    reopened = Document(io.BytesIO(render_docx(doc, reference=bare)))
    names = {s.name for s in reopened.styles}
    assert {"Labkit Table", "Report Note", "Table Header", "Heading 1"} <= names


def test_big_tables_are_filled_row_by_row_quickly(captured) -> None:  # noqa: ANN001
    import time

    folder, _ = captured
    doc = layout(build_report(folder.session, journal_state(folder), lang="fr"))
    rows = tuple((f"c{n}", "idée", "Q1 · table 2", f"Contribution numéro {n}") for n in range(3000))
    table = e.Table(("N°", "Type", "Où", "Texte"), rows, (1, 1, 2, 6))
    big = type(doc)(doc.lang, doc.title, doc.cover, doc.toc_title, doc.header, doc.footer,
                    doc.page_word, (table,))  # fmt: skip
    start = time.perf_counter()
    data = render_docx(big)
    assert time.perf_counter() - start < 10
    assert len(Document(io.BytesIO(data)).tables[0].rows) == 3001


def test_photos_of_flipcharts_are_embedded_with_their_caption(captured, tmp_path: Path) -> None:  # noqa: ANN001
    from labkit.docx_kit.pictures import qr_png
    from labkit.store.journal import Journal

    folder, _ = captured
    photo = tmp_path / "nappe.png"
    photo.write_bytes(qr_png("https://example.org/photo"))
    with Journal.open(folder.journal_path, device="test") as journal:
        journal.attach(photo, caption="La nappe de la table 2", block_id="cafe")
    document = _open(render_report(folder, "docx", tmp_path / "photos.docx").path)
    assert "Photo\u00a0: La nappe de la table 2" in _alt_texts(document)
    level_one = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Photos et documents" in level_one


def test_an_unreadable_photo_becomes_a_note_and_its_traceback_is_logged(
    captured, tmp_path: Path  # noqa: ANN001
) -> None:
    from labkit.store.session_log import session_log

    folder, _ = captured
    (tmp_path / "nappe.png").write_bytes(b"not a picture")
    doc = layout(build_report(folder.session, journal_state(folder), lang="fr"))
    photo = e.Image("nappe.png", "Photo : nappe", "La nappe")
    small = type(doc)(doc.lang, doc.title, doc.cover, doc.toc_title, doc.header, doc.footer,
                      doc.page_word, (photo,))  # fmt: skip
    with session_log(tmp_path) as log:
        data = render_docx(small, root=tmp_path)
    assert "nappe.png" in [p.text for p in Document(io.BytesIO(data)).paragraphs]
    text = log.read_text(encoding="utf-8")
    assert "ERROR labkit.report.docx_writer" in text and "could not be placed" in text
    assert "Traceback (most recent call last)" in text


def test_tables_follow_the_schema_and_long_rows_may_split(docx_path: Path) -> None:
    document = _open(docx_path)
    for table in document.tables:
        tbl_pr = table._tbl.tblPr
        assert len(tbl_pr.findall(qn("w:tblLayout"))) == 1
        grid = [c.get(qn("w:w")) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        header = [tc.tcPr.find(qn("w:tcW")).get(qn("w:w")) for tc in table.rows[0]._tr.tc_lst]
        assert header == grid
        for row in table.rows[1:]:
            tr_pr = row._tr.trPr
            assert tr_pr is None or tr_pr.find(qn("w:cantSplit")) is None


def test_the_synthesis_comes_first(docx_path: Path) -> None:
    document = _open(docx_path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "L'essentiel"
    text = "\n".join(p.text for p in document.paragraphs)
    start, end = text.index("L'essentiel\n"), text.index("Contexte et objectifs\n", 10)
    synthesis = text[start:text.index("Contexte et objectifs", start + 12)]
    assert "personnes ont participé" in synthesis and "questionnaire" in synthesis
    assert end > 0


def test_what_introduces_a_table_stays_on_its_page(docx_path: Path) -> None:
    """A heading and the short line under it (« 10 gommettes · 4 équipes ») are kept with the
    table they introduce: no heading stranded at a page bottom, its table on the next page."""
    body = _open(docx_path).element.body
    checked = 0
    for table in body.iter(qn("w:tbl")):
        before = table.getprevious()
        if before is None or before.tag != qn("w:p") or table.getparent() is not body:
            continue
        text = "".join(before.itertext()).strip()
        if not text:
            continue
        keep = before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
        assert keep is not None, f"« {text} » may be left alone at the foot of a page"
        checked += 1
    assert checked >= 5


def test_a_section_ends_on_its_last_line_of_text_not_an_empty_paragraph(
    captured  # noqa: ANN001
) -> None:
    """The landscape chapter's section breaks are section properties in the section's last
    paragraph of text (as Word writes them), not an empty paragraph of their own that Word and
    LibreOffice would push onto an empty page when the text fills the page before."""
    words = e.Paragraph("Une ligne de texte avant les cartes.")
    folder, _ = captured
    doc = layout(build_report(folder.session, journal_state(folder), lang="fr"))
    elements = (words, e.Orientation(landscape=True), e.Heading(1, "Cartes"), words,
                e.Orientation(landscape=False), words)  # fmt: skip
    document = Document(io.BytesIO(render_docx(replace(doc, elements=elements))))
    body = document.element.body
    holders = [p for p in body.iter(qn("w:p"))
               if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]  # fmt: skip
    assert len(holders) == 2
    assert all("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in holders)
    assert [s.orientation for s in document.sections] == [0, 1, 0]
