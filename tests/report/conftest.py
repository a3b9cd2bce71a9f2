"""A session with a populated journal, for the report tests.

Built on the shared 2-day plan (tests/conftest.py): Hélène (p01, advisers) consents to be named;
Julie (p03) consents too but belongs to the vulnerable job seekers' group, so she is never
named; Marc (p04) does not consent. The journal holds every kind of output, hostile text
included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from labkit.i18n import set_ui_language
from labkit.report import render_report
from labkit.store.journal import Journal
from labkit.store.session_folder import SessionFolder, open_session

HOSTILE = "{{ 7*7 }} <script>alert('x')</script> | # *pas* du _markdown_ [lien](http://x)"
BIDI = "مرحبا بكم في المختبر"
EMOJI = "Super idée 🚀👶🏽 garde d'enfant"
CONTROL = "Texte avec \x0b un caractère de contrôle"
PARIS = dt.timezone(dt.timedelta(hours=1))


def at(day: int, hhmm: str) -> dt.datetime:
    """12 or 13 March 2026 at local time `hhmm` (Paris, UTC+1 in March)."""
    hours, minutes = (int(x) for x in hhmm.split(":"))
    return dt.datetime(2026, 3, 11 + day, hours, minutes, tzinfo=PARIS)


def fill_journal(journal: Journal) -> dict[str, Any]:
    """Record one of everything; the ids and texts the tests look for."""
    for person in ("p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "f01"):
        journal.arrive(person, 1, at(1, "08:55"))
    journal.mark_absent("p09", 1, "Malade")
    journal.arrive("p01", 2, at(2, "08:58"))
    journal.start_block("ouverture", at(1, "09:05"))
    journal.end_block("ouverture", at(1, "09:40"))
    journal.start_block("interviews", at(1, "09:40"))
    journal.end_block("interviews", at(1, "10:45"))
    notes = {
        "opening": journal.add_contribution("Le préfet ouvre la séance", kind="quote",
                                            block_id="ouverture"),  # fmt: skip
        "i1": journal.add_contribution("Se connaître avant d'avoir besoin", kind="ingredient",
                                       block_id="interviews", table=1, author="p03"),  # fmt: skip
        "i2": journal.add_contribution("Un objectif commun", kind="ingredient",
                                       block_id="interviews", table=2, author="p01"),  # fmt: skip
        "i3": journal.add_contribution(HOSTILE, kind="ingredient", block_id="interviews", table=2),
        "q1a": journal.add_contribution("Idée A : un guichet unique", block_id="cafe", question=1,
                                        table=1, round=1),  # fmt: skip
        "q1b": journal.add_contribution("Idée B : des horaires élargis", block_id="cafe",
                                        question=1, table=1, round=2),  # fmt: skip
        "q1c": journal.add_contribution(EMOJI, block_id="cafe", question=1, table=2, round=1),
        "q2a": journal.add_contribution(BIDI, block_id="cafe", question=2, table=2, round=2),
        "q2b": journal.add_contribution(CONTROL, block_id="cafe", question=2, round=3),
        "diag": journal.add_contribution("Le 93 manque de places", kind="insight",
                                         block_id="diagnostic", territory="93"),  # fmt: skip
        "stray": journal.add_contribution("Une note hors programme", kind="note"),
        "lost": journal.add_contribution("Une note d'un bloc supprimé", block_id="ancien-bloc"),
    }
    journal.record({"type": "cluster.created", "title": "Famille : accueil",
                    "block_id": "interviews",
                    "contribution_ids": [notes["i1"], notes["i2"]]})  # fmt: skip
    journal.record({"type": "ideas.kept", "block_id": "cafe", "question": 1,
                    "item_ids": [notes["q1b"], notes["q1a"]]})  # fmt: skip
    for voter, item, dots in (("p01", "q1a", 3), ("p02", "q1b", 3), ("p04", "q1c", 1),
                              ("p05", "q2a", 2), ("p06", "q1a", 1)):  # fmt: skip
        journal.vote(notes[item], dots=dots, participant_id=voter, block_id="vote")
    persona = journal.record({"type": "persona.created", "name": "Léa, 28 ans",
                              "block_id": "parcours", "team": "1"}).event.new_id()  # fmt: skip
    for position, (stage, emotion) in enumerate(
        (("Recherche", -1), ("Inscription", -2), ("Entrée en formation", 2)), 1
    ):
        journal.record({"type": "journey_step.added", "persona_id": persona, "stage": stage,
                        "position": position, "actions": [f"Action {position}"],
                        "touchpoints": ["Agence"], "emotion": emotion,
                        "pain_points": ["Attente"], "opportunities": ["Un référent"]})  # fmt: skip
    for what, person, territory in (("Créer un guichet unique", "Hélène", "93"),
                                    ("Tester les horaires élargis", "Julie", "94"),
                                    ("Former les conseillers", "Marc", "93")):  # fmt: skip
        journal.record({"type": "commitment.added", "what": what, "owner_person": person,
                        "owner_organisation": "Org", "territory": territory,
                        "due": "2026-06-30", "indicator": "Fait",
                        "status": "committed"})  # fmt: skip
    for group, satisfaction, usefulness in (("ds", 5, 4), ("ds", 4, 3), ("cons", 5, 5)):
        journal.record({"type": "survey.answered", "group": group,
                        "scores": {"satisfaction": satisfaction, "utilite": usefulness},
                        "comment": "Très utile" if group == "cons" else None})  # fmt: skip
    for person, word in (("p03", "Confiante"), ("p04", "Motivé")):
        journal.record({"type": "closing.word_added", "text": word, "participant_id": person})
    return notes


def _capture(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> tuple[SessionFolder, dict[str, Any]]:
    people = session_data["participants"]
    people[0].update(last_name="Dupont", consent_named=True)  # Hélène
    people[2].update(consent_named=True)  # Julie, job seeker: never named anyway
    session_data["urls"] = {"resources": "https://ressources.example.org/lab"}
    path = write_session(session_data, folder="captured")
    with Journal.open(path.parent / "journal.db", device="test") as journal:
        ids = fill_journal(journal)
    return open_session(path.parent), ids


@pytest.fixture
def captured(
    write_session: Callable[..., Path], session_data: dict[str, Any]
) -> tuple[SessionFolder, dict[str, Any]]:
    """A session folder whose journal holds one of everything; (folder, contribution ids)."""
    return _capture(write_session, session_data)


@contextmanager
def isolated(root: Path) -> Iterator[None]:
    """For a fixture wider than one test: what tests/conftest.py's `_isolated` does for a test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LABKIT_SESSIONS", str(root / "sessions"))
        patch.setenv("LABKIT_LANG", "fr")
        for name in ("LC_ALL", "LC_MESSAGES"):
            patch.delenv(name, raising=False)
        patch.setenv("COLUMNS", "200")
        patch.chdir(root)
        set_ui_language(None)
        try:
            yield
        finally:
            set_ui_language(None)


@pytest.fixture(scope="module")
def captured_docx(
    tmp_path_factory: pytest.TempPathFactory, plans: SimpleNamespace
) -> tuple[SessionFolder, Path]:
    """`captured` and its Word restitution, built once for a module whose tests only read them
    (the render takes about a second); (folder, the .docx file)."""
    root = tmp_path_factory.mktemp("captured-docx")
    with isolated(root):
        folder, _ = _capture(partial(plans.write, root), plans.clean())
        return folder, render_report(folder, "docx", root / "out.docx").path
