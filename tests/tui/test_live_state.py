"""The pure helpers behind the screens: timers, drift, ranking, questionnaire lines, dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from labkit.store.session_folder import open_session
from labkit.tui import live_state as ls
from labkit.tui.screens.commitments import parse_due
from labkit.tui.screens.forms import FieldError

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def session():
    return open_session(FIXTURE).session


def test_clock_and_drift_texts():
    assert ls.clock_text(timedelta(minutes=12, seconds=5)) == "12:05"
    assert ls.clock_text(timedelta(hours=1, minutes=2, seconds=5)) == "1:02:05"
    assert ls.clock_text(timedelta(minutes=-3, seconds=-10)) == "-03:10"
    assert ls.drift_text(timedelta(minutes=12)) == "12 min de retard"
    assert ls.drift_text(timedelta(minutes=-3)) == "3 min d'avance"
    assert ls.drift_text(timedelta(seconds=20)) == "à l'heure"
    assert ls.drift_text(timedelta(minutes=125)) == "2 h 05 de retard"


def test_questionnaire_lines(session):
    questions = session.block("cloture").method.survey
    entry = ls.parse_questionnaire("1 5 4 très utile", session, questions)
    assert (entry.group, entry.scores, entry.comment) == (
        "demandeurs", {"satisfaction": 5.0, "utilite": 4.0}, "très utile")
    assert ls.parse_questionnaire("cons 54", session, questions).scores == {
        "satisfaction": 5.0, "utilite": 4.0}
    assert ls.parse_questionnaire("Partenaires - 3", session, questions).scores == {
        "utilite": 3.0}
    for bad in ("zz 5 5", "1 9 9", "9 5 5", "1", "1 5 4 3"):
        with pytest.raises(ls.EntryError):
            ls.parse_questionnaire(bad, session, questions)


def test_due_dates():
    start = date(2027, 3, 16)
    assert parse_due("15/06/2027", start) == date(2027, 6, 15)
    assert parse_due("15/6/27", start) == date(2027, 6, 15)
    assert parse_due("2027-06-15", start) == date(2027, 6, 15)
    assert parse_due("06/2027", start) == date(2027, 6, 30)
    assert parse_due("  ", start) is None
    for bad in ("31/02/2027", "demain", "01/01/2026", "01/01/2040"):
        with pytest.raises(FieldError):
            parse_due(bad, start)


def test_matching_a_few_letters_ignores_accents_and_case(session):
    veronique = session.participant("p13")
    assert ls.matches(veronique, "vero")
    assert ls.matches(veronique, "VÉR")
    assert not ls.matches(veronique, "karim")
