"""RGAA practice on the three example restitutions: docx heading hierarchy, alt text, repeated
header rows, title and language; HTML row headers, captions, language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from labkit.report import render_report
from labkit.resources import data_dir
from labkit.store.session_folder import open_session

EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_docx_is_accessible(name: str, tmp_path: Path) -> None:
    folder = open_session(data_dir("examples") / name)
    document = Document(str(render_report(folder, "docx", tmp_path / "r.docx").path))
    levels = [int(p.style.name.split()[-1]) for p in document.paragraphs
              if re.fullmatch(r"Heading \d", p.style.name)]  # fmt: skip
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), "a heading jumps"
    alts = [d.get("descr", "") for d in document.element.body.iter(qn("wp:docPr"))]
    assert alts and all(len(alt) > 10 for alt in alts)
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert document.core_properties.title == folder.session.title
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")  # fmt: skip
    assert lang.get(qn("w:val")) == "fr-FR"


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_html_has_row_headers_captions_and_a_language(name: str, tmp_path: Path) -> None:
    folder = open_session(data_dir("examples") / name)
    html = render_report(folder, "html", tmp_path / "r.html").path.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert html.count("<table") == html.count("<caption>") > 0
    assert "scope=\"col\"" in html
    if name != "cooperation-territoriale":  # the persona matrices have row headers
        assert '<th scope="row"' in html
    assert not re.search(r"\d h \d", html)  # "6 h 45" never breaks
