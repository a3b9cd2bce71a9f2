"""Shared fixtures: a clean session plan, a writer of session folders, the UI language.

Every test runs in its own temporary folder with LABKIT_SESSIONS pointing inside it, so that no
test writes into the repository's sessions/; the UI language is French unless a test says
otherwise, and a language forced by one test (``--lang``) never leaks into the next.
"""

from __future__ import annotations

import copy
import functools
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from labkit.i18n import set_ui_language

# A clean 2-day plan: every method type, no error and no warning. Tests copy it and break one
# thing at a time (see tests/model/test_validation.py, which relies on these indexes).
#   day 1: 0 ouverture, 1 interviews, 2 pause, 3 parcours, 4 dejeuner, 5 diagnostic, 6 cafe
#   day 2: 0 vote, 1 pause-j2, 2 entraide, 3 dejeuner-j2 (pinned at 12h00), 4 engagements,
#          5 cloture
_GROUPS = [
    {"key": "ds", "label": "Demandeurs d'emploi", "colour": "#1F77B4", "vulnerable": True},
    {"key": "cons", "label": "Conseiller·es", "colour": "#FF7F0E"},
    {"key": "caf", "label": "CAF", "colour": "#2CA02C"},
]
_PEOPLE = [
    ("p01", "Hélène", "cons", "table_host"),
    ("p02", "Karim", "caf", "table_host"),
    ("p03", "Julie", "ds", "participant"),
    ("p04", "Marc", "cons", "participant"),
    ("p05", "Nadia", "ds", "participant"),
    ("p06", "Paul", "caf", "participant"),
    ("p07", "Sophie", "ds", "participant"),
    ("p08", "Yann", "cons", "participant"),
    ("p09", "Inès", "caf", "participant"),
    ("p10", "Léo", "ds", "participant"),
]
SESSION: dict[str, Any] = {
    "schema_version": 1,
    "slug": "garde-enfants",
    "title": "Garde d'enfants et retour à l'emploi",
    "lab": "Lab Île-de-France",
    "sponsor": "Direction régionale",
    "format": "lab_session",
    "mode": "in_person",
    "venue": "Paris",
    "language": "fr",
    "questions": ["Comment faciliter l'accès à une place en crèche ?"],
    "groups": _GROUPS,
    "participants": [
        {"id": pid, "first_name": name, "group": group, "role": role, "organisation": "Org"}
        for pid, name, group, role in _PEOPLE
    ]
    + [{"id": "f01", "first_name": "Anne", "group": "cons", "role": "facilitator"}],
    "days": [
        {
            "date": "2026-03-12",
            "start": "09:00",
            "end": "17:00",
            "agenda": [
                {"id": "ouverture", "title": "Ouverture", "phase": "scan", "duration": 30,
                 "method": {"type": "plenary", "kind": "opening", "speakers": ["Le préfet"]}},
                {"id": "interviews", "title": "Interviews croisés", "phase": "scan",
                 "duration": 60,
                 "method": {"type": "crossed_interviews",
                            "prompt": "Une coopération qui a marché"}},
                {"id": "pause", "title": "Pause", "duration": 15, "method": "break"},
                {"id": "parcours", "title": "Parcours usager", "phase": "scan", "duration": 75,
                 "method": {"type": "persona_journey",
                            "personas": [{"id": "lea", "name": "Léa, 28 ans"},
                                         {"id": "sam", "name": "Sam, 35 ans"}],
                            "stages": ["Recherche", "Inscription", "Entrée en formation"],
                            "teams": 2}},
                {"id": "dejeuner", "title": "Déjeuner", "duration": 60, "method": "lunch"},
                {"id": "diagnostic", "title": "Diagnostic", "phase": "scan", "duration": 60,
                 "method": {"type": "territorial_diagnostic", "territories": [93, "94"]}},
                {"id": "cafe", "title": "World café", "phase": "focus", "duration": 90,
                 "method": {"type": "world_cafe", "questions": ["Q1", "Q2"], "tables": 2,
                            "rounds": 2, "hosts": ["p01", "p02"]}},
            ],
        },
        {
            "date": "2026-03-13",
            "start": "9h",
            "end": "17h00",
            "agenda": [
                {"id": "vote", "title": "Vote", "phase": "focus", "duration": 45,
                 "method": {"type": "idea_vote", "source_block": "cafe", "top_n": 3}},
                {"id": "pause-j2", "title": "Pause", "duration": 15, "method": "break"},
                {"id": "entraide", "title": "Entraide", "phase": "focus", "duration": 60,
                 "method": {"type": "peer_help", "territories": ["93", "94"]}},
                {"id": "dejeuner-j2", "title": "Déjeuner", "duration": 60, "start": "12h00",
                 "method": "lunch"},
                {"id": "engagements", "title": "Engagements", "phase": "act", "duration": 90,
                 "method": {"type": "commitments", "grouped_by": "territory"}},
                {"id": "cloture", "title": "Déclusion", "phase": "act", "duration": 30,
                 "method": {"type": "closing",
                            "survey": [{"id": "satisfaction", "text": "Satisfaction"},
                                       {"id": "utilite", "text": "Utilité"}]}},
            ],
        },
    ],
}


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A `libreoffice` test is skipped, with the reason, only where its tools are missing."""
    if item.get_closest_marker("libreoffice"):
        missing = [tool for tool in ("soffice", "pdfinfo") if shutil.which(tool) is None]
        if missing:
            pytest.skip(f"{' and '.join(missing)} not on the PATH (Debian: apt-get install "
                        "libreoffice-writer-nogui poppler-utils; .ci/run installs them)")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Sessions go to a temporary folder, the UI speaks French, no language leaks out."""
    monkeypatch.setenv("LABKIT_SESSIONS", str(tmp_path / "sessions"))
    monkeypatch.setenv("LABKIT_LANG", "fr")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # rich tables are not wrapped in the assertions
    monkeypatch.chdir(tmp_path)
    set_ui_language(None)
    yield
    set_ui_language(None)


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    """The folder LABKIT_SESSIONS points at (created)."""
    path = tmp_path / "sessions"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def session_data() -> dict[str, Any]:
    """A fresh copy of the clean 2-day session (no error, no warning) as plain data."""
    return copy.deepcopy(SESSION)


