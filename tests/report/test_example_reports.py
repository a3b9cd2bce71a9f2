"""The bundled examples ship captured outputs: a full restitution out of the box."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from labkit.document.wording import Words
from labkit.methods.idea_vote import VoteOutput
from labkit.methods.world_cafe import CafeOutput
from labkit.report import build_report, render_report
from labkit.resources import data_dir
from labkit.store.examples import copy_example
from labkit.store.journal import Journal
from labkit.store.journal.captured import (
    captured_path,
    captured_state,
    load_captured,
    read_captured,
)
from labkit.store.session_folder import open_session

EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_has_captures_for_every_part_of_the_report(name: str) -> None:
    folder = open_session(data_dir("examples") / name)
    state = captured_state(folder.root)
    assert state is not None
    report = build_report(folder.session, state)
    assert report.lang == "fr"
    assert report.contribution_count == len(state.contributions) > 10
    assert all(day.recorded for day in report.agenda)
    assert {type(o) for o in report.outputs} >= {CafeOutput, VoteOutput}
    assert report.commitments and report.satisfaction and report.closing
    held = {row.block_id for day in report.agenda for row in day.rows if row.held}
    assert held == {b.id for _, b in folder.session.blocks()}


def test_childcare_satisfaction_matches_the_brief() -> None:
    folder = open_session(data_dir("examples") / "garde-enfants-parents")
    report = build_report(folder.session, captured_state(folder.root))
    assert report.satisfaction is not None
    rows = {r.group: r.means for r in report.satisfaction.rows}
    w = Words("fr")
    parents = rows["Parents en recherche d'emploi"]
    advisers = rows["Conseillers et managers France Travail"]
    assert (w.score(parents["satisfaction"], 5), w.score(advisers["satisfaction"], 5)) == (
        "4,7/5", "4,8/5")  # fmt: skip
    assert (w.score(parents["utilite"], 5), w.score(advisers["utilite"], 5)) == ("3,8/5", "4,1/5")


@pytest.mark.slow  # three full restitutions (docx with charts, md, html) per example
@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_renders_in_every_format(name: str, tmp_path: Path) -> None:
    folder = open_session(data_dir("examples") / name)
    for fmt in ("docx", "md", "html"):
        rendered = render_report(folder, fmt, tmp_path / f"report.{fmt}")
        assert rendered.path.stat().st_size > 5_000
    document = Document(str(tmp_path / "report.docx"))
    assert len(document.inline_shapes) >= 4
    assert not (folder.root / "journal.db").exists()  # the bundled folder is only read


def test_copying_an_example_loads_its_captures_into_the_journal(sessions_dir: Path) -> None:
    target = copy_example("cooperation-territoriale", sessions_dir)
    lines = captured_path(target).read_text(encoding="utf-8").splitlines()
    with Journal.open(target / "journal.db", readonly=True, create=False) as journal:
        assert len(journal.events()) == len(lines)
    assert load_captured(target) == 0  # never loaded twice, never mixed with live captures
    again = copy_example("cooperation-territoriale", sessions_dir)
    assert again == target


def test_captured_lines_are_validated(tmp_path: Path) -> None:
    from labkit.errors import InvalidInputError

    path = tmp_path / "captured.jsonl"
    path.write_text('{"id": 1, "uuid": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InvalidInputError):
        read_captured(path)
