"""A method may word where its contributions were said; the restitution's annex uses it."""

from __future__ import annotations

from labkit.report import build_report
from labkit.resources import data_dir
from labkit.store.journal.captured import captured_state
from labkit.store.session_folder import open_session


def test_the_annex_words_prototype_feedback_by_facet_and_team() -> None:
    folder = open_session(data_dir("examples") / "garde-enfants-parents")
    report = build_report(folder.session, captured_state(folder.root), lang="fr")
    block = next(b for _, b in folder.session.blocks() if b.method_type == "prototype_test")
    annex = next(a for a in report.annex if a.block_id == block.id)
    places = {e.where for e in annex.entries}
    first_team = block.method.teams[0]
    assert f"« Ce qui marche » · tour 1 · {first_team}" in places
    assert not any(p.startswith("Q") or "Équipe" in p for p in places)


def test_other_methods_keep_the_generic_wording() -> None:
    folder = open_session(data_dir("examples") / "garde-enfants-parents")
    report = build_report(folder.session, captured_state(folder.root), lang="fr")
    cafe = next(b for _, b in folder.session.blocks() if b.method_type == "world_cafe")
    annex = next(a for a in report.annex if a.block_id == cafe.id)
    assert any(e.where.startswith("Q1") for e in annex.entries)
