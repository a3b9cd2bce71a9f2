"""Symbols Arial lacks (★, ✓) are written in runs of their own in a font that has them."""

from __future__ import annotations

import io
from dataclasses import replace

from docx import Document
from docx.oxml.ns import qn

from labkit.document import elements as e
from labkit.docx_kit.symbols import SYMBOL_FONT
from labkit.report import build_report, journal_state, layout
from labkit.report.docx_writer import render_docx


def _fonts_by_text(root) -> dict[str, set[str | None]]:  # noqa: ANN001
    found: dict[str, set[str | None]] = {}
    for r in root.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        fonts = r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        slots = {None} if fonts is None else {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi")}
        found.setdefault(text, set()).update(slots)
    return found


def test_report_symbols_are_in_the_symbol_font_and_the_text_around_them_is_not(
    captured  # noqa: ANN001
) -> None:
    folder, _ = captured
    doc = layout(build_report(folder.session, journal_state(folder), lang="fr"))
    elements = (e.Paragraph("★ Une idée retenue"), e.Bullets(("★ Idée en liste",)),
                e.Table(("Idée", "Retenue"), (("Une idée", "✓"), ("Autre", "")), (4, 1)))
    body = Document(io.BytesIO(render_docx(replace(doc, elements=elements)))).element.body
    fonts = _fonts_by_text(body)
    assert fonts["★"] == {SYMBOL_FONT} and fonts["✓"] == {SYMBOL_FONT}
    assert fonts[" Une idée retenue"] == {None} and fonts["Une idée"] == {None}
    bullet = next(text for text in fonts if text.endswith(" Idée en liste"))
    assert fonts[bullet] == {None}

