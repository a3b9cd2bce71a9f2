"""Markdown and HTML versions: user text is data, escaped, never template code."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from labkit.document import elements as e
from labkit.report import build_report, journal_state, layout, render_report
from labkit.report.text_writers import md_escape, render_html, render_markdown
from tests.report.conftest import BIDI, EMOJI


def _doc(captured):  # noqa: ANN001, ANN202
    folder, _ = captured
    return layout(build_report(folder.session, journal_state(folder), lang="fr"))


def test_markdown_escapes_markup_and_never_runs_template_code(captured) -> None:  # noqa: ANN001
    text = render_markdown(_doc(captured))
    assert "<script>" not in text
    assert "\\<script\\>" in text
    assert "{{ 7\\*7 }}" in text or "\\{\\{ 7\\*7 \\}\\}" in text
    assert "49" not in re.sub(r"\d{3,}", "", text.replace("2026", ""))
    assert "\\*pas\\* du \\_markdown\\_ \\[lien\\](http://x)" in text
    assert BIDI in text and EMOJI in text
    assert text.startswith("*Restitution*\n\n# Garde d'enfants")
    assert "## Annexe\u00a0: toutes les contributions" in text


def test_markdown_tables_keep_their_columns_whatever_the_text(captured) -> None:  # noqa: ANN001
    lines = render_markdown(_doc(captured)).splitlines()
    rows = [n for n, line in enumerate(lines) if "alert" in line and line.startswith("|")]
    assert rows
    for number in rows:  # the "|" of the contribution is escaped: as many cells as the header
        header = number
        while lines[header - 1].startswith("|"):
            header -= 1
        separators = len(re.findall(r"(?<!\\)\|", lines[header]))
        assert len(re.findall(r"(?<!\\)\|", lines[number])) == separators


def test_md_escape_neutralises_line_starts() -> None:
    assert md_escape("# titre") == "\\# titre"
    assert md_escape("1. liste") == "1\\. liste"
    assert md_escape("- puce") == "\\- puce"
    assert md_escape("> citation") == "\\> citation"
    assert md_escape("a\x00b") == "ab"


def test_html_is_autoescaped_and_self_contained(captured) -> None:  # noqa: ANN001
    from labkit.report.charts import render_chart

    page = render_html(_doc(captured), lambda chart: render_chart(chart))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and ">49<" not in page
    assert page.count('src="data:image/png;base64,') >= 5
    assert 'alt="QR: https://ressources.example.org/lab"' in page
    assert 'lang="fr"' in page and BIDI in page and str(escape(EMOJI)) in page


def test_template_code_in_the_plan_is_data_too(captured, tmp_path: Path) -> None:  # noqa: ANN001
    folder, _ = captured
    doc = _doc(captured)
    evil = e.Heading(1, "{% for x in range(3) %}boucle{% endfor %} {{ config }}")
    doc = type(doc)(doc.lang, "{{ doc }}", doc.cover, doc.toc_title, doc.header, doc.footer,
                    doc.page_word, (evil, *doc.elements))  # fmt: skip
    page = render_html(doc)
    assert "{% for x in range(3) %}boucle{% endfor %} {{ config }}" in page
    assert "boucleboucle" not in page
    assert "<title>{{ doc }}</title>" in page
    markdown = render_markdown(doc)
    assert "boucleboucle" not in markdown and "for x in range(3)" in markdown


def test_markdown_file_gets_its_charts_beside_it(captured, tmp_path: Path) -> None:  # noqa: ANN001
    folder, _ = captured
    rendered = render_report(folder, "md", tmp_path / "rapport final.md")
    text = rendered.path.read_text(encoding="utf-8")
    assert rendered.extra_files and all(p.is_file() for p in rendered.extra_files)
    assert "](rapport%20final-charts/figure-01.png)" in text
    assert rendered.extra_files[0].read_bytes().startswith(b"\x89PNG")
