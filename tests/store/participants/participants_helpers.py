"""Helpers shared by the participants import tests: the fixture files, planning and writing."""

from __future__ import annotations

from pathlib import Path

from labkit.store.participants import ImportPlan, read_participants
from labkit.store.session_folder import open_session

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "participants"


def _without_participants(folder: Path) -> Path:
    text = (folder / "session.yaml").read_text(encoding="utf-8")
    start = text.index("participants:")
    end = text.index("days:")
    (folder / "session.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    return folder


def _plan(folder: Path, name: str | Path, **options: object) -> ImportPlan:
    path = name if isinstance(name, Path) else FIXTURES / name
    return read_participants(path, open_session(folder).session, lang="fr", **options)


def _by_name(plan: ImportPlan) -> dict[str, object]:
    return {p.full_name: p for p in plan.participants}


def _write(tmp_path: Path, text: str, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