@pytest.fixture
def minimal_data() -> dict[str, Any]:
    """The smallest valid session: one day, one block."""
    return {
        "slug": "mini",
        "title": "Mini",
        "lab": "Lab",
        "days": [
            {
                "date": "2026-03-12",
                "agenda": [{"id": "a", "title": "Ouverture", "duration": 30, "method": "plenary"}],
            }
        ],
    }


def _dump(data: dict[str, Any]) -> str:
    """Block-style YAML of plain data (JSON would do, but people read these files)."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")  # keeps the keys in the order written above
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(json.loads(json.dumps(data)), buffer)
    return buffer.getvalue()


def _write_plan(root: Path, data_or_text: dict[str, Any] | str, folder: str = "plan",
                encoding: str = "utf-8") -> Path:
    """Write `root/<folder>/session.yaml` from a dict or YAML text; return the file."""
    text = data_or_text if isinstance(data_or_text, str) else _dump(data_or_text)
    path = root / folder / "session.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def write_session(tmp_path: Path) -> Callable[..., Path]:
    """Write `tmp_path/<folder>/session.yaml` from a dict or YAML text; return the file."""
    return functools.partial(_write_plan, tmp_path)


@pytest.fixture(scope="session")
def plans() -> SimpleNamespace:
    """For fixtures wider than one test: `plans.write(root, data)` writes as `write_session`
    does, under `root`; `plans.clean()` is a fresh copy of the clean 2-day session."""
    return SimpleNamespace(write=_write_plan, clean=lambda: copy.deepcopy(SESSION))


@pytest.fixture
def ui_lang() -> Iterator[Callable[[str], None]]:
    """Force the UI language for the test (`ui_lang("en")`), as `--lang` does."""
    yield set_ui_language
    set_ui_language(None)


@pytest.fixture
def fr_ui(ui_lang: Callable[[str], None]) -> None:
    """The UI speaks French, whatever the environment."""
    ui_lang("fr")


@pytest.fixture
def en_ui(ui_lang: Callable[[str], None]) -> None:
    """The UI speaks English, whatever the environment."""
    ui_lang("en")
