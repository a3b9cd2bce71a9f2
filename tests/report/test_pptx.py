"""The short deck: the question, the kept ideas per question, the commitments, satisfaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from labkit.document.typography import french
from labkit.report import render_report
from labkit.resources import data_dir
from labkit.store.session_folder import open_session


@pytest.mark.parametrize("name", ["cooperation-territoriale", "atelier-collaboratif"])
def test_the_deck_says_the_question_the_kept_ideas_the_commitments(name: str,
                                                                   tmp_path: Path) -> None:
    folder = open_session(data_dir("examples") / name)
    rendered = render_report(folder, "pptx", tmp_path / "deck.pptx")
    deck = Presentation(str(rendered.path))
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[0] == french(folder.session.title)
    assert "La question posée" in titles
    assert any("idées retenues" in x for x in titles)
    assert any(x.startswith(("Les engagements", "Notre plan")) or "engagements" in x.lower()
               for x in titles)  # fmt: skip
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    assert pictures and all(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)
    text = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes
                    if sh.has_text_frame)  # fmt: skip
    rows = [r.what for c in rendered.report.commitments for g in c.groups for r in g.rows]
    assert rows and all(french(r)[:30] in text for r in rows)
