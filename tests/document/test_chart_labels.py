"""No chart label silently cut (issue 12, point 4): a label too long for its room is shortened
behind a key whose full text goes in the caption."""

from __future__ import annotations

import pytest

from labkit.document import elements as e
from labkit.document.chart_labels import (
    SERIES_ROOM,
    category_room,
    figure,
    fits,
    keyed,
)
from labkit.document.text import wrapped_lines
from labkit.document.wording import Words
from labkit.report import build_report, layout
from labkit.resources import data_dir
from labkit.store.journal.captured import captured_state
from labkit.store.session_folder import open_session

LONG = (
    "Créer un guichet unique de la petite enfance dans chaque bassin d'emploi, ouvert le "
    "samedi, avec une conseillère référente pour les parents en recherche d'emploi"
)


def _ranking(*labels: str) -> e.Chart:
    return e.Chart("hbar", "Gommettes", labels, (e.Series("Gommettes", (3.0,) * len(labels)),))


def test_wrapping_keeps_every_word() -> None:
    assert " ".join(wrapped_lines(LONG, 45)) == LONG
    assert fits("Crèche à horaires décalés", 45, 1)
    assert not fits(LONG, 45, 3)
    assert not fits("https://exemple.fr/" + "x" * 60, 45, 3)  # one word wider than the room


def test_a_label_that_fits_is_left_as_it_is() -> None:
    chart = _ranking("Crèche à horaires décalés", "Relais petite enfance")
    assert keyed(chart) == (chart, ())


def test_a_label_too_long_is_keyed_and_its_full_text_kept() -> None:
    chart = _ranking("Crèche à horaires décalés", LONG, LONG + " et le dimanche")
    shown, keys = keyed(chart)
    assert keys == (("(1)", LONG), ("(2)", LONG + " et le dimanche"))
    width, lines = category_room(chart)
    assert shown.categories[0] == "Crèche à horaires décalés"
    for label, (key, _) in zip(shown.categories[1:], keys, strict=True):
        assert label.startswith(key) and label.endswith("…")
        assert fits(label, width, lines)  # the renderer's wrap will not cut it again


def test_the_caption_gives_the_full_text_and_the_alt_text_describes_the_real_chart() -> None:
    chart = _ranking("Court", LONG)
    shown = figure(chart, Words("fr"), "Gommettes par idée")
    assert shown.caption == f"Gommettes par idée. (1) {LONG}"
    assert shown.chart.categories[1].startswith("(1) Créer un guichet")
    assert "Créer un guichet unique de la petite enfance" in shown.alt


def test_a_long_series_name_is_keyed_too() -> None:
    question = "Q1 — " + LONG + ", et diriez-vous que cette journée vous a été utile ?"
    series = (e.Series(question, (4.0, 4.2)), e.Series("Q2 — Utilité", (3.8, 4.0)))
    chart = e.Chart("hbar", "Satisfaction", ("Parents", "Ensemble"), series)
    shown, keys = keyed(chart)
    assert keys == (("(1)", question),)
    assert fits(shown.series[0].name, *SERIES_ROOM) and shown.series[1].name == "Q2 — Utilité"


@pytest.mark.parametrize(
    "name", ["garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif"]
)
def test_no_label_of_an_example_report_is_cut(name: str) -> None:
    """Every chart of each example: labels within their room, or keyed with the full text in
    the caption; and every idea of a vote chart is in the document in full."""
    folder = open_session(data_dir("examples") / name)
    document = layout(build_report(folder.session, captured_state(folder.root)))
    assert document.figures
    for shown in document.figures:
        chart = shown.chart
        width, lines = category_room(chart)
        labels = [*((c, width, lines) for c in chart.categories),
                  *((s.name, *SERIES_ROOM) for s in chart.series)]  # fmt: skip
        for label, w, n in labels:
            assert fits(label, w, n), (shown.caption, label)
            if label.endswith("…"):
                key = label.split(" ", 1)[0]
                assert f"{key} " in shown.caption, (shown.caption, label)
